"""`bv-planner why`: why a case is unplanned, and what it would take to plan it."""

from __future__ import annotations

from planner.cli.argtypes import SEED, TIME_LIMIT, WORKERS, input_file
from planner.texts import resolve_case, t
from planner.whatif import what_it_would_take
from planner.why_text import format_why
from solver import SolveParams


def cmd_why(args) -> int:
    from models import load_plan, load_scenario
    from solver.explain import explain_case

    scenario = load_scenario(args.scenario)
    plan = load_plan(args.plan)
    case_id = resolve_case(scenario, args.case)
    if case_id is None:
        from models import InputError

        raise InputError("bv-planner why", [("CASE", t("unknown_case", "en" if args.lang == "en" else "nl",
                                                       text=args.case))])
    params = SolveParams(time_limit_s=args.time_limit, workers=args.workers, seed=args.seed)
    previous = load_plan(args.previous) if args.previous else None
    reasons = explain_case(scenario, plan, case_id, params, previous)
    relaxations = None
    if reasons and not args.no_whatif:
        relaxations = what_it_would_take(scenario, plan, case_id, params, reasons=reasons)
    langs = ["nl", "en"] if args.lang == "both" else [args.lang]
    print("\n\n".join(format_why(scenario, case_id, reasons, relaxations, lang) for lang in langs))
    return 0


def register(sub) -> None:
    """Add `why` to the bv-planner subcommands."""
    p = sub.add_parser("why", help="why a case is unplanned, and what it would take to plan it")
    p.add_argument("scenario", type=input_file, help="scenario file (bv-scenario/1)")
    p.add_argument("plan", type=input_file, help="plan file (bv-plan/1)")
    p.add_argument("case", help="case id (case-024) or pseudonym (BV-2026-0077)")
    p.add_argument("--previous", type=input_file,
                   help="the plan PLAN was made from (notice period of re-planned trips; default: none)")
    p.add_argument("--lang", choices=["nl", "en", "both"], default="nl", help="language of the answer")
    p.add_argument("--no-whatif", action="store_true", help="only the blocking rules, no re-solving")
    p.add_argument("--time-limit", type=TIME_LIMIT, default=10.0, help="seconds per what-if re-solve")
    p.add_argument("--workers", type=WORKERS, default=1, help="CP-SAT workers (1: reproducible)")
    p.add_argument("--seed", type=SEED, default=0, help="CP-SAT random seed")
    p.set_defaults(func=cmd_why)
