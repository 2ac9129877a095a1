"""One benchmark run in its own process, so peak memory and wall time are that run's alone."""

from __future__ import annotations

import json
import resource
import sys

from planner.clock import process_started

FAILED_STATUSES = ("infeasible", "model_invalid", "model_error")
"""A plan status that means the optimiser's answer was not used."""
SOLVED = ("optimal", "feasible")


def optimiser_report(solver_info: dict) -> dict:
    """What CP-SAT did in one run: each phase's status, whether it ran at all, and whether it improved
    on the start solution it was given (`solver.start` vs the plan's objective, both by the checker)."""
    phases = solver_info.get("phases") or []
    status = solver_info.get("status")
    solved = any(p.get("status") in SOLVED for p in phases) or (not phases and status == "optimal")
    start = solver_info.get("start") or {}
    return {
        "phases": " ".join(f"{p['phase']}:{p['status']}" for p in phases) or "-",
        "optimiser_ran": status not in FAILED_STATUSES and solved,
        "start_priority": start.get("planned_priority"),
        "start_cost": start.get("cost_eur"),
        "improved": solver_info.get("improved_on_start"),
    }


def main() -> int:
    started = process_started()
    spec = json.loads(sys.argv[1])
    import time

    from models import load_plan, load_scenario, write_plan
    from models.rules import evaluate_objective, find_violations
    from planner.service import solve_scenario
    from solver import SolveBudget, SolveParams

    scenario = load_scenario(spec["scenario"])
    reference = load_plan(spec["previous"]) if spec.get("previous") else None
    use_previous = reference if spec.get("use_previous", True) else None
    params = SolveParams(time_limit_s=spec["time_limit"], workers=spec["workers"], seed=spec["seed"],
                         strategy=spec["strategy"])
    solve_started = time.perf_counter()
    checked = solve_scenario(scenario, params, use_previous, SolveBudget(params, started=started))
    solve_s = time.perf_counter() - solve_started
    plan = checked.plan
    if spec.get("output"):
        write_plan(plan, spec["output"])
    wall = time.perf_counter() - started
    violations = find_violations(scenario, plan, reference) if reference is not None else checked.violations
    objective = evaluate_objective(scenario, plan, reference)
    bound = plan.bound.planned_priority if plan.bound else None
    from models import timeline as tl

    duties = [tl.span_minutes(tl.outbound_duty(scenario, trip, a)) for trip in plan.trips for a in trip.escorts]
    duties += [tl.span_minutes(d) for trip in plan.trips for a in trip.escorts
               if (d := tl.return_duty(scenario, a)) is not None]
    out = {
        "valid": not violations and not checked.repaired,
        "violations": [v.rule for v in violations],
        "planned": sum(len(t.cases) for t in plan.trips),
        "cases": len(scenario.cases),
        "priority": objective.planned_priority,
        "disruption": objective.disruption,
        "cost": objective.cost_eur,
        "language_mismatch": objective.language_mismatch,
        "longest_duty_h": max(duties) / 60 if duties else None,
        "wall_s": wall,
        "solve_s": solve_s,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bound": bound,
        "status": plan.solver.get("status"),
        "legs": len(scenario.flights),
    }
    if spec["strategy"] == "cpsat":
        out |= optimiser_report(plan.solver)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
