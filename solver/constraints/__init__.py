"""Hard rule families as CP-SAT constraints, applied in this order.

Rules 1, 2 and 6 (per-trip dates, itinerary shape, care) are kept by construction in
`solver.index`: only options that keep them become variables.
"""

from __future__ import annotations

from solver.constraints import escorts, frozen as frozen_trips, legs, locks, vehicles
from solver.relax import Guard

RULE_FAMILIES = (legs, vehicles, escorts, locks, frozen_trips)
"""Each module has LABEL (what the UI shows) and add(vars, ...)."""


def add_all(v, *, frozen: dict | None = None) -> list[Guard]:
    """All hard rules; returns the assumption literals that guard locks and frozen trips."""
    legs.add(v)
    vehicles.add(v)
    escorts.add(v)
    return locks.add(v) + frozen_trips.add(v, frozen)
