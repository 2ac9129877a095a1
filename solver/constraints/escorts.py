"""Rules 4 and 7 for people: same gender, excluded countries, no overlapping trips (rest included),
unavailability and max_trips."""

from __future__ import annotations

from solver.windows import clip_spans

LABEL = "Escort double-booked, unavailable or not allowed"


def add(v) -> None:
    model, res, ix = v.model, v.res, v.ix
    st = ix.scenario.settings
    intervals = {sid: [] for sid in res.staff}
    trips = {sid: [] for sid in res.staff}
    for unit in v.units():
        if not unit.n_escorts:
            continue
        k = unit.key
        for g in sorted(unit.same_gender, key=lambda g: g.value):
            same = [v.esc[k, sid] for sid in unit.staff if res.staff[sid].gender == g]
            model.add(sum(same) >= v.planned[k]).with_name(f"same_gender[{k},{g.value}]")
        size = v.length_var(f"escort_trip_length[{k}]")
        end = v.time_var(f"escort_trip_end[{k}]")
        model.add(end == v.return_arrival[k] + st.rest_minutes)
        start = v.pickup[k] - st.report_minutes
        for sid in unit.staff:
            e = v.esc[k, sid]
            if res.staff[sid].excluded_countries:
                for o in unit.options:
                    if not res.staff_may_fly(sid, o.itinerary):
                        model.add_bool_or([e.Not(), v.x[k, o.index].Not()])
                        continue
                    for r, it in enumerate(o.returns):
                        if not res.staff_may_fly(sid, it):
                            model.add_bool_or([e.Not(), v.ret[k, o.index, r].Not()])
            intervals[sid].append(model.new_optional_interval_var(start, size, end, e, f"escort_trip[{k},{sid}]"))
            trips[sid].append(e)
    _role_capacity(v)
    low, high = v.horizon
    for sid, items in intervals.items():
        # disjoint by construction (solver.windows), cut to the model horizon
        blocked = clip_spans(((span.start, span.end) for span in res.unavailable[sid]), low, high) if items else []
        fixed = [
            model.new_fixed_size_interval_var(start, end - start, f"unavailable[{sid},{i}]")
            for i, (start, end) in enumerate(blocked)
        ]
        if len(items) + len(fixed) > 1:
            model.add_no_overlap(items + fixed)
        if trips[sid]:
            model.add(sum(trips[sid]) <= res.staff[sid].max_trips).with_name(f"max_trips[{sid}]")


def _role_capacity(v) -> None:
    """Redundant: at any moment, the escorts of one role on trips <= staff holding that role.

    Implied by the per-person no-overlap; stated per role it gives CP-SAT a much stronger bound.
    """
    model, res, st = v.model, v.res, v.ix.scenario.settings
    per_role: dict = {}
    for unit in v.units():
        if not unit.n_escorts:
            continue
        k = unit.key
        size = v.length_var(f"team_trip_length[{k}]")
        end = v.time_var(f"team_trip_end[{k}]")
        model.add(end == v.return_arrival[k] + st.rest_minutes)
        interval = model.new_optional_interval_var(v.pickup[k] - st.report_minutes, size, end, v.planned[k], f"team_trip[{k}]")
        for role, count in unit.needs.items():
            per_role.setdefault(role, []).append((interval, count, k))
    for role, items in per_role.items():
        holders = sum(1 for s in res.staff.values() if role in s.roles and s.max_trips > 0)
        model.add_cumulative([i for i, _, _ in items], [c for _, c, _ in items], holders)
        trips = sum(s.max_trips for s in res.staff.values() if role in s.roles)
        model.add(sum(c * v.planned[k] for _, c, k in items) <= trips)
