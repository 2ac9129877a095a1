"""The web planner's side of sweeps (the Capaciteit page): which axes a scenario offers, start a small
sweep in the background, follow it, and read its curves and marginal values.

A sweep runs as `bv-planner sweep` in its own process (`python -m planner.capacity.desk RUN_DIR`), so
the page never blocks and no Streamlit call happens in it; it writes the same files as the CLI into
RUN_DIR/out, and its exit code into RUN_DIR/exit_code. With `BV_RAY_ADDRESS` set, a sweep of more
than `LOCAL_MAX_SOLVES` solves goes to that Ray cluster instead of the local process pool.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from models import Scenario
from models.common import Gender, Role
from planner.capacity.labels import axis_label
from planner.capacity.plots import priority_figure, unplanned_figure
from planner.capacity.points import tasks
from planner.capacity.spec import parse_sweep
from planner.capacity.summary import (
    AxisSummary,
    knee_sentence,
    marginal_frame,
    summarise,
)
from planner.capacity.table import MANIFEST, PARQUET

RAY_ADDRESS_ENV = "BV_RAY_ADDRESS"
LOCAL_MAX_SOLVES = 12
SCALE_VALUES = (0.8, 1.0, 1.2, 1.5)
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class AxisChoice:
    key: str
    axis: dict
    """The axis as in a sweep file, without `values`."""

    def label(self, lang: str = "nl") -> str:
        return axis_label(parse_sweep({"format": "bv-sweep/1", "id": "x", "scenario": "x",
                                       "axes": [dict(self.axis, values=[0] if self.axis["kind"] != "cases.scale"
                                                     else [1.0])]}, "axis").axes[0], lang)


def axis_choices(scenario: Scenario) -> list[AxisChoice]:
    """Escorts per role held on file (and per gender for KMar), vehicles per kind (a kind not on file is
    copied from the first vehicle), and the caseload."""
    out = []
    for role in Role:
        if any(role in p.roles for p in scenario.staff):
            out.append(AxisChoice(f"staff-{role.value}", {"name": role.value, "kind": "staff", "role": role.value}))
    for gender in (Gender.F, Gender.M):
        if any(Role.kmar in p.roles for p in scenario.staff):
            out.append(AxisChoice(f"staff-kmar-{gender.value}", {"name": f"kmar_{gender.value}", "kind": "staff",
                                                                 "role": "kmar", "gender": gender.value}))
    if scenario.vehicles:
        for kind in ("bus", "van", "patient_transport"):
            axis: dict[str, Any] = {"name": kind, "kind": "vehicles", "vehicle_kind": kind}
            if not any(v.kind.value == kind for v in scenario.vehicles):
                axis["like"] = scenario.vehicles[0].id
                if kind == "patient_transport":
                    axis.update(stretcher_places=1, wheelchair_places=2)
            out.append(AxisChoice(f"vehicles-{kind}", axis))
    out.append(AxisChoice("cases-scale", {"name": "caseload", "kind": "cases.scale", "seed": 0}))
    return out


def build_sweep(choices: list[AxisChoice], low: int, high: int, time_limit_s: float) -> dict:
    """A one-at-a-time sweep: people and vehicles from `low` to `high`, the caseload x0.8-x1.5."""
    axes = []
    for choice in choices:
        values = list(SCALE_VALUES) if choice.axis["kind"] == "cases.scale" else list(range(low, high + 1))
        if choice.axis["kind"] == "vehicles":
            values = [v for v in values if v >= 0] or [0]
        axes.append(dict(choice.axis, values=values))
    return {"format": "bv-sweep/1", "id": "capaciteit", "scenario": "scenario.json", "design": "one_at_a_time",
            "solve": {"time_limit_s": time_limit_s, "workers": 1, "seed": 0}, "axes": axes}


def sweep_args(solves: int, lang: str, ray_address: str | None) -> list[str]:
    """Options of the background `bv-planner sweep`: Ray for a large sweep when a cluster is configured."""
    args = ["--lang", lang]
    if ray_address and solves > LOCAL_MAX_SOLVES:
        args += ["--ray", ray_address]
    return args


def start(scenario: Scenario, sweep: dict, folder: Path, lang: str = "nl") -> Path:
    """Write the scenario and sweep into a new run folder under `folder` and start the sweep's process."""
    spec = parse_sweep(sweep, "sweep")  # refuse a bad sweep here, not in the background
    run = folder / datetime.now(UTC).strftime("sweep-%Y%m%d-%H%M%S-%f")
    run.mkdir(parents=True)
    (run / "scenario.json").write_text(json.dumps(scenario.model_dump(mode="json", by_alias=True),
                                                  ensure_ascii=False), encoding="utf-8")
    (run / "sweep.json").write_text(json.dumps(sweep, indent=1), encoding="utf-8")
    args = sweep_args(len(tasks(spec)), lang, os.environ.get(RAY_ADDRESS_ENV))
    (run / "args.json").write_text(json.dumps(args), encoding="utf-8")
    with open(run / "sweep.log", "wb") as log_file:  # a file, not a pipe: a chatty sweep must never block
        proc = subprocess.Popen([sys.executable, "-m", "planner.capacity.desk", str(run)], stdin=subprocess.DEVNULL,
                                stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True, cwd=str(ROOT))
    (run / "pid").write_text(str(proc.pid), encoding="utf-8")
    return run


def _alive(pid: int) -> bool:
    try:
        return os.waitpid(pid, os.WNOHANG) == (0, 0)  # our child: reap it once it has ended
    except ChildProcessError:  # started by another server process
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True


@dataclass(frozen=True)
class Status:
    done: int
    total: int
    exit_code: int | None
    """None while running."""
    log_tail: str = ""

    @property
    def running(self) -> bool:
        return self.exit_code is None


def status(run: Path) -> Status:
    out = run / "out"
    code_file = run / "exit_code"
    code = int(code_file.read_text()) if code_file.exists() else None
    pid_file = run / "pid"
    if code is None and pid_file.exists() and not _alive(int(pid_file.read_text())) and not code_file.exists():
        code = -1  # the process ended without writing its exit code (killed)
    try:
        total = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["solves"]
    except (OSError, ValueError, KeyError):
        total = len(tasks(parse_sweep(json.loads((run / "sweep.json").read_text(encoding="utf-8")), "sweep")))
    try:
        done = len(pd.read_parquet(out / PARQUET, columns=["point"]))
    except (OSError, ValueError):
        done = 0
    tail = ""
    if code not in (None, 0):
        tail = (run / "sweep.log").read_text(encoding="utf-8", errors="replace")[-600:]
    return Status(done, total, code, tail)


@dataclass(frozen=True)
class AxisResult:
    label: str
    priority: go.Figure
    unplanned: go.Figure
    marginal: pd.DataFrame
    knee: str


def results(run: Path, lang: str = "nl") -> list[AxisResult]:
    spec = parse_sweep(json.loads((run / "sweep.json").read_text(encoding="utf-8")), "sweep")
    table = pd.read_parquet(run / "out" / PARQUET)
    summaries: list[AxisSummary] = summarise(spec, table)
    return [AxisResult(axis_label(s.axis, lang), priority_figure(s, lang), unplanned_figure(s, lang),
                       marginal_frame(s, lang), knee_sentence(s, lang)) for s in summaries]


def main(argv: list[str] | None = None) -> int:
    """The background process: `bv-planner sweep` on the run folder, then its exit code in a file."""
    from planner.cli import main as cli

    run = Path((argv or sys.argv[1:])[0])
    extra = json.loads((run / "args.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    code = cli(["sweep", str(run / "sweep.json"), "-o", str(run / "out"), "--overwrite", "-q", "--no-png", *extra])
    # this process's stdout is the run's log file (see start()), so print is its output
    print(f"sweep finished with exit code {code} in {time.perf_counter() - started:.1f} s", flush=True)  # noqa: T201
    (run / "exit_code").write_text(str(code), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())


__all__ = [
    "LOCAL_MAX_SOLVES",
    "RAY_ADDRESS_ENV",
    "AxisChoice",
    "AxisResult",
    "Status",
    "axis_choices",
    "build_sweep",
    "results",
    "start",
    "status",
]
