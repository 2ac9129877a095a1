"""Solve tiny dict scenarios deterministically and look at the outcome."""

from __future__ import annotations

from planner.service import CheckedPlan, solve_scenario
from solver import SolveParams
from tests.builders import build

FAST = SolveParams(time_limit_s=5, workers=1, seed=0)


def solve_dict(scn: dict, strategy: str = "cpsat", previous=None) -> CheckedPlan:
    checked = solve_scenario(build(scn), FAST.model_copy(update={"strategy": strategy}), previous, trace=True)
    assert checked.violations == [], [v.message for v in checked.violations]
    assert not checked.repaired, "the service had to withdraw trips: solver and checker disagree"
    return checked


def planned_cases(checked: CheckedPlan) -> set[str]:
    return {c for t in checked.plan.trips for c in t.cases}


def reasons(checked: CheckedPlan, case: str) -> str:
    return " | ".join(r for u in checked.plan.unplanned if u.case == case for r in u.reasons)


def trip_of(checked: CheckedPlan, case: str):
    return next(t for t in checked.plan.trips if case in t.cases)
