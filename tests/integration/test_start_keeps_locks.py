"""The start heuristics plan a locked case before any priority (rule 8: a locked case is planned
unless that is impossible).

Before, they ranked plans by priority only: on the demo, with JU602-20261211 cancelled and
case-003 locked to its previous trip, the start left case-003 out to plan more priority, CP-SAT then
proved the lock keepable, rejected that start ("start solution does not satisfy the CP-SAT model")
and searched from nothing. Every other trip of that plan, locked in turn, was kept by the start.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import Scenario
from planner.events import events_from_args
from solver import SolveParams, solve
from tests.planner.collateral import locked_as_before

pytestmark = pytest.mark.usefixtures("far_wall_backstop")  # asserts one-worker objective values

DEMO = Path(__file__).resolve().parents[2] / "sample_data" / "scenarios" / "demo.json"
PARAMS = SolveParams(time_limit_s=20, workers=1, seed=0)


def test_a_locked_trip_is_in_the_start_solution():
    scenario = Scenario.model_validate(json.loads(DEMO.read_text()))
    published = solve(scenario, PARAMS).plan
    cancelled, _ = events_from_args(scenario, [("--cancel-flight", ["JU602-20261211"])])
    locked = locked_as_before(cancelled, published, ("case-003",))
    result = solve(locked, PARAMS, previous=published, trace=True)
    assert result.trace is not None and result.trace.start is not None
    key = next(u.key for u in result.trace.index.units if u.locked)
    assert key in result.trace.start
    assert result.plan.solver["start_solution"] == "accepted"
    assert "case-003" in {c for t in result.plan.trips for c in t.cases}
