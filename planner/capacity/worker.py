"""One solve of a sweep: build the point's variant, solve it, check it, make the table row.

Runs inside a worker process (local pool) or a Ray task; it only needs the payload (the base
scenario's JSON and the sweep) and the task. Errors inside the solve become a row with status
`error` (solving again would fail the same way); a worker that dies is the executor's business.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from models import Scenario, scenario_from_dict
from planner.capacity.points import Task, numeric, value_label
from planner.capacity.reasons import FAMILY_CODES, family_of
from planner.capacity.spec import SweepSpec, parse_sweep
from planner.capacity.transform import variant
from planner.service import solve_scenario
from solver import SolveParams

OK, ERROR, FAILED = "ok", "error", "failed"
"""Row status: solved; the solve raised (a bug or an unsolvable variant); the worker died twice."""

RESULT_COLUMNS = ("point_index", "point", "repetition", "seed", "status", "attempts", "cases", "planned_cases",
                  "unplanned_cases", "planned_priority", "total_priority", "bound_priority", "cost_eur",
                  "language_mismatch", "valid", "solver_status", "solve_s", "worker", "error")
REASON_COLUMNS = tuple(f"unplanned_{code}" for code in FAMILY_CODES)
VOLATILE_COLUMNS = ("solve_s", "worker", "attempts")
"""Differ between runs of the same sweep (time, machine, a retried crash); left out when comparing tables."""


@dataclass(frozen=True)
class Payload:
    """What every solve of one sweep shares: the base scenario (JSON text) and the sweep (JSON)."""

    scenario_json: str
    sweep_json: str
    source: str = "<sweep>"


def axis_columns(spec: SweepSpec) -> tuple[str, ...]:
    return tuple(c for a in spec.axes for c in (f"axis_{a.name}", f"x_{a.name}"))


def columns(spec: SweepSpec) -> tuple[str, ...]:
    return RESULT_COLUMNS[:2] + axis_columns(spec) + RESULT_COLUMNS[2:] + REASON_COLUMNS


@lru_cache(maxsize=2)
def _base(scenario_json: str) -> Scenario:
    return scenario_from_dict(json.loads(scenario_json), "base scenario")


@lru_cache(maxsize=2)
def _spec(sweep_json: str) -> SweepSpec:
    return parse_sweep(json.loads(sweep_json), "sweep")


def base_row(spec: SweepSpec, task: Task, status: str, attempts: int = 1, error: str = "") -> dict[str, Any]:
    """The row's identity columns and empty result columns."""
    row: dict[str, Any] = {c: None for c in columns(spec)}
    row.update(point_index=task.point.index, point=task.point.key, repetition=task.repetition, seed=task.seed,
               status=status, attempts=attempts, error=error)
    for axis, value in zip(spec.axes, task.point.values, strict=True):
        row[f"axis_{axis.name}"] = value_label(axis, value)
        row[f"x_{axis.name}"] = numeric(axis, value)
    return row


def run_task(payload: Payload, task: Task, attempts: int = 1) -> dict[str, Any]:
    """Solve one task; never raises for a problem of the variant or the solver."""
    spec = _spec(payload.sweep_json)
    started = time.perf_counter()
    try:
        base = _base(payload.scenario_json)
        scenario = variant(base, ((i, a, v) for i, (a, v) in enumerate(zip(spec.axes, task.point.values, strict=True))),
                           payload.source)
        params = SolveParams(time_limit_s=spec.solve.time_limit_s, workers=spec.solve.workers, seed=task.seed,
                             strategy=spec.solve.strategy)
        checked = solve_scenario(scenario, params)
    except Exception as exc:  # noqa: BLE001 - one bad point must not end the sweep; the row says why
        row = base_row(spec, task, ERROR, attempts, f"{type(exc).__name__}: {exc}"[:500])
        row["solve_s"] = round(time.perf_counter() - started, 3)
        return row
    plan, objective = checked.plan, checked.plan.objective
    if objective is None:  # the service always fills it; a row says so rather than ending the sweep
        return base_row(spec, task, ERROR, attempts, "the solver returned a plan without an objective")
    planned = sum(len(t.cases) for t in plan.trips)
    families = Counter(family_of(u.reasons) for u in plan.unplanned)
    row = base_row(spec, task, OK, attempts)
    row.update(
        cases=len(scenario.cases), planned_cases=planned, unplanned_cases=len(plan.unplanned),
        planned_priority=objective.planned_priority, total_priority=sum(c.priority for c in scenario.cases),
        bound_priority=plan.bound.planned_priority if plan.bound and plan.bound.planned_priority is not None else None,
        cost_eur=round(objective.cost_eur, 2), language_mismatch=objective.language_mismatch,
        valid=checked.valid, solver_status=str(plan.solver.get("status", "")),
        solve_s=round(time.perf_counter() - started, 3), worker=f"{socket.gethostname()}:{os.getpid()}")
    for code in FAMILY_CODES:
        row[f"unplanned_{code}"] = families.get(code, 0)
    return row


__all__ = [
    "ERROR",
    "FAILED",
    "OK",
    "REASON_COLUMNS",
    "RESULT_COLUMNS",
    "VOLATILE_COLUMNS",
    "Payload",
    "axis_columns",
    "base_row",
    "columns",
    "run_task",
]
