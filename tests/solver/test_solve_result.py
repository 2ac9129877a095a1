"""The solver's public face: validated shares with clear errors, a frozen result, internals only on request,
and a pipeline of short named stages."""

import ast
import dataclasses
import inspect

import pytest
from pydantic import ValidationError

import solver.pipeline
from solver import SolveParams, SolveResult, SolveStatus, solve
from tests.builders import build, case_dict, scenario_dict

FAST = SolveParams(time_limit_s=5, workers=1, seed=0)
STAGES = ("index_stage", "warm_start_stage", "optimise_stage", "leftovers_stage", "explain_stage", "notes_stage")


@pytest.mark.parametrize("field, value", [("priority_phase_share", 1.0), ("replan_priority_phase_share", 0.0),
                                          ("hint_share", -0.1), ("explain_share", 0.5), ("index_share", 1.5)])
def test_a_share_out_of_range_names_its_field(field, value):
    with pytest.raises(ValidationError) as err:
        SolveParams(**{field: value})
    (error,) = err.value.errors()
    assert error["loc"] == (field,)
    assert "greater than" in error["msg"] or "less than" in error["msg"]


def test_shares_that_leave_no_search_time_are_refused_with_their_sum():
    with pytest.raises(ValidationError) as err:
        SolveParams(index_share=0.3, large_heuristics_share=0.5, explain_share=0.1)
    message = str(err.value)
    assert "add up to 1.03" in message and "at most 0.9" in message


def test_result_is_frozen_and_internals_come_only_on_request():
    scenario = build(scenario_dict(cases=[case_dict()]))
    result = solve(scenario, FAST)
    assert isinstance(result, SolveResult) and result.trace is None
    assert result.status in (SolveStatus.OPTIMAL, SolveStatus.FEASIBLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.status = SolveStatus.UNKNOWN  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.seconds["total"] = 0.0  # type: ignore[index]
    traced = solve(scenario, FAST, trace=True)
    assert traced.trace is not None and set(traced.trace.assignments) <= {u.key for u in traced.trace.index.units}
    assert traced.trace.start is not None and traced.trace.phases


def test_status_values_are_the_plan_strings():
    scenario = build(scenario_dict(cases=[case_dict()]))
    result = solve(scenario, FAST.model_copy(update={"strategy": "greedy"}))
    assert result.status is SolveStatus.HEURISTIC
    assert result.plan.solver["status"] == "heuristic" and type(result.plan.solver["status"]) is str
    assert {s.value for s in SolveStatus} == {"optimal", "feasible", "heuristic", "infeasible", "model_error",
                                              "unknown"}


@pytest.mark.parametrize("name", STAGES)
def test_each_stage_is_at_most_30_lines(name):
    source = inspect.getsource(getattr(solver.pipeline, name))
    (node,) = ast.parse(source).body
    assert node.end_lineno - node.lineno + 1 <= 30, name
