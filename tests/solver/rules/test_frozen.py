"""The freeze in the solver (`solver.rules.frozen`): a frozen trip stays as it was announced."""

from solver.previous import previous_assignments
from solver.rules import frozen
from tests.builders import build_plan, escort_dict, plan_dict, trip_dict
from tests.models.rules.test_frozen import PREVIOUS, _frozen
from tests.solver.rules.harness import fixed_status, plan_conflicts, world

CHANGED = build_plan(plan_dict([trip_dict(escorts=[escort_dict("S-1"), escort_dict("S-3")])]))


def _world():
    w = world(_frozen(), PREVIOUS)
    return w, previous_assignments(w.ix, w.res).frozen


def test_previous_trip_is_frozen_and_kept():
    w, kept = _world()
    assert set(kept) == {w.unit("BV-1").key}
    assert fixed_status(w, frozen, build_plan(PREVIOUS), kept) == "feasible"
    assert plan_conflicts(w, frozen, build_plan(PREVIOUS)) == []


def test_consistent_with_the_checker_fixture():
    # tests/models/rules/test_frozen.py::test_frozen_trip_changed_escorts: frozen.changed
    w, kept = _world()
    assert {b.code for b in plan_conflicts(w, frozen, CHANGED)} == {"frozen.changed"}
    assert fixed_status(w, frozen, CHANGED, kept) == "infeasible"
