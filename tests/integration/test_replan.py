"""Re-planning against a previous plan: kept trips stay, frozen trips stay, disruption is counted."""

from models import plan_from_dict
from models.rules import evaluate_objective, find_violations
from tests.builders import add_case, add_staff, add_vehicle, build, scenario_dict
from tests.integration.helpers import planned_cases, solve_dict


def _two_case_scenario():
    scn = scenario_dict()
    add_case(scn, "BV-2", priority=2)
    add_staff(scn, "S-3", "F")
    add_staff(scn, "S-4", "M")
    add_vehicle(scn, "V-2")
    return scn


def test_replan_without_changes_keeps_everything():
    scn = _two_case_scenario()
    first = solve_dict(scn).plan
    again = solve_dict(scn, previous=first).plan
    assert again.objective.disruption == 0
    assert [t.model_dump() for t in again.trips] == [t.model_dump() for t in first.trips]


def test_cancelled_flight_moves_only_the_hit_case():
    scn = _two_case_scenario()
    first = solve_dict(scn).plan
    hit_leg = first.trips[0].outbound[0]
    hit = {c for t in first.trips if hit_leg in t.outbound for c in t.cases}
    scn["flights"] = [f for f in scn["flights"] if f["id"] != hit_leg]
    checked = solve_dict(scn, previous=first)
    assert find_violations(build(scn), checked.plan, first) == []
    assert checked.plan.objective.disruption <= len(hit)
    assert planned_cases(checked) == {"BV-1", "BV-2"}
    assert any("no longer available" in n.text for n in checked.plan.notes)


def test_frozen_trip_stays_even_when_a_cheaper_plan_exists():
    scn = _two_case_scenario()
    first = solve_dict(scn).plan
    scn["settings"] = {"freeze_hours": 500}
    for f in scn["flights"]:
        f["fare_eur"] = 10.0 if f["id"] != first.trips[0].outbound[0] else 5000.0
    again = solve_dict(scn, previous=first).plan
    kept = next(t for t in again.trips if t.cases == first.trips[0].cases)
    assert kept.outbound == first.trips[0].outbound and kept.pickup == first.trips[0].pickup
    assert evaluate_objective(build(scn), again, first).disruption == 0


def test_previous_plan_with_unknown_cases_is_tolerated():
    scn = _two_case_scenario()
    first = solve_dict(scn).plan.to_json_dict()
    first["trips"][0]["cases"] = ["GONE-1"]
    checked = solve_dict_lenient(scn, plan_from_dict(first))
    assert planned_cases(checked) >= {"BV-1"}


def solve_dict_lenient(scn, previous):
    from planner.service import solve_scenario
    from tests.integration.helpers import FAST

    return solve_scenario(build(scn), FAST, previous)
