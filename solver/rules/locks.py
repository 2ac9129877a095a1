"""Rule 8: locked cases are planned with exactly their locked staff (flights, vehicle and care
locks already narrow the options in the index; forbids narrow eligibility there too).

"Planned" is guarded by an assumption literal per lock: FORMAT.md lets a plan leave a locked case
unplanned when the lock cannot be kept, and `solver.relax` finds which locks really conflict."""

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

CODES = ("rule8.lock_unplanned", "rule8.lock_staff", "rule8.lock_vehicle", "rule8.forbid_staff",
         "rule8.forbid_vehicle")
EXPLAINS = ("lock",)


def add(v: Vars) -> list[Guard]:
    guards = []
    for unit in v.units():
        if not unit.locked:
            continue
        k = unit.key
        keep = v.model.new_bool_var(f"keep_lock[{k}]")
        v.model.add(v.assigned(k) == 1).only_enforce_if(keep).with_name(f"lock[{k}]")
        guards.append(Guard(keep, "lock", k))
        if unit.locked_staff is not None:
            for sid in unit.staff:
                v.model.add(v.escorts(k, sid) == v.assigned(k))
    return guards


def locked_vehicle(scenario, case_ids) -> str | None:
    """The vehicle a lock of one of `case_ids` names, if any."""
    ids = set(case_ids)
    return next((lk.vehicle for lk in scenario.locks if lk.case in ids and lk.vehicle), None)


def forbidden(scenario, case_ids, what: str) -> set[str]:
    """The vehicles (`what="vehicle"`) or staff (`what="staff"`) a forbid of one of `case_ids` names."""
    ids = set(case_ids)
    return {getattr(fb, what) for fb in scenario.forbids if fb.case in ids and getattr(fb, what)}


def add_guarded(um: UnitModel) -> None:
    """Forbidden and not-locked vehicles and people are out, locked people are in: each guarded."""
    m, unit, s = um.model, um.unit, um.s
    locked = locked_vehicle(s, unit.case_ids)
    no_vehicles = forbidden(s, unit.case_ids, "vehicle")
    for v in s.vehicles:
        y = um.y[v.id]
        if v.id in no_vehicles:
            m.add_implication(um.guard("lock", "forbid_vehicle", v.id), y.Not())
        if locked is not None and v.id != locked:
            m.add_implication(um.guard("lock", "vehicle", v.id), y.Not())
    if not unit.n_escorts:
        return
    no_staff = forbidden(s, unit.case_ids, "staff")
    for p in um.holders:
        e = um.e[p.id]
        if p.id in no_staff:
            m.add_implication(um.guard("lock", "forbid_staff", p.id), e.Not())
        if unit.locked_staff is not None:
            if p.id in unit.locked_staff:
                m.add_implication(um.guard("lock", "staff_required", p.id), e)
            else:
                m.add_implication(um.guard("lock", "staff", p.id), e.Not())


def conflict(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    s = occ.ix.scenario
    out = []
    locked = locked_vehicle(s, unit.case_ids)
    if locked is not None and a.vehicle != locked:
        out.append(Blocker("rule8.lock_vehicle", a.vehicle))
    if a.vehicle in forbidden(s, unit.case_ids, "vehicle"):
        out.append(Blocker("rule8.forbid_vehicle", a.vehicle))
    staff = {sid for sid, _ in a.escorts}
    out += [Blocker("rule8.forbid_staff", sid) for sid in sorted(staff & forbidden(s, unit.case_ids, "staff"))]
    if unit.locked_staff is not None and staff != set(unit.locked_staff):
        out.append(Blocker("rule8.lock_staff", unit.key))
    return out
