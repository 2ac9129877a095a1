"""Solver parameters: one validated object, copied onto CP-SAT in one place."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

MAX_FIXED_SHARE = 0.9
"""The fixed stages (index, heuristics, hints, explanations, finish) may plan for at most this share of
the time limit together: the CP-SAT search keeps the rest."""


class SolveParams(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    time_limit_s: float = Field(60.0, gt=0, description="wall-clock budget for the whole solve, seconds")
    workers: int = Field(2, ge=1, le=64, description="CP-SAT search workers")
    seed: int = Field(0, ge=0, description="CP-SAT random seed")
    strategy: Literal["cpsat", "greedy"] = Field("cpsat", description="cpsat or the greedy baseline")
    max_options_per_trip: int = Field(40, ge=1, description="outbound itineraries kept per trip")
    max_options_per_day: int = Field(3, ge=1, description="outbound itineraries kept per departure day")
    max_returns_per_option: int = Field(3, ge=1, description="return itineraries kept per outbound option")
    default_max_legs: int = Field(3, ge=1, le=4, description="leg cap when a case sets none")
    default_max_travel_hours: float = Field(36.0, gt=0, description="duration cap when a case sets none, hours")
    max_return_legs: int = Field(3, ge=1, le=4, description="leg cap for escort returns")
    log_progress: bool = Field(False, description="log each improving solution (planner's own lines)")
    cpsat_log: bool = Field(False, description="CP-SAT's own search log, for debugging")
    probing_level: int = Field(0, ge=0, le=2, description="CP-SAT presolve probing; 0 skips probing, "
                               "which took 20 s on L-tier models")
    # -- the time budget (solver.budget): shares of time_limit_s, validated together below --------
    index_share: float = Field(0.15, gt=0, lt=1, description="share of the time the itinerary index may take; "
                               "past it, the remaining trips get fewer candidate itineraries")
    heuristics_share: float = Field(0.15, ge=0, lt=1, description="share of the time for the start heuristics")
    heuristics_max_s: float = Field(10.0, ge=0, description="the start heuristics never take longer, seconds "
                                    "(unless the model is large, below)")
    large_heuristics_share: float = Field(0.5, ge=0, lt=1, description="share of the time for the start "
                                          "heuristics when the CP-SAT model is too large to hold in full "
                                          "(over max_model_vars): there the local search gains far more per "
                                          "second than CP-SAT (XL tier: +70 priority in 80 s against +10)")
    hint_share: float = Field(0.05, ge=0, lt=0.5, description="share of the time to complete the start solution "
                              "before each CP-SAT phase")
    explain_share: float = Field(0.08, ge=0, lt=0.5, description="share of the time for CP-SAT "
                                 "explanations of unplanned cases")
    explain_max_s: float = Field(8.0, ge=0, description="the CP-SAT explanations never take longer, seconds")
    finish_share: float = Field(0.03, ge=0, lt=0.5, description="share of the time kept for the final rule check "
                                "and writing the plan")
    priority_phase_share: float = Field(0.5, gt=0, lt=1, description="share of the CP-SAT search time for the "
                                        "priority phase; the cost phase gets the rest")
    replan_priority_phase_share: float = Field(0.6, gt=0, lt=1, description="the same with a previous plan, where "
                                               "the first phase weighs priority and disruption together")
    # -- model size and memory -------------------------------------------------------------
    max_model_vars: int = Field(120_000, ge=1000, description="CP-SAT model size (variables and intervals, "
                                "cost phase included) it may reach; memory grows with it. A larger model "
                                "keeps fewer escort candidates per trip")

    @model_validator(mode="after")
    def _shares_leave_search_time(self) -> SolveParams:
        heuristics = max(self.heuristics_share, self.large_heuristics_share)
        fixed = self.index_share + heuristics + 2 * self.hint_share + self.explain_share + self.finish_share
        if fixed > MAX_FIXED_SHARE:
            raise ValueError(f"index, (large) heuristics, 2 x hint, explain and finish shares add up to {fixed:.2f}; "
                             f"at most {MAX_FIXED_SHARE}, so the CP-SAT search keeps a tenth of the time")
        return self


DETERMINISTIC_UNITS_PER_SECOND = 0.08
"""CP-SAT deterministic time per nominal second when reproducible (measured ~0.06-0.15 on S and L tiers)."""
MIN_DETERMINISTIC = 0.05
"""Deterministic time a phase always gets, however short its slice."""
BACKSTOP_FACTOR = 5.0
"""Reproducible mode without a deadline: the wall-clock backstop is this many times the nominal slice ..."""
BACKSTOP_MIN_S = 1.0
"""... and at least this long, so a slow machine still finishes the deterministic budget."""
MIN_WALL_S = 0.1
"""Wall seconds CP-SAT always gets: a limit of 0 would stop it before it reports the start solution."""


def reproducible(params: SolveParams) -> bool:
    """One worker means reproducible: iteration and deterministic-time budgets, no wall-clock cut-offs."""
    return params.workers == 1


LARGE_MODEL_PRESOLVE_ITERATIONS = 1
"""A large model (cut to max_model_vars) presolves once: four rounds took 21 s of a 60 s phase on XL."""
LARGE_MODEL_LINEARIZATION = 0
"""A large model is searched without the LP relaxation. Measured on XL seed 0 (150,000-variable cap,
100 s priority phase from the local search's start, 2 workers): with the LP, memory grew from 0.5 to
1.9 GB and priority rose 2389 -> 2391 (bound 2719); without it, 1.3 GB, 2389 -> 2402 (bound 2718)."""


LARGE_MODEL_COST_PHASE = False
"""A large model gets no CP-SAT cost phase: its priority phase takes all the search time. On XL seed 0
the cost phase's memory rose from 0.95 to 2.1 GB in its first 30 s, LP relaxation or not, for < 0.3 %
less cost; the local search already prefers cheaper options among equal priority."""


def apply_to_cpsat(params: SolveParams, solver, time_limit_s: float, wall_backstop_s: float | None = None,
                   large_model: bool = False, phase: str = "") -> None:
    """The one place SolveParams reach CP-SAT. `time_limit_s` is the phase's slice (nominal seconds
    when reproducible); `wall_backstop_s` the wall time left until the slice's deadline."""
    if reproducible(params):
        # Deterministic time runs at ~0.06-0.15 units per wall second on these models (measured on
        # S and L tiers); the wall limit is only a backstop, so the run stays reproducible.
        solver.parameters.max_deterministic_time = max(MIN_DETERMINISTIC, DETERMINISTIC_UNITS_PER_SECOND * time_limit_s)
        backstop = max(BACKSTOP_MIN_S, BACKSTOP_FACTOR * time_limit_s) if wall_backstop_s is None else wall_backstop_s
        solver.parameters.max_time_in_seconds = max(MIN_WALL_S, backstop)
    else:
        wall = time_limit_s if wall_backstop_s is None else min(time_limit_s, wall_backstop_s)
        solver.parameters.max_time_in_seconds = max(MIN_WALL_S, wall)
    if large_model:
        solver.parameters.max_presolve_iterations = LARGE_MODEL_PRESOLVE_ITERATIONS
        solver.parameters.symmetry_level = 0  # a graph of 500,000 nodes for a handful of symmetries
        solver.parameters.linearization_level = LARGE_MODEL_LINEARIZATION
    solver.parameters.num_workers = params.workers
    solver.parameters.random_seed = params.seed
    solver.parameters.log_search_progress = params.cpsat_log
    solver.parameters.cp_model_probing_level = params.probing_level
