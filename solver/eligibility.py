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
        if v.seats < unit.persons_in_vehicle + unit.riding_escorts:
            continue
        if v.wheelchair_places < unit.wchc or v.stretcher_places < unit.stretchers:
            continue
        out.append(v.id)
    return out


def lock_blockers(s: Scenario, unit: Unit, unit_locks: list) -> list[str]:
    """Why the unit's locks cannot be kept by any plan at all (checked before the model is built).

    The model asks "is each eligible locked escort on the trip" (a wrong number of escorts makes
    that impossible there, and the explanations name it); a locked escort who cannot escort this case
    at all, or two locks of one group that name different flights, escorts or vehicles, would
    otherwise slip through."""
    out = []
    for what in ("flights", "staff", "vehicle"):
        named = {frozenset(v) if what == "staff" else v for lk in unit_locks if (v := getattr(lk, what)) is not None}
        if len(named) > 1:
            out.append(f"the locks of this group name different {what}")
    if unit.locked_staff is None:
        return out
    ids = set(unit.case_ids)
    forbidden = {f.staff for f in s.forbids if f.case in ids and f.staff}
    needs = ", ".join(role.value for role in unit.needs) or "none"
    for sid in sorted(unit.locked_staff - set(unit.staff)):
        staff = s.staff_by_id[sid]
        if sid in forbidden:
            out.append(f"locked escort {sid} is excluded for this case")
        elif staff.max_trips < 1:
            out.append(f"locked escort {sid} may make no trips (max_trips 0)")
        else:
            out.append(f"locked escort {sid} holds none of the roles this case needs ({needs})")
    return out
