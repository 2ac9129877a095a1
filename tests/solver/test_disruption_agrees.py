"""The CP-SAT disruption objective, the plain count on assignments and the checker agree.

models/disruption.py defines when a previous trip changed. `solver.objectives.disruption` encodes
it as constraints, `solver.previous.disruption` counts it on assignments: on generated re-plans
with trips kept, re-routed, re-staffed or dropped, the model's value equals the plain count, and
the plain count equals the checker's on the plans those assignments make.
"""

from __future__ import annotations

import random

import pytest
from ortools.sat.python import cp_model

from models import scenario_from_dict
from models.rules import evaluate_objective
from sample_data.generator import generate_scenario
from solver import SolveParams, objectives, previous, solve
from solver.index import build_index
from solver.resources import Resources
from solver.selection import Assignment, to_plan
from solver.variables import Vars, build_vars
from solver.warm_start import previous_choice

PARAMS = SolveParams(time_limit_s=5, workers=1, seed=0)


def _from_trip(unit, trip) -> Assignment | None:
    option = next((o for o in unit.options if o.itinerary.leg_ids == tuple(trip.outbound)), None)
    if option is None:
        return None
    ret = None
    if trip.escorts:
        ret = next((r for r, it in enumerate(option.returns) if it.leg_ids == tuple(trip.escorts[0].return_)), None)
        if ret is None:
            return None
    return Assignment(unit.key, option.index, ret, trip.vehicle, tuple(sorted((e.staff, e.role) for e in trip.escorts)))


def _mutated(rng: random.Random, unit, a: Assignment | None, roles: set) -> Assignment | None:
    """The previous assignment kept, or changed in one part, or dropped."""
    move = rng.choice(["keep", "keep", "vehicle", "escort", "return", "option", "drop"])
    if a is None or move == "drop":
        return None
    if move == "vehicle":
        return Assignment(a.unit_key, a.option, a.ret, rng.choice(unit.vehicles), a.escorts)
    if move == "escort" and a.escorts:
        sid, role = a.escorts[0]
        others = [s for s in unit.staff if s not in {x for x, _ in a.escorts} and (a.unit_key, s, role) in roles]
        if others:
            return Assignment(a.unit_key, a.option, a.ret, a.vehicle, tuple(sorted([(rng.choice(others), role),
                                                                                    *a.escorts[1:]])))
    if move == "return" and a.ret is not None:
        return Assignment(a.unit_key, a.option, rng.randrange(len(unit.options[a.option].returns)), a.vehicle,
                          a.escorts)
    if move == "option":
        option = rng.randrange(len(unit.options))
        ret = rng.randrange(len(unit.options[option].returns)) if a.ret is not None and unit.options[option].returns \
            else None
        if a.ret is None or ret is not None:
            return Assignment(a.unit_key, option, ret, a.vehicle, a.escorts)
    return a


def _fix(v: Vars, chosen: dict[str, Assignment]) -> None:
    """Every decision variable of the disruption objective fixed to `chosen`."""
    for unit in v.units():
        k, a = unit.key, chosen.get(unit.key)
        v.model.add(v.planned[k] == int(a is not None))
        for o in unit.options:
            v.model.add(v.x[k, o.index] == int(a is not None and a.option == o.index))
            for r in range(len(o.returns)) if unit.n_escorts else ():
                v.model.add(v.ret[k, o.index, r] == int(a is not None and a.option == o.index and a.ret == r))
        for vid in unit.vehicles:
            v.model.add(v.veh[k, vid] == int(a is not None and a.vehicle == vid))
        staff = {sid for sid, _ in a.escorts} if a else set()
        for sid in unit.staff:
            v.model.add(v.esc[k, sid] == int(sid in staff))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_objective_plain_count_and_checker_agree(seed):
    scenario = scenario_from_dict(generate_scenario(8, 4, seed=seed), f"generated seed {seed}")
    first = solve(scenario, PARAMS).plan
    ix = build_index(scenario, PARAMS, first)
    res = Resources(ix)
    choice = previous_choice(ix, first)
    rng = random.Random(seed)
    units = [u for u in ix.units if u.options]
    by_key = {u.key: u for u in units}
    before = {u.key: _from_trip(u, u.previous_trip) for u in units if u.previous_trip is not None}
    assert any(a is not None for a in before.values()), "the generated re-plan keeps no previous trip"
    roles = set(build_vars(cp_model.CpModel(), ix, res).esc_role)
    counts = []
    for _ in range(6):
        mutated = {k: _mutated(rng, by_key[k], a, roles) for k, a in before.items()}
        chosen = {k: a for k, a in mutated.items() if a is not None}
        v = build_vars(cp_model.CpModel(), ix, res)
        expr = objectives.disruption(v, choice)
        _fix(v, chosen)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.random_seed = 0
        assert solver.solve(v.model) == cp_model.OPTIMAL
        plain = previous.disruption(units, chosen)
        assert round(solver.value(expr)) == plain == objectives.disruption_of(v, choice, chosen)
        plan = to_plan(ix, chosen, {}, {})
        assert evaluate_objective(scenario, plan, first).disruption == plain
        counts.append(plain)
    assert len(set(counts)) > 1, f"the mutations never changed the count: {counts}"

