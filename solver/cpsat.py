"""The CP-SAT model, solved lexicographically: priority, then disruption, then language, then cost."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from solver import objectives
from solver.budget import Slice, SolveBudget
from solver.failure import presolve_findings
from solver.index import Index
from solver.lns import LNS_SHARE, improve_near_previous
from solver.model_size import build_seconds, model_view
from solver.params import DETERMINISTIC_UNITS_PER_SECOND, LARGE_MODEL_COST_PHASE, SolveParams, apply_to_cpsat
from solver.relax import Conflict, Guard, Relaxation, find_conflicts
from solver.resources import Resources
from solver.rules import add_all
from solver.selection import Assignment
from solver.timegrid import COST_SCALE
from solver.variables import Vars, build_vars
from solver.warm_start import PreviousChoice

log = logging.getLogger(__name__)

HINT_MIN_DETERMINISTIC = 0.5
"""Deterministic time a hint completion always gets (it fixes every decision; L-tier models need ~0.05)."""
HINT_MIN_WALL_S = 0.05
"""Wall seconds a hint completion always gets: CP-SAT treats a limit of 0 as no time at all."""
MIN_COST_PHASE_S = 0.05
"""A cost phase whose slice is shorter than this is skipped (reported as "skipped")."""

STATUS = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.UNKNOWN: "unknown",
    cp_model.MODEL_INVALID: "model_invalid",
}

FAILED = (cp_model.INFEASIBLE, cp_model.MODEL_INVALID)
"""Phase answers that are modelling errors once locks and frozen trips are settled: planning nothing
is always feasible."""

LANGUAGE_SHARE = 0.3
"""Share of the search time left after the priority phase for the language phase (the cost phase
gets the rest): its objective is a small count, usually settled long before the slice ends."""

RELAX_SHARE = 0.2
"""Share of the search time the lock check may take (it is usually one fast feasibility solve)."""


@dataclass
class PhaseReport:
    name: str
    status: str
    value: float | None
    bound: float | None
    seconds: float

    def as_dict(self, with_time: bool = True) -> dict:
        out = {"phase": self.name, "status": self.status, "value": self.value, "bound": self.bound}
        if with_time:
            out["seconds"] = round(self.seconds, 3)
        return out


@dataclass
class CpsatOutcome:
    assignments: dict[str, Assignment]
    phases: list[PhaseReport] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    status: str = "unknown"
    term_values: dict[str, float] = field(default_factory=dict)
    bounds: dict[str, float | None] = field(default_factory=dict)
    model_stats: dict[str, int] = field(default_factory=dict)
    relaxation: Relaxation | None = None
    """Which locks and frozen trips were given up, when the scenario has any."""
    failure: dict | None = None
    """A phase that answered INFEASIBLE or MODEL_INVALID: phase, status, what presolve says."""
    start_solution: str = "not given"
    """Whether CP-SAT accepted the start solution: accepted, rejected or unknown (no answer in time)."""


class _Progress(cp_model.CpSolverSolutionCallback):
    """Logs each improving solution, so long solves show progress."""

    def __init__(self, phase: str):
        super().__init__()
        self.phase = phase
        self.count = 0

    def on_solution_callback(self) -> None:
        self.count += 1
        scale = COST_SCALE if self.phase == "cost" else 1
        log.info("%s phase: solution %d, value %.0f, bound %.0f (%.1f s)", self.phase, self.count,
                 self.objective_value / scale, self.best_objective_bound / scale, self.wall_time)


def _read(v: Vars, solver: cp_model.CpSolver) -> dict[str, Assignment]:
    out = {}
    for unit in v.units():
        k = unit.key
        if not solver.value(v.planned[k]):
            continue
        option = next(o.index for o in unit.options if solver.value(v.x[k, o.index]))
        ret = None
        if unit.n_escorts:
            ret = next(r for r in range(len(unit.options[option].returns)) if solver.value(v.ret[k, option, r]))
        vehicle = next(vid for vid in unit.vehicles if solver.value(v.veh[k, vid]))
        escorts = tuple(sorted(
            (sid, role) for sid, role, var in v.roles_of[k] if solver.value(var)
        ))
        out[k] = Assignment(k, option, ret, vehicle, escorts)
    return out


def _hint(v: Vars, assignments: dict[str, Assignment]) -> None:
    model = v.model
    model.clear_hints()
    for unit in v.units():
        k = unit.key
        a = assignments.get(k)
        model.add_hint(v.planned[k], a is not None)
        for o in unit.options:
            on = a is not None and a.option == o.index
            model.add_hint(v.x[k, o.index], on)
            for r in range(len(o.returns)) if unit.n_escorts else ():
                model.add_hint(v.ret[k, o.index, r], on and a is not None and a.ret == r)
        chosen = {sid: role for sid, role in (a.escorts if a else ())}
        for sid, role, var in v.roles_of[k]:
            model.add_hint(var, chosen.get(sid) == role)
        hinted = {var.index for _, _, var in v.roles_of[k]}
        for sid in unit.staff:
            if v.esc[k, sid].index not in hinted:
                model.add_hint(v.esc[k, sid], sid in chosen)
        airport = unit.options[a.option].airport if a else None
        for vid in unit.vehicles:
            model.add_hint(v.veh[k, vid], a is not None and a.vehicle == vid)
            for ap, var in v.airports_of[k, vid]:
                model.add_hint(var, a is not None and a.vehicle == vid and ap == airport)


def _complete_hint(v: Vars, budget: Slice, params: SolveParams) -> str:
    """Turn the decision hint into a full solution (times, sizes, ...) so CP-SAT starts from it.

    A partial hint is often dropped by CP-SAT on these models; a fixed-hint solve fills in the rest,
    within the budget's hint slice (deterministic time when reproducible).
    Returns "accepted", "rejected" (the start solution breaks the model) or "unknown" (no answer in time).
    """
    solver = cp_model.CpSolver()
    solver.parameters.fix_variables_to_their_hinted_value = True
    solver.parameters.num_workers = 1
    if budget.reproducible:
        solver.parameters.max_deterministic_time = max(HINT_MIN_DETERMINISTIC,
                                                       DETERMINISTIC_UNITS_PER_SECOND * budget.seconds)
        solver.parameters.max_time_in_seconds = max(HINT_MIN_WALL_S, budget.left())
    else:
        solver.parameters.max_time_in_seconds = max(HINT_MIN_WALL_S, min(budget.seconds, budget.left()))
    status = solver.solve(v.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        log.warning("start solution does not satisfy the CP-SAT model (%s); searching without it", STATUS[status])
        return "rejected" if status in FAILED else "unknown"
    model = v.model
    values = [solver.value(model.get_int_var_from_proto_index(i)) for i in range(len(model.proto.variables))]
    model.clear_hints()
    for i, value in enumerate(values):
        model.add_hint(model.get_int_var_from_proto_index(i), value)
    return "accepted"


def v_minimize(v: Vars, expr) -> Vars:
    v.model.minimize(expr)
    return v


def _hint_solution(v: Vars, solver: cp_model.CpSolver | None, best: dict[str, Assignment]) -> None:
    """Start the next phase from the last one's full solution (every variable), or from the decisions."""
    if solver is None:
        _hint(v, best)
        return
    model = v.model
    model.clear_hints()
    for i in range(len(model.proto.variables)):
        var = model.get_int_var_from_proto_index(i)
        model.add_hint(var, solver.value(var))


def _settle_guards(v: Vars, guards: list[Guard], params: SolveParams, seconds: float, give_up_all: bool) -> Relaxation:
    """Find the locks and frozen trips that cannot be kept, then fix every guard: kept or given up."""
    if give_up_all:
        relaxation = Relaxation(given_up=[Conflict(g, ()) for g in guards], conclusive=False)
    else:
        priority = {u.key: u.priority for u in v.units()}
        relaxation = find_conflicts(v.model, guards, priority, params, seconds)
    given_up = {c.guard.literal.index for c in relaxation.given_up}
    for g in guards:
        v.model.add(g.literal == (0 if g.literal.index in given_up else 1))
    return relaxation


def _model_error(outcome: CpsatOutcome, model: cp_model.CpModel, phase: str, status: cp_model.CpSolverStatus,
                 plan_from: str) -> None:
    """A phase failed where it cannot: say so loudly, with the constraint presolve names."""
    findings = presolve_findings(model)
    outcome.failure = {"phase": phase, "status": STATUS[status], "presolve": findings, "plan_from": plan_from}
    outcome.status = "model_error"
    log.error("CP-SAT %s phase answered %s, which is a modelling error (planning nothing is always feasible); "
              "presolve: %s; the plan comes from the %s", phase, STATUS[status].upper(), " | ".join(findings),
              plan_from)


def _run(v: Vars, params: SolveParams, budget: Slice,
         phase: str) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus, float]:
    solver = cp_model.CpSolver()
    apply_to_cpsat(params, solver, budget.seconds, budget.left(), large_model=v.ix is not v.res.ix, phase=phase)
    started = time.perf_counter()
    status = solver.solve(v.model, _Progress(phase) if params.log_progress else None)
    budget.note_cpsat_stop(solver, status)
    return solver, status, time.perf_counter() - started


def solve_cpsat(
    ix: Index,
    res: Resources,
    params: SolveParams,
    start_hint: dict[str, Assignment],
    budget: SolveBudget,
    previous_choice: dict[str, PreviousChoice] | None = None,
    frozen: dict[str, Assignment] | None = None,
    give_up_guards: bool = False,
    keep: tuple[dict[str, Assignment], ...] = (),
) -> CpsatOutcome:
    """Phases on one model; each later phase keeps the earlier levels as constraints.

    Every phase, and each completion of its start solution, takes its slice of `budget`. The model
    holds at most `params.max_model_vars` variables (`solver.model_size`); the escorts of the start
    solution and of the `keep` solutions stay in it, so each can serve as a start.
    Locks and frozen trips that cannot all be kept are found first (`solver.relax`, its own share of
    the search pool); `give_up_guards` gives them all up (the fallback when that check ran out of
    time). Status "infeasible" means only that: the unchecked locks or frozen trips did not hold;
    "model_error" that a phase failed anyway.
    """
    view = model_view(ix, res, params.max_model_vars, [start_hint, frozen or {}, *keep])
    cost_phase = view is ix or LARGE_MODEL_COST_PHASE
    budget.record("model", build_seconds(view.units))
    built = time.perf_counter()
    model = cp_model.CpModel()
    v = build_vars(model, view, res)
    guards = add_all(v, frozen=frozen)
    stats = {"bool_vars": len({var.index for d in (v.x, v.ret, v.esc, v.esc_role, v.veh, v.veh_airport)
                               for var in d.values()}),
             "escort_pairs": len(v.esc), "units_with_options": len(v.units())}
    log.info("CP-SAT model: %d variables, %d constraints (%.1f s to build)", len(model.proto.variables),
             len(model.proto.constraints), time.perf_counter() - built)
    outcome = CpsatOutcome(assignments=dict(start_hint), model_stats=stats)
    if not v.units():
        outcome.status = "optimal"
        outcome.assignments = {}
        return outcome
    _hint(v, start_hint)
    if guards:
        check = budget.slice("lock check", share=RELAX_SHARE)
        outcome.relaxation = _settle_guards(v, guards, params, check.seconds, give_up_guards)
        if outcome.relaxation.unexplained:
            _model_error(outcome, model, "lock check", cp_model.INFEASIBLE, "start heuristic")
            return outcome
    outcome.start_solution = _complete_hint(v, budget.slice("hint"), params)

    # Phase 1: planned priority; with a previous plan, priority then disruption in one phase, the
    # weight W = cases + 1 keeps the order (disruption never exceeds the number of cases).
    priority = objectives.planned_priority(v)
    disrupt = objectives.disruption(v, previous_choice) if previous_choice is not None else None
    language, most_mismatch = objectives.language_mismatch(v)
    weight = len(ix.scenario.cases) + 1
    if disrupt is None:
        model.maximize(priority)
        phase = "priority"
    else:
        model.maximize(weight * priority - disrupt)
        phase = "priority+disruption"
    phase_budget = budget.slice("priority", share=budget.phase_share("priority", previous_choice is not None),
                                last=not cost_phase)
    log.info("%s phase: %d trip units, start solution plans %d of them (%.1f s budget)",
             phase, len(v.units()), len(start_hint), phase_budget.seconds)
    solver, status, took = _run(v, params, phase_budget, phase)
    bound = solver.best_objective_bound  # a round with trips fixed bounds nothing: the search's bound stays
    if disrupt is not None and previous_choice is not None and status == cp_model.FEASIBLE and view is ix:
        lns_budget = budget.slice("lns", share=LNS_SHARE)
        solver, lns_used = improve_near_previous(v, solver, weight * priority - disrupt, params, lns_budget)
        budget.overran(lns_budget, lns_used)
    ok = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    if status in FAILED:
        outcome.phases.append(PhaseReport(phase, STATUS[status], None, None, took))
        if outcome.relaxation is not None and not outcome.relaxation.conclusive and not give_up_guards:
            outcome.status = "infeasible"
            return outcome
        _model_error(outcome, model, phase, status, "start heuristic")
        return outcome
    units = {u.key: u for u in v.units()}
    if ok:
        best = _read(v, solver)
        best_priority = round(solver.value(priority))
        best_disruption = round(solver.value(disrupt)) if disrupt is not None else None
        best_language = round(solver.value(language))
        if disrupt is None:
            outcome.bounds["planned_priority"] = bound
        else:
            # bound on W*p - d: p <= floor((bound + max d) / W); d >= W*p - bound at that p
            outcome.bounds["planned_priority"] = float((int(bound) + weight - 1) // weight)
            outcome.bounds["disruption"] = float(max(0, weight * best_priority - int(bound)))
    else:
        log.warning("CP-SAT found no solution in %.1f s (%s); continuing from the start solution", took,
                    STATUS[status])
        best = dict(start_hint)
        best_priority = sum(units[k].priority for k in best if k in units)
        best_disruption = (objectives.disruption_of(v, previous_choice, best)
                           if disrupt is not None and previous_choice is not None else None)
        best_language = objectives.language_of(v, best)
    outcome.phases.append(PhaseReport(phase, STATUS[status], float(best_priority),
                                      outcome.bounds.get("planned_priority"), took))
    if disrupt is not None:
        assert best_disruption is not None  # computed whenever there is a disruption term
        outcome.phases.append(PhaseReport("disruption", STATUS[status], float(best_disruption),
                                          outcome.bounds.get("disruption"), 0.0))
    overall_optimal = status == cp_model.OPTIMAL
    if overall_optimal:
        model.add(priority == best_priority)
    else:
        model.add(priority >= best_priority)
    if disrupt is not None and best_disruption is not None:  # both set together, above
        model.add(disrupt <= best_disruption)

    # Phase 2: language mismatch (level 3), with the levels above kept as constraints. A large model
    # (no cost phase) keeps all its search time for priority: there the heuristics' choice of speakers stays.
    if most_mismatch and best_language > 0 and cost_phase:
        _hint_solution(v, solver if ok else None, best)
        lang_budget = budget.slice("language", share=LANGUAGE_SHARE)
        solver, lang_status, took = _run(v_minimize(v, language), params, lang_budget, "language")
        lang_ok = lang_status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        if lang_status in FAILED:
            outcome.phases.append(PhaseReport("language", STATUS[lang_status], None, None, took))
            _model_error(outcome, model, "language", lang_status, "priority phase" if ok else "start heuristic")
            outcome.assignments = best
            return outcome
        if lang_ok and round(solver.value(language)) <= best_language:
            best, best_language, ok = _read(v, solver), round(solver.value(language)), True
            outcome.bounds["language_mismatch"] = solver.best_objective_bound
        overall_optimal = overall_optimal and lang_status == cp_model.OPTIMAL
        outcome.phases.append(PhaseReport("language", STATUS[lang_status], float(best_language),
                                          outcome.bounds.get("language_mismatch"), took))
    elif most_mismatch:
        overall_optimal = overall_optimal and best_language == 0
        outcome.phases.append(PhaseReport("language", "skipped" if best_language else "optimal",
                                          float(best_language), 0.0 if best_language == 0 else None, 0.0))
    model.add(language <= best_language)

    if not cost_phase:
        outcome.phases.append(PhaseReport("cost", "skipped", None, None, 0.0))
        outcome.assignments = best
        outcome.status = "feasible"
        return outcome

    # Phase 3: cost
    terms = objectives.cost_terms(v)
    model.minimize(sum(terms.values()))
    del solver  # its response holds a full solution of a large model
    _hint(v, best)
    _complete_hint(v, budget.slice("hint"), params)
    phase_budget = budget.slice("cost")
    found_any = ok
    if phase_budget.seconds > MIN_COST_PHASE_S and not phase_budget.expired():
        solver, status, took = _run(v, params, phase_budget, "cost")
        ok = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
        outcome.phases.append(PhaseReport("cost", STATUS[status], solver.objective_value / COST_SCALE if ok else None,
                                          solver.best_objective_bound / COST_SCALE if ok else None, took))
        found_any = found_any or ok
        if status in FAILED:
            _model_error(outcome, model, "cost", status, "priority phase" if found_any else "start heuristic")
            outcome.assignments = best
            return outcome
        if ok:
            best = _read(v, solver)
            outcome.bounds["cost_eur"] = solver.best_objective_bound / COST_SCALE
            outcome.term_values = {name: solver.value(expr) / COST_SCALE for name, expr in terms.items()}
            overall_optimal = overall_optimal and status == cp_model.OPTIMAL
        else:
            overall_optimal = False
    else:
        overall_optimal = False
    outcome.assignments = best
    outcome.status = "optimal" if overall_optimal else "feasible" if found_any else "unknown"
    return outcome
