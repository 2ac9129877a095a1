"""What `solve()` hands back: a frozen result for callers, and a separate trace of internals for tests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from models import Plan
from solver.selection import Assignment
from solver.units import Index


class SolveStatus(StrEnum):
    """How the search ended; the value is the string the plan's `solver.status` carries."""

    OPTIMAL = "optimal"
    FEASIBLE = "feasible"
    HEURISTIC = "heuristic"
    """The greedy strategy: no CP-SAT search ran."""
    INFEASIBLE = "infeasible"
    MODEL_ERROR = "model_error"
    UNKNOWN = "unknown"


def frozen_mapping(values: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy, so a frozen result cannot be changed through one of its mappings."""
    return MappingProxyType(dict(values))


@dataclass(frozen=True)
class SolveTrace:
    """Internals that tests and diagnostics ask for explicitly (`solve(..., trace=True)`)."""

    index: Index
    assignments: Mapping[str, Assignment]
    greedy: Mapping[str, Assignment]
    """The greedy baseline the search started from."""
    start: Mapping[str, Assignment] | None
    """The start heuristics' solution (CP-SAT strategy only)."""
    start_objective: Mapping[str, Any] | None
    phases: tuple[Mapping[str, Any], ...]
    model_size: Mapping[str, int]


@dataclass(frozen=True)
class SolveResult:
    """The plan (objective recomputed by the rule checker), how the search ended and where the time went."""

    plan: Plan
    status: SolveStatus
    seconds: Mapping[str, float]
    trace: SolveTrace | None = None
