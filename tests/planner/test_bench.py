"""`bv-planner bench`: every CP-SAT run reports its phases' statuses and its start solution, and a run
whose optimiser did not run fails the bench."""

import argparse
import json
import subprocess
import sys

import pytest

from planner.bench import runner as bench
from planner.bench.worker import optimiser_report
from sample_data import generate_scenario


def test_worker_reports_phase_statuses_and_the_start(tmp_path):
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(generate_scenario(cases=8, days=7, seed=1, staffing=0.8)), encoding="utf-8")
    spec = {"scenario": str(path), "time_limit": 3, "workers": 1, "seed": 0, "strategy": "cpsat"}
    proc = subprocess.run([sys.executable, "-m", "planner.bench.worker", json.dumps(spec)],
                          capture_output=True, text=True, check=True)
    row = json.loads(proc.stdout.strip().splitlines()[-1])
    phases = dict(p.split(":") for p in row["phases"].split())
    assert {"priority", "cost"} <= set(phases) <= {"priority", "language",
                                                   "cost"}  # language: level 3, when cases prefer one
    assert set(phases.values()) <= {"optimal", "feasible", "unknown"}
    assert row["optimiser_ran"] is True
    assert isinstance(row["start_priority"], int) and row["priority"] >= row["start_priority"]
    assert isinstance(row["improved"], bool)
    assert row["valid"] and row["peak_mib"] > 0 and row["wall_s"] > 0


@pytest.mark.parametrize("info, ran", [
    ({"status": "feasible", "phases": [{"phase": "priority", "status": "feasible"},
                                       {"phase": "cost", "status": "unknown"}]}, True),
    ({"status": "model_error", "phases": [{"phase": "priority", "status": "infeasible"}]}, False),
    ({"status": "infeasible", "phases": [{"phase": "priority", "status": "infeasible"}]}, False),
    ({"status": "unknown", "phases": [{"phase": "priority", "status": "unknown"}]}, False),
    ({"status": "optimal", "phases": []}, True),  # nothing to plan: nothing to optimise
])
def test_optimiser_ran_only_when_a_phase_completed(info, ran):
    assert optimiser_report(info)["optimiser_ran"] is ran


def _row(status: str, phases: str, ran: bool, strategy: str = "cpsat") -> dict:
    return {"valid": True, "violations": [], "planned": 5, "cases": 8, "priority": 20, "disruption": None,
            "cost": 1000.0, "wall_s": 3.0, "solve_s": 2.0, "peak_mib": 200.0, "bound": 22.0, "status": status,
            "legs": 100, "phases": phases, "optimiser_ran": ran, "start_priority": 18, "start_cost": 900.0,
            "improved": True}


def test_bench_fails_when_the_optimiser_did_not_run(monkeypatch, capsys, tmp_path):
    answers = iter([_row("heuristic", "-", True, "greedy"),
                    _row("model_error", "priority:infeasible", False)])
    monkeypatch.setattr(bench, "run_worker", lambda spec: next(answers))
    args = argparse.Namespace(suite="solve", tiers="S", seeds="0", staffing=0.6, time_limit=2.0, workers=1,
                              out=str(tmp_path / "table.md"))
    assert bench.run_bench(args) == 1
    out, err = capsys.readouterr()
    assert "priority:infeasible" in out and "| phases |" in out
    assert "FAILED: S seed 0" in err and "did not run" in err


def test_xl_tier_defaults_to_300_seconds():
    assert bench.TIERS["XL"] == (1000, 56)
    assert bench.time_limit_for(argparse.Namespace(time_limit=None), "XL") == 300.0
    assert bench.time_limit_for(argparse.Namespace(time_limit=None), "L") == 60.0
    assert bench.time_limit_for(argparse.Namespace(time_limit=30.0), "XL") == 30.0
    with pytest.raises(ValueError, match="unknown tier"):
        bench.tiers_of(argparse.Namespace(tiers="S,XXL"))
