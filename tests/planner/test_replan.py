"""Re-planning after events: the Python API on the tiny world, the CLI end to end on a generated one."""

import json
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from models import load_plan, load_scenario
from models.rules import find_violations
from planner.cli import main
from planner.events import Event
from planner.replan import replan, replan_full
from sample_data import generate_scenario
from solver import SolveParams
from solver.explain import explain_case
from tests.builders import build, build_plan, plan_dict, scenario_dict

AMS = ZoneInfo("Europe/Amsterdam")
FAST = SolveParams(time_limit_s=5, workers=1, seed=0)


@pytest.fixture
def tiny():
    return build(scenario_dict()), build_plan(plan_dict())


def test_an_unrelated_event_changes_nothing(tiny):
    scenario, previous = tiny
    checked = replan(scenario, previous, [Event("cancel_flight", ("TK1952-1211",))], FAST)
    assert checked.valid
    assert checked.plan.objective.disruption == 0
    assert [t.outbound for t in checked.plan.trips] == [("TK1952-1209",)]
    assert checked.plan.solver["events"] == ["cancel-flight TK1952-1211"]


def test_a_cancelled_flight_moves_only_its_trip(tiny):
    scenario, previous = tiny
    done = replan_full(scenario, previous, [Event("cancel_flight", ("TK1952-1209",))], FAST)
    plan = done.checked.plan
    assert done.checked.valid and find_violations(done.scenario, plan, previous) == []
    (trip,) = plan.trips
    assert "TK1952-1209" not in trip.outbound
    assert done.disrupted == ["BV-1"] and plan.objective.disruption == 1


def test_a_sick_escort_leaves_the_case_unplanned_with_the_reason(tiny):
    scenario, previous = tiny
    sick = Event("staff_unavailable", ("S-1", datetime(2026, 12, 8, tzinfo=AMS), datetime(2026, 12, 14, tzinfo=AMS)))
    done = replan_full(scenario, previous, [sick], FAST)
    assert done.checked.valid and done.checked.plan.trips == ()
    reasons = explain_case(done.scenario, done.checked.plan, "BV-1", FAST)
    assert [r.family for r in reasons] == ["staff"] and "S-1 afwezig 8–13 dec" in reasons[0].text_nl


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated scenario and its plan, written to files."""
    folder = tmp_path_factory.mktemp("replan")
    scn_path, plan_path = folder / "scenario.json", folder / "plan.json"
    scn_path.write_text(json.dumps(generate_scenario(cases=10, days=7, seed=1, staffing=1.0)), encoding="utf-8")
    assert main(["solve", str(scn_path), "-o", str(plan_path), "--time-limit", "5", "--workers", "1"]) == 0
    return folder, scn_path, plan_path


def test_replan_cli_end_to_end(generated, capsys):
    folder, scn_path, plan_path = generated
    previous = load_plan(plan_path)
    latest = max(previous.trips, key=lambda t: t.pickup)  # outside the freeze
    leg = latest.outbound[0]
    users = [c for t in previous.trips if leg in t.outbound for c in t.cases]
    scenario = load_scenario(scn_path)
    person = sorted(scenario.staff_by_id)[0]
    new_plan, new_scn = folder / "plan2.json", folder / "scenario2.json"
    capsys.readouterr()
    code = main(["replan", str(scn_path), str(plan_path), "--cancel-flight", leg,
                 "--staff-unavailable", person, "2026-12-01", "2026-12-02",
                 "-o", str(new_plan), "--scenario-out", str(new_scn), "--time-limit", "5", "--workers", "1", "--lang",
                 "en"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert f"cancel-flight {leg}" in out and "Plan written to" in out
    scenario2, plan2 = load_scenario(new_scn), load_plan(new_plan)
    assert leg not in scenario2.flight_by_id
    assert all(leg not in t.outbound for t in plan2.trips)
    assert find_violations(scenario2, plan2, previous) == []
    assert plan2.objective.disruption is not None
    # minimal disruption: apart from the cancelled leg's cases, trips stay unless priority gained
    moved = Counter()
    before = {c: t for t in previous.trips for c in t.cases}
    for t in plan2.trips:
        for c in t.cases:
            old = before.get(c)
            if old is not None and (old.outbound, old.vehicle) != (t.outbound, t.vehicle) and c not in users:
                moved[c] += 1
    if plan2.objective.planned_priority <= previous.objective.planned_priority:
        assert not moved, moved


def test_replan_cli_bad_event_id_exits_2_without_traceback(generated, capsys):
    folder, scn_path, plan_path = generated
    code = main(["replan", str(scn_path), str(plan_path), "--cancel-flight", "NOPE-1", "-o", str(folder / "x.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown flight 'NOPE-1'" in err and "Traceback" not in err
    assert not (folder / "x.json").exists()
