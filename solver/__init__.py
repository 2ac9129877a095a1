"""CP-SAT planner for special departures. One public face: `solve(scenario, params)`."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

import ortools

from models import Plan, Scenario
from models.plan import Bound, Note
from solver.bounds import full_problem_bound, mark_fixed_pickups, restricted_by
from solver.budget import Meter, Slice, SolveBudget
from solver.candidates import candidate_itineraries, candidate_returns
from solver.cpsat import solve_cpsat
from solver.explain.english import from_english, unit_reasons
from solver.explain.replay import explain_unplanned
from solver.explain.words import Reason
from solver.greedy import solve_greedy, try_unit
from solver.heuristics import BEST_START_SHARE, WARM_START_SHARE, best_start, improve
from solver.index import Index, build_index
from solver.model_size import build_seconds, estimate_vars
from solver.occupancy import replay
from solver.params import SolveParams, reproducible
from solver.previous import previous_assignments, restore_previous
from solver.relax import describe
from solver.repair import MAKE_ROOM_SHARE, make_room
from solver.resources import Resources
from solver.selection import Assignment, to_plan

log = logging.getLogger(__name__)

__all__ = ["SolveBudget", "SolveParams", "SolveResult", "candidate_itineraries", "candidate_returns", "solve"]

PLANNER_VERSION = "0.1.0"
MIN_RESOLVE_S = 1.0
"""A relaxed re-solve only starts when the search pool still holds this long after building its model."""
EXPLAIN_WORK_PER_SECOND = 1.0
"""Explanation work is counted in estimated seconds (`solver.explain.core.check_cost`)."""


@dataclass
class SolveResult:
    plan: Plan
    status: str
    seconds: dict[str, float] = field(default_factory=dict)
    index: Index | None = None
    assignments: dict[str, Assignment] = field(default_factory=dict)


def _previous_choice(ix: Index, previous: Plan | None):
    if previous is None:
        return None
    unit_of = ix.unit_of_case()
    out = {}
    for trip in previous.trips:
        units = {unit_of[c].key if c in unit_of else None for c in trip.cases}
        if len(units) != 1 or None in units:
            continue
        unit = unit_of[trip.cases[0]]
        option = next((o.index for o in unit.options if o.itinerary.leg_ids == tuple(trip.outbound)), None)
        out[unit.key] = (option, trip.vehicle, frozenset(e.staff for e in trip.escorts),
                         previous_return(unit, option, trip))
    return out


def previous_return(unit, option: int | None, trip) -> int | None:
    """Index of the escorts' previous return among the option's returns: -1 for a trip without escorts,
    None when it cannot be kept (not offered, or the escorts flew back on different legs)."""
    returns = {tuple(e.return_) for e in trip.escorts}
    if not trip.escorts:
        return -1
    if option is None or len(returns) != 1:
        return None
    legs = next(iter(returns))
    return next((r for r, it in enumerate(unit.options[option].returns) if it.leg_ids == legs), None)


def _insert_leftovers(ix: Index, res: Resources, chosen: dict[str, Assignment]) -> dict[str, Assignment]:
    """Safety net after a time-limited search: add any unplanned unit that still fits."""
    occ = replay(ix, res, chosen)
    out = dict(chosen)
    for unit in sorted(ix.units, key=lambda u: (-u.priority, u.key)):
        if unit.key in out or not unit.options:
            continue
        a = try_unit(occ, unit)
        if a is not None:
            occ.book(unit, a)
            out[unit.key] = a
    return out


def _core_reasons(ix: Index, res: Resources, occ, chosen, reasons: dict[str, list[str]],
                  structured: dict[str, list[Reason]], params: SolveParams, budget: Slice) -> int:
    """Replace replay-based reasons by CP-SAT blocking rules (minimised cores), most urgent first,
    within the explanation slice (counted work when reproducible): fewer explanations when time
    runs short. The Reasons themselves go to `structured` (the plan's x_reasons). Returns how many
    cases it explained."""
    from solver.explain.blocking import blocking_rules

    candidates = sorted((u for u in ix.units if u.options and u.key not in chosen), key=lambda u: (-u.priority, u.key))
    meter = Meter(budget, EXPLAIN_WORK_PER_SECOND)
    explained = 0
    for unit in candidates:
        if meter.exhausted():
            break
        found = blocking_rules(ix, res, occ, unit.key, params, meter=meter)
        if found and not any(r.family in ("fits", "other") for r in found):
            reasons[unit.key] = [r.text_en for r in found]
            structured[unit.key] = list(found)
            explained += 1
    return explained


def _guarded(ix: Index, frozen: dict[str, Assignment]) -> list[str]:
    return [f"lock of {u.label}" for u in ix.units if u.locked] + [f"frozen trip of {u.label}" for u in ix.units
                                                                  if u.key in frozen]


def _report_cpsat(info: dict, outcome, ix: Index) -> None:
    """What the plan's solver report says about the lock check, a failed phase and the start solution."""
    info["start_solution"] = outcome.start_solution
    if outcome.failure is not None:
        info["model_error"] = outcome.failure
    if outcome.relaxation is not None:
        cases = {u.key: "+".join(u.case_ids) for u in ix.units}
        info["lock_check"] = {
            "checks": outcome.relaxation.checks, "conclusive": outcome.relaxation.conclusive,
            "given_up": [f"{c.guard.kind} of {cases[c.guard.unit_key]}" for c in outcome.relaxation.given_up],
        }


def _guard_notes(ix: Index, chosen: dict[str, Assignment], frozen: dict[str, Assignment], given_up: dict,
                 reasons: dict[str, list[str]], structured: dict[str, list[Reason]], notes: list[Note]) -> list[Note]:
    """Notes (and reasons) for locks that could not be kept and frozen trips that had to change.

    A locked case left unplanned gets reasons that start with "lock cannot be kept: ..." (FORMAT.md,
    lock); the lock or frozen trip it conflicted with is named."""
    labels = {u.key: u.label for u in ix.units}
    noted = {n.case for n in notes}
    out: list[Note] = []
    for unit in ix.units:
        conflict = given_up.get(unit.key)
        why = describe(conflict, labels) if conflict is not None else None
        if unit.locked and unit.key not in chosen:
            own = _own_forbids(ix, unit)
            why = own[1] if own else why
            why = why or "; ".join(reasons.get(unit.key, [])) or "no plan keeps it together with the other rules"
            reasons[unit.key] = [f"lock cannot be kept: {why}"] + [r for r in reasons.get(unit.key, []) if r != why]
            known = unit_reasons(unit, structured)
            structured[unit.key] = [_lock_reason(why, known, own[0] if own else None)] + known
            if not noted.intersection(unit.case_ids):
                out.extend(Note(case=c.id, text=f"lock cannot be kept: {why}") for c in unit.cases)
        elif unit.key in frozen and chosen.get(unit.key) != frozen[unit.key] and not noted.intersection(unit.case_ids):
            text = f"frozen trip had to change: {why}" if why else "frozen trip could not be kept"
            out.extend(Note(case=c.id, text=text) for c in unit.cases)
    return out


def _own_forbids(ix: Index, unit) -> tuple[str, str] | None:
    """(Dutch, English) words when the unit is pinned to a flight the coordinator forbade for it (B2)."""
    pinned = {f for lk in ix.scenario.locks if lk.case in unit.case_ids for f in (lk.flights or ())}
    clash = sorted(pinned & set(unit.forbidden_flights))
    if not clash:
        return None
    flights = ", ".join(clash)
    return (f"u heeft vlucht {flights} uitgesloten, maar de zaak is erop vastgezet",
            f"you forbade flight {flights}, but the case is pinned to it")


def _lock_reason(why: str, known: list[Reason], nl: str | None = None) -> Reason:
    """"lock cannot be kept: <why>" in both languages; `why` is the known reasons joined, or other words."""
    if nl is None and known and why == "; ".join(r.text_en for r in known):
        nl = "; ".join(r.text_nl for r in known)
    elif nl is None:
        nl = from_english(why).text_nl
    return Reason("lock", f"vastzetting kan niet worden gehouden: {nl}", f"lock cannot be kept: {why}", {})


def _honest_bound(ix: Index, info: dict, status: str, bounds: dict) -> tuple[str, Bound | None]:
    """CP-SAT's bound as the plan's bound only when the options were not restricted (solver.bounds);
    otherwise it is reported as `restricted_bound`, with a bound for the full problem instead."""
    restricted = restricted_by(ix)
    if not restricted:
        if not bounds:
            return status, None
        return status, Bound(planned_priority=bounds.get("planned_priority"), disruption=bounds.get("disruption"),
                             language_mismatch=bounds.get("language_mismatch"), cost_eur=bounds.get("cost_eur"))
    info["restricted_by"] = restricted
    if bounds:
        info["restricted_bound"] = {k: v for k, v in bounds.items() if v is not None}
    full = full_problem_bound(ix, bounds.get("planned_priority"))
    return ("feasible" if status == "optimal" else status), Bound(planned_priority=full)


def _objective_of(scenario: Scenario, ix: Index, chosen: dict[str, Assignment], previous: Plan | None) -> dict:
    """The objective of a set of assignments as the checker computes it (~0.1 s on XL), so a reader of
    the plan can tell whether CP-SAT improved on the start solution it was given."""
    from models.rules import evaluate_objective

    objective = evaluate_objective(scenario, to_plan(ix, chosen, {}, {}), previous)
    return {"planned_priority": objective.planned_priority, "disruption": objective.disruption,
            "language_mismatch": objective.language_mismatch, "cost_eur": round(objective.cost_eur, 2)}


def _improved(start: dict, result: dict) -> bool:
    """Better than the start, level by level: priority, then disruption, language, then cost."""
    if result["planned_priority"] != start["planned_priority"]:
        return result["planned_priority"] > start["planned_priority"]
    if result["disruption"] != start["disruption"]:
        return (result["disruption"] or 0) < (start["disruption"] or 0)
    if result.get("language_mismatch") != start.get("language_mismatch"):
        return (result.get("language_mismatch") or 0) < (start.get("language_mismatch") or 0)
    return result["cost_eur"] < start["cost_eur"]


def solve(scenario: Scenario, params: SolveParams | None = None, previous: Plan | None = None,
          budget: SolveBudget | None = None) -> SolveResult:
    """Plan all cases together; the plan's objective is recomputed by the rule checker.

    `budget` is the command's clock (its start may lie before this call, e.g. when the CLI loaded
    the files); every stage takes its slice of it."""
    from models.rules import evaluate_objective  # the oracle computes the reported objective

    params = params or SolveParams()
    budget = budget or SolveBudget(params)
    started = time.perf_counter()
    seconds: dict[str, float] = {}
    ix = build_index(scenario, params, previous, budget)
    res = Resources(ix)
    mark_fixed_pickups(ix, res)
    seconds["index"] = time.perf_counter() - started
    budget.large_model = estimate_vars(ix.units) > params.max_model_vars
    log.info("index: %d trip units, %d options from %d legs (%.1f s)", len(ix.units),
             sum(len(u.options) for u in ix.units), len(scenario.flights), seconds["index"])

    prev = previous_assignments(ix, res) if previous is not None else None
    notes: list[Note] = []
    if prev is not None:
        for key, why in sorted(prev.changed.items()):
            unit = next(u for u in ix.units if u.key == key)
            kind = "frozen trip" if unit.frozen else "trip"  # frozen: inside freeze_hours only
            notes.extend(Note(case=c.id, text=f"{kind} had to change: {why}") for c in unit.cases)
    fixed = prev.kept if prev is not None else {}
    frozen = prev.frozen if prev is not None else {}

    t = time.perf_counter()
    greedy = solve_greedy(ix, res, fixed=frozen)
    seconds["greedy"] = time.perf_counter() - t
    info: dict = {
        "strategy": params.strategy,
        "params": params.model_dump(),
        "ortools": ortools.__version__,
        "planner": PLANNER_VERSION,
        "legs": len(scenario.flights),
        "options": sum(len(u.options) for u in ix.units),
        "units": len(ix.units),
    }
    if prev is not None:
        info["previous"] = {"kept": len(prev.kept), "frozen": len(prev.frozen), "changed": len(prev.changed)}
    bound = None
    repro = reproducible(params)
    status = "heuristic"
    chosen = greedy
    given_up: dict = {}
    if params.strategy == "cpsat":
        t = time.perf_counter()
        heuristics = budget.slice("heuristics")
        if prev is not None:
            # warm start: keep what still works and insert the rest; a left-out trip may take the place of
            # one other trip that moves (make_room), and the local search may move kept trips outside the
            # freeze, both only when that buys priority, re-booking a moved trip as it was when it can;
            # CP-SAT then weighs priority against disruption exactly
            start = best_start(ix, res, heuristics.part("start", WARM_START_SHARE), params.seed, [], fixed=fixed)
            start = make_room(ix, res, start, fixed, frozenset(frozen), heuristics.part("make room", MAKE_ROOM_SHARE))
            start = improve(ix, res, start, heuristics.part("local search", 1 - WARM_START_SHARE - MAKE_ROOM_SHARE),
                            params.seed, frozen=frozenset(frozen))
        else:
            start = best_start(ix, res, heuristics.part("start", BEST_START_SHARE), params.seed, [greedy])
            start = improve(ix, res, start, heuristics.part("local search", 1 - BEST_START_SHARE), params.seed)
        seconds["heuristics"] = time.perf_counter() - t
        info["start"] = _objective_of(scenario, ix, start, previous)
        t = time.perf_counter()
        prev_choice = _previous_choice(ix, previous)
        outcome = solve_cpsat(ix, res, params, start, budget, prev_choice, frozen=frozen, keep=(greedy,))
        if outcome.status == "infeasible" and budget.search_left_s() >= MIN_RESOLVE_S + build_seconds(ix.units):
            # only when the lock check ran out of time and the unchecked locks / frozen trips did not hold
            log.warning("the locks and frozen trips could not be checked in time and do not all hold; solving "
                        "again with all of them given up: %s", ", ".join(_guarded(ix, frozen)))
            relaxed = {k: a for k, a in greedy.items() if not any(u.key == k and u.locked for u in ix.units)}
            outcome = solve_cpsat(ix, res, params, relaxed, budget, prev_choice, frozen=frozen,
                                  give_up_guards=True, keep=(greedy,))
        seconds["cpsat"] = time.perf_counter() - t
        status = outcome.status
        chosen = outcome.assignments
        given_up = {c.guard.unit_key: c for c in outcome.relaxation.given_up} if outcome.relaxation else {}
        _report_cpsat(info, outcome, ix)
        info["improved_on_start"] = _improved(info["start"], _objective_of(scenario, ix, chosen, previous))
        info["phases"] = [p.as_dict(with_time=not repro) for p in outcome.phases]
        info["model"] = outcome.model_stats
        info["cost_terms_eur"] = outcome.term_values
        status, bound = _honest_bound(ix, info, status, outcome.bounds)
    t = time.perf_counter()
    if prev is not None:
        chosen, restored = restore_previous(ix, res, chosen)
        if restored:
            info["restored_after_search"] = len(restored)
    before = len(chosen)
    chosen = _insert_leftovers(ix, res, chosen)
    if len(chosen) > before:
        info["inserted_after_search"] = len(chosen) - before
    occ = replay(ix, res, chosen)
    reasons = explain_unplanned(ix, occ, chosen)
    structured: dict[str, list[Reason]] = {}
    info["explained_by_cpsat"] = _core_reasons(ix, res, occ, chosen, reasons, structured, params,
                                               budget.slice("explain"))
    seconds["explain"] = time.perf_counter() - t
    seconds["total"] = time.perf_counter() - started
    info["status"] = status
    if not reproducible(params):
        info["seconds"] = {k: round(v, 3) for k, v in seconds.items()}  # wall times differ run to run
    notes.extend(_guard_notes(ix, chosen, frozen, given_up, reasons, structured, notes))
    plan = to_plan(ix, chosen, reasons, info, structured)
    objective = evaluate_objective(scenario, plan, previous)
    plan = plan.model_copy(update={"objective": objective, "bound": bound, "notes": tuple(notes)})
    return SolveResult(plan=plan, status=status, seconds=seconds, index=ix, assignments=chosen)
