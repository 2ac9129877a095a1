"""Objective level 3 reads languages as written, in the checker and in the solver alike."""

from __future__ import annotations

import pytest

from models.languages import has_preferred_languages, shares_a_language
from models.rules import evaluate_objective
from tests.builders import add_staff, build, item, scenario_dict
from tests.integration.helpers import solve_dict, trip_of


def test_languages_are_compared_as_written():
    assert shares_a_language(["tr"], ["nl", "tr"])
    assert not shares_a_language(["tr"], ["TR", " tr"])
    assert not shares_a_language(["tr"], None)
    assert has_preferred_languages([""]) and not has_preferred_languages([]) and not has_preferred_languages(None)


@pytest.mark.parametrize("strategy", ["cpsat", "greedy"])
def test_solver_prefers_the_exact_speaker_and_reports_the_checkers_count(strategy):
    scn = scenario_dict()  # BV-1 prefers ["tr"]; S-1 and S-2 speak nl, en
    add_staff(scn, "S-3", "M", languages=["TR"])
    add_staff(scn, "S-4", "F", languages=["tr"])
    checked = solve_dict(scn, strategy=strategy)
    assert "S-4" in {e.staff for e in trip_of(checked, "BV-1").escorts}
    assert checked.plan.objective.language_mismatch == 0


@pytest.mark.parametrize("strategy", ["cpsat", "greedy"])
def test_a_differently_written_code_is_a_mismatch_for_both(strategy):
    scn = scenario_dict()
    add_staff(scn, "S-3", "M", languages=["TR "])
    item(scn, "cases", "BV-1")["languages"] = ["tr"]
    checked = solve_dict(scn, strategy=strategy)
    assert "BV-1" in {c for t in checked.plan.trips for c in t.cases}
    oracle = evaluate_objective(build(scn), checked.plan)
    assert checked.plan.objective.language_mismatch == oracle.language_mismatch == 1
