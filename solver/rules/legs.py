"""Rule 3: seats, forced-departure places and the one stretcher per leg, shared by all trips."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from solver.rules.base import Blocker

if TYPE_CHECKING:
    from solver.explain.core import UnitModel
    from solver.occupancy import Occupancy
    from solver.relax import Guard
    from solver.selection import Assignment
    from solver.units import Unit
    from solver.variables import Vars

CODES = ("rule3.seats", "rule3.forced", "rule3.stretcher")
EXPLAINS = ("seats", "forced", "stretcher")


def add(v: Vars) -> list[Guard]:
    seats = defaultdict(list)
    forced = defaultdict(list)
    stretcher = defaultdict(list)
    legs = {}
    for unit in v.units():
        k = unit.key
        for o in unit.options:
            x = v.option_of(k, o.index)
            for leg in o.itinerary.legs:
                legs[leg.id] = leg
                seats[leg.id].append((unit.person_seats + unit.n_escorts) * x)
                if unit.forced:
                    forced[leg.id].append(unit.forced * x)
                if unit.stretchers:
                    stretcher[leg.id].append(unit.stretchers * x)
            for r, it in enumerate(o.returns):
                for leg in it.legs:
                    legs[leg.id] = leg
                    seats[leg.id].append(unit.n_escorts * v.return_of(k, o.index, r))
    for leg_id in sorted(legs):
        f = legs[leg_id].flight
        if len(seats[leg_id]) > 1:
            v.model.add(sum(seats[leg_id]) <= f.seats).with_name(f"seats[{leg_id}]")
        if len(forced[leg_id]) > 1:
            v.model.add(sum(forced[leg_id]) <= f.max_forced).with_name(f"forced[{leg_id}]")
        if len(stretcher[leg_id]) > 1:
            v.model.add(sum(stretcher[leg_id]) <= 1).with_name(f"stretcher[{leg_id}]")
    return []


def add_guarded(um: UnitModel) -> None:
    """An option (or return) is out while the leg it needs is full: guarded per leg and kind."""
    m, unit, occ = um.model, um.unit, um.occ
    need = unit.person_seats + unit.n_escorts
    for o in unit.options:
        x = um.x[o.index]
        for leg in o.itinerary.legs:
            f = leg.flight
            if occ.seats[leg.id] + need > f.seats:
                m.add_implication(um.guard("seats", "leg", leg.id), x.Not())
            if unit.forced and occ.forced[leg.id] + unit.forced > f.max_forced:
                m.add_implication(um.guard("forced", "leg", leg.id), x.Not())
            if unit.stretchers and occ.stretchers[leg.id] + unit.stretchers > 1:
                m.add_implication(um.guard("stretcher", "leg", leg.id), x.Not())
        for j, ret in enumerate(o.returns if unit.n_escorts else ()):
            for leg in ret.legs:
                if occ.seats[leg.id] + unit.n_escorts > leg.flight.seats:
                    m.add_implication(um.guard("seats", "leg", leg.id), um.r[o.index, j].Not())


def conflict(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    option = unit.options[a.option]
    need = unit.person_seats + unit.n_escorts
    out = []
    for leg in option.itinerary.legs:
        f = leg.flight
        if occ.seats[leg.id] + need > f.seats:
            out.append(Blocker("rule3.seats", leg.id))
        if unit.forced and occ.forced[leg.id] + unit.forced > f.max_forced:
            out.append(Blocker("rule3.forced", leg.id))
        if unit.stretchers and occ.stretchers[leg.id] + unit.stretchers > 1:
            out.append(Blocker("rule3.stretcher", leg.id))
    if a.ret is not None:
        for leg in option.returns[a.ret].legs:
            if occ.seats[leg.id] + unit.n_escorts > leg.flight.seats:
                out.append(Blocker("rule3.seats", leg.id))
    return out
