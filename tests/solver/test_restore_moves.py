"""`restore_with_moves` puts a needlessly changed trip back by moving one other trip (issue 12).

On generated scenarios the published plan is the previous one, except that one trip A is missing
from it (A is new in the re-plan). The stuck plan leaves B out, and books A another way that takes
what B's previous trip needs (an escort, the vehicle, a seat): a plan a time-limited search can stop
at. `restore_previous` cannot bring B back (its place is taken, and A did not change); the repair
must, by moving A, and give a plan better by the objective's order that keeps every hard rule.
"""

from __future__ import annotations

import pytest

from models import Plan, scenario_from_dict
from models.rules import evaluate_objective, find_violations
from sample_data.generator import generate_scenario
from solver import SolveParams, previous, solve
from solver.budget import SolveBudget
from solver.greedy import feasible_assignments
from solver.index import build_index
from solver.occupancy import replay
from solver.repair import restore_with_moves
from solver.resources import Resources
from solver.selection import to_plan

PARAMS = SolveParams(time_limit_s=8, workers=1, seed=0)


def _without(plan: Plan, key: str) -> Plan:
    return plan.model_copy(update={"trips": tuple(t for t in plan.trips if f"#{t.cases[0]}" != key
                                                  and t.cases[0] != key.lstrip("#"))})


def _blocked(scenario, published: Plan):
    """(index, resources, previous plan without A, stuck plan, B's key) for the first pair found."""
    for trip in sorted(published.trips, key=lambda t: t.cases):
        if len(trip.cases) != 1:
            continue
        before = _without(published, trip.cases[0])
        ix = build_index(scenario, PARAMS, before)
        res = Resources(ix)
        units = {u.key: u for u in ix.units}
        kept = previous.previous_assignments(ix, res).kept
        a_key = next(u.key for u in ix.units if trip.cases[0] in u.case_ids)
        for b_key in sorted(kept):
            occ = replay(ix, res, {k: a for k, a in kept.items() if k != b_key})
            for _, way in feasible_assignments(occ, units[a_key]):
                occ.book(units[a_key], way)
                fits = previous.previous_fit(occ, units[b_key]) is not None
                occ.unbook(units[a_key], way)
                if not fits:
                    stuck = {k: a for k, a in kept.items() if k != b_key} | {a_key: way}
                    return ix, res, before, stuck, b_key
    return None


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_blocked_trip_comes_back_when_its_blocker_moves(seed):
    scenario = scenario_from_dict(generate_scenario(cases=14, days=10, seed=seed, staffing=1.0))
    found = _blocked(scenario, solve(scenario, PARAMS).plan)
    assert found is not None, "no trip of this plan can block another one"
    ix, res, before, stuck, b_key = found

    def level(chosen):
        plan = to_plan(ix, chosen, {}, {}, {})
        assert find_violations(scenario, plan, before) == []
        o = evaluate_objective(scenario, plan, before)
        return o.planned_priority, -(o.disruption or 0)

    assert b_key not in previous.restore_previous(ix, res, stuck)[0]
    repaired, moved = restore_with_moves(ix, res, stuck, frozenset(), SolveBudget(PARAMS).slice("explain"))
    assert b_key in moved and b_key in repaired
    assert level(repaired) > level(stuck)
