"""The plan's solver report: what CP-SAT did, whether it improved on its start, and an honest bound."""

from __future__ import annotations

from typing import Any

from models import Plan, Scenario
from models.plan import Bound
from solver.bounds import full_problem_bound, restricted_by
from solver.cpsat import CpsatOutcome
from solver.result import SolveStatus
from solver.selection import Assignment, to_plan
from solver.units import Index

Info = dict[str, Any]
"""The plan's `solver` object while it is being written (insertion order is the JSON order)."""


def report_cpsat(info: Info, outcome: CpsatOutcome, ix: Index) -> None:
    """What the plan's solver report says about the lock check, a failed phase and the start solution."""
    info["start_solution"] = outcome.start_solution
    if outcome.failure is not None:
        info["model_error"] = outcome.failure
    if outcome.relaxation is not None:
        cases = {u.key: "+".join(u.case_ids) for u in ix.units}
        info["lock_check"] = {
            "checks": outcome.relaxation.checks, "conclusive": outcome.relaxation.conclusive,
            "given_up": [f"{c.guard.kind} of {cases[c.guard.unit_key]}" for c in outcome.relaxation.given_up],
        }


def honest_bound(ix: Index, info: Info, status: SolveStatus,
                 bounds: dict[str, float | None]) -> tuple[SolveStatus, Bound | None]:
    """CP-SAT's bound as the plan's bound only when the options were not restricted (solver.bounds);
    otherwise it is reported as `restricted_bound`, with a bound for the full problem instead."""
    restricted = restricted_by(ix)
    if not restricted:
        if not bounds:
            return status, None
        return status, Bound(planned_priority=bounds.get("planned_priority"), disruption=bounds.get("disruption"),
                             language_mismatch=bounds.get("language_mismatch"), cost_eur=bounds.get("cost_eur"))
    info["restricted_by"] = restricted
    if bounds:
        info["restricted_bound"] = {k: v for k, v in bounds.items() if v is not None}
    full = full_problem_bound(ix, bounds.get("planned_priority"))
    return (SolveStatus.FEASIBLE if status is SolveStatus.OPTIMAL else status), Bound(planned_priority=full)


def objective_of(scenario: Scenario, ix: Index, chosen: dict[str, Assignment], previous: Plan | None) -> Info:
    """The objective of a set of assignments as the checker computes it (~0.1 s on XL), so a reader of
    the plan can tell whether CP-SAT improved on the start solution it was given."""
    from models.rules import evaluate_objective

    objective = evaluate_objective(scenario, to_plan(ix, chosen, {}, {}), previous)
    return {"planned_priority": objective.planned_priority, "disruption": objective.disruption,
            "language_mismatch": objective.language_mismatch, "cost_eur": round(objective.cost_eur, 2)}


def improved(start: Info, result: Info) -> bool:
    """Better than the start, level by level: priority, then disruption, language, then cost."""
    if result["planned_priority"] != start["planned_priority"]:
        return bool(result["planned_priority"] > start["planned_priority"])
    if result["disruption"] != start["disruption"]:
        return bool((result["disruption"] or 0) < (start["disruption"] or 0))
    if result.get("language_mismatch") != start.get("language_mismatch"):
        return bool((result.get("language_mismatch") or 0) < (start.get("language_mismatch") or 0))
    return bool(result["cost_eur"] < start["cost_eur"])
