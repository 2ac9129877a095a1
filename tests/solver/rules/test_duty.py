"""Rule 10 in the solver (`solver.rules.duty`): kept by the options, re-checked by `conflict`."""

from solver.occupancy import Occupancy
from solver.rules import duty
from tests.builders import build_plan, plan_dict
from tests.models.rules.test_duty import _scn
from tests.solver.rules.harness import assignment, world

PLAN = build_plan(plan_dict())


def test_the_index_keeps_the_return_duty():
    # return TK1951-1210 takes 285 min: with 795 min of return check-in the duty is 1080, the default limit
    returns = {it.leg_ids for o in world(_scn(return_checkin_minutes=795)).unit("BV-1").options for it in o.returns}
    assert ("TK1951-1210",) in returns
    returns = {it.leg_ids for o in world(_scn(return_checkin_minutes=796)).unit("BV-1").options for it in o.returns}
    assert ("TK1951-1210",) not in returns


def test_consistent_with_the_checker_fixture():
    # tests/models/rules/test_duty.py::test_return_duty_at_the_limit_and_one_minute_past: rule10.return_duty
    loose = world(_scn(return_checkin_minutes=795))
    strict = world(_scn(return_checkin_minutes=796))
    a = assignment(loose, PLAN.trips[0])
    unit = loose.unit("BV-1")
    assert duty.conflict(Occupancy(loose.ix, loose.res), unit, a) == []
    assert [b.code for b in duty.conflict(Occupancy(strict.ix, strict.res), unit, a)] == ["rule10.return_duty"]
