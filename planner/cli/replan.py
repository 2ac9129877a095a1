"""`bv-planner event|replan`: apply events to a scenario, and re-plan with minimal disruption."""

from __future__ import annotations

import argparse
import sys

from models import load_plan, load_scenario, write_plan
from planner.cli.argtypes import input_file, make_parent, output_file
from planner.cli.common import solver_args, solver_params
from planner.events import EVENT_FLAGS, events_from_args
from planner.replan import changes_summary, solve_events, write_scenario
from planner.texts import t, violation_line
from solver import SolveBudget


def cmd_event(args) -> int:
    scenario = load_scenario(args.scenario)
    new, events = events_from_args(scenario, args.events or [])
    if not events:
        print("warning: no event given; the scenario is written unchanged", file=sys.stderr)
    write_scenario(new, make_parent(args.output))
    for e in events:
        print(f"applied  {e.text}")
    print(f"Scenario written to {args.output}")
    return 0


def cmd_replan(args) -> int:
    from planner.summary import plan_summary

    scenario = load_scenario(args.scenario)
    previous = load_plan(args.previous_plan)
    new, events = events_from_args(scenario, args.events or [])
    if args.scenario_out:
        write_scenario(new, make_parent(args.scenario_out))
    params = solver_params(args)
    done = solve_events(new, previous, events, params, SolveBudget(params, started=args.started))
    write_plan(done.checked.plan, make_parent(args.output))
    print(plan_summary(new, done.checked.plan, done.checked.valid, args.lang))
    print(changes_summary(previous, done, args.lang))
    if args.scenario_out:
        print(t("written.scenario", args.lang, path=args.scenario_out))
    print(t("written.plan", args.lang, path=args.output))
    for v in done.checked.violations:
        print(t("violation", args.lang, line=violation_line(new, v, args.lang)), file=sys.stderr)
    return 0 if done.checked.valid else 1


class _InOrder(argparse.Action):
    """Keeps every event option, with its values, in command-line order in `args.events`."""

    def __call__(self, parser, namespace, values, option_string=None):
        items = list(getattr(namespace, self.dest, None) or [])
        items.append((self.option_strings[0], list(values)))
        setattr(namespace, self.dest, items)


_NARGS: dict[str, int | str] = {"cancel_flight": 1, "staff_unavailable": 3, "vehicle_unavailable": 3,
                                "confirm_care": 2, "add_case": 1, "now": 1, "fit_to_fly": "+", "care_window": "+"}


def add_event_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the event options on an argparse parser; they land in `args.events` in order."""
    group = parser.add_argument_group("events (repeatable, applied in the order given)")
    for flag, (kind, metavar, text) in EVENT_FLAGS.items():
        nargs = _NARGS[kind]
        if isinstance(nargs, int):
            shown = tuple(metavar.split()) if nargs > 1 else metavar
        else:  # a variable count: argparse cannot show optional parts, so the help spells them out
            shown, text = "VALUE", f"{metavar}: {text}"
        group.add_argument(flag, nargs=nargs, metavar=shown, dest="events", default=[], action=_InOrder, help=text)


def register(sub) -> None:
    """Add `event` and `replan` to the bv-planner subcommands."""
    p = sub.add_parser("event", help="apply events (cancelled flight, sick escort, ...) to a scenario")
    p.add_argument("scenario", type=input_file, help="scenario file (bv-scenario/1)")
    p.add_argument("-o", "--output", type=output_file, required=True, help="new scenario file to write")
    add_event_arguments(p)
    p.set_defaults(func=cmd_event)

    p = sub.add_parser("replan", help="apply events and re-plan with minimal disruption of the previous plan")
    p.add_argument("scenario", type=input_file, help="scenario file (bv-scenario/1) before the events")
    p.add_argument("previous_plan", metavar="PREVIOUS_PLAN", type=input_file, help="the plan made before the events")
    p.add_argument("-o", "--output", type=output_file, required=True, help="new plan file to write")
    p.add_argument("--scenario-out", type=output_file, help="also write the new scenario here (default: not written)")
    add_event_arguments(p)
    solver_args(p)
    p.set_defaults(func=cmd_replan)
