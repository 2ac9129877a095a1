"""With one worker and a seed, the same input gives the same plan, byte for byte."""

import json

from models import scenario_from_dict
from planner.service import solve_scenario
from sample_data import generate_scenario
from solver import SolveParams


def test_two_runs_give_identical_plans():
    scenario = scenario_from_dict(generate_scenario(cases=12, days=10, seed=5, staffing=0.7))
    params = SolveParams(time_limit_s=4, workers=1, seed=0)
    a = json.dumps(solve_scenario(scenario, params).plan.to_json_dict())
    b = json.dumps(solve_scenario(scenario, params).plan.to_json_dict())
    assert a == b
    info = json.loads(a)["solver"]
    assert info["params"]["seed"] == 0 and info["ortools"] and len(info["scenario_sha256"]) == 64
