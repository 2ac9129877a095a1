"""Precomputed trip units, candidate itineraries and eligibility: everything static.

A trip unit is a group (its cases travel together) or one case. The index holds each unit's candidate outbound
options, each with a fixed pickup time, care choice and a few escort returns, so CP-SAT only chooses among options
that keep the per-trip rules (1, 2, 6, static parts of 5 and 7). Units without options carry the reasons.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from models import Case, Plan, Scenario, Trip
from models import timeline as tl
from models.case import Wheelchair
from models.common import Role
from models.instants import day_start, plus
from models.location import LocationKind
from solver.duty import escort_start, joins_at_airport, needs_rest_abroad, outbound_duties, outbound_duty_ok, riding
from solver.eligibility import eligible_staff, eligible_vehicles, lock_blockers
from solver.ground import GroundCheck, ground_rules
from solver.index_pace import FULL, GIVEN_ONLY, Effort, IndexPace
from solver.itineraries import Itinerary, Leg, LegGraph, SearchStats
from solver.no_options import no_option_reasons
from solver.option_parts import care_for, dates_ok, outbound_cost
from solver.params import SolveParams
from solver.pickup import latest_pickup
from solver.pruning import Pruned
from solver.ranking import OUTBOUND_ALTERNATIVES, rank_options
from solver.returns import EscortReturns
from solver.timegrid import TimeGrid, hours
from solver.units import Index, TripOption, Unit

if TYPE_CHECKING:
    from solver.budget import SolveBudget

__all__ = ["Index", "TripOption", "Unit", "build_index"]

log = logging.getLogger(__name__)

DAY_MINUTES = 24 * 60
RULE_COUNTS = frozenset({"night", "long", "vulnerable_long", "transit_excluded", "transit_request", "airport_wait",
                         "duty", "returns_rest", "report"})
"""Counters of itineraries that rules 9 and 10 (and the airport report time) removed."""


class _UnitBuilder:
    """Builds one unit's options; keeps the reasons when there are none."""

    def __init__(self, index: Index, params: SolveParams, previous_trips: dict[str, Trip]):
        self.ix = index
        self.s = index.scenario
        self.params = params
        self.previous_trips = previous_trips
        self.previous_outbound = {k: tuple(t.outbound) for k, t in previous_trips.items()}
        self.returns = EscortReturns(index.graph, index.home_airports, index.scenario.settings, params)

    # -- the unit itself ---------------------------------------------------------
    def make_unit(self, key: str, cases: tuple[Case, ...]) -> Unit:
        s = self.s
        needs: dict[Role, int] = defaultdict(int)
        for c in cases:
            for role, n in c.escorts.items():
                if n:
                    needs[role] += n
        stretchers = sum(1 for c in cases if c.fit_to_fly.stretcher)
        unit = Unit(
            key=key,
            cases=cases,
            location=s.location_by_id[cases[0].location],
            person_seats=sum(s.settings.stretcher_seats if c.fit_to_fly.stretcher else 1 for c in cases),
            persons_in_vehicle=sum(0 if c.fit_to_fly.stretcher else 1 for c in cases),
            forced=sum(1 for c in cases if c.forced),
            stretchers=stretchers,
            wchc=sum(1 for c in cases if c.fit_to_fly.wheelchair is Wheelchair.WCHC),
            oxygen=any(c.fit_to_fly.oxygen for c in cases),
            medical=any(c.is_medical for c in cases),
            needs=dict(sorted(needs.items(), key=lambda kv: kv[0].value)),
            same_gender=frozenset(c.gender for c in cases if c.same_gender_escort),
            priority=sum(c.priority for c in cases),
        )
        unit.riding_escorts = riding(unit.needs, s.settings)
        ids = set(unit.case_ids)
        unit.forbidden_flights = frozenset(f.flight for f in s.forbids if f.case in ids and f.flight)
        return unit

    # -- static blockers -----------------------------------------------------------
    def static_blockers(self, unit: Unit) -> list[str]:
        out = []
        if len({c.location for c in unit.cases}) > 1:
            out.append("group members are at different pickup locations; one vehicle cannot collect them in one trip")
        for c in unit.cases:
            tag = f"{c.pseudonym}: " if len(unit.cases) > 1 else ""
            if c.travel_document is None:
                out.append(f"{tag}no travel document issued yet")
            if not c.fit_to_fly.allows_travel:
                out.append(f"{tag}fit-to-fly status is '{c.fit_to_fly.status.value}'")
        if unit.stretchers > 1:
            out.append("group has more than one stretcher case; a leg takes at most one stretcher")
        dests = self._destinations(unit)
        if not dests:
            out.append("group members have no common destination airport")
        return out

    def _destinations(self, unit: Unit) -> frozenset[str]:
        common = set(unit.cases[0].destination_airports)
        for c in unit.cases[1:]:
            common &= set(c.destination_airports)
        return frozenset(common)

    # -- time window for the first departure ----------------------------------------
    def departure_window(self, unit: Unit) -> tuple[int, int, list[str]]:
        s, grid = self.s, self.ix.grid
        st = s.settings
        earliest_pickup = max(max(grid.ceil(c.available_from) for c in unit.cases), tl.report_lead(st))
        nearest_airport = min((self.ix.drive(unit.location.id, a) for a in self.ix.home_airports), default=0)
        lo = earliest_pickup + nearest_airport + tl.checkin_lead(st)
        hi = min(grid.floor(c.deadline) for c in unit.cases)
        reasons = []
        if lo > hi:
            reasons.append(
                "deadline " + min(c.deadline for c in unit.cases).isoformat(timespec="minutes")
                + " is before the earliest possible departure (pickup, drive and check-in)"
            )
        first_ok = []
        last_ok = []
        for c in unit.cases:
            tag = f"{c.pseudonym}: " if len(unit.cases) > 1 else ""
            doc = c.travel_document
            ftf = c.fit_to_fly
            valid_from = max(ftf.valid_from, doc.valid_from) if doc else ftf.valid_from
            valid_until = min(ftf.valid_until, doc.valid_until) if doc else ftf.valid_until
            first_ok.append(valid_from)
            last_ok.append(valid_until)
            if doc and doc.valid_until < ftf.valid_from:
                reasons.append(f"{tag}travel document expires {doc.valid_until} "
                               f"before fit-to-fly starts {ftf.valid_from}")
            if doc and ftf.valid_until < doc.valid_from:
                reasons.append(f"{tag}fit-to-fly expires {ftf.valid_until} "
                               f"before the travel document is valid ({doc.valid_from})")
        # local dates at NL airports: one day of margin, exact check per itinerary
        # (in grid minutes: a validity up to 9999-12-31 must not overflow a datetime)
        day_lo = grid.floor(day_start(max(first_ok))) - DAY_MINUTES
        day_hi = grid.ceil(day_start(min(last_ok))) + 2 * DAY_MINUTES
        earliest_dep_day = grid.to_datetime(lo).date()
        if min(last_ok) < earliest_dep_day and not reasons:
            fit_to_fly_first = any(c.fit_to_fly.valid_until == min(last_ok) for c in unit.cases)
            which = "fit-to-fly" if fit_to_fly_first else "travel document"
            reasons.append(f"{which} expires {min(last_ok)}, before the earliest possible departure {earliest_dep_day}")
        if max(first_ok) > grid.to_datetime(hi).date() and not reasons:
            reasons.append(f"fit-to-fly / travel document only valid from {max(first_ok)}, after the deadline")
        return max(lo, day_lo), min(hi, day_hi), reasons

    # -- per-leg filter --------------------------------------------------------------
    def leg_filter(self, unit: Unit, *, seats=True, stretcher=True, oxygen=True, medif=True):
        need_seats = unit.person_seats + unit.n_escorts
        forbidden = unit.forbidden_flights

        def ok(leg: Leg) -> bool:
            f = leg.flight
            if leg.id in forbidden:
                return False
            if seats and (f.seats < need_seats or f.max_forced < unit.forced):
                return False
            if stretcher and unit.stretchers and not f.stretcher:
                return False
            if oxygen and unit.oxygen and not f.oxygen:
                return False
            if medif and unit.medical and leg.dep < hours(f.medif_lead_hours):
                return False
            return True

        return ok

    def leg_limits(self, unit: Unit) -> tuple[int, int]:
        legs = [c.fit_to_fly.max_legs for c in unit.cases if c.fit_to_fly.max_legs is not None]
        durs = [c.fit_to_fly.max_travel_hours for c in unit.cases if c.fit_to_fly.max_travel_hours is not None]
        max_legs = min(legs) if legs else self.params.default_max_legs
        max_dur = hours(min(durs)) if durs else hours(self.params.default_max_travel_hours)
        return min(max_legs, 4), max_dur

    # -- options -------------------------------------------------------------------------
    def build_options(self, unit: Unit, lock_flights: tuple[str, ...] | None, locked_care: dict[str, str],
                      effort: Effort = FULL) -> int:
        """Fills the unit's options (or blockers); returns how many itineraries it examined."""
        st = self.s.settings
        lo, hi, reasons = self.departure_window(unit)
        if reasons:
            unit.blockers.extend(reasons)
            return 0
        max_legs, max_dur = self.leg_limits(unit)
        targets = self._destinations(unit)
        notice_min = hours(st.notice_hours)
        prev = self.previous_outbound.get(unit.key)
        ok = self.leg_filter(unit)
        ground = GroundCheck(self.s, ground_rules(self.s, unit.cases))

        graph = self.ix.graph
        stats = SearchStats()
        if lock_flights is not None or effort.max_results == 0:
            classes: Iterable[Itinerary] = ()
        else:
            # searched on leg classes: codeshare copies of a leg are one class (solver.itineraries)
            classes = graph.search(
                self.ix.home_airports, targets, lo, hi, max_legs, max_dur, st.min_connection_minutes, ok,
                first_leg_ok=lambda leg: per_day[leg.dep // DAY_MINUTES] < saturated,
                max_results=effort.max_results, stats=stats,
                connection_ok=ground.connection_ok, max_connection=ground.rules.max_connection,
            )
        # a day with plenty of valid departures needs no more: ranking keeps only a few per day
        per_day: dict[int, int] = defaultdict(int)
        saturated = effort.saturation_per_day * self.params.max_options_per_day
        seen: set[tuple[str, ...]] = set()
        raw: list[TripOption] = []
        counts: defaultdict[str, Any] = defaultdict(int)  # itineraries per rule; the first rejected day
        first_rejected: list[date] = []

        def consider(it: Itinerary, from_previous: bool, searched: bool = True) -> bool:
            """Turn an itinerary into an option if it keeps the per-trip rules; True when it did."""
            ids = it.leg_ids
            if ids in seen:
                return False
            seen.add(ids)
            counts["found"] += 1
            if it.dep < lo or it.dep > hi or not dates_ok(self.s, unit, it):
                counts["dates"] += 1
                day = tl.local_date(it.legs[0].flight.departure, self.s.location_by_id[it.origin].tz)
                first_rejected.append(day)
                return False
            if ids != prev and it.dep < notice_min:
                counts["notice"] += 1
                return False
            # rule 9: the search kept the connection limits; a given itinerary (lock, previous) is tested here
            problem = ground.transit_problem(it, prev) if searched else ground.itinerary_problem(it, prev)
            if problem is not None:
                counts[problem] += 1
                return False
            if any(joins_at_airport(role, st) and escort_start(role, 0, it.dep, st) < 0 for role in unit.needs):
                counts["report"] += 1  # an airport-joining escort would report before planning_start
                return False
            prev_trip = self.previous_trips.get(unit.key) if ids == prev else None
            preferred = prev_trip.pickup if prev_trip else None
            pickup = latest_pickup(self.ix, unit, it, preferred)
            if pickup is None:
                counts["airport_wait" if latest_pickup(self.ix, unit, it, preferred, wait_limit=False) is not None
                       else "pickup"] += 1
                return False
            care = care_for(unit, it, locked_care)
            if care is None:
                counts["care"] += 1
                return False
            chosen_care, longest_transfer = care
            handover_end = it.arr + tl.handover_after(st, longest_transfer)
            duties = outbound_duties(unit.needs, pickup, it.dep, handover_end, st)
            if not outbound_duty_ok(duties, st):
                counts["duty"] += 1
                return False
            rest = needs_rest_abroad(duties, st)
            returns: list[Itinerary] = []
            if unit.n_escorts:
                returns, returns_left_out = self.returns.for_option(unit, it, handover_end, rest)
                if returns_left_out:
                    unit.pruned.add(Pruned.RETURN_CAPS)
                if prev_trip is not None:
                    returns = self.returns.booked_first(unit, it, handover_end, prev_trip, returns, rest)
                if not returns:
                    counts["returns_rest" if rest and self.returns.for_option(unit, it, handover_end, False)[0]
                           else "returns"] += 1
                    return False
            cost, dep_day = outbound_cost(self.s, unit, it)
            raw.append(TripOption(
                index=-1, itinerary=it,
                pickup=self.ix.grid.to_datetime(pickup).astimezone(unit.location.zone), pickup_min=pickup,
                airport_arrival_min=pickup + self.ix.drive(unit.location.id, it.origin),
                care=chosen_care, handover_end_min=handover_end, returns=returns,
                outbound_cost_eur=cost, departure_date=dep_day, is_previous=from_previous, rest_abroad=rest,
            ))
            return True

        for it in self._locked_itinerary(unit, lock_flights) if lock_flights is not None else ():
            consider(it, False, searched=False)
        for cls in classes:
            concrete, more = graph.expand(cls, ok, OUTBOUND_ALTERNATIVES)
            accepted = [consider(it, False) for it in concrete]
            if any(accepted):
                per_day[cls.dep // DAY_MINUTES] += 1
                if more:
                    unit.pruned.add(Pruned.CODESHARE)
        if prev is not None and lock_flights is None:
            for it in self._locked_itinerary(unit, prev):
                consider(it, True, searched=False)
        unit.rule_counts = {k: n for k, n in counts.items() if k in RULE_COUNTS and n}
        unit.options, capped = rank_options(raw, prev, self.params)
        self._note_pruning(unit, stats, capped, lock_flights is not None, max_legs, targets)
        if not unit.options:
            counts["first_rejected_day"] = min(first_rejected) if first_rejected else None
            words = no_option_reasons(self, unit, lo, hi, max_legs, max_dur, targets, counts, lock_flights)
            unit.blockers.extend(en for _, _, en in words)
            unit.blocker_words.update({en: (kind, nl) for kind, nl, en in words})
        return counts["found"]

    def _locked_itinerary(self, unit: Unit, leg_ids: tuple[str, ...]) -> list[Itinerary]:
        """A given itinerary (locked or previous) if it keeps the unit's itinerary rules."""
        it = self.ix.graph.chain(leg_ids, self.s.settings.min_connection_minutes)
        leg_ok = self.leg_filter(unit)
        if it is None or not all(leg_ok(leg) for leg in it.legs):
            return []
        if (it.origin not in self.ix.home_airports
                or any(it.destination not in c.destination_airports for c in unit.cases)):
            return []
        real_legs = [c.fit_to_fly.max_legs for c in unit.cases if c.fit_to_fly.max_legs is not None]
        real_durs = [c.fit_to_fly.max_travel_hours for c in unit.cases if c.fit_to_fly.max_travel_hours is not None]
        if real_legs and len(it.legs) > min(real_legs):
            return []
        if real_durs and it.arr - it.dep > hours(min(real_durs)):
            return []
        return [it]

    def _note_pruning(self, unit: Unit, stats: SearchStats, capped: bool, locked: bool, max_legs: int,
                      targets: frozenset[str]) -> None:
        """Record why the unit's options may not be all it could use (then CP-SAT's bound is restricted)."""
        if locked:
            return  # a lock names the one itinerary allowed
        if capped or stats.first_legs_skipped:
            unit.pruned.add(Pruned.OPTION_CAPS)
        if stats.results_capped:
            unit.pruned.add(Pruned.SEARCH_CAP)
        if stats.duration_cut and any(c.fit_to_fly.max_travel_hours is None for c in unit.cases):
            unit.pruned.add(Pruned.DEFAULT_HOURS)
        case_legs = [c.fit_to_fly.max_legs for c in unit.cases if c.fit_to_fly.max_legs is not None]
        if (not case_legs or min(case_legs) > max_legs) and self.ix.graph.longer_path_exists(
                self.ix.home_airports, targets, max_legs):
            unit.pruned.add(Pruned.LEG_CAP)


def build_index(scenario: Scenario, params: SolveParams, previous: Plan | None = None,
                budget: SolveBudget | None = None) -> Index:
    """All trip units with their options, most urgent first within the budget's index slice."""
    grid = TimeGrid(scenario.planning_start)
    home = frozenset(
        loc.id for loc in scenario.locations
        if loc.kind is LocationKind.airport and loc.country == scenario.home_country
    )
    ix = Index(scenario, grid, LegGraph(scenario, grid), [], {}, {}, home)
    previous_trips: dict[str, Trip] = {}
    groups = scenario.groups
    if previous is not None:
        unit_key = {c.id: key for key, members in groups.items() for c in members}
        for trip in previous.trips:
            keys = {unit_key.get(c) for c in trip.cases}
            key = keys.pop() if len(keys) == 1 else None
            if key is not None:
                previous_trips[key] = trip
    previous_outbound = {k: tuple(t.outbound) for k, t in previous_trips.items()}
    freeze_until = plus(scenario.planning_start, timedelta(hours=scenario.settings.freeze_hours))
    builder = _UnitBuilder(ix, params, previous_trips)
    locks = {lock.case: lock for lock in scenario.locks}
    pace = IndexPace(budget, len(groups))
    urgency = {k: (-sum(c.priority for c in g), min(c.deadline for c in g), k) for k, g in groups.items()}
    for key in sorted(groups, key=urgency.__getitem__):
        unit = builder.make_unit(key, groups[key])
        unit_locks = [locks[c.id] for c in unit.cases if c.id in locks]
        lock_flights = next((tuple(lk.flights) for lk in unit_locks if lk.flights), None)
        locked_care = {lk.case: lk.care for lk in unit_locks if lk.care}
        unit.locked = bool(unit_locks)
        staff_sets = [frozenset(lk.staff) for lk in unit_locks if lk.staff is not None]
        unit.locked_staff = staff_sets[0] if staff_sets else None
        blockers = builder.static_blockers(unit)
        effort = pace.effort() if not blockers else FULL
        if blockers:
            unit.blockers = blockers
            pace.finished(0)
        elif effort is None:
            if key in previous_trips or lock_flights is not None:  # a booked trip is never lost for lack of time
                builder.build_options(unit, lock_flights, locked_care, GIVEN_ONLY)
                pace.kept_given += bool(unit.options)
            if not unit.options:
                unit.blockers = ["not searched: the time limit ran out while building itineraries (allow more time)"]
            unit.pruned.add(Pruned.TIME_LIMIT)  # its options were never looked for: the bound must allow for them
        else:
            pace.finished(builder.build_options(unit, lock_flights, locked_care, effort))
        unit.staff = eligible_staff(scenario, unit)
        unit.vehicles = eligible_vehicles(scenario, unit, [lk.vehicle for lk in unit_locks if lk.vehicle])
        cannot_keep = lock_blockers(scenario, unit, unit_locks)
        if cannot_keep:
            unit.blockers = cannot_keep + unit.blockers
            unit.options = []
        unit.previous_trip = previous_trips.get(key)
        if unit.previous_trip is not None:
            prev = previous_outbound[key]
            unit.previous_option = next((o.index for o in unit.options if o.itinerary.leg_ids == prev), None)
            first = scenario.flight_by_id.get(prev[0])
            unit.frozen = first is not None and first.departure <= freeze_until
        ix.units.append(unit)
    pace.close()
    ix.units.sort(key=lambda u: u.key)
    return ix
