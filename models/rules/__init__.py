"""The hard rules of shared/FORMAT.md written plainly: the project's test oracle.

`find_violations` checks a plan against its scenario (and the previous plan, for notice and
freeze) and returns every broken rule; it never raises on a bad plan. `evaluate_objective`
computes the objective the planner reports. No CP-SAT here: stdlib and models only.
"""

from __future__ import annotations

from models import timeline  # the derived times, shared with the solver (models/timeline.py)
from models.plan import Plan
from models.rules import (
    care,
    cases,
    coverage,
    duty,
    escorts,
    frozen,
    ground,
    legs,
    locks,
    outbound,
    vehicles,
)
from models.rules.context import PlanContext
from models.rules.objective import (
    COST_PARTS,
    cost_breakdown,
    disrupted_cases,
    evaluate_objective,
    language_mismatched_cases,
    trip_cost_breakdown,
)
from models.rules.violation import Rule, Violation
from models.scenario import Scenario

CHECKS = (
    coverage.check,
    cases.check,
    outbound.check,
    legs.check,
    escorts.check,
    vehicles.check,
    care.check,
    ground.check,
    duty.check,
    locks.check,
    frozen.check,
)
"""Rule families in the order their violations are listed."""

RULES: tuple[Rule, ...] = (
    coverage.RULES + cases.RULES + outbound.RULES + legs.RULES + escorts.RULES + vehicles.RULES
    + care.RULES + ground.RULES + duty.RULES + locks.RULES + frozen.RULES
)
"""Every rule code with its labels, for the UI and the docs."""


def find_violations(scenario: Scenario, plan: Plan, previous: Plan | None = None) -> list[Violation]:
    """Every hard rule `plan` breaks; empty for a valid plan."""
    ctx = PlanContext.build(scenario, plan, previous)
    return [violation for check in CHECKS for violation in check(ctx)]


def rule_by_code(code: str) -> Rule:
    return next(rule for rule in RULES if rule.code == code)


__all__ = [
    "CHECKS", "COST_PARTS", "RULES", "Rule", "Violation", "cost_breakdown", "disrupted_cases",
    "evaluate_objective", "find_violations", "language_mismatched_cases", "rule_by_code", "timeline",
    "trip_cost_breakdown",
]
