"""Rule 5: a vehicle's trips lie inside its availability and never overlap."""

from __future__ import annotations

LABEL = "Vehicle double-booked or unavailable"


def add(v) -> None:
    model, res, ix = v.model, v.res, v.ix
    intervals = {vid: [] for vid in res.vehicles}
    for unit in v.units():
        k = unit.key
        for vid in unit.vehicles:
            y = v.veh[k, vid]
            for o in unit.options:
                if not res.vehicle_window_ok(res.vehicle_span(unit, o, vid), vid):
                    model.add_bool_or([y.Not(), v.x[k, o.index].Not()])
            depot = res.vehicles[vid].depot
            end = v.time_var(f"vehicle_end[{k},{vid}]")
            model.add(end == v.airport_arrival[k] + sum(
                ix.drive(a, depot) * var for a, var in v.airports_of[k, vid]
            ))
            size = v.length_var(f"vehicle_busy[{k},{vid}]")
            start = v.pickup[k] - ix.drive(depot, unit.location.id)
            intervals[vid].append(model.new_optional_interval_var(start, size, end, y, f"vehicle_trip[{k},{vid}]"))
    for vid, items in intervals.items():
        if len(items) > 1:
            model.add_no_overlap(items)
