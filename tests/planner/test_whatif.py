"""What it would take: for each blocked fixture, the relaxation that fixes it is found by re-solving."""

import json

import pytest

from planner.cli import main
from planner.service import solve_scenario
from planner.whatif import COST, what_it_would_take
from solver import SolveParams
from tests.builders import build
from tests.solver.blocked_cases import FIXES, FIXTURES

FAST = SolveParams(time_limit_s=5, workers=1, seed=0)


def blocked(family: str):
    scenario = build(FIXTURES[family]())
    checked = solve_scenario(scenario, FAST)
    assert "BV-1" not in {c for t in checked.plan.trips for c in t.cases}
    return scenario, checked.plan


@pytest.mark.parametrize("family", sorted(f for f, fix in FIXES.items() if fix))
def test_the_fixing_relaxation_is_listed(family):
    scenario, plan = blocked(family)
    found = what_it_would_take(scenario, plan, "BV-1", FAST)
    assert FIXES[family] in [r.kind for r in found], [r.text_en for r in found]
    assert [r.cost for r in found] == sorted(r.cost for r in found)
    fix = next(r for r in found if r.kind == FIXES[family])
    assert fix.departure is not None and fix.text_nl and fix.text_en
    # the change itself plans the case, and keeps the rest of the plan
    again = solve_scenario(fix.apply(scenario), FAST, previous=plan)
    assert again.valid and "BV-1" in {c for t in again.plan.trips for c in t.cases}
    assert fix.displaced == ()


def test_no_single_change_fixes_a_missing_connection():
    scenario, plan = blocked("itinerary")
    assert what_it_would_take(scenario, plan, "BV-1", FAST) == []


def test_cost_order_of_the_kinds():
    assert COST["confirm_care"] < COST["extra_seats"] < COST["extend_fit_to_fly"] < COST["extra_staff"]


def test_the_smallest_extension_that_works_is_kept():
    scenario, plan = blocked("fit_to_fly")
    found = [r for r in what_it_would_take(scenario, plan, "BV-1", FAST) if r.kind == "extend_fit_to_fly"]
    assert [r.data["days"] for r in found] == [3]
    assert "fit-to-fly 3 dagen verlengen (tot 11 dec)" == found[0].text_nl


def test_extra_staff_keeps_the_required_gender():
    scenario, plan = blocked("same_gender")
    fix = next(r for r in what_it_would_take(scenario, plan, "BV-1", FAST) if r.kind == "extra_staff")
    assert fix.data["gender"] == "F" and fix.data["role"] == "kmar" and fix.data["count"] == 1


def test_seats_relaxation_names_the_leg_and_count():
    scenario, plan = blocked("seats")
    fix = next(r for r in what_it_would_take(scenario, plan, "BV-1", FAST) if r.kind == "extra_seats")
    assert fix.data["legs"] == {"TK1952-1209": 1}
    assert fix.text_nl == "1 extra stoel op TK1952 9 dec"


def test_why_cli_prints_reasons_and_fixes(tmp_path, capsys):
    scenario, plan = blocked("care")
    scn_path, plan_path = tmp_path / "s.json", tmp_path / "p.json"
    scn_path.write_text(json.dumps(FIXTURES["care"]()), encoding="utf-8")
    plan_path.write_text(json.dumps(plan.to_json_dict()), encoding="utf-8")
    assert main(["why", str(scn_path), str(plan_path), "BV-1", "--time-limit", "5", "--lang", "both"]) == 0
    out = capsys.readouterr().out
    assert "[care" not in out and "CARE-BV-1" in out  # the family in words, no internal tags (issue 12)
    assert "P-BV-1 (BV-1)" in out and "(kosten " in out and "(cost " in out
    assert "zorgoptie CARE-BV-1 (Family Yilmaz) laten bevestigen" in out
    assert "get care option CARE-BV-1 (Family Yilmaz) confirmed" in out


def test_why_cli_unknown_case_is_an_error_without_traceback(tmp_path, capsys):
    scenario, plan = blocked("care")
    scn_path, plan_path = tmp_path / "s.json", tmp_path / "p.json"
    scn_path.write_text(json.dumps(FIXTURES["care"]()), encoding="utf-8")
    plan_path.write_text(json.dumps(plan.to_json_dict()), encoding="utf-8")
    assert main(["why", str(scn_path), str(plan_path), "NOPE", "--no-whatif"]) == 2
    err = capsys.readouterr().err
    assert "onbekende zaak 'NOPE'" in err and "Traceback" not in err


def test_every_whatif_kind_names_the_rule_it_relaxes():
    from planner.whatif import COST
    from solver.explain import WHATIF_CODES

    assert set(COST) == set(WHATIF_CODES)


def test_a_total_time_bound_stops_the_tries():
    """The web planner's "Waarom?" bounds all tries together; with no time left it tries nothing."""
    scenario, plan = blocked("care")
    assert what_it_would_take(scenario, plan, "BV-1", FAST)  # unbounded: a fix is found
    assert what_it_would_take(scenario, plan, "BV-1", FAST, total_s=0.0) == []
