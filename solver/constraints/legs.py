"""Rule 3: seats, forced-departure places and the one stretcher per leg, shared by all trips."""

from __future__ import annotations

from collections import defaultdict

LABEL = "Flight leg capacity"


def add(v) -> None:
    seats = defaultdict(list)
    forced = defaultdict(list)
    stretcher = defaultdict(list)
    legs = {}
    for unit in v.units():
        k = unit.key
        for o in unit.options:
            x = v.x[k, o.index]
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
                    seats[leg.id].append(unit.n_escorts * v.ret[k, o.index, r])
    for leg_id in sorted(legs):
        f = legs[leg_id].flight
        if len(seats[leg_id]) > 1:
            v.model.add(sum(seats[leg_id]) <= f.seats).with_name(f"seats[{leg_id}]")
        if len(forced[leg_id]) > 1:
            v.model.add(sum(forced[leg_id]) <= f.max_forced).with_name(f"forced[{leg_id}]")
        if len(stretcher[leg_id]) > 1:
            v.model.add(sum(stretcher[leg_id]) <= 1).with_name(f"stretcher[{leg_id}]")
