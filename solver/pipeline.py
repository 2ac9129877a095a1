"""`solve()` as a pipeline of named stages: index → warm start → optimise → insert leftovers → explain → notes.

Each stage reads and fills one `Run`, the small typed context the stages pass on; the budget
(`solver.budget`) is the one clock they all take their slices from.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import ortools

from models import Plan, Scenario
from models.plan import Bound, Note
from solver.bounds import mark_fixed_pickups
from solver.budget import SolveBudget
from solver.cpsat import CpsatOutcome, solve_cpsat
from solver.explain.replay import explain_unplanned
from solver.explain.words import Reason
from solver.greedy import solve_greedy
from solver.guard_notes import changed_notes, guard_notes, guarded
from solver.heuristics import BEST_START_SHARE, WARM_START_SHARE, best_start, improve
from solver.index import build_index
from solver.model_size import build_seconds, estimate_vars
from solver.occupancy import replay
from solver.params import SolveParams, reproducible
from solver.previous import PreviousPlan, previous_assignments, restore_previous
from solver.relax import Conflict
from solver.repair import MAKE_ROOM_SHARE, RESTORE_MOVES_SHARE, make_room, restore_with_moves
from solver.resources import Resources
from solver.result import SolveResult, SolveStatus, SolveTrace, frozen_mapping
from solver.selection import Assignment, to_plan
from solver.solve_report import Info, honest_bound, improved, objective_of, report_cpsat
from solver.units import Index
from solver.unplanned import core_reasons, insert_leftovers
from solver.warm_start import previous_choice

log = logging.getLogger(__name__)

PLANNER_VERSION = "0.1.0"
MIN_RESOLVE_S = 1.0
"""A relaxed re-solve only starts when the search pool still holds this long after building its model."""


@dataclass
class Run:
    """What the stages know so far; each stage adds its part."""

    scenario: Scenario
    params: SolveParams
    previous: Plan | None
    budget: SolveBudget
    ix: Index
    res: Resources
    started: float
    seconds: dict[str, float]
    prev: PreviousPlan | None = None
    greedy: dict[str, Assignment] = field(default_factory=dict)
    start: dict[str, Assignment] | None = None
    chosen: dict[str, Assignment] = field(default_factory=dict)
    status: SolveStatus = SolveStatus.HEURISTIC
    bound: Bound | None = None
    given_up: dict[str, Conflict] = field(default_factory=dict)
    info: Info = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    reasons: dict[str, list[str]] = field(default_factory=dict)
    structured: dict[str, list[Reason]] = field(default_factory=dict)

    @property
    def frozen(self) -> dict[str, Assignment]:
        return self.prev.frozen if self.prev is not None else {}

    def timed(self, stage: str, since: float) -> None:
        self.seconds[stage] = time.perf_counter() - since


def index_stage(scenario: Scenario, params: SolveParams, previous: Plan | None, budget: SolveBudget) -> Run:
    """Trip units and their options; tells the budget whether the CP-SAT model will be cut."""
    started = time.perf_counter()
    ix = build_index(scenario, params, previous, budget)
    res = Resources(ix)
    mark_fixed_pickups(ix, res)
    run = Run(scenario, params, previous, budget, ix, res, started, seconds={})
    run.timed("index", started)
    budget.large_model = estimate_vars(ix.units) > params.max_model_vars
    log.info("index: %d trip units, %d options from %d legs (%.1f s)", len(ix.units),
             sum(len(u.options) for u in ix.units), len(scenario.flights), run.seconds["index"])
    return run


def warm_start_stage(run: Run) -> None:
    """What the previous plan keeps, the greedy baseline and (CP-SAT) the start heuristics' solution."""
    if run.previous is not None:
        run.prev = previous_assignments(run.ix, run.res)
        run.notes.extend(changed_notes(run.ix, run.prev))
    t = time.perf_counter()
    run.greedy = run.chosen = solve_greedy(run.ix, run.res, fixed=run.frozen)
    run.timed("greedy", t)
    run.info.update(strategy=run.params.strategy, params=run.params.model_dump(), ortools=ortools.__version__,  # type: ignore[attr-defined]
                    planner=PLANNER_VERSION, legs=len(run.scenario.flights),
                    options=sum(len(u.options) for u in run.ix.units), units=len(run.ix.units))
    if run.prev is not None:
        run.info["previous"] = {"kept": len(run.prev.kept), "frozen": len(run.prev.frozen),
                                "changed": len(run.prev.changed)}
    if run.params.strategy == "cpsat":
        t = time.perf_counter()
        run.start = _start_solution(run)
        run.timed("heuristics", t)
        run.info["start"] = objective_of(run.scenario, run.ix, run.start, run.previous)


def _start_solution(run: Run) -> dict[str, Assignment]:
    """With a previous plan: keep what still works and insert the rest; a left-out trip may take the
    place of one other trip that moves (make_room), and the local search may move kept trips outside
    the freeze, both only when that buys priority, re-booking a moved trip as it was when it can;
    CP-SAT then weighs priority against disruption exactly."""
    heuristics, ix, res, seed = run.budget.slice("heuristics"), run.ix, run.res, run.params.seed
    if run.prev is not None:
        fixed, frozen = run.prev.kept, frozenset(run.frozen)
        start = best_start(ix, res, heuristics.part("start", WARM_START_SHARE), seed, [], fixed=fixed)
        start = make_room(ix, res, start, fixed, frozen, heuristics.part("make room", MAKE_ROOM_SHARE))
        return improve(ix, res, start, heuristics.part("local search", 1 - WARM_START_SHARE - MAKE_ROOM_SHARE),
                       seed, frozen=frozen)
    start = best_start(ix, res, heuristics.part("start", BEST_START_SHARE), seed, [run.greedy])
    return improve(ix, res, start, heuristics.part("local search", 1 - BEST_START_SHARE), seed)


def optimise_stage(run: Run) -> None:
    """CP-SAT from the start solution; again with every lock and frozen trip given up when the lock
    check ran out of time and they did not all hold."""
    if run.start is None:
        return
    t = time.perf_counter()
    choice = previous_choice(run.ix, run.previous)
    outcome = solve_cpsat(run.ix, run.res, run.params, run.start, run.budget, choice, frozen=run.frozen,
                          keep=(run.greedy,))
    if outcome.status == "infeasible" and run.budget.search_left_s() >= MIN_RESOLVE_S + build_seconds(run.ix.units):
        log.warning("the locks and frozen trips could not be checked in time and do not all hold; solving "
                    "again with all of them given up: %s", ", ".join(guarded(run.ix, run.frozen)))
        locked = {u.key for u in run.ix.units if u.locked}
        relaxed = {k: a for k, a in run.greedy.items() if k not in locked}
        outcome = solve_cpsat(run.ix, run.res, run.params, relaxed, run.budget, choice, frozen=run.frozen,
                              give_up_guards=True, keep=(run.greedy,))
    run.timed("cpsat", t)
    _take_outcome(run, outcome)


def _take_outcome(run: Run, outcome: CpsatOutcome) -> None:
    """The search's assignments, status and report, and the bound the plan may honestly claim."""
    run.chosen = outcome.assignments
    run.given_up = {c.guard.unit_key: c for c in outcome.relaxation.given_up} if outcome.relaxation else {}
    info = run.info
    report_cpsat(info, outcome, run.ix)
    info["improved_on_start"] = improved(info["start"], objective_of(run.scenario, run.ix, run.chosen, run.previous))
    info["phases"] = [p.as_dict(with_time=not reproducible(run.params)) for p in outcome.phases]
    info["model"] = outcome.model_stats
    info["cost_terms_eur"] = outcome.term_values
    run.status, run.bound = honest_bound(run.ix, info, SolveStatus(outcome.status), outcome.bounds)


def leftovers_stage(run: Run) -> None:
    """Put changed trips back where their previous assignment still fits (lower disruption at equal
    priority), then insert every unplanned unit that still fits (its time counts as explaining)."""
    if run.prev is not None:
        run.chosen, restored = restore_previous(run.ix, run.res, run.chosen)
        if restored:
            run.info["restored_after_search"] = len(restored)
        moves = run.budget.slice("explain").part("restore moves", RESTORE_MOVES_SHARE)
        run.chosen, moved = restore_with_moves(run.ix, run.res, run.chosen, frozenset(run.frozen), moves)
        if moved:
            run.info["restored_by_moves"] = len(moved)
    before = len(run.chosen)
    run.chosen = insert_leftovers(run.ix, run.res, run.chosen)
    if len(run.chosen) > before:
        run.info["inserted_after_search"] = len(run.chosen) - before


def explain_stage(run: Run) -> None:
    """Reasons for each unplanned case: replayed first, CP-SAT blocking rules within the explain slice."""
    occ = replay(run.ix, run.res, run.chosen)
    run.reasons = explain_unplanned(run.ix, occ, run.chosen)
    run.info["explained_by_cpsat"] = core_reasons(run.ix, run.res, occ, run.chosen, run.reasons, run.structured,
                                                  run.params, run.budget.slice("explain"))


def notes_stage(run: Run) -> Plan:
    """Notes for locks and frozen trips not kept, then the plan with the checker's objective."""
    from models.rules import evaluate_objective  # the oracle computes the reported objective

    run.info["status"] = run.status.value
    if run.budget.clock_cuts:  # reproducible mode, stopped by the wall clock: the plan is not reproducible
        run.info["clock_cut"] = list(run.budget.clock_cuts)
        log.warning("one worker (reproducible) but the wall clock stopped %s before its counted budget was "
                    "spent: this machine is slower than calibrated or loaded, and another run may differ",
                    ", ".join(run.budget.clock_cuts))
    if not reproducible(run.params):
        run.info["seconds"] = {k: round(v, 3) for k, v in run.seconds.items()}  # wall times differ run to run
    run.notes.extend(guard_notes(run.ix, run.chosen, run.frozen, run.given_up, run.reasons, run.structured,
                                 run.notes))
    plan = to_plan(run.ix, run.chosen, run.reasons, run.info, run.structured)
    objective = evaluate_objective(run.scenario, plan, run.previous)
    return plan.model_copy(update={"objective": objective, "bound": run.bound, "notes": tuple(run.notes)})


def run_pipeline(scenario: Scenario, params: SolveParams, previous: Plan | None, budget: SolveBudget,
                 trace: bool = False) -> SolveResult:
    """The stages in order; `trace` adds the internals tests ask for (`SolveTrace`)."""
    run = index_stage(scenario, params, previous, budget)
    warm_start_stage(run)
    optimise_stage(run)
    t = time.perf_counter()
    leftovers_stage(run)
    explain_stage(run)
    run.timed("explain", t)
    run.timed("total", run.started)
    plan = notes_stage(run)
    return SolveResult(plan=plan, status=run.status, seconds=frozen_mapping(run.seconds),
                       trace=_trace(run) if trace else None)


def _trace(run: Run) -> SolveTrace:
    return SolveTrace(index=run.ix, assignments=frozen_mapping(run.chosen), greedy=frozen_mapping(run.greedy),
                      start=None if run.start is None else frozen_mapping(run.start),
                      start_objective=run.info.get("start"), phases=tuple(run.info.get("phases", ())),
                      model_size=frozen_mapping(run.info.get("model", {})))
