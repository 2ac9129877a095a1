"""What several subcommands share: the solver options (one definition) and the progress lines."""

from __future__ import annotations

import argparse
import logging
import sys

from planner.cli.argtypes import SEED, TIME_LIMIT, WORKERS
from solver import SolveParams


def solver_args(p: argparse.ArgumentParser) -> None:
    """--time-limit, --seed, --workers, --strategy and --lang, the same for every solving subcommand
    (-v/-q are global: planner/cli/app.py)."""
    p.add_argument("--time-limit", type=TIME_LIMIT, default=60.0, help="seconds for the whole command")
    p.add_argument("--seed", type=SEED, default=0, help="CP-SAT random seed")
    p.add_argument("--workers", type=WORKERS, default=2, help="CP-SAT workers (1 = reproducible)")
    p.add_argument("--strategy", choices=["cpsat", "greedy"], default="cpsat", help="solver")
    lang_arg(p)


def lang_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=["nl", "en"], default="nl", help="language of the summary")


def solver_params(args: argparse.Namespace) -> SolveParams:
    return SolveParams(time_limit_s=args.time_limit, workers=args.workers, seed=args.seed,
                       strategy=args.strategy, log_progress=not getattr(args, "quiet", False),
                       cpsat_log=getattr(args, "verbose", False))


def show_progress(args: argparse.Namespace) -> None:
    """Solver progress to stderr, one line per improving solution, unless --quiet."""
    if getattr(args, "quiet", False):
        return
    handler = _ProgressHandler()
    handler.setFormatter(logging.Formatter("  %(message)s"))
    for name in ("solver", "planner.service"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        for old in [h for h in logger.handlers if isinstance(h, _ProgressHandler)]:
            logger.removeHandler(old)  # one progress handler, however often main() runs in a process
        logger.addHandler(handler)
        logger.propagate = False


class _ProgressHandler(logging.Handler):
    """Writes to whatever sys.stderr is at the time (tests and embedding callers replace it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
            sys.stderr.flush()
        except Exception:  # noqa: BLE001 - logging must never break the command
            self.handleError(record)
