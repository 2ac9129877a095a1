"""Rule 8: locked cases are planned with exactly their locked staff (flights, vehicle and care
locks already narrow the options in the index; forbids narrow eligibility there too)."""

from __future__ import annotations

LABEL = "Locked by the coordinator"


def add(v, force: bool = True) -> None:
    for unit in v.units():
        if not unit.locked:
            continue
        k = unit.key
        if force:
            v.model.add(v.planned[k] == 1).with_name(f"lock[{k}]")
        if unit.locked_staff is not None:
            for sid in unit.staff:
                v.model.add(v.esc[k, sid] == v.planned[k])
