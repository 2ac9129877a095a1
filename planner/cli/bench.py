"""`bv-planner bench`: the solver against the greedy baseline, and re-planning against solving anew."""

from __future__ import annotations

import argparse

from planner.cli.argtypes import SEED, TIME_LIMIT, WORKERS, float_range, output_file

TIERS = ("S", "M", "L", "XL")


def _tiers(text: str) -> str:
    tiers = [t.strip().upper() for t in text.split(",") if t.strip()]
    if not tiers or any(t not in TIERS for t in tiers):
        raise argparse.ArgumentTypeError(f"a comma list of {', '.join(TIERS)}, got {text!r}")
    return text


def _seeds(text: str) -> str:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise argparse.ArgumentTypeError(f"a comma list of seeds, got {text!r}")
    for part in parts:
        SEED(part)
    return text


def cmd_bench(args) -> int:
    from planner.bench.runner import run_bench

    return run_bench(args)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `bench` to the bv-planner subcommands."""
    p = sub.add_parser("bench", help="benchmark the solver against the greedy baseline")
    p.add_argument("--suite", choices=["solve", "replan", "realism"], default="solve",
                   help="solve: CP-SAT vs greedy; replan: cancel the busiest leg, re-plan vs from scratch; "
                        "realism: rules 9 and 10 off vs on")
    p.add_argument(
        "--tiers",
        type=_tiers,
        default="S,M,L",
        help="comma list of S (20 cases, 14 days), M (60, 28), L (150, 28), XL (1,000, 56)",
    )
    p.add_argument("--seeds", type=_seeds, default="0,1,2", help="comma list of generator seeds")
    p.add_argument(
        "--staffing",
        type=float_range(0.0, 20.0, low_open=True),
        default=0.6,
        help="escorts and vehicles as a multiple of need",
    )
    p.add_argument("--time-limit", type=TIME_LIMIT, default=None, help="seconds per solve (none: 60; XL 300)")
    p.add_argument("--workers", type=WORKERS, default=2, help="CP-SAT workers")
    p.add_argument("--replan-time-limit", type=TIME_LIMIT, default=6.0, help="seconds for each re-plan (replan suite)")
    p.add_argument("--out", type=output_file, help="also write the table as markdown to this file (default: none)")
    p.set_defaults(func=cmd_bench)
