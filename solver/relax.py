"""Which locks and frozen trips really cannot be kept: assumption cores, one guard given up at a time.

Every lock ("plan this case") and every frozen trip ("keep this trip as it was") is guarded by a
literal. Planning nothing else is always possible, so when the guarded model is infeasible CP-SAT's
`sufficient_assumptions_for_infeasibility` names a set of guards that cannot hold together. One of
them is given up (a frozen trip before a lock, then the lowest priority), and the check repeats
until the rest hold. Only the guards given up are reported, each with the ones it conflicted with.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from ortools.sat.python import cp_model

from solver.params import SolveParams, apply_to_cpsat, reproducible

log = logging.getLogger(__name__)

KIND_ORDER = {"frozen trip": 0, "lock": 1}
"""Which guard gives way first within a core: a frozen trip (objective level 2) before a lock (rule 8)."""


class Guard(NamedTuple):
    literal: cp_model.IntVar
    kind: str
    """"lock" or "frozen trip"."""
    unit_key: str


@dataclass(frozen=True)
class Conflict:
    """A guard that was given up, and the other guards of the core it was found in."""

    guard: Guard
    partners: tuple[Guard, ...]


@dataclass
class Relaxation:
    given_up: list[Conflict] = field(default_factory=list)
    conclusive: bool = True
    """False when a check ran out of time: the remaining guards were not proven keepable."""
    unexplained: bool = False
    """The model is infeasible with no guard in the core: a modelling error, not a lock."""
    checks: int = 0


def _checker(params: SolveParams, seconds: float) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    apply_to_cpsat(params, solver, max(0.5, seconds))
    solver.parameters.num_workers = 1  # cores are read from a single worker
    solver.parameters.log_search_progress = False
    return solver


def find_conflicts(model: cp_model.CpModel, guards: list[Guard], priority: dict[str, int], params: SolveParams,
                   seconds: float) -> Relaxation:
    """Give up guards until the rest can all hold; `model` must not have an objective yet.

    Leaves no assumptions on the model; the caller fixes the kept guards to true and the given-up
    ones to false.
    """
    out = Relaxation()
    active = list(guards)
    deadline = time.perf_counter() + seconds
    while active:
        # reproducible runs give every check the full share in deterministic time (no wall-clock cut)
        left = seconds if reproducible(params) else deadline - time.perf_counter()
        if left <= 0:
            out.conclusive = False
            break
        model.clear_assumptions()
        model.add_assumptions([g.literal for g in active])
        solver = _checker(params, left)
        status = solver.solve(model)
        out.checks += 1
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break
        if status != cp_model.INFEASIBLE:
            out.conclusive = False
            break
        in_core = set(solver.sufficient_assumptions_for_infeasibility())
        core = [g for g in active if g.literal.index in in_core]
        if not core:
            out.unexplained = True
            break
        give_up = min(core, key=lambda g: (KIND_ORDER[g.kind], priority.get(g.unit_key, 0), g.unit_key))
        out.given_up.append(Conflict(give_up, tuple(g for g in core if g is not give_up)))
        active.remove(give_up)
        log.warning("%s of %s cannot be kept together with the hard rules%s", give_up.kind, give_up.unit_key,
                    "" if len(core) == 1 else " and " + ", ".join(f"{g.kind} of {g.unit_key}" for g in core
                                                            if g is not give_up))
    model.clear_assumptions()
    return out


def describe(conflict: Conflict, label: dict[str, str]) -> str:
    """Why a guard was given up, naming the cases of the guards it conflicted with."""
    if not conflict.partners:
        return "no plan keeps it together with the hard rules"
    others = ", ".join(f"the {g.kind} of {label.get(g.unit_key, g.unit_key)}" for g in conflict.partners)
    return f"it cannot be kept together with {others}"
