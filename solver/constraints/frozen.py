"""Trips departing within freeze_hours stay exactly as announced: legs, pickup, vehicle, escorts."""

from __future__ import annotations

LABEL = "Frozen trip"


def add(v, frozen=None) -> None:
    for key, a in (frozen or {}).items():
        model = v.model
        model.add(v.x[key, a.option] == 1).with_name(f"frozen[{key}]")
        if a.ret is not None:
            model.add(v.ret[key, a.option, a.ret] == 1)
        model.add(v.veh[key, a.vehicle] == 1)
        for sid, role in a.escorts:
            model.add(v.esc_role[key, sid, role] == 1)

