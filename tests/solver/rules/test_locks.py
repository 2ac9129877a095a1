"""Rule 8 in the solver (`solver.rules.locks`): a locked case is planned with exactly its staff."""

from solver.rules import locks
from tests.builders import build_plan, plan_dict
from tests.models.rules.test_locks import _locked
from tests.solver.rules.harness import family_model, fixed_status, plan_conflicts, status, world

PLAN = build_plan(plan_dict())


def test_locked_team_is_kept():
    w = world(_locked(staff=["S-1", "S-2"]))
    assert fixed_status(w, locks, PLAN) == "feasible"
    assert plan_conflicts(w, locks, PLAN) == []


def test_locked_case_must_be_planned():
    w = world(_locked(staff=["S-1", "S-2"]))
    v = family_model(w, locks)
    v.model.add(v.planned[w.unit("BV-1").key] == 0)
    assert status(v) == "infeasible"


def test_consistent_with_the_checker_fixture():
    # tests/models/rules/test_locks.py::test_lock_differs with staff S-1 and S-3: rule8.lock_staff
    w = world(_locked(staff=["S-1", "S-3"]))
    assert {b.code for b in plan_conflicts(w, locks, PLAN)} == {"rule8.lock_staff"}
    # the index keeps only the locked staff eligible, so S-2 cannot even be chosen
    assert fixed_status(w, locks, PLAN) == "excluded"
    # ... and the staff the lock names are forced onto the planned trip
    v = family_model(w, locks)
    k = w.unit("BV-1").key
    v.model.add(v.planned[k] == 1)
    v.model.add(v.esc[k, "S-3"] == 0)
    assert status(v) == "infeasible"
