"""What a partial plan already uses: leg seats, forced places, stretchers, vehicles, escorts.

The greedy baseline books into it; the explanations replay a finished plan into it to say which
resource an unplanned case lost and to whom. Whether a choice fits is asked of the rule families'
`conflict` (solver/rules/), so a rule lives in its rule module only; this module keeps the counts.
"""

from __future__ import annotations

from collections import defaultdict

from models.common import Role
from models.languages import has_preferred_languages, language_set
from solver.index import Index, TripOption, Unit
from solver.itineraries import Itinerary
from solver.resources import Resources, Span
from solver.rules import escorts as escort_rules
from solver.rules import legs as leg_rules
from solver.rules import vehicles as vehicle_rules
from solver.rules.base import Blocker
from solver.selection import Assignment

SEARCH_NODES = 5000


class Occupancy:
    def __init__(self, ix: Index, res: Resources):
        self.ix = ix
        self.res = res
        self.seats: dict[str, int] = defaultdict(int)
        self.forced: dict[str, int] = defaultdict(int)
        self.stretchers: dict[str, int] = defaultdict(int)
        self.vehicle_spans: dict[str, list[tuple[Span, str]]] = defaultdict(list)
        self.staff_spans: dict[str, list[tuple[Span, str]]] = defaultdict(list)
        self.staff_trips: dict[str, int] = defaultdict(int)
        self.leg_users: dict[str, list[str]] = defaultdict(list)

    # -- legs --------------------------------------------------------------------------
    def outbound_problems(self, unit: Unit, option: TripOption) -> list[str]:
        """What rule 3 (solver.rules.legs) says about the option's outbound legs, in the plan's English."""
        flights = {leg.id: leg.flight for leg in option.itinerary.legs}
        need = unit.person_seats + unit.n_escorts
        out = []
        for b in leg_rules.conflict(self, unit, Assignment(unit.key, option.index, None, "", ())):
            f = flights[b.ident]
            what = {"rule3.seats": f"{f.seats - self.seats[b.ident]} seat(s) left, {need} needed",
                    "rule3.forced": "no forced-departure place left",
                    "rule3.stretcher": "stretcher place already taken"}[b.code]
            out.append(f"{f.code} {f.departure:%d %b}: {what}")
        return out

    def return_fits(self, unit: Unit, option: TripOption, ret: Itinerary) -> bool:
        """Rule 3 (solver.rules.legs) on the escorts' return legs."""
        r = _index_of(option, ret)
        returns = {leg.id for leg in ret.legs}
        blockers = leg_rules.conflict(self, unit, Assignment(unit.key, option.index, r, "", ()))
        return not any(b.ident in returns for b in blockers)

    # -- vehicles --------------------------------------------------------------------
    def vehicle_problem(self, unit: Unit, option: TripOption, vehicle_id: str) -> str | None:
        """Rule 5's times (solver.rules.vehicles): "not available", "busy" or None."""
        words = {"rule5.availability": "not available", "rule5.overlap": "busy"}
        return next((words[b.code] for b in vehicle_rules.time_conflict(self, unit, option, vehicle_id)), None)

    def free_vehicle(self, unit: Unit, option: TripOption) -> str | None:
        for vid in unit.vehicles:
            if self.vehicle_problem(unit, option, vid) is None:
                return vid
        return None

    # -- escorts ---------------------------------------------------------------------
    def escort_conflicts(self, unit: Unit, option: TripOption, ret: Itinerary, staff_id: str,
                         role: Role) -> list[Blocker]:
        """The rules (solver.rules.escorts: role, excluded countries, max trips, unavailability,
        overlap with the trips booked) that `staff_id` in `role` would break on this option and return."""
        span = self.res.escort_span(option, ret, role)
        return list(escort_rules.person_conflict(self, option, ret, staff_id, role, span))

    def candidates(self, unit: Unit, option: TripOption, ret: Itinerary) -> dict[Role, list[str]]:
        """Per role, who could fill it: the span depends on the role (airport report, rule 7)."""
        out: dict[Role, list[str]] = {}
        for role in unit.needs:
            span = self.res.escort_span(option, ret, role)
            out[role] = [sid for sid in unit.staff
                         if next(escort_rules.person_conflict(self, option, ret, sid, role, span), None) is None]
        return out

    def pick_escorts(self, unit: Unit, option: TripOption, ret: Itinerary) -> tuple[tuple[str, Role], ...] | None:
        """Fill every escort place; same-gender needs met; a small bounded search.

        A staff lock means exactly those people (rule 8): the places must take them all."""
        if unit.locked_staff is not None and len(unit.locked_staff) != unit.n_escorts:
            return None
        cands = self.candidates(unit, option, ret)
        places = [role for role in sorted(unit.needs, key=lambda r: (len(cands[r]), r.value))
                  for _ in range(unit.needs[role])]
        genders = {sid: self.res.staff[sid].gender for r in cands for sid in cands[r]}
        wanted = [c for c in unit.cases if has_preferred_languages(c.languages)]
        spoken = {sid: language_set(self.res.staff[sid].languages) for r in cands for sid in cands[r]}

        def speaks(sid: str, case) -> bool:
            return not spoken[sid].isdisjoint(language_set(case.languages))
        chosen: list[tuple[str, Role]] = []
        used: set[str] = set()
        nodes = 0

        def gender_ok() -> bool:
            have = {genders[sid] for sid, _ in chosen}
            return all(g in have for g in unit.same_gender)

        def dfs(i: int) -> bool:
            nonlocal nodes
            nodes += 1
            if nodes > SEARCH_NODES:
                return False
            if i == len(places):
                return gender_ok()
            role = places[i]
            pool = cands[role]
            unmet = [c for c in wanted if not any(speaks(sid, c) for sid, _ in chosen)]
            if unit.same_gender or unmet:
                # same gender first (a hard rule), then someone who speaks an unmet case's language (level 3)
                missing = unit.same_gender - {genders[sid] for sid, _ in chosen}
                pool = sorted(pool, key=lambda sid: (genders[sid] not in missing,
                                                     not any(speaks(sid, c) for c in unmet), sid))
            for sid in pool:
                if sid in used:
                    continue
                used.add(sid)
                chosen.append((sid, role))
                if dfs(i + 1):
                    return True
                chosen.pop()
                used.discard(sid)
            return False

        return tuple(chosen) if dfs(0) else None

    # -- booking ---------------------------------------------------------------------
    def book(self, unit: Unit, a: Assignment) -> None:
        option = unit.options[a.option]
        for leg in option.itinerary.legs:
            self.seats[leg.id] += unit.person_seats + unit.n_escorts
            self.forced[leg.id] += unit.forced
            self.stretchers[leg.id] += unit.stretchers
            self.leg_users[leg.id].append(unit.key)
        if a.ret is not None:
            ret = option.returns[a.ret]
            for leg in ret.legs:
                self.seats[leg.id] += unit.n_escorts
                self.leg_users[leg.id].append(unit.key)
            for sid, role in a.escorts:
                self.staff_spans[sid].append((self.res.escort_span(option, ret, role), unit.key))
                self.staff_trips[sid] += 1
        self.vehicle_spans[a.vehicle].append((self.res.vehicle_span(unit, option, a.vehicle), unit.key))


    def unbook(self, unit: Unit, a: Assignment) -> None:
        option = unit.options[a.option]
        for leg in option.itinerary.legs:
            self.seats[leg.id] -= unit.person_seats + unit.n_escorts
            self.forced[leg.id] -= unit.forced
            self.stretchers[leg.id] -= unit.stretchers
            self.leg_users[leg.id].remove(unit.key)
        if a.ret is not None:
            for leg in option.returns[a.ret].legs:
                self.seats[leg.id] -= unit.n_escorts
                self.leg_users[leg.id].remove(unit.key)
            for sid, _ in a.escorts:
                self.staff_spans[sid] = [(sp, k) for sp, k in self.staff_spans[sid] if k != unit.key]
                self.staff_trips[sid] -= 1
        self.vehicle_spans[a.vehicle] = [(sp, k) for sp, k in self.vehicle_spans[a.vehicle] if k != unit.key]


def _index_of(option: TripOption, ret: Itinerary) -> int:
    return next(r for r, it in enumerate(option.returns) if it is ret)


def replay(ix: Index, res: Resources, assignments: dict[str, Assignment]) -> Occupancy:
    occ = Occupancy(ix, res)
    units = {u.key: u for u in ix.units}
    for key, a in assignments.items():
        occ.book(units[key], a)
    return occ
