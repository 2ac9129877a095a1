"""Every solver plan on the bench's generated S and M scenarios (staffing 0.6) keeps every rule,
rules 9 and 10 included, for CP-SAT and the greedy baseline, with the operational limits on and off."""

import pytest

from models import scenario_from_dict
from models.rules import find_violations
from planner.bench import TIERS
from planner.service import solve_scenario
from sample_data import generate_scenario
from solver import SolveParams

pytestmark = pytest.mark.usefixtures("far_wall_backstop")  # asserts one-worker objective values

OFF = {"max_airport_wait_minutes": None, "max_connection_minutes": None, "vulnerable_max_connection_minutes": None,
       "night_connection": None, "airport_report_roles": None, "max_duty_minutes": None, "long_duty_minutes": None,
       "rest_abroad_minutes": None, "transit_request_hours": None}


def _scenario(tier: str, seed: int, settings: dict | None = None):
    cases, days = TIERS[tier]
    data = generate_scenario(cases=cases, days=days, seed=seed, staffing=0.6)
    if settings:
        data.setdefault("settings", {}).update(settings)
    return scenario_from_dict(data, f"{tier}-{seed}")


@pytest.mark.parametrize("tier,seed", [("S", 0), ("S", 1), ("S", 2), ("M", 0)])
@pytest.mark.parametrize("strategy", ["cpsat", "greedy"])
def test_generated_plans_keep_rules_9_and_10(tier, seed, strategy):
    scenario = _scenario(tier, seed)
    checked = solve_scenario(scenario, SolveParams(time_limit_s=6, workers=1, seed=0, strategy=strategy))
    assert checked.violations == [] and checked.repaired == []
    assert find_violations(scenario, checked.plan) == []
    assert checked.plan.trips, "expected some trips"


def test_limits_switched_off_plan_more_and_stay_valid():
    on = solve_scenario(_scenario("S", 1), SolveParams(time_limit_s=6, workers=1, seed=0))
    off = solve_scenario(_scenario("S", 1, OFF), SolveParams(time_limit_s=6, workers=1, seed=0))
    assert on.repaired == [] and off.repaired == [] and off.violations == []
    assert off.plan.objective.planned_priority >= on.plan.objective.planned_priority
