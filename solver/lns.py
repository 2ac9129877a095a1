"""Large-neighbourhood search around the previous plan, after a re-plan's priority+disruption phase.

One CP-SAT search (one worker has no LNS of its own) stops at the first plan it cannot improve in its
budget. On M0 (issue 12) it stopped at 168/7, 167/9 and 168/8 (priority / disruption) after three
cancellations where 168/4, 168/5 and 168/6 exist. Freeing only the changed trips (planned before,
changed or dropped now) and the trips sharing an escort or vehicle with them, fixing every other
decision to the best plan and requiring a better objective, finds those plans in 2–3 rounds: the
fixed part makes the model small. Rounds repeat while they improve.
"""

from __future__ import annotations

import logging

from ortools.sat.python import cp_model

from solver.budget import Slice
from solver.params import DETERMINISTIC_UNITS_PER_SECOND, SolveParams, apply_to_cpsat
from solver.units import Unit
from solver.variables import Vars

log = logging.getLogger(__name__)

LNS_SHARE = 0.5
"""Share of the search time left after a re-plan's priority+disruption phase for these rounds (only
when that phase did not prove its plan optimal); the language and cost phases share the rest."""
ROUND_MIN_DETERMINISTIC = 0.6
"""CP-SAT deterministic time a round always gets: on M0, 0.24 improved one of three misses, 0.64 all
three. Like the other floors it may pass a short slice's nominal time (at most MAX_ROUNDS of them, ~2 s
wall each on M); the slice's deadline still holds."""
MAX_ROUNDS = 3
"""Rounds stop at the first that does not improve, or after this many (2–3 reached the M0 plans)."""


def _decisions(v: Vars, unit: Unit) -> list[cp_model.IntVar]:
    k = unit.key
    out = [v.planned[k]] + [v.x[k, o.index] for o in unit.options]
    out += [v.ret[k, o.index, r] for o in unit.options for r in range(len(o.returns)) if (k, o.index, r) in v.ret]
    out += [v.esc[k, sid] for sid in unit.staff if (k, sid) in v.esc]
    out += [v.veh[k, vid] for vid in unit.vehicles if (k, vid) in v.veh]
    return out


def neighbourhood(v: Vars, solver: cp_model.CpSolver) -> set[str]:
    """The changed trips (the disruption objective's own `kept` literals are 0) and the planned trips
    sharing an escort or vehicle with their previous trips."""
    changed = {k for k, kept in v.kept.items() if not solver.value(kept)}
    previous = [u.previous_trip for u in v.units() if u.key in changed and u.previous_trip is not None]
    staff = {e.staff for trip in previous for e in trip.escorts}
    vehicles = {trip.vehicle for trip in previous}
    free = set(changed)
    for u in v.units():
        k = u.key
        if not solver.value(v.planned[k]):
            continue
        if any(solver.value(v.esc[k, sid]) for sid in staff & set(u.staff) if (k, sid) in v.esc) or any(
                solver.value(v.veh[k, vid]) for vid in vehicles & set(u.vehicles) if (k, vid) in v.veh):
            free.add(k)
    return free


def _round(v: Vars, solver: cp_model.CpSolver, objective: cp_model.LinearExprT, free: set[str],
           params: SolveParams, seconds: float, budget: Slice) -> cp_model.CpSolver | None:
    model = v.model
    trial = model.clone()
    for u in v.units():
        if u.key not in free:
            for var in _decisions(v, u):
                trial.add(var == solver.value(var))
    trial.add(objective >= round(solver.value(objective)) + 1)
    trial.clear_hints()
    for i in range(len(model.proto.variables)):
        trial.add_hint(trial.get_int_var_from_proto_index(i), solver.value(model.get_int_var_from_proto_index(i)))
    attempt = cp_model.CpSolver()
    apply_to_cpsat(params, attempt, seconds, budget.left(), phase="lns")
    status = attempt.solve(trial)
    log.info("re-plan LNS: %d of %d trips free, %s (%.1f s)", len(free), len(v.units()),
             attempt.status_name(status), attempt.wall_time)
    return attempt if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None


def improve_near_previous(v: Vars, solver: cp_model.CpSolver, objective: cp_model.LinearExprT,
                          params: SolveParams, budget: Slice) -> cp_model.CpSolver:
    """Rounds while they improve and the slice lasts; returns the best solver answer (the phase's own
    when no round improved it). The model itself is not changed."""
    per_round = max(budget.seconds / MAX_ROUNDS, ROUND_MIN_DETERMINISTIC / DETERMINISTIC_UNITS_PER_SECOND)
    for _ in range(MAX_ROUNDS):
        free = neighbourhood(v, solver)
        if budget.expired() or not free:
            break
        better = _round(v, solver, objective, free, params, per_round, budget)
        if better is None:
            break
        solver = better
    return solver
