"""`bv-planner bench`: the solver against the greedy baseline, and re-planning against solving anew."""

from __future__ import annotations

import argparse


def cmd_bench(args) -> int:
    from planner.bench.runner import run_bench

    return run_bench(args)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `bench` to the bv-planner subcommands."""
    p = sub.add_parser("bench", help="benchmark the solver against the greedy baseline")
    p.add_argument("--suite", choices=["solve", "replan", "realism"], default="solve",
                   help="solve: CP-SAT vs greedy; replan: cancel the busiest leg, re-plan vs from scratch; "
                        "realism: rules 9 and 10 off vs on")
    p.add_argument("--tiers", default="S,M,L", help="comma list of S (20 cases, 14 days), M (60, 28), L (150, 28), "
                   "XL (1,000, 56)")
    p.add_argument("--seeds", default="0,1,2")
    p.add_argument("--staffing", type=float, default=0.6)
    p.add_argument("--time-limit", type=float, default=None, help="seconds per solve (default 60; XL 300)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--replan-time-limit", type=float, default=6.0, help="seconds for each re-plan (replan suite)")
    p.add_argument("--out", help="also write the table as markdown to this file")
    p.set_defaults(func=cmd_bench)
