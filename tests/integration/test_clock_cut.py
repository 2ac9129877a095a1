"""A one-worker (reproducible) run that the wall clock stops says so: in the plan's solver info and as
a warning in the summary, since another run on another machine may then give another plan."""

from __future__ import annotations

from unittest import mock

from planner.service import solve_scenario
from planner.summary import plan_summary
from solver import budget
from tests.builders import build, scenario_dict
from tests.integration.helpers import FAST


def test_a_reproducible_run_cut_by_the_clock_says_so():
    scenario = build(scenario_dict())
    # every deadline lies in the past: as on a machine far slower than calibrated
    with mock.patch.object(budget, "BACKSTOP_GRACE_SHARE", -1000.0):
        checked = solve_scenario(scenario, FAST)
    assert checked.valid
    cut = checked.plan.solver["clock_cut"]
    assert cut and set(cut) <= {"index", "heuristics", "start", "start orders", "local search", "hint",
                                "lock check", "priority", "cost", "language", "explain", "restore moves"}
    nl = plan_summary(scenario, checked.plan, checked.valid)
    en = plan_summary(scenario, checked.plan, checked.valid, lang="en")
    assert "WAARSCHUWING één worker (reproduceerbaar), maar de klok stopte" in nl
    assert "WARNING    one worker (reproducible), but the clock stopped" in en
    assert "local search" not in nl.split("klok stopte")[1].split(" voordat")[0]  # stage names in Dutch


def test_an_uncut_reproducible_run_has_no_clock_cut():
    checked = solve_scenario(build(scenario_dict()), FAST)
    assert checked.valid and "clock_cut" not in checked.plan.solver
    assert "klok stopte" not in plan_summary(build(scenario_dict()), checked.plan, checked.valid)
