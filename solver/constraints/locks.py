"""Rule 8: locked cases are planned with exactly their locked staff (flights, vehicle and care
locks already narrow the options in the index; forbids narrow eligibility there too).

"Planned" is guarded by an assumption literal per lock: FORMAT.md lets a plan leave a locked case
unplanned when the lock cannot be kept, and `solver.relax` finds which locks really conflict."""

from __future__ import annotations

from solver.relax import Guard

LABEL = "Locked by the coordinator"


def add(v) -> list[Guard]:
    guards = []
    for unit in v.units():
        if not unit.locked:
            continue
        k = unit.key
        keep = v.model.new_bool_var(f"keep_lock[{k}]")
        v.model.add(v.planned[k] == 1).only_enforce_if(keep).with_name(f"lock[{k}]")
        guards.append(Guard(keep, "lock", k))
        if unit.locked_staff is not None:
            for sid in unit.staff:
                v.model.add(v.esc[k, sid] == v.planned[k])
    return guards
