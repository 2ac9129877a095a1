"""Run a sweep: check every axis value on the base scenario, then solve the points that are not
finished yet with the chosen executor, streaming each row into the results table."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from models import Scenario, load_scenario
from planner.capacity.executors import Executor
from planner.capacity.points import Task, points, tasks
from planner.capacity.spec import SweepSpec
from planner.capacity.table import ResultTable
from planner.capacity.transform import variant
from planner.capacity.worker import Payload, columns

log = logging.getLogger(__name__)

Progress = Callable[[int, int, dict[str, Any]], None]
"""(finished solves, all solves, the row just finished)."""


@dataclass
class SweepRun:
    spec: SweepSpec
    table: pd.DataFrame
    solved: int
    """Solves run now (the rest were finished before: --resume)."""
    skipped: int
    wall_s: float
    executor: str


def check_axes(spec: SweepSpec, base: Scenario, source: str) -> None:
    """Every axis value alone makes a valid scenario (else an InputError naming the axis and value)."""
    for index, axis in enumerate(spec.axes):
        for value in axis.values:
            variant(base, [(index, axis, value)], source)


def scenario_sha256(scenario_json: str) -> str:
    return hashlib.sha256(scenario_json.encode("utf-8")).hexdigest()


def manifest(spec: SweepSpec, scenario_json: str, scenario_path: Path) -> dict[str, Any]:
    return {"format": "bv-sweep-run/1", "sweep": spec.model_dump(mode="json"), "digest": spec.digest(),
            "scenario": str(scenario_path), "scenario_sha256": scenario_sha256(scenario_json),
            "points": len(points(spec)), "solves": len(tasks(spec))}


def run_sweep(spec: SweepSpec, scenario_path: Path, out: Path, executor: Executor, *, resume: bool = False,
              overwrite: bool = False, source: str = "<sweep>", on_progress: Progress | None = None) -> SweepRun:
    """Solve the sweep into `out` (results.parquet, results.csv, sweep.json)."""
    base = load_scenario(scenario_path)
    check_axes(spec, base, source)
    scenario_json = json.dumps(base.model_dump(mode="json", by_alias=True), ensure_ascii=False, sort_keys=True)
    table = ResultTable(out, columns(spec), manifest(spec, scenario_json, scenario_path), resume, overwrite)
    done = table.finished()
    todo: list[Task] = [t for t in tasks(spec) if t.key not in done]
    total = len(tasks(spec))
    finished = total - len(todo)
    log.info("sweep %s: %d solves, %d finished before, %s executor", spec.id, total, finished, executor.name)
    payload = Payload(scenario_json=scenario_json, sweep_json=json.dumps(spec.model_dump(mode="json")), source=source)
    counter = {"n": finished}

    def on_row(row: dict[str, Any]) -> None:
        table.add(row)
        counter["n"] += 1
        if on_progress is not None:
            on_progress(counter["n"], total, row)

    started = time.perf_counter()
    executor.run(payload, spec, todo, on_row)
    wall = time.perf_counter() - started
    return SweepRun(spec=spec, table=table.close(), solved=len(todo), skipped=finished, wall_s=wall,
                    executor=executor.name)


__all__ = ["Progress", "SweepRun", "check_axes", "manifest", "run_sweep"]
