"""Trips departing within freeze_hours stay exactly as announced: legs, pickup, vehicle, escorts.

Each frozen trip is guarded by an assumption literal: when frozen trips cannot all stay (FORMAT.md:
"unless that is impossible"), `solver.relax` finds which ones must give way."""

from __future__ import annotations

from solver.relax import Guard

LABEL = "Frozen trip"


def add(v, frozen=None) -> list[Guard]:
    guards = []
    model = v.model
    for key, a in sorted((frozen or {}).items()):
        keep = model.new_bool_var(f"keep_frozen[{key}]")
        model.add(v.x[key, a.option] == 1).only_enforce_if(keep).with_name(f"frozen[{key}]")
        if a.ret is not None:
            model.add(v.ret[key, a.option, a.ret] == 1).only_enforce_if(keep)
        model.add(v.veh[key, a.vehicle] == 1).only_enforce_if(keep)
        for sid, role in a.escorts:
            model.add(v.esc_role[key, sid, role] == 1).only_enforce_if(keep)
        guards.append(Guard(keep, "frozen trip", key))
    return guards
