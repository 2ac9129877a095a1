"""Five random events in sequence: every re-plan keeps every rule and changes little."""

import random
from datetime import timedelta

from models import scenario_from_dict
from models.rules import find_violations
from models.timeline import escort_interval, vehicle_busy
from planner import events
from planner.service import solve_scenario
from sample_data import generate_scenario
from solver import SolveParams

PARAMS = SolveParams(time_limit_s=5, workers=1, seed=0)


def _overlaps(a, b, start, end):
    return a < end and start < b


def _random_event(rng, scenario, plan):
    """An event that hits the current plan, and the cases it directly hits."""
    trip = rng.choice(sorted(plan.trips, key=lambda t: t.cases))
    kind = rng.choice(["cancel_flight", "staff_unavailable", "vehicle_unavailable", "fit_to_fly"])
    if kind == "staff_unavailable" and not trip.escorts:
        kind = "cancel_flight"
    if kind == "cancel_flight":
        leg = rng.choice(trip.outbound)
        hit = {c for t in plan.trips for c in t.cases
               if leg in t.outbound or any(leg in e.return_ for e in t.escorts)}
        return events.cancel_flight(scenario, leg), hit
    if kind == "staff_unavailable":
        escort = rng.choice(trip.escorts)
        start, end = escort_interval(scenario, trip, escort)
        start, end = start + timedelta(minutes=5), start + timedelta(hours=6)
        hit = {c for t in plan.trips for e in t.escorts if e.staff == escort.staff
               and _overlaps(*escort_interval(scenario, t, e), start, end) for c in t.cases}
        return events.staff_unavailable(scenario, escort.staff, start, end), hit
    if kind == "vehicle_unavailable":
        start, end = vehicle_busy(scenario, trip)
        hit = {c for t in plan.trips if t.vehicle == trip.vehicle and _overlaps(*vehicle_busy(scenario, t), start, end)
               for c in t.cases}
        return events.vehicle_unavailable(scenario, trip.vehicle, start, end), hit
    case = rng.choice(trip.cases)
    return events.set_fit_to_fly(scenario, case, "pending"), set(trip.cases)


def test_five_events_in_sequence():
    rng = random.Random(0)
    scenario = scenario_from_dict(generate_scenario(cases=14, days=10, seed=6, staffing=1.0))
    plan = solve_scenario(scenario, PARAMS).plan
    for step in range(5):
        scenario, hit = _random_event(rng, scenario, plan)
        checked = solve_scenario(scenario, PARAMS, previous=plan)
        assert find_violations(scenario, checked.plan, plan) == [], step
        assert checked.plan.objective.disruption <= len(hit) + 2, (step, hit)
        plan = checked.plan
