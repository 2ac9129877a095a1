"""The application's face: solve, check and explain, with every plan checked before it leaves."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from models import Plan, Scenario, Unplanned, load_plan, load_scenario
from models.rules import Violation, evaluate_objective, find_violations
from solver import SolveBudget, SolveParams, SolveResult, solve
from solver.explain import x_reasons

log = logging.getLogger(__name__)


UNAVOIDABLE = {"rule8.lock_unplanned", "frozen.changed"}
"""Violations that withdrawing trips cannot repair. They are still violations: a plan is valid here
exactly when `bv-planner check` calls it valid (an unkeepable lock is valid only as an unplanned
case with reasons, a changed frozen trip only with a note for its case: the checker reads both)."""


@dataclass
class CheckedPlan:
    plan: Plan
    result: SolveResult | None
    violations: list[Violation]
    repaired: list[str]

    @property
    def valid(self) -> bool:
        return not self.violations


def scenario_hash(scenario: Scenario) -> str:
    data = json.dumps(scenario.model_dump(mode="json", by_alias=True), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


WITHDRAWN = "withdrawn: the rule checker rejected the proposed trip"


def _withdraw(scenario: Scenario, plan: Plan, violations: list[Violation],
              previous: Plan | None) -> tuple[Plan, list[str]]:
    """Last line of defence: a trip the checker rejects is taken out, never handed on."""
    bad = {c for v in violations if v.rule not in UNAVOIDABLE for c in v.cases}
    if not bad:
        return plan, []
    trips, unplanned = [], list(plan.unplanned)
    removed: list[str] = []
    for trip in plan.trips:
        if bad & set(trip.cases):
            removed.extend(trip.cases)
            unplanned.extend(
                Unplanned.model_validate({"case": c, "reasons": (WITHDRAWN,), "x_reasons": x_reasons([WITHDRAWN], [])})
                for c in trip.cases
            )
        else:
            trips.append(trip)
    plan = plan.model_copy(update={"trips": tuple(trips), "unplanned": tuple(sorted(unplanned, key=lambda u: u.case))})
    plan = plan.model_copy(update={"objective": evaluate_objective(scenario, plan, previous)})
    return plan, removed


def solve_scenario(scenario: Scenario, params: SolveParams | None = None, previous: Plan | None = None,
                   budget: SolveBudget | None = None, trace: bool = False) -> CheckedPlan:
    """Solve and check. `budget` is the command's clock when the caller started it earlier (the
    CLI, so loading counts); the final check runs in the share it keeps free. `trace` keeps the
    solver's internals on `result.trace` (tests)."""
    result = solve(scenario, params, previous, budget, trace=trace)
    plan = result.plan
    violations = find_violations(scenario, plan, previous)
    repaired: list[str] = []
    rounds = 0
    while [v for v in violations if v.rule not in UNAVOIDABLE] and rounds < 5:
        log.error("solver plan broke %d rule(s); withdrawing the trips involved: %s", len(violations),
                  "; ".join(v.message for v in violations[:5]))
        plan, removed = _withdraw(scenario, plan, violations, previous)
        repaired.extend(removed)
        violations = find_violations(scenario, plan, previous)
        rounds += 1
        if not removed:
            break
    solver_info = dict(plan.solver)
    solver_info["scenario_sha256"] = scenario_hash(scenario)
    solver_info["checked"] = {"valid": not violations, "withdrawn_cases": repaired}
    plan = plan.model_copy(update={"solver": solver_info})
    return CheckedPlan(plan=plan, result=result, violations=violations, repaired=repaired)


def solve_file(scenario_path: str | Path, out: str | Path | None = None, previous: str | Path | None = None,
               params: SolveParams | None = None) -> CheckedPlan:
    """Python API for scripts: read, solve, check, and write the plan if `out` is given."""
    from models import write_plan

    scenario = load_scenario(scenario_path)
    prev = load_plan(previous) if previous else None
    checked = solve_scenario(scenario, params, prev)
    if out is not None:
        write_plan(checked.plan, out)
    return checked


def check_files(scenario_path: str | Path, plan_path: str | Path, previous: str | Path | None = None):
    scenario = load_scenario(scenario_path)
    plan = load_plan(plan_path)
    prev = load_plan(previous) if previous else None
    return find_violations(scenario, plan, prev), evaluate_objective(scenario, plan, prev)
