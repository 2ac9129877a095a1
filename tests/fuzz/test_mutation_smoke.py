"""A short mutation run in CI: a few dozen mutants through `bv-planner solve` (greedy, in-process for
speed, and a handful in subprocesses as the full fuzzer runs them), every one answered with an exit
code its kind allows, no internal error, no traceback. The long run: python -m tests.fuzz.mutation_run."""

from __future__ import annotations

import json

import pytest

from planner.cli import main
from tests.fuzz import mutation_run
from tests.fuzz.mutation_run import Outcome, judge, table
from tests.fuzz.mutations import KINDS, VALID, Mutant, mutant

SEEDS = range(40)


@pytest.fixture(autouse=True)
def private_logs(tmp_path, monkeypatch):
    monkeypatch.setenv("BV_LOG_DIR", str(tmp_path / "logs"))


@pytest.mark.parametrize("seed", SEEDS)
def test_mutant_gets_an_allowed_exit_code(seed, tmp_path, capsys):
    m = mutant(10_000 + seed)
    scenario, plan = tmp_path / "mutant.json", tmp_path / "plan.json"
    m.write(scenario)
    try:
        code = main(["solve", str(scenario), "-o", str(plan), "--strategy", "greedy", "-q"])
    except SystemExit as exc:  # argparse only; never expected here
        code = exc.code
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err, err
    assert code in m.expect, f"{m.kind} [{m.detail}]: exit {code}\n{err[-800:]}"
    if code == 2:
        assert str(scenario) in err
    if code == 0:
        assert json.loads(plan.read_text(encoding="utf-8"))["format"] == "bv-plan/1"


def test_mutants_are_deterministic_and_every_kind_applies():
    assert mutant(7) == mutant(7)
    assert {kind: mutant(3, [kind]).kind for kind in KINDS} == {kind: kind for kind in KINDS}


def test_the_runner_in_subprocesses(tmp_path):
    outcomes, text = mutation_run.run(count=3, seed=20_000, time_limit=2, jobs=2, strategy="greedy", keep=tmp_path)
    assert len(outcomes) == 3 and text.splitlines()[0].startswith("| kind | runs | exit 0 |")
    assert not [o for o in outcomes if o.failed], [(o.mutant.kind, o.problems, o.stderr[-300:]) for o in outcomes]


def test_the_runner_flags_tracebacks_internal_errors_and_unexpected_codes(tmp_path):
    m = Mutant("date_9999", "d", VALID, b"{}")
    scenario, plan = tmp_path / "s.json", tmp_path / "p.json"
    crash = Outcome(1, m, 3, True, [], 0.1, "Traceback (most recent call last):\n...")
    assert judge(crash, scenario, plan) == ["traceback on stderr", "exit 3, expected 0"]
    quiet = Outcome(2, m, 2, False, [], 0.1, "error: somewhere else")
    assert judge(quiet, scenario, plan) == ["exit 2, expected 0", "refusal does not name the file"]
    fine = Outcome(3, m, 0, False, [], 0.1, "")
    plan.write_text(json.dumps({"format": "bv-plan/1", "solver": {"status": "optimal", "phases": []}}))
    assert judge(fine, scenario, plan) == []
    crash.problems = judge(crash, scenario, plan)
    assert "| date_9999 | 2 | 1 | 0 | 0 | 1 | 0 | 1 | 1 | 0 |" in table([crash, fine])
