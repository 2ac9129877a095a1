"""Solver plans on generated scenarios always pass the independent rule checker."""

import pytest
from ortools.sat.python import cp_model

from models import scenario_from_dict
from models.rules import find_violations
from planner.service import solve_scenario
from sample_data import generate_scenario
from solver import SolveParams
from solver.cpsat import _hint
from solver.greedy import solve_greedy
from solver.index import build_index
from solver.resources import Resources
from solver.rules import add_all
from solver.variables import build_vars

pytestmark = pytest.mark.usefixtures("far_wall_backstop")  # asserts one-worker objective values


def _scenario(cases, days, seed, staffing):
    return scenario_from_dict(generate_scenario(cases=cases, days=days, seed=seed, staffing=staffing))


@pytest.mark.parametrize("cases,days,seed,staffing", [(8, 7, 0, 1.0), (12, 10, 1, 0.6), (16, 14, 2, 0.8)])
@pytest.mark.parametrize("strategy", ["cpsat", "greedy"])
def test_generated_plans_are_valid(cases, days, seed, staffing, strategy):
    scenario = _scenario(cases, days, seed, staffing)
    checked = solve_scenario(scenario, SolveParams(time_limit_s=6, workers=1, seed=0, strategy=strategy))
    assert checked.violations == [] and checked.repaired == []
    plan = checked.plan
    assert {c for t in plan.trips for c in t.cases} | {u.case for u in plan.unplanned} == {c.id for c in scenario.cases}
    assert all(u.reasons for u in plan.unplanned)
    assert find_violations(scenario, plan) == []


def test_solver_never_below_greedy():
    scenario = _scenario(16, 14, 3, 0.6)
    greedy = solve_scenario(scenario, SolveParams(time_limit_s=6, workers=1, strategy="greedy")).plan
    cpsat = solve_scenario(scenario, SolveParams(time_limit_s=6, workers=1)).plan
    assert cpsat.objective.planned_priority >= greedy.objective.planned_priority
    if cpsat.bound and cpsat.bound.planned_priority is not None:
        assert cpsat.objective.planned_priority <= cpsat.bound.planned_priority + 1e-6


@pytest.mark.parametrize("seed", [0, 4])
def test_greedy_solution_is_feasible_in_the_cpsat_model(seed):
    """The booking rules of the heuristics and the CP-SAT constraints agree: the hint is a solution."""
    scenario = _scenario(14, 10, seed, 0.7)
    ix = build_index(scenario, SolveParams())
    res = Resources(ix)
    greedy = solve_greedy(ix, res)
    assert greedy, "expected some trips"
    model = cp_model.CpModel()
    v = build_vars(model, ix, res)
    add_all(v)
    _hint(v, greedy)
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    assert solver.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
