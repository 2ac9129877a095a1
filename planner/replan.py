"""Re-planning after events: apply what happened, solve again with the previous plan.

`replan(scenario, previous, events, params)` applies the events (planner.events) and solves the
new scenario with `previous` as the previous plan, so the solver keeps as much of it as the
rules allow (disruption is the second objective level; frozen trips stay unless impossible).
The CLI commands `bv-planner event` and `bv-planner replan` are thin layers over the same calls.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from models import Plan, Scenario
from models.rules import disrupted_cases
from planner.events import Event, apply_events
from planner.service import CheckedPlan, solve_scenario
from solver import SolveBudget, SolveParams


@dataclass
class Replanned:
    """The new scenario, its checked plan, and what changed against the previous plan."""

    scenario: Scenario
    checked: CheckedPlan
    events: list[Event] = field(default_factory=list)
    disrupted: list[str] = field(default_factory=list)
    """Previously planned cases whose outbound legs, vehicle, escorts or escort returns changed, or that
    dropped out (revision 2)."""


def replan_full(
    scenario: Scenario, previous: Plan, events: Iterable[Event], params: SolveParams | None = None
) -> Replanned:
    events = list(events)
    new = apply_events(scenario, events)
    return solve_events(new, previous, events, params)


def solve_events(
    new: Scenario, previous: Plan, events: list[Event], params: SolveParams | None, budget: SolveBudget | None = None
) -> Replanned:
    checked = solve_scenario(new, params, previous=previous, budget=budget)
    info = dict(checked.plan.solver)
    info["events"] = [e.text for e in events]
    checked.plan = checked.plan.model_copy(update={"solver": info})
    return Replanned(new, checked, events, disrupted_cases(new, checked.plan, previous))


def replan(
    scenario: Scenario, previous: Plan, events: Iterable[Event], params: SolveParams | None = None
) -> CheckedPlan:
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


def changes_summary(previous: Plan, replanned: Replanned, lang: str = "nl") -> str:
    """Every changed trip with what changed and why (planner/tripchanges.py)."""
    from planner.tripchanges import changes_text

    return changes_text(replanned.scenario, replanned.checked.plan, previous, replanned.events, lang)


__all__ = ["Replanned", "changes_summary", "replan", "replan_full", "write_scenario"]
