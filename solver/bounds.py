"""Which bound a plan may report: one that holds for the FULL problem of FORMAT.md.

CP-SAT proves its bound on the options the index offered. When caps or planner defaults left
options out (`Unit.pruned`), or a trip's pickup time is fixed while the vehicle it shares could have
needed an earlier one, that bound is only *restricted*: it goes to `solver["restricted_bound"]`, the
status is never "optimal", and the plan's bound is one that holds anyway. Why it holds: take any
plan of the full problem and drop the trips of restricted units; what is left uses only offered
options, so its priority is at most the restricted bound. Hence

    full bound = min(sum of priority over units that could travel at all,
                     restricted bound + sum of priority over restricted units).
"""

from __future__ import annotations

from collections import defaultdict

from solver.index import Index
from solver.pruning import Pruned
from solver.resources import Resources

FIXED_PICKUP = Pruned.FIXED_PICKUP


def mark_fixed_pickups(ix: Index, res: Resources) -> None:
    """Each option has one pickup time (the latest that keeps check-in). An earlier one can only help
    a vehicle: to be back before its next trip, or to fit an availability window. Units whose vehicle
    is shared with another unit, or where a window rejected the latest pickup, are restricted."""
    sharing: dict[str, list] = defaultdict(list)
    for unit in ix.units:
        for vid in unit.vehicles if unit.options else ():
            sharing[vid].append(unit)
    for units in sharing.values():
        if len(units) > 1:
            for unit in units:
                unit.pruned.add(FIXED_PICKUP)
    for unit in ix.units:  # the window test only where sharing did not settle it (it is the slow one)
        if unit.options and FIXED_PICKUP not in unit.pruned and any(
                not res.vehicle_window_ok(res.vehicle_span(unit, o, vid), vid)
                for o in unit.options for vid in unit.vehicles):
            unit.pruned.add(FIXED_PICKUP)


def restricted_by(ix: Index) -> dict[str, int]:
    """Why the option set is restricted: reason -> number of units."""
    out: dict[str, int] = defaultdict(int)
    for unit in ix.units:
        for why in unit.pruned:
            out[why] += 1
    return dict(sorted(out.items()))


def full_problem_bound(ix: Index, restricted_bound: float | None) -> float:
    """An upper bound on planned priority that holds for the full problem (see the module doc)."""
    could_travel = sum(u.priority for u in ix.units if u.options or u.pruned)
    if restricted_bound is None:
        return float(could_travel)
    restricted = sum(u.priority for u in ix.units if u.pruned)
    return float(min(could_travel, restricted_bound + restricted))
