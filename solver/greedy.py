"""The greedy baseline: planning as done by hand, and the CP-SAT model's first hint.

Most urgent deadline first; for each trip the earliest itinerary that still has seats, the first
free vehicle, the first free escorts.
"""

from __future__ import annotations

from solver.index import Index, Unit
from solver.occupancy import Occupancy
from solver.resources import Resources
from solver.selection import Assignment


def _urgency(unit: Unit):
    return (min(c.deadline for c in unit.cases), -unit.priority, unit.key)


def try_unit(occ: Occupancy, unit: Unit) -> Assignment | None:
    for option in unit.options:
        if occ.outbound_problems(unit, option):
            continue
        vehicle = occ.free_vehicle(unit, option)
        if vehicle is None:
            continue
        if not unit.needs:
            return Assignment(unit.key, option.index, None, vehicle, ())
        for r, ret in enumerate(option.returns):
            if not occ.return_fits(unit, ret):
                continue
            escorts = occ.pick_escorts(unit, option, ret)
            if escorts is not None:
                return Assignment(unit.key, option.index, r, vehicle, escorts)
    return None


def best_fit_unit(occ: Occupancy, unit: Unit, max_checked: int = 12) -> Assignment | None:
    """Among the first feasible options, the one that holds its escorts for the shortest time."""
    best, best_key = None, None
    checked = 0
    for option in unit.options:
        if occ.outbound_problems(unit, option):
            continue
        vehicle = occ.free_vehicle(unit, option)
        if vehicle is None:
            continue
        if not unit.needs:
            return Assignment(unit.key, option.index, None, vehicle, ())
        for r, ret in enumerate(option.returns):
            if not occ.return_fits(unit, ret):
                continue
            escorts = occ.pick_escorts(unit, option, ret)
            if escorts is not None:
                key = ((ret.arr - option.pickup_min) * unit.n_escorts, option.outbound_cost_eur)
                if best_key is None or key < best_key:
                    best, best_key = Assignment(unit.key, option.index, r, vehicle, escorts), key
                break
        checked += 1
        if checked >= max_checked and best is not None:
            break
    return best


def solve_greedy(ix: Index, res: Resources, fixed: dict[str, Assignment] | None = None) -> dict[str, Assignment]:
    """`fixed` assignments are booked first (e.g. frozen trips), then the rest by urgency."""
    occ = Occupancy(ix, res)
    chosen: dict[str, Assignment] = {}
    units = {u.key: u for u in ix.units}
    for key, a in (fixed or {}).items():
        occ.book(units[key], a)
        chosen[key] = a
    for unit in sorted((u for u in ix.units if u.options and u.key not in chosen), key=_urgency):
        a = try_unit(occ, unit)
        if a is not None:
            occ.book(unit, a)
            chosen[unit.key] = a
    return chosen
