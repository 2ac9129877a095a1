"""Who and what may serve a unit at all: staff by role, forbids and locks; vehicles by size and forbids."""

from __future__ import annotations

from models import Scenario
from solver.units import Unit


def eligible_staff(s: Scenario, unit: Unit) -> list[str]:
    if not unit.needs:
        return []
    ids = set(unit.case_ids)
    forbidden = {f.staff for f in s.forbids if f.case in ids and f.staff}
    out = []
    for st in s.staff:
        if st.max_trips < 1 or st.id in forbidden:
            continue
        if unit.locked_staff is not None and st.id not in unit.locked_staff:
            continue
        if any(role in unit.needs for role in st.roles):
            out.append(st.id)
    return out


def eligible_vehicles(s: Scenario, unit: Unit, locked: list[str]) -> list[str]:
    ids = set(unit.case_ids)
    forbidden = {f.vehicle for f in s.forbids if f.case in ids and f.vehicle}
    out = []
    for v in s.vehicles:
        if v.id in forbidden or (locked and v.id not in locked):
            continue
        if v.seats < unit.persons_in_vehicle + unit.n_escorts:
            continue
        if v.wheelchair_places < unit.wchc or v.stretcher_places < unit.stretchers:
            continue
        out.append(v.id)
    return out
