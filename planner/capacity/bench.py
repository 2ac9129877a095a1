"""`bv-planner sweep SWEEP -o DIR --bench`: the same sweep with the local executor and with Ray, one
after the other in one run, with the wall time of each, the machine's load and whether the two
tables agree (every column but time, worker and attempts)."""

from __future__ import annotations

import argparse
import os
import platform
from pathlib import Path

import pandas as pd

from planner.capacity.command import ProgressBar, make_executor, report
from planner.capacity.runner import run_sweep
from planner.capacity.spec import SweepSpec
from planner.capacity.worker import VOLATILE_COLUMNS

BENCH_FILE = "bench.md"


def same_table(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Equal in every column but the volatile ones (time, worker, attempts)."""
    keep = [c for c in a.columns if c not in VOLATILE_COLUMNS]
    left, right = a[keep].reset_index(drop=True), b[keep].reset_index(drop=True)
    return left.shape == right.shape and bool(left.astype(str).equals(right.astype(str)))


def markdown(frame: pd.DataFrame) -> str:
    """A plain markdown table (pandas' to_markdown needs the tabulate package)."""
    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(map(str, row)) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_executors(spec: SweepSpec, scenario_path: Path, out: Path, args: argparse.Namespace) -> int:
    rows, tables = [], {}
    codes = []
    for name in ("local", "ray"):
        executor = make_executor(args, spec, (args.ray or "auto") if name == "ray" else None)
        before = _load()
        sweep = run_sweep(spec, scenario_path, out / name, executor, overwrite=True, source=str(args.sweep),
                          on_progress=ProgressBar(args.quiet))
        solve_s = pd.to_numeric(sweep.table["solve_s"], errors="coerce")
        rows.append({"executor": name, "solves": sweep.solved, "wall_s": round(sweep.wall_s, 1),
                     "ray_connect_s": round(getattr(executor, "connect_s", 0.0), 1),
                     "median_solve_s": round(float(solve_s.median()), 2), "sum_solve_s": round(float(solve_s.sum()), 1),
                     "load_before": before, "load_after": _load()})
        tables[name] = sweep.table
        codes.append(report(sweep, scenario_path, out / name, args))
    agree = same_table(tables["local"], tables["ray"])
    frame = pd.DataFrame(rows)
    text = (f"# Sweep {spec.id}: local executor vs Ray\n\n"
            f"Machine: {os.cpu_count()} cores, {platform.node()}; load average 1/5/15 min before and after each run.\n"
            f"Solve: {spec.solve.time_limit_s:g} s limit, {spec.solve.workers} worker(s) per solve, "
            f"seed {spec.solve.seed}; local executor {getattr(make_executor(args, spec, None), 'processes', '?')} "
            f"processes.\n\n"
            + markdown(frame) + "\n\n"
            + f"Tables equal (all columns but {', '.join(VOLATILE_COLUMNS)}): {'yes' if agree else 'NO'}\n")
    (out / BENCH_FILE).write_text(text, encoding="utf-8")
    print(text)
    return 0 if agree and not any(codes) else 1


__all__ = ["BENCH_FILE", "bench_executors", "same_table"]
