"""`bv-planner` end to end, and every kind of bad input: a clear message, never a traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import plan_dict, scenario_dict

ROOT = Path(__file__).resolve().parents[2]


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "planner.cli", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_solve_then_check(tmp_path):
    scenario = write(tmp_path, "s.json", scenario_dict())
    out = tmp_path / "plan.json"
    solved = run("solve", scenario, "-o", str(out), "--time-limit", "5", "--workers", "1", "--lang", "en")
    assert solved.returncode == 0, solved.stderr
    assert "Planned" in solved.stdout and "valid" in solved.stdout
    plan = json.loads(out.read_text())
    assert plan["format"] == "bv-plan/1" and plan["objective"]["planned_priority"] == 3
    checked = run("check", scenario, str(out), "--lang", "en")
    assert checked.returncode == 0 and "VALID" in checked.stdout


def test_the_dutch_solver_line_names_stages_and_status_in_dutch(tmp_path):
    scenario = write(tmp_path, "s.json", scenario_dict())
    solved = run("solve", scenario, "-o", str(tmp_path / "plan.json"), "--time-limit", "3", "-q")
    line = next(x for x in solved.stdout.splitlines() if x.startswith("Solver"))
    assert "status optimaal" in line or "status geldig, niet bewezen optimaal" in line, line
    assert "reisopties" in line and "totaal" in line and " s," in line, line  # wall times in two workers' runs
    for internal in ("feasible", "optimal,", "heuristics", "explain", "total", "greedy", "index"):
        assert internal not in line, line


def test_check_reports_violations_in_words(tmp_path):
    scenario = write(tmp_path, "s.json", scenario_dict())
    plan = plan_dict()
    plan["trips"][0]["vehicle"] = "V-1"
    plan["trips"][0]["escorts"] = plan["trips"][0]["escorts"][:1]
    result = run("check", scenario, write(tmp_path, "p.json", plan))
    assert result.returncode == 1
    assert "rule4.escort_count" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_greedy_strategy_and_committed_demo(tmp_path):
    demo = ROOT / "sample_data" / "scenarios" / "demo.json"
    result = run("solve", str(demo), "-o", str(tmp_path / "p.json"), "--strategy", "greedy")
    assert result.returncode == 0, result.stderr
    assert run("check", str(demo), str(tmp_path / "p.json")).returncode == 0


def test_generate_writes_a_loadable_scenario(tmp_path):
    out = tmp_path / "g.json"
    assert run("generate", "--cases", "5", "--days", "5", "--seed", "1", "-o", str(out)).returncode == 0
    assert run("solve", str(out), "--strategy", "greedy").returncode == 0


def _bad(mutate):
    data = scenario_dict()
    mutate(data)
    return data


BAD_INPUTS = {
    "invalid json": ('{"format": "bv-scenario/1", ', "invalid JSON at line 1"),
    "datetime without offset": (_bad(lambda d: d.update(planning_start="2026-12-07T08:00:00")), "planning_start"),
    "unknown reference": (_bad(lambda d: d["cases"][0].update(location="NOWHERE")), "cases[0].location"),
    "duplicate id": (_bad(lambda d: d["staff"].append(dict(d["staff"][0]))), "staff[2].id"),
    "negative seats": (_bad(lambda d: d["flights"][0].update(seats=-1)), "flights[0].seats"),
    "unknown field": (_bad(lambda d: d["cases"][0].update(nickname="x")), "cases[0]: unknown field"),
    "bad enum": (_bad(lambda d: d["cases"][0].update(departure_type="escorted")), "cases[0].departure_type"),
    "missing field": (_bad(lambda d: d["vehicles"][0].pop("seats")), "vehicles[0].seats: required field is missing"),
    "window out of order": (_bad(lambda d: d["staff"][0].update(unavailable=[
        {"from": "2026-12-09T00:00:00+01:00", "to": "2026-12-08T00:00:00+01:00"}])), "staff[0].unavailable[0]"),
}


@pytest.mark.parametrize("kind", sorted(BAD_INPUTS))
def test_bad_scenario_gives_a_clear_error(tmp_path, kind):
    data, expected = BAD_INPUTS[kind]
    path = write(tmp_path, "bad.json", data)
    result = run("solve", path, "--strategy", "greedy")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert path in result.stderr and expected in result.stderr, result.stderr


def test_x_fields_are_allowed(tmp_path):
    data = _bad(lambda d: (d.update(x_source="test"), d["cases"][0].update(x_note="ok")))
    assert run("solve", write(tmp_path, "s.json", data), "--strategy", "greedy").returncode == 0


def test_missing_file(tmp_path):
    result = run("check", str(tmp_path / "nope.json"), str(tmp_path / "nope2.json"))
    assert result.returncode == 2 and "file not found" in result.stderr and "Traceback" not in result.stderr


def test_check_rejects_a_plan_written_before_revision_2_naming_rules_9_and_10():
    """The demo plan the solver wrote before rules 9-10 (goldens of 30 Nov 2026), on the demo
    scenario cut to the legs it books and without the revision-2 keys: check fails and says why."""
    fixtures = ROOT / "tests" / "planner" / "fixtures"
    result = run("check", str(fixtures / "demo_before_rev2.scenario.json"),
                 str(fixtures / "demo_before_rev2.plan.json"), "--lang", "en")
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for code in ("rule9.airport_wait", "rule9.connection", "rule9.vulnerable_connection", "rule9.night_connection",
                 "rule10.outbound_duty", "rule10.return_duty", "rule10.rest_abroad"):
        assert any(line.startswith(f"[{code}]") for line in lines), code
    assert any("rule 9: " in line and "max airport wait 3h" in line for line in lines)
    assert any("rule 10: " in line and "(max 18h)" in line for line in lines)
    assert "language mismatch 10" in result.stdout
    assert lines[-1].startswith("INVALID")
