"""Properties of the planner on every valid scenario Hypothesis builds (tests/property/strategies.py).

- no exception, and the plan passes the rule checker (nothing withdrawn by the service);
- without locks or frozen trips no CP-SAT phase answers infeasible or model-invalid, the status is
  never `model_error` and CP-SAT accepts the start solution;
- planned priority is at least the greedy baseline's on the same input;
- with locks: each lock is kept, or its case is unplanned with "lock cannot be kept: ..." reasons;
- `workers=1, seed=0` gives byte-identical plan JSON twice;
- the time limit holds (generous margin: these are tiny scenarios on a shared machine).
"""

from __future__ import annotations

import json
import time

from hypothesis import event, given, settings
from hypothesis import strategies as st

from models import Plan, Scenario, scenario_from_dict
from models.rules import find_violations
from planner.service import CheckedPlan, solve_scenario
from solver import SolveParams
from tests.property.strategies import scenarios

PARAMS = SolveParams(time_limit_s=2, workers=1, seed=0)
GREEDY = PARAMS.model_copy(update={"strategy": "greedy"})
FAILED = ("infeasible", "model_invalid")
TIME_MARGIN_S = 10.0
FEWER = settings(max_examples=max(5, settings.default.max_examples // 5))
"""The properties that solve two or three times run a fifth as many examples."""


def _solve(data: dict, params: SolveParams = PARAMS, previous: Plan | None = None) -> tuple[Scenario, CheckedPlan]:
    scenario = scenario_from_dict(data)  # the strategies only build valid input
    started = time.perf_counter()
    checked = solve_scenario(scenario, params, previous)
    took = time.perf_counter() - started
    assert took <= params.time_limit_s + TIME_MARGIN_S, f"{took:.1f} s for a {params.time_limit_s} s limit"
    assert checked.valid, [v.message for v in checked.violations]
    assert not checked.repaired, "the service withdrew trips: solver and checker disagree"
    assert find_violations(scenario, checked.plan, previous) == []  # `bv-planner check` agrees
    return scenario, checked


def _optimiser_sound(checked: CheckedPlan) -> None:
    info = checked.plan.solver
    event(f"status {info['status']}, start solution {info.get('start_solution')}")
    event("some case planned" if checked.plan.trips else "nothing planned")
    assert info["status"] != "model_error", info.get("model_error")
    assert all(p["status"] not in FAILED for p in info.get("phases", [])), info.get("phases")
    assert info.get("start_solution") in (None, "not given", "accepted", "unknown"), info.get("start_solution")


def _priority(checked: CheckedPlan) -> int:
    return checked.plan.objective.planned_priority


@given(scenarios())
def test_without_locks_the_optimiser_runs_and_the_plan_is_valid(data):
    _, checked = _solve(data)
    _optimiser_sound(checked)
    _, greedy = _solve(data, GREEDY)
    assert _priority(checked) >= _priority(greedy)


@given(scenarios(locks=True))
def test_locks_are_kept_or_named(data):
    scenario, checked = _solve(data)
    info = checked.plan.solver
    assert info["status"] != "model_error", info.get("model_error")
    unplanned = {u.case: u.reasons for u in checked.plan.unplanned}
    for lock in scenario.locks:
        if lock.case in unplanned:
            assert unplanned[lock.case][0].startswith("lock cannot be kept: "), unplanned[lock.case]
    if not scenario.locks:
        assert "lock_check" not in info


@FEWER
@given(scenarios(locks=True))
def test_one_worker_and_seed_zero_give_byte_identical_plans(data):
    _, first = _solve(data)
    _, second = _solve(data)
    dump = [json.dumps(c.plan.to_json_dict(), indent=1, ensure_ascii=False) for c in (first, second)]
    assert dump[0] == dump[1]


@FEWER
@given(scenarios(), st.randoms(use_true_random=False))
def test_replan_keeps_frozen_trips_or_says_why(data, rnd):
    """Solve, cancel one booked leg, re-plan against the first plan with every trip frozen."""
    data.setdefault("settings", {})["freeze_hours"] = 24 * 366  # every trip frozen; the models cap it at 8,784 h
    _, first = _solve(data)
    booked = sorted({leg for t in first.plan.trips for leg in t.outbound})
    if booked:
        gone = rnd.choice(booked)
        data["flights"] = [f for f in data["flights"] if f["id"] != gone]
        data["locks"] = [lk for lk in data.get("locks") or [] if gone not in (lk.get("flights") or [])]
    _, second = _solve(data, previous=first.plan)
    assert second.plan.solver["status"] != "model_error", second.plan.solver.get("model_error")
