"""Running a sweep: local and Ray give the same table, a killed worker's point is retried once,
--resume skips finished points, and the CLI writes table, plots and the Dutch summary."""

from __future__ import annotations

import csv
import os
import signal

import pandas as pd
import pytest

from planner.capacity.bench import same_table
from planner.capacity.executors import LocalExecutor
from planner.capacity.runner import run_sweep
from planner.capacity.spec import load_sweep
from planner.capacity.table import PARQUET
from planner.cli import main
from tests.planner.capacity.fixtures import write_sweep

EXPECTED = {"kmar=0": (1, 5), "kmar=+2": (2, 8), "kmar=+4": (3, 9)}
"""Point -> (planned cases, planned priority): each pair of escorts plans the next most urgent case."""


def _check(table: pd.DataFrame) -> None:
    assert list(table["status"]) == ["ok"] * 3
    assert all(table["valid"])
    got = {r.point: (r.planned_cases, r.planned_priority) for r in table.itertuples()}
    assert got == EXPECTED


def test_local_and_ray_give_the_same_table(tmp_path):
    ray = pytest.importorskip("ray", reason="Ray is not installed (pip install '.[cluster]')")
    from planner.capacity.ray_executor import RayExecutor

    spec, scenario = load_sweep(write_sweep(tmp_path))
    local = run_sweep(spec, scenario, tmp_path / "local", LocalExecutor(processes=2)).table
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)

    def die_on_first_attempt_of_plus2(payload, task, attempts):
        if task.point.key == "kmar=+2" and attempts == 1:
            os._exit(1)  # the Ray worker process dies: Ray reports a crashed worker
        from planner.capacity.worker import run_task

        return run_task(payload, task, attempts)

    try:
        remote = run_sweep(spec, scenario, tmp_path / "ray", RayExecutor(workers_per_solve=1)).table
        retried = run_sweep(spec, scenario, tmp_path / "ray-killed",
                            RayExecutor(solve=die_on_first_attempt_of_plus2)).table
    finally:
        ray.shutdown()
    _check(local)
    assert same_table(local, remote)
    assert local["worker"].nunique() >= 1 and remote["worker"].notna().all()
    assert dict(zip(retried["point"], retried["attempts"], strict=True)) == {"kmar=0": 1, "kmar=+2": 2, "kmar=+4": 1}
    assert same_table(local, retried)


def test_a_killed_worker_is_retried_once_then_reported_failed(tmp_path):
    spec, scenario = load_sweep(write_sweep(tmp_path))
    killed: list[str] = []

    def kill_first_attempt_of_plus2(task, pid):
        if task.point.key == "kmar=+2" and task.point.key not in killed:
            killed.append(task.point.key)
            os.kill(pid, signal.SIGKILL)

    table = run_sweep(spec, scenario, tmp_path / "once", LocalExecutor(1, on_start=kill_first_attempt_of_plus2)).table
    _check(table)
    assert dict(zip(table["point"], table["attempts"], strict=True)) == {"kmar=0": 1, "kmar=+2": 2, "kmar=+4": 1}

    def always_kill_plus4(task, pid):
        if task.point.key == "kmar=+4":
            os.kill(pid, signal.SIGKILL)

    table = run_sweep(spec, scenario, tmp_path / "twice", LocalExecutor(2, on_start=always_kill_plus4)).table
    rows = {r.point: r for r in table.itertuples()}
    assert rows["kmar=+4"].status == "failed" and rows["kmar=+4"].attempts == 2
    assert "worker stopped" in rows["kmar=+4"].error
    assert rows["kmar=0"].status == rows["kmar=+2"].status == "ok"  # nothing else is lost


def test_resume_runs_only_what_is_not_finished(tmp_path):
    spec, scenario = load_sweep(write_sweep(tmp_path))
    out = tmp_path / "out"
    full = run_sweep(spec, scenario, out, LocalExecutor(2)).table
    kept = pd.read_parquet(out / PARQUET)
    kept[kept["point"] != "kmar=+4"].to_parquet(out / PARQUET, index=False)  # as if stopped before the last
    started: list[str] = []
    again = run_sweep(spec, scenario, out, LocalExecutor(1, on_start=lambda t, pid: started.append(t.point.key)),
                      resume=True)
    assert started == ["kmar=+4"] and (again.solved, again.skipped) == (1, 2)
    assert same_table(full, again.table)


def test_cli_writes_table_plots_and_dutch_summary(tmp_path, capsys):
    sweep = write_sweep(tmp_path, axes=[{"name": "kmar", "kind": "staff", "role": "kmar", "values": [0, 2, 4]},
                                        {"name": "load", "kind": "cases.scale", "values": [1.0, 0.5]}])
    out = tmp_path / "out"
    assert main(["sweep", str(sweep), "-o", str(out), "--no-png", "-q", "--time-limit", "3"]) == 0
    printed = capsys.readouterr().out
    assert "Knik bij +2" in printed and "marginale waarde per extra KMar-escort" in printed
    assert "0 → +2: +1,5 prioriteit, +0,5 zaken" in printed  # per escort: a case needs two
    assert (out / "summary.txt").read_text(encoding="utf-8") in printed
    assert {p.name for p in (out / "plots").iterdir()} >= {"priority-kmar.html", "unplanned-load.html",
                                                            "plotly.min.js"}
    with open(out / "results.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["axis_kmar"] for r in rows] == ["0", "'+2", "'+4", "0"]  # text cells neutralised
    assert [r["x_kmar"] for r in rows] == ["0", "2", "4", "0"]  # numbers stay numbers
    assert main(["sweep", str(sweep), "-o", str(out), "--no-png", "-q"]) == 2  # results there: --resume/--overwrite
    assert "--resume" in capsys.readouterr().err
