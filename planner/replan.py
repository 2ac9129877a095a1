"""Re-planning after events: apply what happened, solve again with the previous plan.

`replan(scenario, previous, events, params)` applies the events (planner.events) and solves the
new scenario with `previous` as the previous plan, so the solver keeps as much of it as the
rules allow (disruption is the second objective level; frozen trips stay unless impossible).
The CLI commands `bv-planner event` and `bv-planner replan` are thin layers over the same calls.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from models import Plan, Scenario, load_plan, load_scenario, write_plan
from models.rules import disrupted_cases
from planner.events import Event, add_event_arguments, apply_events, events_from_args
from planner.service import CheckedPlan, solve_scenario
from solver import SolveBudget, SolveParams


@dataclass
class Replanned:
    """The new scenario, its checked plan, and what changed against the previous plan."""

    scenario: Scenario
    checked: CheckedPlan
    events: list[Event] = field(default_factory=list)
    disrupted: list[str] = field(default_factory=list)
    """Previously planned cases whose outbound legs, vehicle or escorts changed, or that dropped out."""


def replan_full(scenario: Scenario, previous: Plan, events: Iterable[Event], params: SolveParams | None = None) -> Replanned:
    events = list(events)
    new = apply_events(scenario, events)
    return _solve(new, previous, events, params)


def _solve(new: Scenario, previous: Plan, events: list[Event], params: SolveParams | None,
           budget: SolveBudget | None = None) -> Replanned:
    checked = solve_scenario(new, params, previous=previous, budget=budget)
    info = dict(checked.plan.solver)
    info["events"] = [e.text for e in events]
    checked.plan = checked.plan.model_copy(update={"solver": info})
    return Replanned(new, checked, events, disrupted_cases(new, checked.plan, previous))


def replan(scenario: Scenario, previous: Plan, events: Iterable[Event], params: SolveParams | None = None) -> CheckedPlan:
    """Apply `events` to `scenario` and solve with `previous` as the previous plan."""
    return replan_full(scenario, previous, events, params).checked


# -- files ---------------------------------------------------------------------------------------
def write_scenario(scenario: Scenario, path: str | Path) -> None:
    """Write atomically, in the file format (`bv-scenario/1`)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    data = scenario.model_dump(mode="json", by_alias=True)
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)


def changes_summary(previous: Plan, replanned: Replanned) -> str:
    plan = replanned.checked.plan
    before = {c for t in previous.trips for c in t.cases}
    after = {c for t in plan.trips for c in t.cases}
    lines = [f"Events     {len(replanned.events)}: " + "; ".join(e.text for e in replanned.events)]
    changed = [c for c in replanned.disrupted if c in after]
    lines.append(f"Changed    {len(changed)} previously planned case(s)" + (f": {', '.join(changed)}" if changed else ""))
    dropped = sorted(before - after)
    lines.append(f"Dropped    {len(dropped)}" + (f": {', '.join(dropped)}" if dropped else ""))
    added = sorted(after - before)
    lines.append(f"Added      {len(added)}" + (f": {', '.join(added)}" if added else ""))
    return "\n".join(lines)


# -- CLI ------------------------------------------------------------------------------------------
def _params(args) -> SolveParams:
    return SolveParams(time_limit_s=args.time_limit, workers=args.workers, seed=args.seed, strategy=args.strategy,
                       log_progress=getattr(args, "verbose", False))


def cmd_event(args) -> int:
    scenario = load_scenario(args.scenario)
    new, events = events_from_args(scenario, args.events or [])
    if not events:
        print("warning: no event given; the scenario is written unchanged", file=sys.stderr)
    write_scenario(new, args.output)
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
        write_scenario(new, args.scenario_out)
    params = _params(args)
    done = _solve(new, previous, events, params, SolveBudget(params, started=args.started))
    write_plan(done.checked.plan, args.output)
    print(plan_summary(new, done.checked.plan, done.checked.valid))
    print(changes_summary(previous, done))
    if args.scenario_out:
        print(f"Scenario written to {args.scenario_out}")
    print(f"Plan written to {args.output}")
    for v in done.checked.violations:
        print(f"VIOLATION [{v.rule}] {v.label}: {v.message}", file=sys.stderr)
    return 0 if done.checked.valid else 1


def _solver_args(p) -> None:
    p.add_argument("--time-limit", type=float, default=60.0, help="seconds for the whole solve (default 60)")
    p.add_argument("--seed", type=int, default=0, help="CP-SAT random seed (default 0)")
    p.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2; 1 = reproducible)")
    p.add_argument("--strategy", choices=["cpsat", "greedy"], default="cpsat")


def register(sub) -> None:
    """Add `event` and `replan` to the bv-planner subcommands."""
    p = sub.add_parser("event", help="apply events (cancelled flight, sick escort, ...) to a scenario")
    p.add_argument("scenario")
    p.add_argument("-o", "--output", required=True, help="new scenario file to write")
    add_event_arguments(p)
    p.set_defaults(func=cmd_event)

    p = sub.add_parser("replan", help="apply events and re-plan with minimal disruption of the previous plan")
    p.add_argument("scenario")
    p.add_argument("previous_plan", metavar="PREVIOUS_PLAN")
    p.add_argument("-o", "--output", required=True, help="new plan file to write")
    p.add_argument("--scenario-out", help="also write the new scenario here")
    add_event_arguments(p)
    _solver_args(p)
    p.set_defaults(func=cmd_replan)


__all__ = ["Replanned", "changes_summary", "cmd_event", "cmd_replan", "register", "replan", "replan_full", "write_scenario"]
