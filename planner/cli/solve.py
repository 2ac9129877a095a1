"""`bv-planner solve|check|generate|demo`: plan a scenario, check a plan, make one, try the demo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planner.cli.argtypes import (
    PORT,
    SEED,
    TIME_LIMIT,
    WORKERS,
    float_range,
    input_file,
    int_range,
    make_parent,
    output_dir,
    output_file,
)
from planner.cli.common import lang_arg, show_progress, solver_args, solver_params
from planner.texts import t, violation_line


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
        write_plan(checked.plan, make_parent(args.output))
    print(plan_summary(scenario, checked.plan, checked.valid, args.lang))
    if previous is not None:
        from planner.tripchanges import changes_text

        print(changes_text(scenario, checked.plan, previous, [], args.lang))
    if args.output:
        print(t("written.plan", args.lang, path=args.output))
    for v in checked.violations:
        print(t("violation", args.lang, line=violation_line(scenario, v, args.lang)), file=sys.stderr)
    return 0 if checked.valid else 1


def cmd_check(args) -> int:
    from models import load_plan, load_scenario
    from models.rules import evaluate_objective, find_violations
    from planner.summary import objective_values

    scenario, plan = load_scenario(args.scenario), load_plan(args.plan)
    previous = load_plan(args.previous) if args.previous else None
    violations, objective = find_violations(scenario, plan, previous), evaluate_objective(scenario, plan, previous)
    for v in violations:
        print(violation_line(scenario, v, args.lang))
    print(t("check.objective", args.lang, **objective_values(objective, args.lang)))
    print(t("check.valid", args.lang) if not violations else t("check.invalid", args.lang, n=len(violations)))
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
    make_parent(args.output).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
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
    if not args.no_ui:
        from planner.cli.ui import port_problem

        problem = port_problem(args.port, "127.0.0.1", args.lang)
        if problem is not None:  # said before a 20-second solve, not after it
            print(problem, file=sys.stderr)
            return 2
    out = make_parent(args.output)
    show_progress(args)
    print(t("demo.planning", args.lang, name=demo.name, limit=f"{args.time_limit:g}"), flush=True)
    checked = solve_file(demo, out, None, SolveParams(time_limit_s=args.time_limit, workers=args.workers, seed=0,
                                                      log_progress=not args.quiet))
    print(plan_summary(load_scenario(demo), checked.plan, checked.valid, args.lang))
    print(t("written.plan", args.lang, path=out))
    if args.no_ui:
        return 0 if checked.valid else 1
    try:
        from planner.cli.ui import start_ui
    except ImportError:
        return 0 if checked.valid else 1
    return start_ui(port=args.port, data_dir=args.data_dir, demo=True, plan=out, lang=args.lang)


def register(sub: argparse._SubParsersAction) -> None:
    """Add `solve`, `demo`, `check` and `generate` to the bv-planner subcommands."""
    p = sub.add_parser("solve", help="plan a scenario")
    p.add_argument("scenario", type=input_file, help="scenario file (bv-scenario/1)")
    p.add_argument("-o", "--output", type=output_file, help="plan file to write (default: none, summary only)")
    p.add_argument("--previous", type=input_file, help="previous plan, for minimal disruption (default: none)")
    solver_args(p)
    p.set_defaults(func=cmd_solve)

    p = sub.add_parser("demo", help="plan the bundled demo scenario, then start the web planner on it")
    p.add_argument("-o", "--output", type=output_file, default="out/demo-plan.json", help="plan file to write")
    p.add_argument("--time-limit", type=TIME_LIMIT, default=20.0, help="seconds for the solve")
    p.add_argument("--workers", type=WORKERS, default=2, help="CP-SAT workers")
    p.add_argument("--no-ui", action="store_true", help="only plan and print the summary")
    p.add_argument("--port", type=PORT, default=8501, help="port of the web planner")
    p.add_argument("--data-dir", type=output_dir, default="data", help="data folder of the web planner")
    lang_arg(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="check a plan against every hard rule")
    p.add_argument("scenario", type=input_file, help="scenario file (bv-scenario/1)")
    p.add_argument("plan", type=input_file, help="plan file (bv-plan/1)")
    p.add_argument("--previous", type=input_file, help="previous plan (freeze, notice, disruption; default: none)")
    lang_arg(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("generate", help="generate a realistic scenario")
    p.add_argument("--cases", type=int_range(1, 5000), default=20, help="open cases")
    p.add_argument("--days", type=int_range(1, 366), default=14, help="planning horizon in days")
    p.add_argument("--seed", type=SEED, default=0, help="random seed (the same seed gives the same scenario)")
    p.add_argument("--staffing", type=float_range(0.0, 20.0, low_open=True), default=1.0,
                   help="escorts and vehicles as a multiple of need")
    p.add_argument("--mix", default=None,
                   help="case mix: bijzonder-vertrek (none: that), removals, medical, or profile=weight,...")
    p.add_argument("--forced-share", type=float_range(0.0, 1.0), default=None,
                   help="share of forced trip units, 0-1 (none: the mix's)")
    p.add_argument("--start", type=_start, default=None,
                   help="planning start with UTC offset (none: 2026-12-07T08:00+01:00)")
    p.add_argument(
        "--describe",
        metavar="FILE",
        type=input_file,
        help="print the case mix of a scenario file instead of generating",
    )
    p.add_argument("-o", "--output", type=output_file, help="scenario file to write (needed unless --describe)")
    p.set_defaults(func=cmd_generate)
