"""Rules 4 and 7 for people in the solver (`solver.rules.escorts`): excluded countries, same gender,
no double booking."""

from solver.rules import escorts
from tests.builders import build_plan, case_dict, item, plan_dict, scenario_dict, via_hub_trip
from tests.solver.rules.harness import fixed_status, plan_conflicts, world

PLAN = build_plan(plan_dict())


def test_default_team_keeps_the_rules():
    w = world(scenario_dict())
    assert fixed_status(w, escorts, PLAN) == "feasible"
    assert plan_conflicts(w, escorts, PLAN) == []


def test_transit_country_counts_too():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["excluded_countries"] = ["DE"]
    w = world(scn)
    assert fixed_status(w, escorts, PLAN) == "feasible"  # direct: no German leg
    assert fixed_status(w, escorts, build_plan(plan_dict([via_hub_trip()]))) == "infeasible"


def test_same_gender_escort_required():
    scn = scenario_dict(cases=[case_dict(gender="M", same_gender_escort=True)])
    item(scn, "staff", "S-2")["gender"] = "F"
    assert fixed_status(world(scn), escorts, PLAN) == "infeasible"


def test_consistent_with_the_checker_fixture():
    # tests/models/rules/test_escorts.py::test_escort_excluded_from_destination_country: rule4.excluded_country
    scn = scenario_dict()
    item(scn, "staff", "S-1")["excluded_countries"] = ["TR"]
    w = world(scn)
    assert {b.code for b in plan_conflicts(w, escorts, PLAN)} == {"rule4.excluded_country"}
    assert fixed_status(w, escorts, PLAN) == "infeasible"
