"""The greedy baseline: planning as done by hand, and the CP-SAT model's first hint.

Most urgent deadline first; for each trip the earliest itinerary that still has seats, the first
free vehicle, the first free escorts.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from solver.index import Index, TripOption, Unit
from solver.occupancy import Occupancy
from solver.resources import Resources
from solver.selection import Assignment


def _urgency(unit: Unit):
    return (min(c.deadline for c in unit.cases), -unit.priority, unit.key)


def feasible_assignments(occ: Occupancy, unit: Unit) -> Iterator[tuple[TripOption, Assignment]]:
    """For each option in order that still fits, the first free vehicle, return and escort team."""
    for option in unit.options:
        if occ.outbound_problems(unit, option):
            continue
        vehicle = occ.free_vehicle(unit, option)
        if vehicle is None:
            continue
        if not unit.needs:
            yield option, Assignment(unit.key, option.index, None, vehicle, ())
            continue
        for r, ret in enumerate(option.returns):
            if not occ.return_fits(unit, option, ret):
                continue
            escorts = occ.pick_escorts(unit, option, ret)
            if escorts is not None:
                yield option, Assignment(unit.key, option.index, r, vehicle, escorts)
                break


def try_unit(occ: Occupancy, unit: Unit) -> Assignment | None:
    """The earliest option that fits (how it is done by hand)."""
    return next((a for _, a in feasible_assignments(occ, unit)), None)


def best_fit_unit(occ: Occupancy, unit: Unit, max_checked: int = 12) -> Assignment | None:
    """Among the first feasible options, the one that holds its escorts for the shortest time."""
    def escort_minutes(item: tuple[TripOption, Assignment]) -> tuple:
        option, a = item
        held = (option.returns[a.ret].arr - option.pickup_min) * unit.n_escorts if a.ret is not None else 0
        return held, option.outbound_cost_eur

    found = list(islice(feasible_assignments(occ, unit), max_checked))
    return min(found, key=escort_minutes)[1] if found else None


def solve_greedy(ix: Index, res: Resources, fixed: dict[str, Assignment] | None = None) -> dict[str, Assignment]:
    """`fixed` assignments are booked first (e.g. frozen trips), then the rest by urgency."""
    occ = Occupancy(ix, res)
    chosen: dict[str, Assignment] = {}
    units = {u.key: u for u in ix.units}
    for key, kept in (fixed or {}).items():
        occ.book(units[key], kept)
        chosen[key] = kept
    for unit in sorted((u for u in ix.units if u.options and u.key not in chosen), key=_urgency):
        a = try_unit(occ, unit)
        if a is not None:
            occ.book(unit, a)
            chosen[unit.key] = a
    return chosen
