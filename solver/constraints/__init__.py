"""Hard rule families as CP-SAT constraints, applied in this order.

Rules 1, 2 and 6 (per-trip dates, itinerary shape, care) are kept by construction in
`solver.index`: only options that keep them become variables.
"""

from __future__ import annotations

from solver.constraints import escorts, frozen as frozen_trips, legs, locks, vehicles

RULE_FAMILIES = (legs, vehicles, escorts, locks, frozen_trips)
"""Each module has LABEL (what the UI shows) and add(vars, ...)."""


def add_all(v, *, force_locks: bool = True, frozen: dict | None = None) -> None:
    legs.add(v)
    vehicles.add(v)
    escorts.add(v)
    locks.add(v, force=force_locks)
    frozen_trips.add(v, frozen)
