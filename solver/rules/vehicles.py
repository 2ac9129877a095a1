"""Rule 5: a vehicle that fits the trip, inside its availability, never on two trips at once.

Size is kept by eligibility (`unit.vehicles` holds only vehicles that fit); the explanation model
guards it too, so a missing vehicle is named."""

from __future__ import annotations

from typing import TYPE_CHECKING

from solver.rules.base import Blocker

if TYPE_CHECKING:
    from solver.explain.core import UnitModel
    from solver.occupancy import Occupancy
    from solver.relax import Guard
    from solver.selection import Assignment
    from solver.units import TripOption, Unit
    from solver.variables import Vars

CODES = ("rule5.seats", "rule5.wheelchair", "rule5.stretcher", "rule5.availability", "rule5.overlap")
EXPLAINS = ("vehicle",)


def add(v: Vars) -> list[Guard]:
    model, res, ix = v.model, v.res, v.ix
    intervals: dict[str, list] = {vid: [] for vid in res.vehicles}
    for unit in v.units():
        k = unit.key
        for vid in unit.vehicles:
            y = v.uses_vehicle(k, vid)
            for o in unit.options:
                if not res.vehicle_window_ok(res.vehicle_span(unit, o, vid), vid):
                    model.add_bool_or([y.Not(), v.option_of(k, o.index).Not()])
            depot = res.vehicles[vid].depot
            end = v.time_var(f"vehicle_end[{k},{vid}]")
            model.add(end == v.airport_arrival_of(k) + sum(
                ix.drive(a, depot) * var for a, var in v.vehicle_airports(k, vid)
            ))
            size = v.length_var(f"vehicle_busy[{k},{vid}]")
            start = v.pickup_of(k) - ix.drive(depot, unit.location.id)
            intervals[vid].append(model.new_optional_interval_var(start, size, end, y, f"vehicle_trip[{k},{vid}]"))
    for items in intervals.values():
        if len(items) > 1:
            model.add_no_overlap(items)
    return []


def too_small(unit: Unit, vehicle) -> bool:
    """The vehicle lacks seats, wheelchair or stretcher places for this unit and its riding escorts."""
    return (vehicle.seats < unit.persons_in_vehicle + unit.riding_escorts or vehicle.wheelchair_places < unit.wchc
            or vehicle.stretcher_places < unit.stretchers)


def add_guarded(um: UnitModel) -> None:
    m, unit, occ, res = um.model, um.unit, um.occ, um.res
    for v in um.s.vehicles:
        y = um.y[v.id]
        if too_small(unit, v):
            m.add_implication(um.guard("vehicle", "size", v.id), y.Not())
        for o in unit.options:
            span = res.vehicle_span(unit, o, v.id)
            if not res.vehicle_window_ok(span, v.id):
                um.forbid_pair(um.guard("vehicle", "unavailable", v.id), y, um.x[o.index])
            if any(span.overlaps(other) for other, _ in occ.vehicle_spans[v.id]):
                um.forbid_pair(um.guard("vehicle", "busy", v.id), y, um.x[o.index])


def conflict(occ: Occupancy, unit: Unit, a: Assignment) -> list[Blocker]:
    vehicle = occ.ix.scenario.vehicle_by_id[a.vehicle]
    out = []
    if vehicle.seats < unit.persons_in_vehicle + unit.riding_escorts:
        out.append(Blocker("rule5.seats", a.vehicle))
    if vehicle.wheelchair_places < unit.wchc:
        out.append(Blocker("rule5.wheelchair", a.vehicle))
    if vehicle.stretcher_places < unit.stretchers:
        out.append(Blocker("rule5.stretcher", a.vehicle))
    return out + time_conflict(occ, unit, unit.options[a.option], a.vehicle)


def time_conflict(occ: Occupancy, unit: Unit, option: TripOption, vehicle_id: str) -> list[Blocker]:
    """The vehicle away from its depot outside its availability, or while another trip has it."""
    span = occ.res.vehicle_span(unit, option, vehicle_id)
    if not occ.res.vehicle_window_ok(span, vehicle_id):
        return [Blocker("rule5.availability", vehicle_id)]
    if any(span.overlaps(other) for other, _ in occ.vehicle_spans[vehicle_id]):
        return [Blocker("rule5.overlap", vehicle_id)]
    return []
