"""`bv-planner`: solve, check, generate and benchmark from the command line."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from models import InputError
from planner.clock import command_started

log = logging.getLogger("bv-planner")


def _params(args):
    from solver import SolveParams

    return SolveParams(time_limit_s=args.time_limit, workers=args.workers, seed=args.seed,
                       strategy=args.strategy, log_progress=not getattr(args, "quiet", False),
                       cpsat_log=args.verbose)


def _show_progress(args) -> None:
    """Solver progress to stderr, one line per improving solution, unless --quiet."""
    if getattr(args, "quiet", False):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    for name in ("solver", "planner.service"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
        logger.propagate = False


def cmd_solve(args) -> int:
    """--time-limit counts from the start of the command, loading and itinerary building included."""
    from models import load_plan, load_scenario, write_plan
    from planner.service import solve_scenario
    from planner.summary import plan_summary
    from solver import SolveBudget

    _show_progress(args)
    scenario = load_scenario(args.scenario)
    previous = load_plan(args.previous) if args.previous else None
    params = _params(args)
    checked = solve_scenario(scenario, params, previous, SolveBudget(params, started=args.started))
    if args.output:
        write_plan(checked.plan, args.output)
    print(plan_summary(scenario, checked.plan, checked.valid))
    if args.output:
        print(f"Plan written to {args.output}")
    for v in checked.violations:
        print(f"VIOLATION [{v.rule}] {v.label}: {v.message}", file=sys.stderr)
    return 0 if checked.valid else 1


def cmd_check(args) -> int:
    from planner.service import check_files

    violations, objective = check_files(args.scenario, args.plan, args.previous)
    for v in violations:
        print(f"[{v.rule}] {v.label}: {v.message}")
    print(f"Objective: planned priority {objective.planned_priority}, disruption {objective.disruption}, "
          f"language mismatch {objective.language_mismatch}, cost EUR {objective.cost_eur:,.2f}")
    print("VALID" if not violations else f"INVALID: {len(violations)} violation(s)")
    return 0 if not violations else 1


def cmd_generate(args) -> int:
    import json

    from sample_data import generate_scenario

    data = generate_scenario(cases=args.cases, days=args.days, seed=args.seed, staffing=args.staffing)
    Path(args.output).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Scenario with {len(data['cases'])} cases, {len(data['flights'])} legs, {len(data['staff'])} staff, "
          f"{len(data['vehicles'])} vehicles written to {args.output}")
    return 0


def cmd_demo(args) -> int:
    """Plan the bundled demo scenario, print the summary, then open the web planner on it."""
    from models import load_scenario
    from planner.service import solve_file
    from planner.summary import plan_summary
    from solver import SolveParams

    demo = Path(__file__).resolve().parents[1] / "sample_data" / "scenarios" / "demo.json"
    out = Path(args.output)
    checked = solve_file(demo, out, None, SolveParams(time_limit_s=args.time_limit, workers=args.workers, seed=0))
    print(plan_summary(load_scenario(demo), checked.plan, checked.valid))
    print(f"Plan written to {out}")
    if args.no_ui:
        return 0 if checked.valid else 1
    try:
        from planner.ui_cli import start_ui
    except ImportError:
        return 0 if checked.valid else 1
    return start_ui(port=args.port, data_dir=args.data_dir, demo=True, plan=out)


def cmd_bench(args) -> int:
    from planner.bench import run_bench

    return run_bench(args)


def _solver_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--time-limit", type=float, default=60.0, help="seconds for the whole solve (default 60)")
    p.add_argument("--seed", type=int, default=0, help="CP-SAT random seed (default 0)")
    p.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2; 1 = reproducible)")
    p.add_argument("--strategy", choices=["cpsat", "greedy"], default="cpsat")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bv-planner", description="Planner for DT&V Bijzonder Vertrek")
    parser.add_argument("-v", "--verbose", action="store_true", help="show solver progress")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("solve", help="plan a scenario")
    p.add_argument("scenario")
    p.add_argument("-o", "--output", help="plan file to write")
    p.add_argument("--previous", help="previous plan, for minimal disruption")
    _solver_args(p)
    p.set_defaults(func=cmd_solve)

    p = sub.add_parser("demo", help="plan the bundled demo scenario, then start the web planner on it")
    p.add_argument("-o", "--output", default="demo-plan.json")
    p.add_argument("--time-limit", type=float, default=20.0)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--no-ui", action="store_true", help="only plan and print the summary")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument("--data-dir", default="data")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="check a plan against every hard rule")
    p.add_argument("scenario")
    p.add_argument("plan")
    p.add_argument("--previous", help="previous plan (freeze, notice, disruption)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("generate", help="generate a realistic scenario")
    p.add_argument("--cases", type=int, default=20)
    p.add_argument("--days", type=int, default=14)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--staffing", type=float, default=1.0, help="escorts and vehicles as a multiple of need")
    p.add_argument("-o", "--output", required=True)
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser("bench", help="benchmark the solver against the greedy baseline")
    p.add_argument("--suite", choices=["solve", "replan"], default="solve",
                   help="solve: CP-SAT vs greedy; replan: cancel the busiest leg, re-plan vs from scratch")
    p.add_argument("--tiers", default="S,M,L", help="comma list of S (20 cases, 14 days), M (60, 28), L (150, 28), "
                   "XL (1,000, 56)")
    p.add_argument("--seeds", default="0,1,2")
    p.add_argument("--staffing", type=float, default=0.6)
    p.add_argument("--time-limit", type=float, default=None, help="seconds per solve (default 60; XL 300)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--replan-time-limit", type=float, default=6.0, help="seconds for each re-plan (replan suite)")
    p.add_argument("--out", help="also write the table as markdown to this file")
    p.set_defaults(func=cmd_bench)

    from planner.exports.cli import register as register_exports  # ical, transport, handover

    register_exports(sub)

    from planner.ui_cli import register as register_ui  # ui, user

    register_ui(sub)

    from planner.replan import register as register_replan  # event, replan
    from planner.whatif import register as register_why  # why

    register_replan(sub)
    register_why(sub)
    from planner.capacity.command import register as register_sweep  # sweep (issue 14)

    register_sweep(sub)
    return parser


EXIT_VALID, EXIT_BROKEN_RULE, EXIT_BAD_INPUT = 0, 1, 2
"""Exit codes: 0 a valid plan (or success), 1 the plan breaks a rule, 2 bad input or arguments,
3 internal error (planner/crashlog.py: one line on stderr, the traceback in a log file)."""


def main(argv: list[str] | None = None) -> int:
    started = command_started(argv)
    parser = build_parser()
    args = parser.parse_args(argv)  # bad arguments: argparse exits with 2
    args.started = started
    if not hasattr(args, "verbose"):
        args.verbose = False
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # a file named on the command line cannot be read or written
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into exit code 3
        from planner.crashlog import report_internal_error

        return report_internal_error(exc, argv)


if __name__ == "__main__":
    sys.exit(main())
