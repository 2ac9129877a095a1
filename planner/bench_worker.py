"""One benchmark run in its own process, so peak memory is that run's alone."""

from __future__ import annotations

import json
import resource
import sys
import time


def main() -> int:
    spec = json.loads(sys.argv[1])
    started = time.perf_counter()
    from models import load_scenario
    from planner.service import solve_scenario
    from solver import SolveParams

    scenario = load_scenario(spec["scenario"])
    params = SolveParams(time_limit_s=spec["time_limit"], workers=spec["workers"], seed=spec["seed"],
                         strategy=spec["strategy"])
    checked = solve_scenario(scenario, params)
    wall = time.perf_counter() - started
    plan = checked.plan
    bound = plan.bound.planned_priority if plan.bound else None
    out = {
        "valid": checked.valid and not checked.repaired,
        "planned": sum(len(t.cases) for t in plan.trips),
        "cases": len(scenario.cases),
        "priority": plan.objective.planned_priority,
        "cost": plan.objective.cost_eur,
        "wall_s": wall,
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bound": bound,
        "status": plan.solver.get("status"),
        "legs": len(scenario.flights),
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
