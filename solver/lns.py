"""Large-neighbourhood search around the previous plan, after a re-plan's priority+disruption phase.

One CP-SAT search stops at the first plan it cannot improve in its budget. On M0 (issue 12, one
worker) it stopped at 168/7, 167/9 and 168/8 (priority / disruption) after three cancellations where
168/4, 168/5 and 168/6 exist; on M1 with two workers at 187/12 where 187/10 exists. A round fixes
every decision outside a neighbourhood to the best plan, requires a better objective and re-solves
from that plan: the fixed part makes the model small. Two kinds of neighbourhood, in this order:

- around the changes: the changed trips (planned before, changed or dropped now) and the planned
  trips sharing an escort or vehicle with their previous trips (found the three M0 plans);
- time windows: the changed trips, WINDOW_TRIPS planned trips in a row by pickup and the unplanned
  trips that could be picked up in that stretch (found the M1 plan, where the first neighbourhood
  held 42 of 46 trips and its round found nothing);
- reverts, after the first pass over the windows: each changed trip the event did not hit, held to
  its previous trip, with the trips that took its escorts or vehicle and a window around its pickup
  free (the re-plan a coordinator checks by locking that trip, done locally).

The rounds around the changes repeat while they improve; the windows and reverts pass again while a
pass improves, as long as the slice lasts.
"""

from __future__ import annotations

import logging

from ortools.sat.python import cp_model

from solver.budget import Meter, Slice
from solver.params import DETERMINISTIC_UNITS_PER_SECOND, SolveParams, apply_to_cpsat, reproducible
from solver.units import Unit
from solver.variables import Vars

log = logging.getLogger(__name__)

LNS_SHARE = 0.5
"""Share of the search time left after a re-plan's priority+disruption phase for these rounds (only
when that phase did not prove its plan optimal); the language and cost phases share the rest."""
ROUND_MIN_DETERMINISTIC = 0.6
"""CP-SAT deterministic time the round around the changes always gets: on M0, 0.24 improved one of
three misses, 0.64 all three. Like the other floors it may pass a short slice's nominal time; the
slice's deadline still holds."""
AROUND_SHARE = 1 / 3
"""Share of the slice for a round around the changes, when more than its floor."""
MAX_AROUND_ROUNDS = 3
"""Rounds around the changes stop at the first that does not improve, or after this many (2-3
reached the M0 plans); the time windows get what they leave of the slice, and one pass at least
(on M1 with one worker the rounds around the changes used the whole slice)."""
WINDOW_ROUND_DETERMINISTIC = 0.1
"""CP-SAT deterministic time of a time-window round (~0.3-1 s on M): most prove in 0.1-0.4 s that
their window holds no better plan; the one that improved M1 took 0.3 s."""
REVERT_ROUND_DETERMINISTIC = 0.3
"""CP-SAT deterministic time of a revert round: holding a trip to its previous trip moves what took its
place, a longer chain than a window's. On M1, one worker, 10 s (the web planner's event re-plan), 8
cancellations: with 0.1 a locked re-plan beat 3 of 14 collateral escort-return changes, with 0.3 1 of 8;
at 2 workers and 60 s none either way (median re-plan 23.6 -> 26.5 s)."""
WINDOW_TRIPS = 16
"""Planned trips per time window; windows overlap by half."""
MAX_PASSES = 3
"""Passes over the time windows stop at the first that improves nothing, or after this many."""


def _decisions(v: Vars, unit: Unit) -> list[cp_model.IntVar]:
    k = unit.key
    out = [v.planned[k]] + [v.x[k, o.index] for o in unit.options]
    out += [v.ret[k, o.index, r] for o in unit.options for r in range(len(o.returns)) if (k, o.index, r) in v.ret]
    out += [v.esc[k, sid] for sid in unit.staff if (k, sid) in v.esc]
    out += [v.veh[k, vid] for vid in unit.vehicles if (k, vid) in v.veh]
    return out


def changed_trips(v: Vars, solver: cp_model.CpSolver) -> set[str]:
    """Trips the disruption objective counts: its own `kept` literals are 0."""
    return {k for k, kept in v.kept.items() if not solver.value(kept)}


def _using(v: Vars, solver: cp_model.CpSolver, staff: set[str], vehicles: set[str]) -> set[str]:
    """The planned trips that now use one of these escorts or vehicles."""
    out = set()
    for u in v.units():
        k = u.key
        if solver.value(v.planned[k]) and (
                any(solver.value(v.esc[k, sid]) for sid in staff & set(u.staff) if (k, sid) in v.esc)
                or any(solver.value(v.veh[k, vid]) for vid in vehicles & set(u.vehicles) if (k, vid) in v.veh)):
            out.add(k)
    return out


def neighbourhood(v: Vars, solver: cp_model.CpSolver) -> set[str]:
    """The changed trips and the planned trips sharing an escort or vehicle with their previous trips."""
    changed = changed_trips(v, solver)
    previous = [u.previous_trip for u in v.units() if u.key in changed and u.previous_trip is not None]
    return changed | _using(v, solver, {e.staff for trip in previous for e in trip.escorts},
                            {trip.vehicle for trip in previous})


def time_windows(v: Vars, solver: cp_model.CpSolver) -> list[set[str]]:
    """The changed trips with WINDOW_TRIPS planned trips in a row by pickup (half overlapping) and the
    unplanned trips with an option picked up between the first and last of them."""
    changed = changed_trips(v, solver)
    planned = sorted((solver.value(v.pickup[u.key]), u.key) for u in v.units() if solver.value(v.planned[u.key]))
    if not planned:  # nothing to build a stretch from (every trip left out)
        return []
    unplanned = [u for u in v.units() if not solver.value(v.planned[u.key])]
    step = max(1, WINDOW_TRIPS // 2)
    windows: list[set[str]] = []
    for first in range(0, max(1, len(planned) - step), step):
        stretch = planned[first:first + WINDOW_TRIPS]
        low, high = stretch[0][0], stretch[-1][0]
        free = changed | {k for _, k in stretch}
        free |= {u.key for u in unplanned if any(low <= o.pickup_min <= high for o in u.options)}
        if free not in windows:
            windows.append(free)
    return windows


def revertible(v: Vars, solver: cp_model.CpSolver) -> list[str]:
    """The changed trips whose previous outbound option still exists (the event did not hit them)."""
    units = {u.key: u for u in v.units()}
    return sorted(k for k in changed_trips(v, solver)
                  if units[k].previous_option is not None and units[k].previous_trip is not None)


def revert_free(v: Vars, solver: cp_model.CpSolver, key: str) -> set[str]:
    """What may move while trip `key` is held to its previous trip: the trips now using its previous
    escorts or vehicle, the changed trips, WINDOW_TRIPS planned trips nearest its previous pickup and
    the unplanned trips that could be picked up in that stretch."""
    u = next(w for w in v.units() if w.key == key)
    assert u.previous_option is not None and u.previous_trip is not None  # `revertible`
    at = u.options[u.previous_option].pickup_min
    pickups = {w.key: solver.value(v.pickup[w.key]) for w in v.units() if solver.value(v.planned[w.key])}
    near = sorted(pickups, key=lambda k: abs(pickups[k] - at))[:WINDOW_TRIPS]
    low, high = min([at] + [pickups[k] for k in near]), max([at] + [pickups[k] for k in near])
    free = {key} | changed_trips(v, solver) | set(near)
    free |= {w.key for w in v.units() if w.key not in pickups and any(low <= o.pickup_min <= high for o in w.options)}
    return free | _using(v, solver, {e.staff for e in u.previous_trip.escorts}, {u.previous_trip.vehicle})


def _round(v: Vars, solver: cp_model.CpSolver, objective: cp_model.LinearExprT, free: set[str],
           params: SolveParams, seconds: float, budget: Slice,
           hold: str | None = None) -> tuple[cp_model.CpSolver | None, float]:
    """One re-solve with every decision outside `free` fixed and a better objective required (and
    trip `hold` kept as it was in the previous plan); returns the answer (None when it found nothing)
    and the nominal seconds it used."""
    model = v.model
    trial = model.clone()
    if hold is not None:
        trial.add(v.kept[hold] == 1)
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
    budget.note_cpsat_stop(attempt, status)
    log.info("re-plan LNS: %d of %d trips free, %s (%.1f s)", len(free), len(v.units()),
             attempt.status_name(status), attempt.wall_time)
    used = attempt.deterministic_time / DETERMINISTIC_UNITS_PER_SECOND if reproducible(params) else attempt.wall_time
    return (attempt if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None), used


def improve_near_previous(v: Vars, solver: cp_model.CpSolver, objective: cp_model.LinearExprT,
                          params: SolveParams, budget: Slice) -> tuple[cp_model.CpSolver, float]:
    """Rounds around the changes while they improve, then passes over the time windows while one
    improves, as long as the slice lasts (counted in CP-SAT's deterministic time with one worker, so
    the result stays reproducible). Returns the best solver answer (the phase's own when no round
    improved it) and the nominal seconds spent, which may pass the slice's (one pass over the windows
    is guaranteed). The model itself is not changed."""
    around_s = max(budget.seconds * AROUND_SHARE, ROUND_MIN_DETERMINISTIC / DETERMINISTIC_UNITS_PER_SECOND)
    used = 0.0
    for _ in range(MAX_AROUND_ROUNDS):
        free = neighbourhood(v, solver)
        if budget.expired() or not free:
            break
        better, seconds = _round(v, solver, objective, free, params, around_s, budget)
        used += seconds
        if better is None:
            break
        solver = better
    window_s = WINDOW_ROUND_DETERMINISTIC / DETERMINISTIC_UNITS_PER_SECOND
    windows = time_windows(v, solver)
    revert_s = REVERT_ROUND_DETERMINISTIC / DETERMINISTIC_UNITS_PER_SECOND
    held = len(revertible(v, solver))
    meter = Meter(budget, 1.0, at_least=used + len(windows) * window_s + held * revert_s)  # one pass, however short
    meter.charge(used)
    first_pass = True
    for _ in range(MAX_PASSES):
        improved = False
        for free in windows:
            if meter.exhausted():
                return solver, meter.used
            better, seconds = _round(v, solver, objective, free, params, window_s, budget)
            meter.charge(seconds)
            if better is not None:
                solver, improved = better, True
        if first_pass:
            first_pass = False
            solver, reverted = _revert_rounds(v, solver, objective, params, budget, meter, revert_s)
            improved = improved or reverted
        if not improved:
            break
        windows = time_windows(v, solver)
    return solver, meter.used


def _revert_rounds(v: Vars, solver: cp_model.CpSolver, objective: cp_model.LinearExprT, params: SolveParams,
                   budget: Slice, meter: Meter, seconds: float) -> tuple[cp_model.CpSolver, bool]:
    """One round per changed trip that could keep its previous trip, holding it there; each round's
    free trips come from the best plan so far (`revert_free`)."""
    improved = False
    for key in revertible(v, solver):
        if meter.exhausted():
            break
        if solver.value(v.kept[key]):
            continue  # an earlier round put it back
        better, used = _round(v, solver, objective, revert_free(v, solver, key), params, seconds, budget,
                              hold=key)
        meter.charge(used)
        if better is not None:
            solver, improved = better, True
    return solver, improved
