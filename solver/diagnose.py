"""Why a case is unplanned: the rules that block it, found with CP-SAT, in words with data.

A unit (a case or a group) with candidate options gets a small CP-SAT model holding only its own
decisions (outbound option, escorts' return, escorts, vehicle) and forced to plan it; every other
trip's use of seats, forced places, stretcher places, vehicles and escorts is fixed (replayed
from the plan). Each rule family's constraint on each resource is guarded by one assumption
literal (seats on leg L, vehicle V busy, staff S unavailable, ...). One worker solves it with all
assumptions; `sufficient_assumptions_for_infeasibility()` gives a core, minimised by deletion
(re-solve without each literal, drop it while still infeasible). What is left is a set of rules
that together block the case, and relaxing any one of them unblocks it.

A unit without options is ruled out by its own data (documents, fit-to-fly, deadline, care,
flights, locks). The same deletion runs on the index instead: rebuild it for a one-unit copy of
the scenario with rule families relaxed, and keep the smallest set of relaxations that gives the
unit options. That copy also tells the first suitable flight, which the words point at.
"""

from __future__ import annotations

import copy
import logging
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any, Callable, Iterable, NamedTuple
from zoneinfo import ZoneInfo

from ortools.sat.python import cp_model

from models import InputError, Plan, Scenario, scenario_from_dict
from models.case import FitStatus
from models.common import Gender, Role
from models.rules import timeline
from solver.index import Index, TripOption, Unit, build_index
from solver.occupancy import Occupancy, replay
from solver.params import SolveParams
from solver.reasons import (
    FAMILIES, GENDER_EN, GENDER_NL, ROLE_EN, ROLE_NL, Reason, day_text, listing, moment_text, role_words, span_text,
)
from solver.resources import Resources, Span
from solver.selection import Assignment

log = logging.getLogger(__name__)

CORE_TIME_LIMIT_S = 10.0
CORE_DETERMINISTIC_LIMIT = 2.0
"""Backstop per core solve; the one-unit models solve in milliseconds."""

FAMILY_ORDER = {code: i for i, code in enumerate(FAMILIES)}


ALL = "all"


class Guard(NamedTuple):
    """One assumption: rule `family` (with sub-`kind`) holds for resource `ident`."""

    family: str
    kind: str
    ident: str


# -- the other trips' resource use ------------------------------------------------------
def occupancy_from_plan(ix: Index, res: Resources, plan: Plan, exclude: Iterable[str] = ()) -> Occupancy:
    """Replay a plan's trips (any plan, not only this solver's) into an Occupancy.

    Trips that name unknown ids are skipped; trips of the cases in `exclude` are left out."""
    s = ix.scenario
    grid = ix.grid
    unit_of = ix.unit_of_case()
    skip = set(exclude)
    occ = Occupancy(ix, res)
    for trip in plan.trips:
        if skip & set(trip.cases) or any(c not in s.case_by_id for c in trip.cases):
            continue
        if any(leg not in s.flight_by_id for leg in trip.outbound):
            continue
        key = unit_of[trip.cases[0]].key if trip.cases[0] in unit_of else "+".join(trip.cases)
        cases = [s.case_by_id[c] for c in trip.cases]
        persons = sum(s.settings.stretcher_seats if c.fit_to_fly.stretcher else 1 for c in cases)
        for leg in trip.outbound:
            occ.seats[leg] += persons + len(trip.escorts)
            occ.forced[leg] += sum(1 for c in cases if c.forced)
            occ.stretchers[leg] += sum(1 for c in cases if c.fit_to_fly.stretcher)
            occ.leg_users[leg].append(key)
        for a in trip.escorts:
            known = all(leg in s.flight_by_id for leg in a.return_)
            for leg in a.return_:
                if leg in s.flight_by_id:
                    occ.seats[leg] += 1
                    if key not in occ.leg_users[leg]:
                        occ.leg_users[leg].append(key)
            if a.staff in s.staff_by_id and known:
                start, end = timeline.escort_interval(s, trip, a)
                occ.staff_spans[a.staff].append((Span(grid.floor(start), grid.ceil(end)), key))
                occ.staff_trips[a.staff] += 1
        if trip.vehicle in s.vehicle_by_id:
            start, end = timeline.vehicle_busy(s, trip)
            occ.vehicle_spans[trip.vehicle].append((Span(grid.floor(start), grid.ceil(end)), key))
    return occ


# -- the one-unit model ---------------------------------------------------------------------
class _UnitModel:
    """The unit's decisions only, forced planned, every rule on every resource guarded."""

    def __init__(self, ix: Index, res: Resources, occ: Occupancy, unit: Unit):
        self.ix, self.res, self.occ, self.unit = ix, res, occ, unit
        self.s = ix.scenario
        self.model = cp_model.CpModel()
        self.guards: dict[Guard, cp_model.IntVar] = {}
        self.escort_spans: dict[tuple[int, int], Span] = {}
        self.blocks: dict[Guard, set] = defaultdict(set)
        """Per guard, the (option, return) pairs it rules out; ALL when it rules out the resource."""
        self._build()

    def guard(self, family: str, kind: str, ident: str) -> cp_model.IntVar:
        key = Guard(family, kind, ident)
        if key not in self.guards:
            self.guards[key] = self.model.new_bool_var(f"assume[{family}:{kind}:{ident}]")
        return self.guards[key]

    def _forbid_pair(self, guard: cp_model.IntVar, a, b) -> None:
        self.model.add_bool_or([a.Not(), b.Not()]).only_enforce_if(guard)

    def fully_blocked(self, family: str, staff_id: str) -> bool:
        """Rule `family` alone keeps this person off every (option, return) of the unit."""
        pairs: set = set()
        for key, blocked in self.blocks.items():
            if key.family == family and key.ident == staff_id:
                if ALL in blocked:
                    return True
                pairs |= blocked
        return bool(self.escort_spans) and pairs >= set(self.escort_spans)

    def _build(self) -> None:
        m, unit, occ, res, s = self.model, self.unit, self.occ, self.res, self.s
        ids = set(unit.case_ids)
        self.x = {o.index: m.new_bool_var(f"option[{'+'.join(o.itinerary.leg_ids)}]") for o in unit.options}
        m.add_exactly_one(self.x.values())
        self.r: dict[tuple[int, int], cp_model.IntVar] = {}
        if unit.n_escorts:
            for o in unit.options:
                for j, ret in enumerate(o.returns):
                    self.r[o.index, j] = m.new_bool_var(f"return[{o.index},{'+'.join(ret.leg_ids)}]")
                    self.escort_spans[o.index, j] = res.escort_span(o, ret)
                m.add(sum(self.r[o.index, j] for j in range(len(o.returns))) == self.x[o.index])

        # rule 3: seats, forced places and the stretcher place on every leg
        need = unit.person_seats + unit.n_escorts
        for o in unit.options:
            x = self.x[o.index]
            for leg in o.itinerary.legs:
                f = leg.flight
                if occ.seats[leg.id] + need > f.seats:
                    m.add_implication(self.guard("seats", "leg", leg.id), x.Not())
                if unit.forced and occ.forced[leg.id] + unit.forced > f.max_forced:
                    m.add_implication(self.guard("forced", "leg", leg.id), x.Not())
                if unit.stretchers and occ.stretchers[leg.id] + unit.stretchers > 1:
                    m.add_implication(self.guard("stretcher", "leg", leg.id), x.Not())
            for j, ret in enumerate(o.returns if unit.n_escorts else ()):
                for leg in ret.legs:
                    if occ.seats[leg.id] + unit.n_escorts > leg.flight.seats:
                        m.add_implication(self.guard("seats", "leg", leg.id), self.r[o.index, j].Not())

        # rule 5: one vehicle that fits, is available and is not on another trip
        locked_vehicle = next((lk.vehicle for lk in s.locks if lk.case in ids and lk.vehicle), None)
        forbidden_vehicles = {fb.vehicle for fb in s.forbids if fb.case in ids and fb.vehicle}
        self.y = {v.id: m.new_bool_var(f"vehicle[{v.id}]") for v in s.vehicles}
        m.add_exactly_one(self.y.values())
        for v in s.vehicles:
            y = self.y[v.id]
            if (v.seats < unit.persons_in_vehicle + unit.n_escorts or v.wheelchair_places < unit.wchc
                    or v.stretcher_places < unit.stretchers):
                m.add_implication(self.guard("vehicle", "size", v.id), y.Not())
            if v.id in forbidden_vehicles:
                m.add_implication(self.guard("lock", "forbid_vehicle", v.id), y.Not())
            if locked_vehicle is not None and v.id != locked_vehicle:
                m.add_implication(self.guard("lock", "vehicle", v.id), y.Not())
            for o in unit.options:
                span = res.vehicle_span(unit, o, v.id)
                if not res.vehicle_window_ok(span, v.id):
                    self._forbid_pair(self.guard("vehicle", "unavailable", v.id), y, self.x[o.index])
                if any(span.overlaps(other) for other, _ in occ.vehicle_spans[v.id]):
                    self._forbid_pair(self.guard("vehicle", "busy", v.id), y, self.x[o.index])

        # rules 4 and 7: escorts for every place, free, allowed to travel there, same gender
        if not unit.n_escorts:
            return
        self.holders = [p for p in s.staff if any(role in unit.needs for role in p.roles)]
        self.z: dict[tuple[str, Role], cp_model.IntVar] = {}
        self.e: dict[str, cp_model.IntVar] = {}
        for p in self.holders:
            roles = [role for role in p.roles if role in unit.needs]
            for role in roles:
                self.z[p.id, role] = m.new_bool_var(f"escort[{p.id},{role.value}]")
            self.e[p.id] = m.new_bool_var(f"escort[{p.id}]")
            m.add(sum(self.z[p.id, role] for role in roles) == self.e[p.id])
        for role, count in unit.needs.items():
            m.add(sum(var for (sid, rr), var in self.z.items() if rr == role) == count)
        forbidden_staff = {fb.staff for fb in s.forbids if fb.case in ids and fb.staff}
        for p in self.holders:
            e = self.e[p.id]
            if occ.staff_trips[p.id] + 1 > p.max_trips:
                m.add_implication(self.guard("staff", "max_trips", p.id), e.Not())
                self.blocks[Guard("staff", "max_trips", p.id)].add(ALL)
            if p.id in forbidden_staff:
                m.add_implication(self.guard("lock", "forbid_staff", p.id), e.Not())
            if unit.locked_staff is not None:
                if p.id in unit.locked_staff:
                    m.add_implication(self.guard("lock", "staff_required", p.id), e)
                else:
                    m.add_implication(self.guard("lock", "staff", p.id), e.Not())
            for o in unit.options:
                for j, ret in enumerate(o.returns):
                    span = self.escort_spans[o.index, j]
                    r = self.r[o.index, j]
                    checks = (
                        (Guard("staff", "busy", p.id), any(span.overlaps(other) for other, _ in occ.staff_spans[p.id])),
                        (Guard("staff", "unavailable", p.id), res.staff_unavailable(p.id, span)),
                        (Guard("excluded_country", "staff", p.id), not res.staff_may_fly(p.id, o.itinerary, ret)),
                    )
                    for key, hit in checks:
                        if hit:
                            self._forbid_pair(self.guard(*key), e, r)
                            self.blocks[key].add((o.index, j))
        for g in sorted(unit.same_gender, key=lambda g: g.value):
            guard = self.guard("same_gender", "gender", g.value)
            same = [self.e[p.id] for p in self.holders if p.gender == g]
            if same:
                m.add(sum(same) >= 1).only_enforce_if(guard)
            else:
                m.add_bool_or([guard.Not()])

    # -- solving ---------------------------------------------------------------------
    def check(self, keys: list[Guard]) -> tuple[str, list[Guard]]:
        """('infeasible', a sufficient subset of `keys`), ('feasible', []) or ('unknown', [])."""
        self.model.clear_assumptions()
        self.model.add_assumptions([self.guards[k] for k in keys])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 0
        solver.parameters.max_time_in_seconds = CORE_TIME_LIMIT_S
        solver.parameters.max_deterministic_time = CORE_DETERMINISTIC_LIMIT  # same answer run to run
        status = solver.solve(self.model)
        if status == cp_model.INFEASIBLE:
            found = set(solver.sufficient_assumptions_for_infeasibility())
            return "infeasible", [k for k in keys if self.guards[k].index in found]
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return "feasible", []
        return "unknown", []

    def minimal_core(self) -> tuple[str, list[Guard]]:
        keys = sorted(self.guards, key=_guard_order)
        status, core = self.check(keys)
        if status != "infeasible":
            return status, []
        if not core:
            return "infeasible", []
        core = sorted(core, key=_guard_order)
        i = 0
        while i < len(core):
            trial = core[:i] + core[i + 1:]
            status, smaller = self.check(trial)
            if status == "infeasible":
                keep = set(smaller) if smaller else set(trial)
                core = [k for k in trial if k in keep]
            else:
                i += 1
        return "infeasible", core


def _guard_order(key: Guard) -> tuple:
    return FAMILY_ORDER.get(key.family, 99), key.kind, key.ident


# -- words for the core ------------------------------------------------------------------------
class _Words:
    """Texts that point at data, for one unit against the fixed rest of the plan."""

    def __init__(self, ix: Index, res: Resources, occ: Occupancy, unit: Unit):
        self.ix, self.res, self.occ, self.unit = ix, res, occ, unit
        self.s = ix.scenario
        self.tz: ZoneInfo = unit.location.zone
        self.labels = {u.key: u.label for u in ix.units}

    def dt(self, minutes: int) -> datetime:
        return self.ix.grid.to_datetime(minutes)

    def days(self, start: int, end: int, lang: str) -> str:
        return span_text(self.dt(start), self.dt(end), self.tz, lang)

    def leg(self, leg_id: str, lang: str) -> str:
        f = self.s.flight_by_id[leg_id]
        origin = self.s.location_by_id[f.from_]
        return f"{f.code} {day_text(f.departure.astimezone(origin.zone).date(), lang)}"

    def users(self, leg_ids: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(self.labels.get(k, k) for leg in leg_ids for k in self.occ.leg_users.get(leg, ())))

    def other_trips(self, spans: list[tuple[Span, str]], mine: Iterable[Span]) -> list[tuple[Span, str]]:
        mine = list(mine)
        return [(sp, k) for sp, k in spans if any(sp.overlaps(m) for m in mine)]

    def escort_range(self) -> tuple[int, int]:
        st = self.s.settings
        starts = [o.pickup_min - st.report_minutes for o in self.unit.options]
        ends = [ret.arr for o in self.unit.options for ret in o.returns] or [o.itinerary.arr for o in self.unit.options]
        return min(starts), max(ends)


def _reasons_from_core(w: _Words, um: _UnitModel, core: list[Guard]) -> list[Reason]:
    unit, s, occ = w.unit, w.s, w.occ
    by_family: dict[str, list[Guard]] = defaultdict(list)
    for key in core:
        by_family[key.family].append(key)
    out: list[Reason] = []

    legs = sorted({k.ident for k in by_family.get("seats", [])}, key=lambda i: (s.flight_by_id[i].departure, i))
    if legs:
        outbound_legs = {leg.id for o in unit.options for leg in o.itinerary.legs}
        info = {}
        items = {"nl": [], "en": []}
        for leg_id in legs:
            f = s.flight_by_id[leg_id]
            needed = unit.person_seats + unit.n_escorts if leg_id in outbound_legs else unit.n_escorts
            free = max(0, f.seats - occ.seats[leg_id])
            info[leg_id] = {"free": free, "needed": needed, "seats": f.seats}
            back = leg_id not in outbound_legs
            items["nl"].append(("terugvlucht " if back else "") + f"{w.leg(leg_id, 'nl')} ({free} vrij, {needed} nodig)")
            items["en"].append(("return " if back else "") + f"{w.leg(leg_id, 'en')} ({free} free, {needed} needed)")
        users = w.users(legs)
        out.append(Reason(
            "seats",
            f"te weinig stoelen vrij op {listing(items['nl'], 'nl')}"
            + (f"; geboekt voor {listing(users, 'nl')}" if users else ""),
            f"not enough seats left on {listing(items['en'], 'en')}" + (f"; booked for {listing(users, 'en')}" if users else ""),
            {"legs": info, "cases": users},
        ))

    legs = sorted({k.ident for k in by_family.get("forced", [])}, key=lambda i: (s.flight_by_id[i].departure, i))
    if legs:
        info = {i: {"max_forced": s.flight_by_id[i].max_forced, "used": occ.forced[i]} for i in legs}
        nl = [f"{w.leg(i, 'nl')} (max {info[i]['max_forced']})" for i in legs]
        en = [f"{w.leg(i, 'en')} (max {info[i]['max_forced']})" for i in legs]
        users = w.users(legs)
        out.append(Reason(
            "forced",
            f"geen plaats meer voor gedwongen vertrek op {listing(nl, 'nl')}"
            + (f"; bezet door {listing(users, 'nl')}" if users else ""),
            f"no forced-departure place left on {listing(en, 'en')}" + (f"; taken by {listing(users, 'en')}" if users else ""),
            {"legs": info, "cases": users},
        ))

    legs = sorted({k.ident for k in by_family.get("stretcher", [])}, key=lambda i: (s.flight_by_id[i].departure, i))
    if legs:
        users = w.users(legs)
        out.append(Reason(
            "stretcher",
            f"brancardplaats al bezet op {listing([w.leg(i, 'nl') for i in legs], 'nl')}"
            + (f" (door {listing(users, 'nl')})" if users else ""),
            f"stretcher place already taken on {listing([w.leg(i, 'en') for i in legs], 'en')}"
            + (f" (by {listing(users, 'en')})" if users else ""),
            {"legs": legs, "cases": users},
        ))

    if by_family.get("vehicle"):
        out.append(_vehicle_reason(w, um, by_family["vehicle"]))
    if by_family.get("staff"):
        out.extend(_staff_reasons(w, um, by_family["staff"]))
    if by_family.get("excluded_country"):
        out.extend(_excluded_reasons(w, um, by_family["excluded_country"]))
    for key in by_family.get("same_gender", []):
        g = Gender(key.ident)
        same = [p.id for p in um.holders if p.gender == g]
        start, end = w.escort_range()
        out.append(Reason(
            "same_gender",
            f"geen {GENDER_NL[g]} begeleider vrij {w.days(start, end, 'nl')} (begeleider van hetzelfde geslacht vereist"
            + (f"; {listing(same, 'nl')} niet beschikbaar)" if same else "; niemand in het bestand)"),
            f"no {GENDER_EN[g]} escort free {w.days(start, end, 'en')} (same-gender escort required"
            + (f"; {listing(same, 'en')} not available)" if same else "; nobody on file)"),
            {"gender": g.value, "staff": same},
        ))
    if by_family.get("lock"):
        out.append(_lock_reason(w, by_family["lock"]))
    return out


def _vehicle_reason(w: _Words, um: _UnitModel, keys: list[Guard]) -> Reason:
    unit, s, res = w.unit, w.s, w.res
    items = {"nl": [], "en": []}
    data: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys, key=lambda k: (k.ident, k.kind)):
        v = s.vehicle_by_id[key.ident]
        data[v.id].append(key.kind)
        if key.kind == "size":
            need = unit.persons_in_vehicle + unit.n_escorts
            nl, en = [], []
            if v.seats < need:
                nl.append(f"{v.seats} zitplaatsen, {need} nodig")
                en.append(f"{v.seats} seats, {need} needed")
            if v.wheelchair_places < unit.wchc:
                nl.append(f"{v.wheelchair_places} rolstoelplaats(en), {unit.wchc} nodig")
                en.append(f"{v.wheelchair_places} wheelchair place(s), {unit.wchc} needed")
            if v.stretcher_places < unit.stretchers:
                nl.append(f"{v.stretcher_places} brancardplaats(en), {unit.stretchers} nodig")
                en.append(f"{v.stretcher_places} stretcher place(s), {unit.stretchers} needed")
            items["nl"].append(f"{v.id} te klein ({'; '.join(nl)})")
            items["en"].append(f"{v.id} too small ({'; '.join(en)})")
        elif key.kind == "unavailable":
            spans = [res.vehicle_span(unit, o, v.id) for o in unit.options]
            bad = [sp for sp in spans if not res.vehicle_window_ok(sp, v.id)]
            start, end = min(sp.start for sp in bad), max(sp.end for sp in bad)
            items["nl"].append(f"{v.id} niet beschikbaar {w.days(start, end, 'nl')}")
            items["en"].append(f"{v.id} not available {w.days(start, end, 'en')}")
        elif key.kind == "busy":
            spans = [res.vehicle_span(unit, o, v.id) for o in unit.options]
            others = w.other_trips(w.occ.vehicle_spans[v.id], spans)
            start, end = min(sp.start for sp, _ in others), max(sp.end for sp, _ in others)
            who = [w.labels.get(k, k) for _, k in others]
            items["nl"].append(f"{v.id} bezet {w.days(start, end, 'nl')} (vervoer {listing(who, 'nl')})")
            items["en"].append(f"{v.id} busy {w.days(start, end, 'en')} (taking {listing(who, 'en')})")
    return Reason("vehicle", "geen voertuig vrij: " + "; ".join(items["nl"]),
                  "no vehicle free: " + "; ".join(items["en"]), {"vehicles": dict(data)})


def _staff_item(w: _Words, um: _UnitModel, key: Guard, lang: str) -> str:
    p = w.s.staff_by_id[key.ident]
    if key.kind == "busy":
        others = w.other_trips(w.occ.staff_spans[p.id], um.escort_spans.values())
        start, end = min(sp.start for sp, _ in others), max(sp.end for sp, _ in others)
        who = listing([w.labels.get(k, k) for _, k in others], lang)
        return (f"{p.id} begeleidt {who} ({w.days(start, end, lang)})" if lang == "nl"
                else f"{p.id} escorts {who} ({w.days(start, end, lang)})")
    if key.kind == "unavailable":
        mine = list(um.escort_spans.values())
        hits = [u for u in w.res.unavailable[p.id] if any(u.overlaps(m) for m in mine)]
        start, end = min(u.start for u in hits), max(u.end for u in hits)
        return f"{p.id} afwezig {w.days(start, end, lang)}" if lang == "nl" else f"{p.id} unavailable {w.days(start, end, lang)}"
    if key.kind == "max_trips":
        n = w.occ.staff_trips[p.id]
        return (f"{p.id} heeft al {n} {'reis' if n == 1 else 'reizen'} (max {p.max_trips})" if lang == "nl"
                else f"{p.id} already has {n} trip{'' if n == 1 else 's'} (max {p.max_trips})")
    return p.id


def _staff_reasons(w: _Words, um: _UnitModel, keys: list[Guard]) -> list[Reason]:
    unit, s = w.unit, w.s
    start, end = w.escort_range()
    out = []
    for role, count in unit.needs.items():
        mine = [k for k in keys if role in s.staff_by_id[k.ident].roles]
        if not mine:
            continue
        holders = [p.id for p in um.holders if role in p.roles]
        named = {k.ident for k in mine}
        for sid in holders:  # the others of this role that this rule keeps off every option, for the full picture
            if sid not in named and um.fully_blocked("staff", sid):
                mine.extend(k for k in sorted(um.blocks) if k.family == "staff" and k.ident == sid)
        nl_items = [_staff_item(w, um, k, "nl") for k in mine]
        en_items = [_staff_item(w, um, k, "en") for k in mine]
        need_nl = f" ({count} nodig)" if count > 1 else ""
        need_en = f" ({count} needed)" if count > 1 else ""
        out.append(Reason(
            "staff",
            f"geen {ROLE_NL[role]} vrij {w.days(start, end, 'nl')}{need_nl}: {listing(nl_items, 'nl', 6)}",
            f"no {ROLE_EN[role]} free {w.days(start, end, 'en')}{need_en}: {listing(en_items, 'en', 6)}",
            {"role": role.value, "needed": count, "staff": {k.ident: k.kind for k in mine}, "holders": holders},
        ))
    return out


def _excluded_reasons(w: _Words, um: _UnitModel, keys: list[Guard]) -> list[Reason]:
    unit, s, res = w.unit, w.s, w.res
    countries = set()
    for o in unit.options:
        countries |= res.countries(o.itinerary)
        for ret in o.returns:
            countries |= res.countries(ret)
    out = []
    for role, count in unit.needs.items():
        mine = [k.ident for k in keys if role in s.staff_by_id[k.ident].roles]
        if not mine:
            continue
        mine += [p.id for p in um.holders if role in p.roles and p.id not in mine and um.fully_blocked("excluded_country", p.id)]
        items = [f"{sid} ({', '.join(sorted(set(s.staff_by_id[sid].excluded_countries) & countries))})" for sid in mine]
        blocked = sorted({c for sid in mine for c in s.staff_by_id[sid].excluded_countries} & countries)
        out.append(Reason(
            "excluded_country",
            f"te weinig {role_words(role, 2, 'nl')} die naar of via {'/'.join(blocked)} mag reizen ({count} nodig): "
            f"{listing(items, 'nl', 6)} uitgesloten",
            f"too few {role_words(role, 2, 'en')} allowed to travel to or through {'/'.join(blocked)} ({count} needed): "
            f"{listing(items, 'en', 6)} excluded",
            {"role": role.value, "needed": count, "staff": mine, "countries": blocked},
        ))
    return out


def _lock_reason(w: _Words, keys: list[Guard]) -> Reason:
    unit = w.unit
    nl, en = [], []
    data: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys, key=lambda k: (k.kind, k.ident)):
        data[key.kind].append(key.ident)
    if data.get("staff") or data.get("staff_required"):
        locked = sorted(unit.locked_staff or ())
        nl.append(f"vastgezet op begeleider(s) {', '.join(locked) or '-'} voor {unit.n_escorts} plaats(en)")
        en.append(f"locked to escort(s) {', '.join(locked) or '-'} for {unit.n_escorts} place(s)")
    if data.get("vehicle"):
        locked = next((lk.vehicle for lk in w.s.locks if lk.case in unit.case_ids and lk.vehicle), "-")
        nl.append(f"vastgezet op voertuig {locked}")
        en.append(f"locked to vehicle {locked}")
    if data.get("forbid_staff"):
        nl.append(f"uitgesloten begeleider(s) {', '.join(data['forbid_staff'])}")
        en.append(f"forbidden escort(s) {', '.join(data['forbid_staff'])}")
    if data.get("forbid_vehicle"):
        nl.append(f"uitgesloten voertuig(en) {', '.join(data['forbid_vehicle'])}")
        en.append(f"forbidden vehicle(s) {', '.join(data['forbid_vehicle'])}")
    return Reason("lock", "door de regievoerder vastgezet of uitgesloten: " + "; ".join(nl),
                  "locked or forbidden by the coordinator: " + "; ".join(en), dict(data))


# -- static blockers: relax the unit's own rules in a one-unit index --------------------------------
class _Relaxation(NamedTuple):
    family: str
    kind: str
    apply: Callable[[dict[str, Any]], None]


def _widen(valid: dict[str, str] | None, first: date, last: date) -> dict[str, str]:
    if valid is None:
        return {"valid_from": first.isoformat(), "valid_until": last.isoformat()}
    return {"valid_from": min(date.fromisoformat(valid["valid_from"]), first).isoformat(),
            "valid_until": max(date.fromisoformat(valid["valid_until"]), last).isoformat()}


def _relaxations(s: Scenario, unit: Unit) -> list[_Relaxation]:
    """The unit's own rules that could rule out every option, each as an edit of the scenario
    dict that lifts it; only those that would change something. Earlier ones are dropped first
    when minimising, so the data a coordinator can act on (dates, documents) comes last."""
    flights = s.flights
    ids = set(unit.case_ids)
    if not flights:
        return []
    first_day = min(f.departure.date() for f in flights) - timedelta(days=2)
    last_day = max(f.arrival.date() for f in flights) + timedelta(days=2)
    start = s.planning_start
    st = s.settings
    need = unit.person_seats + unit.n_escorts
    out: list[_Relaxation] = []

    def each_case(d: dict[str, Any]):
        return [c for c in d["cases"] if c["id"] in ids]

    def each_flight(d: dict[str, Any], key: str, value) -> None:
        for f in d["flights"]:
            f[key] = max(f[key], value) if not isinstance(value, bool) else value

    if any(f.seats < need for f in flights):
        out.append(_Relaxation("seats", "static", lambda d: each_flight(d, "seats", need + 99)))
    if unit.forced and any(f.max_forced < unit.forced for f in flights):
        out.append(_Relaxation("forced", "static", lambda d: each_flight(d, "max_forced", unit.forced + 9)))
    if unit.medical and any(f.departure < start + timedelta(hours=f.medif_lead_hours) for f in flights):
        out.append(_Relaxation("itinerary", "medif", lambda d: [f.update(medif_lead_hours=0) for f in d["flights"]]))
    if unit.oxygen and not all(f.oxygen for f in flights):
        out.append(_Relaxation("itinerary", "oxygen", lambda d: each_flight(d, "oxygen", True)))
    if unit.stretchers and not all(f.stretcher for f in flights):
        out.append(_Relaxation("stretcher", "static", lambda d: each_flight(d, "stretcher", True)))
    if unit.n_escorts and st.return_max_hours < 96:
        out.append(_Relaxation("itinerary", "returns", lambda d: d["settings"].update(return_max_hours=96)))
    if unit.location.pickup_windows:
        def no_windows(d):
            for loc in d["locations"]:
                if loc["id"] == unit.location.id:
                    loc["pickup_windows"] = None
        out.append(_Relaxation("itinerary", "pickup", no_windows))
    if any(c.fit_to_fly.max_legs is not None or c.fit_to_fly.max_travel_hours is not None for c in unit.cases):
        def no_limits(d):
            for c in each_case(d):
                c["fit_to_fly"].update(max_legs=None, max_travel_hours=None)
        out.append(_Relaxation("itinerary", "limits", no_limits))
    if st.notice_hours > 0 and any(f.departure < start + timedelta(hours=st.notice_hours) for f in flights):
        out.append(_Relaxation("itinerary", "notice", lambda d: d["settings"].update(notice_hours=0)))
    if any(c.needs_care for c in unit.cases):
        def no_care(d):
            for c in each_case(d):
                c["care"]["required"] = False
                c["unaccompanied"] = False
        out.append(_Relaxation("care", "care", no_care))
    latest = max(f.departure for f in flights)
    if any(c.deadline < latest for c in unit.cases):
        def late_deadline(d):
            for c in each_case(d):
                c["deadline"] = (latest + timedelta(days=1)).isoformat()
        out.append(_Relaxation("deadline", "deadline", late_deadline))
    if any(lk.case in ids for lk in s.locks) or any(fb.case in ids for fb in s.forbids):
        def unlock(d):
            d["locks"] = [lk for lk in d["locks"] if lk["case"] not in ids]
            d["forbids"] = [fb for fb in d["forbids"] if fb["case"] not in ids]
        out.append(_Relaxation("lock", "lock", unlock))
    if any(c.travel_document is None or c.travel_document.valid_from > first_day or c.travel_document.valid_until < last_day
           for c in unit.cases):
        def documents(d):
            for c in each_case(d):
                c["travel_document"] = _widen(c["travel_document"], first_day, last_day)
        out.append(_Relaxation("documents", "documents", documents))
    if any(not c.fit_to_fly.allows_travel or c.fit_to_fly.valid_from > first_day or c.fit_to_fly.valid_until < last_day
           for c in unit.cases):
        def fit(d):
            for c in each_case(d):
                ftf = c["fit_to_fly"]
                if ftf["status"] not in (FitStatus.fit.value, FitStatus.fit_with_conditions.value):
                    ftf["status"] = FitStatus.fit.value
                ftf.update(_widen({"valid_from": ftf["valid_from"], "valid_until": ftf["valid_until"]}, first_day, last_day))
        out.append(_Relaxation("fit_to_fly", "fit_to_fly", fit))
    return out


class _OneUnitIndex:
    """Builds the index of a one-unit copy of the scenario under a set of relaxations."""

    def __init__(self, s: Scenario, unit: Unit, params: SolveParams, previous: Plan | None):
        ids = set(unit.case_ids)
        data = s.model_dump(mode="json", by_alias=True)
        data["cases"] = [c for c in data["cases"] if c["id"] in ids]
        data["locks"] = [lk for lk in data.get("locks") or [] if lk["case"] in ids]
        data["forbids"] = [fb for fb in data.get("forbids") or [] if fb["case"] in ids]
        self.base = data
        self.params = params
        self.previous = previous
        self.cache: dict[frozenset[int], Unit | None] = {}

    def unit(self, relaxations: list[_Relaxation], active: frozenset[int]) -> Unit | None:
        if active not in self.cache:
            data = copy.deepcopy(self.base)
            for i in sorted(active):
                relaxations[i].apply(data)
            try:
                scn = scenario_from_dict(data, "<diagnosis>")
            except InputError as exc:  # a relaxation that breaks validation says nothing
                log.debug("relaxed scenario invalid: %s", exc)
                self.cache[active] = None
                return None
            ix = build_index(scn, self.params, self.previous)
            self.cache[active] = ix.units[0] if ix.units else None
        return self.cache[active]


def static_reasons(ix: Index, unit: Unit, params: SolveParams | None = None, previous: Plan | None = None) -> list[Reason]:
    """A unit without options: the smallest set of its own rules that leaves it none, in words."""
    s = ix.scenario
    params = params or SolveParams()
    relaxations = _relaxations(s, unit)
    one = _OneUnitIndex(s, unit, params, previous)

    def works(active: frozenset[int]) -> Unit | None:
        u = one.unit(relaxations, active)
        return u if u is not None and u.options else None

    active = frozenset(range(len(relaxations)))
    if not relaxations or works(active) is None:
        return [_itinerary_reason(ix, unit)]
    for i in range(len(relaxations)):
        if i in active and works(active - {i}) is not None:
            active = active - {i}
    relaxed = works(active)
    assert relaxed is not None
    first = min(relaxed.options, key=lambda o: (o.itinerary.dep, o.itinerary.leg_ids))
    out: list[Reason] = []
    for i in sorted(active):
        out.extend(_static_words(ix, unit, relaxations[i], first))
    return out or [_itinerary_reason(ix, unit)]


def _first_day(ix: Index, option: TripOption) -> date:
    f = option.itinerary.legs[0].flight
    return f.departure.astimezone(ix.scenario.location_by_id[f.from_].zone).date()


def _validity_words(what_nl: str, what_en: str, valid_from: date, valid_until: date, first: date, tag: str,
                    deadline: date) -> tuple[str, str]:
    if valid_until < first:
        return (f"{tag}{what_nl} verloopt op {day_text(valid_until, 'nl')}, eerste geschikte vlucht {day_text(first, 'nl')}",
                f"{tag}{what_en} expires on {day_text(valid_until, 'en')}, first suitable flight {day_text(first, 'en')}")
    if valid_from > deadline:
        return (f"{tag}{what_nl} pas geldig vanaf {day_text(valid_from, 'nl')}, na de deadline {day_text(deadline, 'nl')}",
                f"{tag}{what_en} only valid from {day_text(valid_from, 'en')}, after the deadline {day_text(deadline, 'en')}")
    return (f"{tag}{what_nl} geldig {day_text(valid_from, 'nl')}–{day_text(valid_until, 'nl')}: geen geschikte vlucht "
            f"binnen die periode (eerste {day_text(first, 'nl')})",
            f"{tag}{what_en} valid {day_text(valid_from, 'en')}–{day_text(valid_until, 'en')}: no suitable flight "
            f"in that period (first {day_text(first, 'en')})")


def _static_words(ix: Index, unit: Unit, relaxation: _Relaxation, first: TripOption) -> list[Reason]:
    s = ix.scenario
    st = s.settings
    tz = unit.location.zone
    first_day = _first_day(ix, first)
    first_dep = first.itinerary.legs[0].flight.departure
    many = len(unit.cases) > 1
    family, kind = relaxation.family, relaxation.kind
    out: list[Reason] = []
    dest = "/".join(sorted(s.location_by_id[a].iata or a for a in unit.cases[0].destination_airports))
    if family == "documents":
        for c in unit.cases:
            tag = f"{c.pseudonym}: " if many else ""
            deadline = c.deadline.astimezone(tz).date()
            doc = c.travel_document
            if doc is None:
                out.append(Reason("documents", f"{tag}nog geen reisdocument (laissez-passer) afgegeven",
                                  f"{tag}no travel document issued yet", {"case": c.id}))
            elif not doc.valid_on(first_day) or doc.valid_from > deadline:
                nl, en = _validity_words("reisdocument", "travel document", doc.valid_from, doc.valid_until,
                                         first_day, tag, deadline)
                out.append(Reason("documents", nl, en, {"case": c.id, "valid_from": doc.valid_from.isoformat(),
                                                       "valid_until": doc.valid_until.isoformat(),
                                                       "first_flight": first_day.isoformat()}))
        return out
    if family == "fit_to_fly":
        for c in unit.cases:
            tag = f"{c.pseudonym}: " if many else ""
            ftf = c.fit_to_fly
            deadline = c.deadline.astimezone(tz).date()
            if not ftf.allows_travel:
                nl = ("fit-to-fly nog niet beoordeeld (status pending)" if ftf.status is FitStatus.pending
                      else f"BMA: niet fit-to-fly (status {ftf.status.value})")
                en = ("fit-to-fly decision pending" if ftf.status is FitStatus.pending
                      else f"BMA: not fit to fly (status {ftf.status.value})")
                out.append(Reason("fit_to_fly", tag + nl, tag + en, {"case": c.id, "status": ftf.status.value}))
            elif not ftf.valid_on(first_day) or ftf.valid_from > deadline:
                nl, en = _validity_words("fit-to-fly", "fit-to-fly", ftf.valid_from, ftf.valid_until, first_day, tag, deadline)
                out.append(Reason("fit_to_fly", nl, en, {"case": c.id, "valid_from": ftf.valid_from.isoformat(),
                                                         "valid_until": ftf.valid_until.isoformat(),
                                                         "first_flight": first_day.isoformat()}))
        return out
    if family == "deadline":
        c = min(unit.cases, key=lambda c: c.deadline)
        return [Reason(
            "deadline",
            f"deadline {moment_text(c.deadline, tz, 'nl')} ligt vóór de eerste geschikte vlucht ({moment_text(first_dep, tz, 'nl')})",
            f"deadline {moment_text(c.deadline, tz, 'en')} is before the first suitable flight ({moment_text(first_dep, tz, 'en')})",
            {"case": c.id, "deadline": c.deadline.isoformat(), "first_flight": first_dep.isoformat(),
             "first_legs": list(first.itinerary.leg_ids)},
        )]
    if family == "care":
        for c in unit.cases:
            if not c.needs_care:
                continue
            tag = f"{c.pseudonym}: " if many else ""
            pending = [o for o in c.care.options if not o.confirmed]
            confirmed = [o for o in c.care.options if o.confirmed]
            nl, en = [], []
            for o in pending:
                nl.append(f"{o.id} ({o.facility}) nog niet bevestigd")
                en.append(f"{o.id} ({o.facility}) not confirmed yet")
            for o in confirmed:
                windows_nl = ", ".join(span_text(wd.from_, wd.to, tz, "nl") for wd in o.windows) or "geen venster"
                windows_en = ", ".join(span_text(wd.from_, wd.to, tz, "en") for wd in o.windows) or "no window"
                nl.append(f"{o.id} ({o.facility}) ontvangt alleen {windows_nl} via {s.location_by_id[o.airport].iata or o.airport}")
                en.append(f"{o.id} ({o.facility}) receives only {windows_en} via {s.location_by_id[o.airport].iata or o.airport}")
            if not c.care.options:
                nl.append("geen zorgoptie bekend")
                en.append("no care option on file")
            out.append(Reason("care", f"{tag}geen bevestigde opvang bij aankomst: " + "; ".join(nl),
                              f"{tag}no confirmed care at arrival: " + "; ".join(en),
                              {"case": c.id, "pending": [o.id for o in pending], "confirmed": [o.id for o in confirmed],
                               "first_arrival": first.itinerary.legs[-1].flight.arrival.isoformat()}))
        return out
    if family == "lock":
        locks = [lk for lk in s.locks if lk.case in unit.case_ids]
        forbids = [fb for fb in s.forbids if fb.case in unit.case_ids and fb.flight]
        nl, en = [], []
        for lk in locks:
            if lk.flights:
                nl.append(f"vastgezette vluchten {' → '.join(lk.flights)} niet bruikbaar")
                en.append(f"locked flights {' → '.join(lk.flights)} cannot be used")
            if lk.care:
                nl.append(f"vastgezette opvang {lk.care} niet bruikbaar")
                en.append(f"locked care {lk.care} cannot be used")
        if forbids:
            nl.append(f"uitgesloten vluchten {', '.join(fb.flight for fb in forbids)}")
            en.append(f"forbidden flights {', '.join(fb.flight for fb in forbids)}")
        return [Reason("lock", "door de regievoerder vastgezet of uitgesloten: " + ("; ".join(nl) or "vastzetting"),
                       "locked or forbidden by the coordinator: " + ("; ".join(en) or "lock"),
                       {"locks": [lk.case for lk in locks], "forbidden_flights": [fb.flight for fb in forbids]})]
    if family == "seats":
        need = unit.person_seats + unit.n_escorts
        return [Reason("seats", f"geen vlucht naar {dest} met {need} stoelen voor deze reis",
                       f"no flight to {dest} with {need} seats for this trip", {"needed": need})]
    if family == "forced":
        return [Reason("forced", f"geen vlucht naar {dest} die {unit.forced} gedwongen vertrek(ken) meeneemt",
                       f"no flight to {dest} takes {unit.forced} forced departure(s)", {"needed": unit.forced})]
    if family == "stretcher":
        return [Reason("stretcher", f"geen vluchtverbinding naar {dest} met een brancardplaats op elke vlucht",
                       f"no itinerary to {dest} with a stretcher place on every leg", {})]
    words = {
        "medif": (f"medische zaak: de MEDIF-termijn sluit de vluchten naar {dest} binnen de deadline uit",
                  f"medical case: the MEDIF lead time rules out the flights to {dest} before the deadline"),
        "oxygen": (f"geen vluchtverbinding naar {dest} met zuurstof op elke vlucht",
                   f"no itinerary to {dest} with oxygen on every leg"),
        "returns": (f"geen terugvlucht voor de begeleiders binnen {st.return_max_hours:g} u na aankomst",
                    f"no return flight for the escorts within {st.return_max_hours:g} h of arrival"),
        "pickup": (f"geen ophaaltijd binnen de ophaaltijden van {unit.location.name}",
                   f"no pickup time inside the pickup windows of {unit.location.name}"),
        "limits": (f"geen verbinding naar {dest} binnen het maximum aantal vluchten of reisuren van de reisvoorwaarden",
                   f"no itinerary to {dest} within the travel conditions' max legs or travel hours"),
        "notice": (f"alle geschikte vluchten vertrekken binnen de aanzegtermijn van {st.notice_hours:g} u",
                   f"every suitable flight departs within the {st.notice_hours:g} h notice period"),
    }
    nl, en = words.get(kind, ("geen vluchtverbinding die aan de reisvoorwaarden voldoet",
                              "no itinerary keeps the travel conditions"))
    return [Reason("itinerary", nl, en, {"kind": kind})]


def _itinerary_reason(ix: Index, unit: Unit) -> Reason:
    s = ix.scenario
    tz = unit.location.zone
    dest = "/".join(sorted(s.location_by_id[a].iata or a for a in unit.cases[0].destination_airports))
    start = max(c.available_from for c in unit.cases)
    end = min(c.deadline for c in unit.cases)
    return Reason(
        "itinerary",
        f"geen vluchtverbinding naar {dest} {span_text(start, max(start, end), tz, 'nl')} die aan de reisvoorwaarden voldoet",
        f"no itinerary to {dest} {span_text(start, max(start, end), tz, 'en')} that keeps the travel conditions"
        + (f" ({'; '.join(unit.blockers)})" if unit.blockers else ""),
        {"index": list(unit.blockers)},
    )


def _shortages(ix: Index, unit: Unit) -> list[Reason]:
    """Structural gaps no assignment can close: no vehicles at all, too few holders of a role."""
    s = ix.scenario
    out = []
    if not s.vehicles:
        out.append(Reason("vehicle", "geen voertuigen in het scenario", "no vehicles in the scenario", {}))
    for role, count in unit.needs.items():
        holders = [p.id for p in s.staff if role in p.roles]
        if len(holders) < count:
            out.append(Reason(
                "staff",
                f"te weinig {role_words(role, 2, 'nl')} in het bestand: {count} nodig, {len(holders)} aanwezig",
                f"too few staff holding role {ROLE_EN[role]}: {count} needed, {len(holders)} on file",
                {"role": role.value, "needed": count, "holders": holders},
            ))
    return out


# -- the public face -----------------------------------------------------------------------------
def blocking_rules(ix: Index, res: Resources, used: dict[str, Assignment] | Occupancy, unit_key: str,
                   params: SolveParams | None = None, previous: Plan | None = None) -> list[Reason]:
    """The rules that block unit `unit_key`, given what the other trips use.

    `used` is the other trips' assignments (this solver's) or an Occupancy (e.g. from
    `occupancy_from_plan`). An empty list means the unit is not blocked."""
    unit = next(u for u in ix.units if u.key == unit_key)
    if isinstance(used, Occupancy):
        occ = used
    else:
        occ = replay(ix, res, {k: a for k, a in used.items() if k != unit_key})
    if not unit.options:
        return static_reasons(ix, unit, params, previous)
    shortages = _shortages(ix, unit)
    if shortages:
        return shortages
    um = _UnitModel(ix, res, occ, unit)
    status, core = um.minimal_core()
    if status == "feasible":
        return [Reason("fits", "past in de resterende capaciteit: opnieuw plannen zou deze zaak kunnen inplannen",
                       "fits in the remaining capacity: solving again could plan this case", {})]
    if status == "unknown":
        return [Reason("other", "geen reden gevonden binnen de rekentijd", "no reason found within the time limit", {})]
    if not core:
        return [Reason("other", "geen combinatie van begeleiders en voertuig past bij deze reis",
                       "no combination of escorts and vehicle fits this trip", {})]
    return _reasons_from_core(_Words(ix, res, occ, unit), um, core)


def explain_case(scenario: Scenario, plan: Plan, case_id: str, params: SolveParams | None = None,
                 previous: Plan | None = None) -> list[Reason]:
    """Why `case_id` is not in `plan`: its blocking rules against the plan's other trips."""
    return explain_plan(scenario, plan, params, previous, [case_id])[case_id]


def explain_plan(scenario: Scenario, plan: Plan, params: SolveParams | None = None, previous: Plan | None = None,
                 case_ids: Iterable[str] | None = None) -> dict[str, list[Reason]]:
    """Blocking rules for each unplanned case of `plan` (or for `case_ids`; planned ones get [])."""
    params = params or SolveParams()
    ix = build_index(scenario, params, previous)
    res = Resources(ix)
    unit_of = ix.unit_of_case()
    planned = {c for trip in plan.trips for c in trip.cases}
    wanted = list(case_ids) if case_ids is not None else [u.case for u in plan.unplanned]
    out: dict[str, list[Reason]] = {}
    done: dict[str, list[Reason]] = {}
    for case_id in wanted:
        if case_id not in unit_of:
            raise KeyError(f"unknown case {case_id!r}")
        unit = unit_of[case_id]
        if planned & set(unit.case_ids):
            out[case_id] = []
            continue
        if unit.key not in done:
            occ = occupancy_from_plan(ix, res, plan, exclude=unit.case_ids)
            done[unit.key] = blocking_rules(ix, res, occ, unit.key, params, previous)
        out[case_id] = done[unit.key]
    return out


__all__ = ["Guard", "Reason", "blocking_rules", "explain_case", "explain_plan", "occupancy_from_plan", "static_reasons"]
