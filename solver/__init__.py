"""CP-SAT planner for special departures. One public face: `solve(scenario, params)`.

The stages of a solve live in `solver.pipeline`; this module keeps the public API only.
"""

from __future__ import annotations

from models import Plan, Scenario
from solver.budget import SolveBudget
from solver.candidates import candidate_itineraries, candidate_returns
from solver.params import SolveParams
from solver.pipeline import run_pipeline
from solver.result import SolveResult, SolveStatus, SolveTrace

__all__ = ["SolveBudget", "SolveParams", "SolveResult", "SolveStatus", "SolveTrace", "candidate_itineraries",
           "candidate_returns", "solve"]


def solve(scenario: Scenario, params: SolveParams | None = None, previous: Plan | None = None,
          budget: SolveBudget | None = None, trace: bool = False) -> SolveResult:
    """Plan all cases together; the plan's objective is recomputed by the rule checker.

    `budget` is the command's clock (its start may lie before this call, e.g. when the CLI loaded
    the files); every stage takes its slice of it. `trace` adds the internals tests ask for
    (`SolveResult.trace`: index, assignments, start solution, phases)."""
    params = params or SolveParams()
    return run_pipeline(scenario, params, previous, budget or SolveBudget(params), trace)
