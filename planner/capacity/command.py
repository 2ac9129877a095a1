"""`bv-planner sweep SWEEP -o DIR`: run a capacity sweep and print what each extra unit buys.

Writes DIR/results.parquet and DIR/results.csv (one row per solve, streamed), DIR/summary.txt
(the summary printed), DIR/plots/*.html and *.png, DIR/sweep.json (what was run). Exit code 0
when every solve gave a valid plan, 1 when a solve failed or a plan broke a rule, 2 for bad input.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from models import InputError, load_scenario
from planner.capacity.executors import LocalExecutor, default_processes
from planner.capacity.plots import write_plots
from planner.capacity.runner import SweepRun, run_sweep
from planner.capacity.spec import SweepSpec, load_sweep
from planner.capacity.summary import summarise, summary_text
from planner.capacity.worker import OK

SUMMARY_FILE = "summary.txt"


def register(sub: argparse._SubParsersAction) -> None:
    """Add `sweep` to the main CLI's subparsers."""
    p = sub.add_parser("sweep", help="capacity sweep: solve variants of a scenario (more or fewer escorts, "
                                     "vehicles, cases, limits) and report the marginal value of each",
                       description="Solves every point of a bv-sweep/1 file (JSON or TOML) and prints a summary "
                                   "per axis (Dutch by default): planned priority and planned cases per extra unit, "
                                   "and the knee.")
    p.add_argument("sweep", help="sweep file, bv-sweep/1 (.toml or .json)")
    p.add_argument("-o", "--output", required=True, help="folder for results.parquet, results.csv, summary.txt, "
                                                          "plots/")
    p.add_argument("--ray", metavar="auto|ADDRESS", help="run the solves as Ray tasks: 'auto' joins the cluster Ray "
                                                         "finds or starts a local one; ADDRESS joins that cluster "
                                                         "(needs the [cluster] extra)")
    p.add_argument("--workers-per-solve", type=int, help="CP-SAT workers per solve, and the CPUs each Ray task asks "
                                                         "for (default: the sweep's solve.workers)")
    p.add_argument("--parallel", type=int, help="local executor: solves at once (default: cores / workers per solve)")
    p.add_argument("--time-limit", type=float, help="seconds per solve (default: the sweep's solve.time_limit_s)")
    p.add_argument("--resume", action="store_true", help="keep the finished solves in the output folder, run the rest")
    p.add_argument("--overwrite", action="store_true", help="start again in an output folder that holds results")
    p.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of summary and plots (default nl)")
    p.add_argument("--no-png", action="store_true", help="only the interactive HTML plots")
    p.add_argument("--bench", action="store_true", help="run the sweep with the local executor and with Ray, one "
                                                         "after the other, and print both wall times and whether "
                                                         "the tables agree (into OUTPUT/local and OUTPUT/ray)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def with_overrides(spec: SweepSpec, args: argparse.Namespace) -> SweepSpec:
    update = {}
    if args.workers_per_solve is not None:
        update["workers"] = args.workers_per_solve
    if args.time_limit is not None:
        update["time_limit_s"] = args.time_limit
    if not update:
        return spec
    problems = [(f"--{k.replace('_', '-')}", "must be positive") for k, v in update.items() if v <= 0]
    if problems:
        raise InputError("command line", problems)
    return spec.model_copy(update={"solve": spec.solve.model_copy(update=update)})


class ProgressBar:
    """One line on stderr, rewritten as solves finish."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int, row: dict) -> None:
        if self.quiet:
            return
        width = 30
        filled = int(width * done / max(total, 1))
        status = "" if row.get("status") == OK else f" {row.get('status')}"
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {time.perf_counter() - self.started:6.1f} s "
              f"{row.get('point', '')}{status}".ljust(110)[:110], end="" if done < total else "\n",
              file=sys.stderr, flush=True)


def make_executor(args: argparse.Namespace, spec: SweepSpec, ray: str | None):
    if ray:
        from planner.capacity.ray_executor import RayExecutor

        return RayExecutor(address=ray, workers_per_solve=spec.solve.workers)
    return LocalExecutor(processes=args.parallel or default_processes(spec.solve.workers))


def report(sweep: SweepRun, scenario_path: Path, out: Path, args: argparse.Namespace) -> int:
    """Summary, plots, and the exit code of a finished sweep."""
    summaries = summarise(sweep.spec, sweep.table)
    total_cases = len(load_scenario(scenario_path).cases)
    text = summary_text(sweep.spec, summaries, total_cases, args.lang)
    (out / SUMMARY_FILE).write_text(text, encoding="utf-8")
    skipped = write_plots(summaries, out / "plots", args.lang, png=not args.no_png)
    print(text, end="")
    en = args.lang == "en"
    print(("Solved now: " if en else "Nu opgelost: ") + f"{sweep.solved}, "
          + ("finished before: " if en else "eerder klaar: ") + f"{sweep.skipped}, "
          + ("wall time " if en else "looptijd ") + f"{sweep.wall_s:.1f} s ({sweep.executor})")
    print(("Written: " if en else "Geschreven: ") + f"{out}/results.parquet, results.csv, {SUMMARY_FILE}, plots/")
    for line in skipped:
        print(("Skipped " if en else "Overgeslagen ") + line)
    table = sweep.table
    bad = int((table["status"] != OK).sum()) + int(table["valid"].eq(False).sum())
    return 0 if bad == 0 else 1


def run(args: argparse.Namespace) -> int:
    spec, scenario_path = load_sweep(args.sweep)
    spec = with_overrides(spec, args)
    out = Path(args.output)
    if args.bench:
        from planner.capacity.bench import bench_executors

        return bench_executors(spec, scenario_path, out, args)
    try:
        executor = make_executor(args, spec, args.ray)
        sweep = run_sweep(spec, scenario_path, out, executor, resume=args.resume, overwrite=args.overwrite,
                          source=str(args.sweep), on_progress=ProgressBar(args.quiet))
    except ImportError as exc:  # Ray asked for but not installed
        if not args.ray:
            raise
        raise InputError("--ray", [("", str(exc))]) from None
    return report(sweep, scenario_path, out, args)


__all__ = ["make_executor", "register", "report", "run", "with_overrides"]
