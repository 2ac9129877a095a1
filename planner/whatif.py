"""What it would take to plan an unplanned case: single relaxations, tried by re-solving.

For the case's blocking rules (solver.explain) the candidates are the changes a coordinator
can ask for: confirm a pending care option, a seat or forced-departure place more on a leg, a
longer fit-to-fly or travel document, a later deadline, a lock released, one more vehicle or
staff member of a role free on the case's dates. Each is applied to a copy of the scenario and
solved with the current plan as the previous one (so the rest of the plan moves as little as
possible); those that plan the case are listed, cheapest first.

Cost per kind (a ranking, not euros; lower is easier to arrange):
    confirm_care 1 < release_lock 2 < extra_seats / extra_forced 3 (+1 per extra place)
    < fit_to_fly_status 5 < extend_fit_to_fly / extend_document / move_deadline 10 + days
    < overnight_stay 15 (planner.whatif_extras) < issue_document 25 < extra_vehicle 30 < extra_staff 40 per person.
Ties are broken by the disruption of the rest of the plan.
"""


from __future__ import annotations

import logging
import time
from dataclasses import replace

from models import Plan, Scenario
from planner.service import solve_scenario
from planner.whatif_candidates import COST, EXTEND_DAYS, Relaxation, _Candidates
from solver import SolveParams
from solver.explain import Reason, blocking_rules, occupancy_from_plan
from solver.index import build_index
from solver.resources import Resources

log = logging.getLogger(__name__)

DEFAULT_PARAMS = SolveParams(time_limit_s=10, workers=1, seed=0)


# -- trying them -----------------------------------------------------------------------------------
def _try(scenario: Scenario, plan: Plan, case_id: str, candidate: Relaxation, params: SolveParams) -> Relaxation | None:
    if candidate.apply is None:  # an advice without an edit to try
        return None
    try:
        changed = candidate.apply(scenario)
    except Exception as exc:  # noqa: BLE001 - a candidate that cannot be built is simply not offered
        log.warning("what-if %s could not be applied: %s", candidate.kind, exc)
        return None
    checked = solve_scenario(changed, params, previous=plan)
    trip = next((t for t in checked.plan.trips if case_id in t.cases), None)
    if trip is None or not checked.valid:
        return None
    before = {c for t in plan.trips for c in t.cases}
    after = {c for t in checked.plan.trips for c in t.cases}
    objective = checked.plan.objective
    first = changed.flight_by_id[trip.outbound[0]].departure
    return replace(candidate, disruption=objective.disruption if objective else None,
                   displaced=tuple(sorted(before - after)), departure=first)


def what_it_would_take(scenario: Scenario, plan: Plan, case_id: str, params: SolveParams | None = None,
                       reasons: list[Reason] | None = None, max_solves: int = 24,
                       total_s: float | None = None) -> list[Relaxation]:
    """Single relaxations that would plan `case_id`, cheapest first (see COST). `total_s` bounds the
    wall time of all tries together (the web planner's "Waarom?" answers within it; the CLI and tests
    leave it open so their answers do not depend on the machine's load)."""
    params = params or DEFAULT_PARAMS
    started = time.monotonic()

    def out_of_time() -> bool:
        return total_s is not None and time.monotonic() - started >= total_s

    if case_id not in scenario.case_by_id:
        raise KeyError(f"unknown case {case_id!r}")
    if any(case_id in t.cases for t in plan.trips):
        return []
    ix = build_index(scenario, params)
    unit = ix.unit_of_case()[case_id]
    if reasons is None:
        res = Resources(ix)
        occ = occupancy_from_plan(ix, res, plan, exclude=unit.case_ids)
        reasons = blocking_rules(ix, res, occ, unit.key, params)
    cands = _Candidates(scenario, unit, reasons, ix.grid)
    found: list[Relaxation] = []
    solves = 0
    for candidate in cands.single():
        if solves >= max_solves or out_of_time():
            break
        solves += 1
        result = _try(scenario, plan, case_id, candidate, params)
        if result is not None:
            found.append(result)
    for series in cands.dated() + cands.staff():
        for candidate in series:
            if solves >= max_solves or out_of_time():
                break
            solves += 1
            result = _try(scenario, plan, case_id, candidate, params)
            if result is not None:
                found.append(result)
                break
    found.sort(key=lambda r: (r.cost, r.disruption or 0, len(r.displaced), r.kind, r.text_nl))
    return found


# -- CLI: bv-planner why ----------------------------------------------------------------------------
__all__ = ["COST", "EXTEND_DAYS", "Relaxation", "what_it_would_take"]
