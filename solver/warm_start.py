"""The previous plan as CP-SAT's starting point: which option, vehicle, escorts and return each unit had."""

from __future__ import annotations

from models import Plan, Trip
from solver.units import Index, Unit

PreviousChoice = tuple[int | None, str | None, frozenset[str], int | None]
"""(option, vehicle, escorts, return) of a unit in the previous plan; see `previous_return`."""


def previous_choice(ix: Index, previous: Plan | None) -> dict[str, PreviousChoice] | None:
    """Each unit's trip in the previous plan, when the unit's cases travelled together on one trip."""
    if previous is None:
        return None
    unit_of = ix.unit_of_case()
    out: dict[str, PreviousChoice] = {}
    for trip in previous.trips:
        units = {unit_of[c].key if c in unit_of else None for c in trip.cases}
        if len(units) != 1 or None in units:
            continue
        unit = unit_of[trip.cases[0]]
        option = next((o.index for o in unit.options if o.itinerary.leg_ids == tuple(trip.outbound)), None)
        out[unit.key] = (option, trip.vehicle, frozenset(e.staff for e in trip.escorts),
                         previous_return(unit, option, trip))
    return out


def previous_return(unit: Unit, option: int | None, trip: Trip) -> int | None:
    """Index of the escorts' previous return among the option's returns: -1 for a trip without escorts,
    None when it cannot be kept (not offered, or the escorts flew back on different legs)."""
    returns = {tuple(e.return_) for e in trip.escorts}
    if not trip.escorts:
        return -1
    if option is None or len(returns) != 1:
        return None
    legs = next(iter(returns))
    return next((r for r, it in enumerate(unit.options[option].returns) if it.leg_ids == legs), None)
