"""Solver parameters: one validated object, copied onto CP-SAT in one place."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


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
    probing_level: int = Field(0, ge=0, le=2, description="CP-SAT presolve probing; 0 skips probing, which took 20 s on L-tier models")
    explain_share: float = Field(0.08, ge=0, lt=0.5, description="share of the time for CP-SAT explanations of unplanned cases")
    priority_phase_share: float = Field(0.5, gt=0, lt=1, description="share of the time for the priority phase")


DETERMINISTIC_UNITS_PER_SECOND = 0.08


def reproducible(params: SolveParams) -> bool:
    """One worker means reproducible: iteration and deterministic-time budgets, no wall-clock cut-offs."""
    return params.workers == 1


def apply_to_cpsat(params: SolveParams, solver, time_limit_s: float) -> None:
    """The one place SolveParams reach CP-SAT."""
    if reproducible(params):
        # Deterministic time runs at ~0.06-0.15 units per wall second on these models (measured on
        # S and L tiers); the wall limit is only a backstop, so the run stays reproducible.
        solver.parameters.max_deterministic_time = max(0.05, DETERMINISTIC_UNITS_PER_SECOND * time_limit_s)
        solver.parameters.max_time_in_seconds = max(1.0, 5 * time_limit_s)
    else:
        solver.parameters.max_time_in_seconds = max(0.1, time_limit_s)
    solver.parameters.num_workers = params.workers
    solver.parameters.random_seed = params.seed
    solver.parameters.log_search_progress = params.cpsat_log
    solver.parameters.cp_model_probing_level = params.probing_level
