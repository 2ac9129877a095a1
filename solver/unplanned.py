"""After the search: insert what still fits, then explain what stays unplanned."""

from __future__ import annotations

from solver.budget import Meter, Slice
from solver.explain.words import Reason
from solver.heuristics import insert_in_order
from solver.occupancy import Occupancy, replay
from solver.params import SolveParams
from solver.resources import Resources
from solver.selection import Assignment
from solver.units import Index

EXPLAIN_WORK_PER_SECOND = 1.0
"""Explanation work is counted in estimated seconds (`solver.explain.core.check_cost`)."""


def insert_leftovers(ix: Index, res: Resources, chosen: dict[str, Assignment]) -> dict[str, Assignment]:
    """Safety net after a time-limited search: add any unplanned unit that still fits."""
    occ = replay(ix, res, chosen)
    out = dict(chosen)
    insert_in_order(occ, sorted((u for u in ix.units if u.options), key=lambda u: (-u.priority, u.key)), out)
    return out


def core_reasons(ix: Index, res: Resources, occ: Occupancy, chosen: dict[str, Assignment],
                 reasons: dict[str, list[str]], structured: dict[str, list[Reason]], params: SolveParams,
                 budget: Slice) -> int:
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
