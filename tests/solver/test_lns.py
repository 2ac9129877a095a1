"""The re-plan LNS (`solver/lns.py`) improves a stuck plan near the previous one (issue 12).

The stuck plan comes from `test_restore_moves`: trip B left out because a new trip A took what B's
previous trip needs. CP-SAT is made to stop there (every decision fixed to it), and the LNS must find
a better plan by the objective's order (priority, then disruption) that keeps every hard rule: with
both kinds of neighbourhood, and with the time windows alone.
"""

from __future__ import annotations

import pytest
from ortools.sat.python import cp_model

from models import scenario_from_dict
from models.rules import evaluate_objective, find_violations
from sample_data.generator import generate_scenario
from solver import lns, objectives, solve
from solver.budget import SolveBudget
from solver.cpsat import _hint, _read
from solver.rules import add_all
from solver.selection import to_plan
from solver.variables import build_vars
from solver.warm_start import previous_choice
from tests.solver.test_restore_moves import PARAMS, _blocked


def _stuck(seed: int):
    scenario = scenario_from_dict(generate_scenario(cases=14, days=10, seed=seed, staffing=1.0))
    found = _blocked(scenario, solve(scenario, PARAMS).plan)
    assert found is not None, "no trip of this plan can block another one"
    ix, res, before, stuck, b_key = found
    model = cp_model.CpModel()
    v = build_vars(model, ix, res)
    add_all(v)
    choice = previous_choice(ix, before)
    assert choice is not None
    objective = (len(scenario.cases) + 1) * objectives.planned_priority(v) - objectives.disruption(v, choice)
    model.maximize(objective)
    _hint(v, stuck)
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    assert solver.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    assert _read(v, solver).keys() == stuck.keys()
    return scenario, ix, before, v, objective, solver


def _level(scenario, ix, before, assignments):
    plan = to_plan(ix, assignments, {}, {}, {})
    assert find_violations(scenario, plan, before) == []
    o = evaluate_objective(scenario, plan, before)
    return o.planned_priority, -(o.disruption or 0)


@pytest.mark.parametrize("kind", ["all", "windows", "reverts"])
@pytest.mark.parametrize("seed", [0, 1])
def test_the_lns_improves_a_stuck_plan_and_keeps_every_rule(seed, kind, monkeypatch):
    scenario, ix, before, v, objective, stuck = _stuck(seed)
    if kind != "all":
        monkeypatch.setattr(lns, "MAX_AROUND_ROUNDS", 0)
    if kind == "windows":
        monkeypatch.setattr(lns, "WINDOW_TRIPS", 4)  # several windows, none holding every trip
        monkeypatch.setattr(lns, "revertible", lambda v, solver: [])
        assert len(lns.time_windows(v, stuck)) > 1
    if kind == "reverts":
        monkeypatch.setattr(lns, "time_windows", lambda v, solver: [])
    better, _ = lns.improve_near_previous(v, stuck, objective, PARAMS, SolveBudget(PARAMS).slice("lns", share=0.5))
    assert better.value(objective) > stuck.value(objective)
    assert _level(scenario, ix, before, _read(v, better)) > _level(scenario, ix, before, _read(v, stuck))


def test_time_windows_cover_every_planned_trip_and_free_the_changed_ones(monkeypatch):
    _, _, _, v, _, stuck = _stuck(0)
    for size in (2, 4, 16):
        monkeypatch.setattr(lns, "WINDOW_TRIPS", size)
        windows = lns.time_windows(v, stuck)
        planned = {u.key for u in v.units() if stuck.value(v.planned[u.key])}
        assert planned <= set().union(*windows)
        assert all(lns.changed_trips(v, stuck) <= free for free in windows)


def test_reverts_hold_each_changed_trip_that_is_not_hit_and_free_what_took_its_place():
    _, _, _, v, _, stuck = _stuck(0)
    changed = lns.changed_trips(v, stuck)
    units = {u.key: u for u in v.units()}
    held = {k: lns.revert_free(v, stuck, k) for k in lns.revertible(v, stuck)}
    assert held and set(held) == {k for k in changed if units[k].previous_option is not None}
    for key, free in held.items():
        assert key in free and changed <= free
        previous = units[key].previous_trip
        takers = {u.key for u in v.units() if stuck.value(v.planned[u.key]) and (
            any(stuck.value(v.esc[u.key, e.staff]) for e in previous.escorts if (u.key, e.staff) in v.esc)
            or ((u.key, previous.vehicle) in v.veh and stuck.value(v.veh[u.key, previous.vehicle])))}
        assert takers <= free


def _empty(v) -> cp_model.CpSolver:
    """An answer of the same model with every trip left out (as after a day whose flights all cancel)."""
    trial = v.model.clone()
    for planned in v.planned.values():
        trial.add(trial.get_int_var_from_proto_index(planned.index) == 0)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.solve(trial) in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    assert not any(solver.value(p) for p in v.planned.values())
    return solver


@pytest.mark.parametrize("kind", ["all", "windows", "reverts"])
def test_the_lns_starts_from_a_plan_with_no_trip(kind, monkeypatch):
    scenario, ix, before, v, objective, _ = _stuck(0)
    empty = _empty(v)
    assert lns.time_windows(v, empty) == []
    if kind != "all":
        monkeypatch.setattr(lns, "MAX_AROUND_ROUNDS", 0)
    if kind == "windows":
        monkeypatch.setattr(lns, "revertible", lambda v, solver: [])
    result, _ = lns.improve_near_previous(v, empty, objective, PARAMS, SolveBudget(PARAMS).slice("lns", share=0.5))
    if kind == "windows":  # no window without a planned trip: nothing to search
        assert result is empty
    else:  # the previously planned trips are the changed ones: freeing or holding them plans some again
        assert result.value(objective) > empty.value(objective)
        assert _level(scenario, ix, before, _read(v, result)) > _level(scenario, ix, before, {})
