"""The objective's named terms, assembled in one place; values reported per term after solving.

Level 1 planned priority (maximise), level 2 disruption (minimise, only with a previous plan),
level 3 language mismatch (minimise), level 4 cost in integer cents (minimise). Solved
lexicographically (`solver.cpsat`): priority and disruption in one phase (weights that keep their
order), then language, then cost, each later phase keeping the earlier levels as constraints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ortools.sat.python import cp_model

from solver import previous
from solver.language import counts_for_language, mismatches, speakers
from solver.timegrid import COST_SCALE, cents

if TYPE_CHECKING:
    from solver.selection import Assignment
    from solver.variables import Vars
    from solver.warm_start import PreviousChoice

Expr = cp_model.LinearExpr | int
"""An objective term: a linear expression, or 0 when no unit contributes (`sum` of nothing)."""


def planned_priority(v: Vars) -> Expr:
    return sum(unit.priority * v.assigned(unit) for unit in v.units())


def language_mismatch(v: Vars) -> tuple[Expr, int]:
    """Level 3: planned cases with preferred languages whose escorts speak none of them, and the most
    it can be (the number of such cases in units with escorts; 0 = nothing to optimise)."""
    s = v.ix.scenario
    terms = []
    most = 0
    for unit in v.units():
        if not unit.n_escorts:
            continue
        k = unit.key
        by_speakers: dict[tuple[str, ...], int] = {}
        for c in unit.cases:
            if counts_for_language(c):
                key = tuple(speakers(s, c, unit.staff))
                by_speakers[key] = by_speakers.get(key, 0) + 1
        for who, count in sorted(by_speakers.items()):
            most += count
            if not who:
                terms.append(count * v.assigned(k))
                continue
            miss = v.model.new_bool_var(f"language_mismatch[{k},{len(terms)}]")
            v.model.add(miss + sum(v.escorts(k, sid) for sid in who) >= v.assigned(k))
            terms.append(count * miss)
    return sum(terms), most


def disruption(v: Vars, previous_choice: dict[str, PreviousChoice]) -> Expr:
    """Cases planned before whose outbound legs, vehicle, escort set or escort returns change, or that
    drop out: models/disruption.py's definition as constraints (`disruption_of` is the plain one).

    `previous_choice[unit]` = (option index of the previous outbound or None, vehicle, staff set,
    index of the previous return among that option's returns or None when it had escorts but the
    return is not offered, -1 without escorts). A unit keeps its place only if all stay; each of its
    cases counts once.
    """
    terms = []
    model = v.model
    for unit in v.units():
        prev = previous_choice.get(unit.key)
        if prev is None:
            continue
        option, vehicle, staff, ret = prev
        same_parts: list[Any] | None
        same_parts = []
        if option is not None and ret is not None:
            same_parts.append(v.option_of(unit, option))
            if ret >= 0 and unit.n_escorts:
                same_parts.append(v.return_of(unit, option, ret))
            elif unit.n_escorts:
                same_parts = None  # escorts now, none before: their returns are new
        else:
            same_parts = None
        if same_parts is not None and vehicle is not None and v.may_use_vehicle(unit, vehicle):
            same_parts.append(v.uses_vehicle(unit, vehicle))
        elif same_parts is not None:
            same_parts = None
        if same_parts is not None:
            for sid in staff:
                if not v.may_escort(unit, sid):
                    same_parts = None
                    break
                same_parts.append(v.escorts(unit, sid))
        if same_parts is not None and len(staff) != unit.n_escorts:
            same_parts = None
        kept = model.new_bool_var(f"kept[{unit.key}]")
        if same_parts is None:
            model.add(kept == 0)
        else:
            model.add_bool_and(same_parts).only_enforce_if(kept)
            model.add_bool_or([p.Not() for p in same_parts] + [kept])
        v.kept[unit.key] = kept
        terms.append(len(unit.cases) * (1 - kept))
    return sum(terms)


def disruption_of(v: Vars, previous_choice: dict[str, PreviousChoice], assignments: dict[str, Assignment]) -> int:
    """The disruption of a solution given as assignments: `solver.previous.disruption`, the plain
    definition that `disruption` encodes (tests/solver/test_disruption_agrees.py holds them together)."""
    return previous.disruption([u for u in v.units() if u.key in previous_choice], assignments)


def language_of(v: Vars, assignments: dict[str, Assignment]) -> int:
    """The language mismatch of a solution given as assignments, computed like `language_mismatch`."""
    s = v.ix.scenario
    units = {u.key: u for u in v.units()}
    return sum(mismatches(s, units[k].cases, [sid for sid, _ in a.escorts]) for k, a in assignments.items()
               if k in units)


def cost_terms(v: Vars) -> dict[str, Expr]:
    """Named cost terms in cents: fares, waiting, vehicle km, escort hours."""
    res, ix = v.res, v.ix
    s = ix.scenario
    km_eur = s.settings.vehicle_km_eur
    outbound, fares_back, vehicle, hours = [], [], [], []
    for unit in v.units():
        k = unit.key
        for o in unit.options:
            outbound.append(cents(o.outbound_cost_eur) * v.option_of(k, o.index))
            vehicle.append(cents(km_eur * ix.km(unit.location.id, o.airport)) * v.option_of(k, o.index))
            for r, it in enumerate(o.returns):
                fares_back.append(cents(unit.n_escorts * it.fare_eur) * v.return_of(k, o.index, r))
        for vid in unit.vehicles:
            depot = res.vehicles[vid].depot
            vehicle.append(cents(km_eur * ix.km(depot, unit.location.id)) * v.uses_vehicle(k, vid))
            for a, var in v.vehicle_airports(k, vid):
                vehicle.append(cents(km_eur * ix.km(a, depot)) * var)
        if unit.n_escorts:
            for sid in unit.staff:
                rate = res.staff[sid].hour_cost_eur
                if rate <= 0:
                    continue
                minutes = v.length_var(f"escort_minutes[{k},{sid}]")
                for role in res.staff[sid].roles:  # escort trip start by role (rule 7) to the last return arrival
                    if v.may_escort(k, sid, role):
                        v.model.add(minutes >= v.return_arrival_of(k) - v.escort_start(unit, role)).only_enforce_if(
                            v.escorts_as(k, sid, role))
                hours.append(round(rate * COST_SCALE / 60) * minutes)
    return {
        "fares_and_waiting": sum(outbound),
        "return_fares": sum(fares_back),
        "vehicle_km": sum(vehicle),
        "escort_hours": sum(hours),
    }
