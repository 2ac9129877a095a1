"""Exit codes of `bv-planner`: 0 valid plan or success, 1 plan breaks a rule, 2 bad input or
arguments, 3 internal error (one line on stderr, the traceback in a private log file)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from models import InputError
from planner import solve_file
from planner.cli import main
from tests.builders import plan_dict, scenario_dict

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def files(tmp_path):
    scenario, plan = tmp_path / "s.json", tmp_path / "p.json"
    scenario.write_text(json.dumps(scenario_dict()), encoding="utf-8")
    plan.write_text(json.dumps(plan_dict()), encoding="utf-8")
    bad = tmp_path / "bad.json"  # a duplicated key: the strict reader refuses it with its path
    bad.write_text(json.dumps(scenario_dict()).replace('"id": "tiny"', '"id": "tiny", "id": "again"'), encoding="utf-8")
    return {"scenario": str(scenario), "plan": str(plan), "bad": str(bad), "out": str(tmp_path / "out")}


def _commands(f: dict) -> dict[str, list[str]]:
    """Every subcommand that reads a scenario, fed the bad one."""
    return {
        "solve": ["solve", f["bad"], "--strategy", "greedy", "-q"],
        "check": ["check", f["bad"], f["plan"]],
        "replan": ["replan", f["bad"], f["plan"], "-o", f["out"], "--cancel-flight", "TK1952-1209"],
        "event": ["event", f["bad"], "-o", f["out"], "--cancel-flight", "TK1952-1209"],
        "why": ["why", f["bad"], f["plan"], "BV-1", "--no-whatif"],
        "ical": ["ical", f["bad"], f["plan"], "-o", f["out"]],
        "transport": ["transport", f["bad"], f["plan"], "-o", f["out"]],
        "handover": ["handover", f["bad"], f["plan"], "-o", f["out"]],
    }


@pytest.mark.parametrize("command", ["solve", "check", "replan", "event", "why", "ical", "transport", "handover"])
def test_bad_input_is_exit_2_naming_file_and_field(files, command, capsys):
    assert main(_commands(files)[command]) == 2
    err = capsys.readouterr().err
    assert files["bad"] in err and '(top level): duplicated key(s) "id"' in err and "Traceback" not in err


def test_a_bad_plan_file_is_exit_2(files, capsys):
    Path(files["plan"]).write_text('{"format": "bv-plan/1", "scenario": "tiny", "trips": [], "trips": []}')
    assert main(["check", files["scenario"], files["plan"]]) == 2
    assert f"{files['plan']}: 1 problem(s)" in capsys.readouterr().err


def test_bad_arguments_are_exit_2(files, capsys):
    assert main(["solve", files["scenario"], "--time-limit", "soon"]) == 2
    assert "argument --time-limit: not a number: 'soon'" in capsys.readouterr().err


def test_valid_plan_is_0_and_broken_rule_is_1(files, capsys):
    assert main(["check", files["scenario"], files["plan"]]) == 0
    broken = plan_dict()
    broken["trips"][0]["pickup"] = "2026-12-09T11:00:00+01:00"  # too late for check-in
    Path(files["plan"]).write_text(json.dumps(broken), encoding="utf-8")
    assert main(["check", files["scenario"], files["plan"]]) == 1
    assert "INVALID" in capsys.readouterr().out


def test_python_api_raises_input_error_for_bad_files(files):
    with pytest.raises(InputError, match="duplicated key"):
        solve_file(files["bad"])


CRASH = """
import sys
import planner.service

def boom(*args, **kwargs):
    raise ZeroDivisionError("forced\\nfor the test")

planner.service.solve_scenario = boom
from planner.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_internal_error_is_exit_3_with_one_line_and_a_private_log(files, tmp_path):
    logs = tmp_path / "logs"
    env = dict(os.environ, BV_LOG_DIR=str(logs), PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", CRASH, "solve", files["scenario"], "-q"], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    match = re.fullmatch(r"internal error: ZeroDivisionError: forced for the test — details in (.+\.log)", line)
    assert match, line
    log = Path(match.group(1))
    assert log.parent == logs and stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "def boom" not in text and "in boom" in text
    assert f"command: bv-planner solve {files['scenario']} -q" in text


def test_internal_error_log_falls_back_when_the_folder_is_not_writable(files, tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("BV_LOG_DIR", str(blocked / "errors"))  # cannot be created: a file is in the way
    def boom(*args, **kwargs):
        raise KeyError("x")

    monkeypatch.setattr("planner.service.solve_scenario", boom)
    assert main(["solve", files["scenario"], "-q"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("internal error: KeyError: 'x' — details in ") and "bv-planner-errors" in err
    Path(err.rsplit("details in ", 1)[1].strip()).unlink()


def test_default_log_folder_is_the_users_cache(monkeypatch, tmp_path):
    from planner.cli.crashlog import log_dir

    monkeypatch.delenv("BV_LOG_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert log_dir() == tmp_path / "bv-planner" / "errors"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert log_dir() == Path.home() / ".cache" / "bv-planner" / "errors"
