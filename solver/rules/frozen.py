"""Trips departing within freeze_hours stay exactly as announced: legs, pickup, vehicle, escorts.

Each frozen trip is guarded by an assumption literal: when frozen trips cannot all stay (FORMAT.md:
"unless that is impossible"), `solver.relax` finds which ones must give way. The explanation model
has no frozen guard: a frozen trip is planned (as it was), never explained as unplanned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver.relax import Guard
from solver.rules.base import Blocker

if TYPE_CHECKING:
    from solver.explain.core import UnitModel
    from solver.occupancy import Occupancy
    from solver.selection import Assignment
    from solver.units import Unit
    from solver.variables import Vars

CODES = ("frozen.changed",)
EXPLAINS = ()


def add(v: Vars) -> list[Guard]:
    guards = []
    model = v.model
    for key, a in sorted(v.frozen.items()):
        keep = model.new_bool_var(f"keep_frozen[{key}]")
        model.add(v.option_of(key, a.option) == 1).only_enforce_if(keep).with_name(f"frozen[{key}]")
        if a.ret is not None:
            model.add(v.return_of(key, a.option, a.ret) == 1).only_enforce_if(keep)
        model.add(v.uses_vehicle(key, a.vehicle) == 1).only_enforce_if(keep)
        for sid, role in a.escorts:
            model.add(v.escorts_as(key, sid, role) == 1).only_enforce_if(keep)
        guards.append(Guard(keep, "frozen trip", key))
    return guards


def add_guarded(um: UnitModel) -> None:
    return None


def conflict(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    """A frozen unit's assignment must be its previous trip: same outbound, vehicle and escorts."""
    trip = unit.previous_trip
    if not unit.frozen or trip is None:
        return []
    same = (a.option == unit.previous_option and a.vehicle == trip.vehicle
            and {sid for sid, _ in a.escorts} == {e.staff for e in trip.escorts})
    return [] if same else [Blocker("frozen.changed", unit.key)]
