"""`bv-planner solve|check|generate|demo`: plan a scenario, check a plan, make one, try the demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.common import show_progress, solver_args, solver_params


def cmd_solve(args) -> int:
    """--time-limit counts from the start of the command, loading and itinerary building included."""
    from models import load_plan, load_scenario, write_plan
    from planner.service import solve_scenario
    from planner.summary import plan_summary
    from solver import SolveBudget

    show_progress(args)
    scenario = load_scenario(args.scenario)
    previous = load_plan(args.previous) if args.previous else None
    params = solver_params(args)
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
    import sys

    from sample_data import generate_scenario

    if args.describe:
        from models.io import load_scenario, read_json
        from sample_data.describe import describe

        load_scenario(args.describe)  # refuses a file that is not to the contract, with the field path
        print(describe(read_json(args.describe)), end="")
        return 0
    if not args.output:
        print("error: generate needs -o/--output (or --describe FILE)", file=sys.stderr)
        return 2
    try:
        data = generate_scenario(cases=args.cases, days=args.days, seed=args.seed, staffing=args.staffing,
                                 start=args.start, mix=args.mix, forced_share=args.forced_share)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    Path(args.output).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Scenario with {len(data['cases'])} cases, {len(data['flights'])} legs, {len(data['staff'])} staff, "
          f"{len(data['vehicles'])} vehicles written to {args.output}")
    return 0


def _start(text: str):
    """--start: an ISO datetime with its UTC offset."""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO datetime: {text!r}") from None
    if moment.utcoffset() is None:
        raise argparse.ArgumentTypeError("needs a UTC offset, e.g. 2026-12-07T08:00:00+01:00")
    return moment


def cmd_demo(args) -> int:
    """Plan the bundled demo scenario, print the summary, then open the web planner on it."""
    from models import load_scenario
    from planner.service import solve_file
    from planner.summary import plan_summary
    from solver import SolveParams

    demo = Path(__file__).resolve().parents[2] / "sample_data" / "scenarios" / "demo.json"
    out = Path(args.output)
    checked = solve_file(demo, out, None, SolveParams(time_limit_s=args.time_limit, workers=args.workers, seed=0))
    print(plan_summary(load_scenario(demo), checked.plan, checked.valid))
    print(f"Plan written to {out}")
    if args.no_ui:
        return 0 if checked.valid else 1
    try:
        from planner.cli.ui import start_ui
    except ImportError:
        return 0 if checked.valid else 1
    return start_ui(port=args.port, data_dir=args.data_dir, demo=True, plan=out)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `solve`, `demo`, `check` and `generate` to the bv-planner subcommands."""
    p = sub.add_parser("solve", help="plan a scenario")
    p.add_argument("scenario")
    p.add_argument("-o", "--output", help="plan file to write")
    p.add_argument("--previous", help="previous plan, for minimal disruption")
    solver_args(p)
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
    p.add_argument("--mix", default=None,
                   help="case mix: bijzonder-vertrek (default), removals, medical, or profile=weight,...")
    p.add_argument("--forced-share", type=float, default=None, help="share of forced trip units, 0-1 (default: the mix's)")
    p.add_argument("--start", type=_start, default=None, help="planning start with UTC offset (default 2026-12-07T08:00+01:00)")
    p.add_argument("--describe", metavar="FILE", help="print the case mix of a scenario file instead of generating")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_generate)
