"""Why a case is unplanned: the rules that block it, found with CP-SAT, in words with data.

A unit (a case or a group) with candidate options gets a small CP-SAT model holding only its own
decisions (outbound option, escorts' return, escorts, vehicle) and forced to plan it; every other
trip's use of seats, forced places, stretcher places, vehicles and escorts is fixed (replayed
from the plan). Each rule family's constraint on each resource is guarded by one assumption
literal (seats on leg L, vehicle V busy, staff S unavailable, ...). One worker solves it with all
assumptions; `sufficient_assumptions_for_infeasibility()` gives a core, minimised by deletion
(re-solve without each literal, drop it while still infeasible). What is left is a set of rules
that together block the case, and relaxing any one of them unblocks it.

A unit without options is ruled out by its own data (documents, fit-to-fly, deadline, care,
flights, locks). The same deletion runs on the index instead: rebuild it for a one-unit copy of
the scenario with rule families relaxed, and keep the smallest set of relaxations that gives the
unit options. That copy also tells the first suitable flight, which the words point at.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from models import Plan, Scenario
from solver.budget import Meter
from solver.explain.core import Guard, UnitModel, occupancy_from_plan
from solver.explain.core_words import Words, reasons_from_core
from solver.explain.own_data import static_reasons
from solver.explain.static import shortages
from solver.explain.words import Reason
from solver.index import Index, build_index
from solver.occupancy import Occupancy, replay
from solver.params import SolveParams
from solver.resources import Resources
from solver.selection import Assignment

log = logging.getLogger(__name__)


# -- the public face -----------------------------------------------------------------------------
def blocking_rules(ix: Index, res: Resources, used: dict[str, Assignment] | Occupancy, unit_key: str,
                   params: SolveParams | None = None, previous: Plan | None = None,
                   meter: Meter | None = None) -> list[Reason]:
    """The rules that block unit `unit_key`, given what the other trips use.

    `used` is the other trips' assignments (this solver's) or an Occupancy (e.g. from
    `occupancy_from_plan`). An empty list means the unit is not blocked. With a `meter` (the
    solve's explanation budget) the core search stops when it runs out: the core found so far is
    still sufficient, only perhaps not minimal."""
    unit = next(u for u in ix.units if u.key == unit_key)
    if isinstance(used, Occupancy):
        occ = used
    else:
        occ = replay(ix, res, {k: a for k, a in used.items() if k != unit_key})
    if not unit.options:
        return static_reasons(ix, unit, params, previous)
    missing = shortages(ix, unit)
    if missing:
        return missing
    um = UnitModel(ix, res, occ, unit)
    if meter is not None:
        meter.charge(um.check_cost())  # building the model costs about one solve
    status, core = um.minimal_core(meter)
    if status == "feasible":
        return [Reason("fits", "past in de resterende capaciteit: opnieuw plannen zou deze zaak kunnen inplannen",
                       "fits in the remaining capacity: solving again could plan this case", {})]
    if status == "unknown":
        return [Reason("other", "geen reden gevonden binnen de rekentijd", "no reason found within the time limit", {})]
    if not core:
        return [Reason("other", "geen combinatie van begeleiders en voertuig past bij deze reis",
                       "no combination of escorts and vehicle fits this trip", {})]
    return reasons_from_core(Words(ix, res, occ, unit), um, core)


def explain_case(scenario: Scenario, plan: Plan, case_id: str, params: SolveParams | None = None,
                 previous: Plan | None = None) -> list[Reason]:
    """Why `case_id` is not in `plan`: its blocking rules against the plan's other trips."""
    return explain_plan(scenario, plan, params, previous, [case_id])[case_id]


def explain_plan(scenario: Scenario, plan: Plan, params: SolveParams | None = None, previous: Plan | None = None,
                 case_ids: Iterable[str] | None = None) -> dict[str, list[Reason]]:
    """Blocking rules for each unplanned case of `plan` (or for `case_ids`; planned ones get [])."""
    params = params or SolveParams()
    ix = build_index(scenario, params, previous)
    res = Resources(ix)
    unit_of = ix.unit_of_case()
    planned = {c for trip in plan.trips for c in trip.cases}
    wanted = list(case_ids) if case_ids is not None else [u.case for u in plan.unplanned]
    out: dict[str, list[Reason]] = {}
    done: dict[str, list[Reason]] = {}
    for case_id in wanted:
        if case_id not in unit_of:
            raise KeyError(f"unknown case {case_id!r}")
        unit = unit_of[case_id]
        if planned & set(unit.case_ids):
            out[case_id] = []
            continue
        if unit.key not in done:
            occ = occupancy_from_plan(ix, res, plan, exclude=unit.case_ids)
            done[unit.key] = blocking_rules(ix, res, occ, unit.key, params, previous)
        out[case_id] = done[unit.key]
    return out


__all__ = ["Guard", "Reason", "blocking_rules", "explain_case", "explain_plan", "occupancy_from_plan", "static_reasons"]
