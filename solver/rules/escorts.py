"""Rules 4 and 7 for people: same gender, excluded countries, no overlapping trips (rest included),
unavailability and max_trips. An escort's trip starts by role: airport-joining roles at their
airport report time (amended rule 7). Rule 10 (duty) is kept by the options themselves (`solver.index`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ortools.sat.python import cp_model

from models import timeline as tl
from solver.duty import joins_at_airport
from solver.rules.base import Blocker
from solver.windows import clip_spans

if TYPE_CHECKING:
    from models.common import Role
    from solver.explain.core import UnitModel
    from solver.itineraries import Itinerary
    from solver.occupancy import Occupancy
    from solver.relax import Guard
    from solver.resources import Span
    from solver.selection import Assignment
    from solver.units import TripOption, Unit
    from solver.variables import Vars

CODES = ("rule4.escort_count", "rule4.role", "rule4.same_gender", "rule4.excluded_country",
         "rule7.overlap", "rule7.unavailable", "rule7.max_trips")
EXPLAINS = ("staff", "same_gender", "excluded_country")


def add(v: Vars) -> list[Guard]:
    model, res, ix = v.model, v.res, v.ix
    st = ix.scenario.settings
    intervals: dict[str, list[cp_model.IntervalVar]] = {sid: [] for sid in res.staff}
    trips: dict[str, list[cp_model.IntVar]] = {sid: [] for sid in res.staff}
    for unit in v.units():
        if not unit.n_escorts:
            continue
        k = unit.key
        for g in sorted(unit.same_gender, key=lambda g: g.value):
            same = [v.escorts(k, sid) for sid in unit.staff if res.staff[sid].gender == g]
            model.add(sum(same) >= v.assigned(k)).with_name(f"same_gender[{k},{g.value}]")
        end = v.time_var(f"escort_trip_end[{k}]")
        model.add(end == v.return_arrival_of(k) + tl.rest_after(st))
        for sid in unit.staff:
            e = v.escorts(k, sid)
            if res.staff[sid].excluded_countries:
                for o in unit.options:
                    if not res.staff_may_fly(sid, o.itinerary):
                        model.add_bool_or([e.Not(), v.option_of(k, o.index).Not()])
                        continue
                    for r, it in enumerate(o.returns):
                        if not res.staff_may_fly(sid, it):
                            model.add_bool_or([e.Not(), v.return_of(k, o.index, r).Not()])
            # the start depends on the role filled (rule 7): one interval per kind of start
            for airport, present in _by_start(v, unit, sid):
                role = next(r for r in unit.needs if joins_at_airport(r, st) == airport)
                size = v.length_var(f"escort_trip_length[{k},{sid},{int(airport)}]")
                intervals[sid].append(model.new_optional_interval_var(
                    v.escort_start(unit, role), size, end, present, f"escort_trip[{k},{sid},{int(airport)}]"))
            trips[sid].append(e)
    _role_capacity(v)
    low, high = v.horizon
    for sid, items in intervals.items():
        # disjoint by construction (solver.windows), cut to the model horizon
        blocked = clip_spans(((span.start, span.end) for span in res.unavailable[sid]), low, high) if items else []
        fixed = [
            model.new_fixed_size_interval_var(start, end - start, f"unavailable[{sid},{i}]")
            for i, (start, end) in enumerate(blocked)
        ]
        if len(items) + len(fixed) > 1:
            model.add_no_overlap(items + fixed)
        if trips[sid]:
            model.add(sum(trips[sid]) <= res.staff[sid].max_trips).with_name(f"max_trips[{sid}]")
    return []


def _by_start(v: Vars, unit: Unit, sid: str) -> list[tuple[bool, cp_model.IntVar]]:
    """(joins at the airport?, literal "fills a role of that kind") for each kind this person can fill."""
    st = v.ix.scenario.settings
    kinds: dict[bool, list[cp_model.IntVar]] = {}
    for role in v.res.staff[sid].roles:
        if role in unit.needs:
            kinds.setdefault(joins_at_airport(role, st), []).append(v.escorts_as(unit, sid, role))
    if len(kinds) == 1:
        return [(next(iter(kinds)), v.escorts(unit, sid))]
    out = []
    for airport, lits in sorted(kinds.items()):
        if len(lits) == 1:
            out.append((airport, lits[0]))
        else:
            lit = v.model.new_bool_var(f"escort_kind[{unit.key},{sid},{int(airport)}]")
            v.model.add(sum(lits) == lit)
            out.append((airport, lit))
    return out


def _role_capacity(v: Vars) -> None:
    """Redundant: at any moment, the escorts of one role on trips <= staff holding that role.

    Implied by the per-person no-overlap; stated per role it gives CP-SAT a much stronger bound.
    """
    model, res, st = v.model, v.res, v.ix.scenario.settings
    per_role: dict = {}
    for unit in v.units():
        if not unit.n_escorts:
            continue
        k = unit.key
        end = v.time_var(f"team_trip_end[{k}]")
        model.add(end == v.return_arrival_of(k) + tl.rest_after(st))
        team: dict[bool, object] = {}
        for role, count in unit.needs.items():
            airport = joins_at_airport(role, st)
            if airport not in team:
                size = v.length_var(f"team_trip_length[{k},{int(airport)}]")
                team[airport] = model.new_optional_interval_var(v.escort_start(unit, role), size, end, v.assigned(k),
                                                                f"team_trip[{k},{int(airport)}]")
            per_role.setdefault(role, []).append((team[airport], count, k))
    for role, items in per_role.items():
        holders = sum(1 for s in res.staff.values() if role in s.roles and s.max_trips > 0)
        model.add_cumulative([i for i, _, _ in items], [c for _, c, _ in items], holders)
        trips = sum(s.max_trips for s in res.staff.values() if role in s.roles)
        model.add(sum(c * v.assigned(k) for _, c, k in items) <= trips)


def add_guarded(um: UnitModel) -> None:
    """Each candidate escort: trips left, free, available, allowed to travel there; same gender."""
    if not um.unit.n_escorts:
        return
    m, unit, occ, res = um.model, um.unit, um.occ, um.res
    for p in um.holders:
        e = um.e[p.id]
        if occ.staff_trips[p.id] + 1 > p.max_trips:
            um.block(um.guard_key("staff", "max_trips", p.id), e)
        for o in unit.options:
            for j, ret in enumerate(o.returns):
                span = um.escort_spans[o.index, j]
                r = um.r[o.index, j]
                checks = (
                    (("staff", "busy", p.id), any(span.overlaps(other) for other, _ in occ.staff_spans[p.id])),
                    (("staff", "unavailable", p.id), res.staff_unavailable(p.id, span)),
                    (("excluded_country", "staff", p.id), not res.staff_may_fly(p.id, o.itinerary, ret)),
                )
                for key, hit in checks:
                    if hit:
                        um.block_pair(um.guard_key(*key), e, r, (o.index, j))
    for g in sorted(unit.same_gender, key=lambda g: g.value):
        guard = um.guard("same_gender", "gender", g.value)
        same = [um.e[p.id] for p in um.holders if p.gender == g]
        if same:
            m.add(sum(same) >= 1).only_enforce_if(guard)
        else:
            m.add_bool_or([guard.Not()])


def person_conflict(occ: Occupancy, option: TripOption, ret: Itinerary, sid: str, role: Role,
                    span: Span) -> Iterator[Blocker]:
    """`conflict` for one escort: what `sid` in `role` (escort span `span`) breaks on this trip,
    lazily (the greedy's candidate search stops at the first)."""
    res, staff = occ.res, occ.res.staff[sid]
    if role not in staff.roles:
        yield Blocker("rule4.role", sid)
    if not res.staff_may_fly(sid, option.itinerary, ret):
        yield Blocker("rule4.excluded_country", sid)
    if occ.staff_trips[sid] >= staff.max_trips:
        yield Blocker("rule7.max_trips", sid)
    if res.staff_unavailable(sid, span):
        yield Blocker("rule7.unavailable", sid)
    if any(span.overlaps(other) for other, _ in occ.staff_spans[sid]):
        yield Blocker("rule7.overlap", sid)


def conflict(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    if a.ret is None:
        return [Blocker("rule4.escort_count", unit.key)] if unit.n_escorts else []
    option = unit.options[a.option]
    ret = option.returns[a.ret]
    res = occ.res
    out: list[Blocker] = []
    filled: dict = {}
    for sid, role in a.escorts:
        filled[role] = filled.get(role, 0) + 1
        out += person_conflict(occ, option, ret, sid, role, res.escort_span(option, ret, role))
    if filled != dict(unit.needs):
        out.append(Blocker("rule4.escort_count", unit.key))
    if not unit.same_gender <= {res.staff[sid].gender for sid, _ in a.escorts}:
        out.append(Blocker("rule4.same_gender", unit.key))
    return out
