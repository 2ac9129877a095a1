"""Constructive heuristics that give CP-SAT a strong first solution.

The by-hand baseline (deadline first) is kept apart in `greedy`; here the same booking routine runs
with priority-first orders and seeded random perturbations (a small GRASP), and the best start wins.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from solver import previous
from solver.budget import Meter, Slice
from solver.greedy import best_fit_unit, try_unit
from solver.index import Index, Unit
from solver.language import mismatches
from solver.occupancy import Occupancy
from solver.previous import previous_fit
from solver.resources import Resources
from solver.selection import Assignment

WORK_PER_SECOND = 1200
"""Reproducible mode: heuristic work per nominal second of their slice, counted as trips tried,
booked and unbooked (measured 1,200-2,500 a second from the XL to the S tier; per-iteration counts
would vary 40-fold with the size)."""

BEST_START_SHARE = 0.3
"""Share of the heuristics slice for the start orders; the local search gets the rest."""
WARM_START_SHARE = 0.2
"""The same with a previous plan, where the local search repairs around the kept trips."""
START_ORDERS_SHARE = 0.25
"""Share of the start slice for the randomised orders after the three fixed ones (the rest is margin)."""
PRIORITY_NOISE = 2.5
"""Random priority added to each unit in a randomised start order: enough to swap units one priority
level apart, never a high-priority unit behind a much lower one."""
ESCORT_PENALTY_NOISE = 0.3
"""How strongly a randomised start order may push back units that need many escorts."""
STRAY_RUIN_SHARE = 0.03
"""Chance that a trip outside the ruined window is freed as well (lets the search leave a basin)."""
REINSERT_NOISE = 1.5
"""Random priority added when re-inserting freed units, so ties are broken differently each round."""
BEST_FIT_SHARE = 0.5
"""Chance a round re-inserts by best fit rather than earliest fit."""


def _work(slice_: Slice) -> Meter:
    """Wall-clock seconds, or (reproducible mode) a fixed amount of counted work for those seconds."""
    return Meter(slice_, WORK_PER_SECOND, at_least=1)


def _deadline(u: Unit):
    return min(c.deadline for c in u.cases)


def _build(ix: Index, res: Resources, order: list[Unit], fixed: dict[str, Assignment]) -> dict[str, Assignment]:
    occ = Occupancy(ix, res)
    units = {u.key: u for u in ix.units}
    chosen = {}
    for key, kept in fixed.items():
        occ.book(units[key], kept)
        chosen[key] = kept
    insert_in_order(occ, [u for u in order if u.locked] + [u for u in order if not u.locked], chosen)
    return chosen


def insert_in_order(occ: Occupancy, order: Iterable[Unit], chosen: dict[str, Assignment]) -> None:
    """Each unit of `order` not yet in `chosen` at its earliest option that fits, booked in `occ`."""
    for unit in order:
        if unit.key in chosen:
            continue
        a = try_unit(occ, unit)
        if a is not None:
            occ.book(unit, a)
            chosen[unit.key] = a


def disruption(ix: Index, chosen: dict[str, Assignment]) -> int:
    """Level 2, as solver.previous counts it (the definition is models/disruption.py)."""
    return previous.disruption(ix.units, chosen)


def language(ix: Index, chosen: dict[str, Assignment]) -> int:
    """Level 3: planned cases whose escorts speak none of their preferred languages."""
    units = {u.key: u for u in ix.units}
    return sum(mismatches(ix.scenario, units[k].cases, [sid for sid, _ in a.escorts]) for k, a in chosen.items())


def _score(ix: Index, chosen: dict[str, Assignment]) -> tuple[int, int, int, int, float]:
    """Locks kept (rule 8: a locked case is planned unless that is impossible; CP-SAT rejects a start
    that drops a lock it can keep), then priority, then (with a previous plan) less disruption, fewer
    language mismatches, then lower outbound cost."""
    units = {u.key: u for u in ix.units}
    locks = sum(1 for k in chosen if units[k].locked)
    priority = sum(units[k].priority for k in chosen)
    cost = sum(units[k].options[a.option].outbound_cost_eur for k, a in chosen.items())
    return locks, priority, -disruption(ix, chosen), -language(ix, chosen), -cost


def best_start(ix: Index, res: Resources, budget: Slice, seed: int,
               seeds_from: Sequence[dict[str, Assignment]] = (), fixed: dict[str, Assignment] | None = None,
               ) -> dict[str, Assignment]:
    """Several orders within the slice; returns the best by (priority, lower outbound cost)."""
    fixed = fixed or {}
    meter = _work(budget.part("start orders", START_ORDERS_SHARE))
    units = [u for u in ix.units if u.options]
    candidates = list(seeds_from)
    orders = [
        sorted(units, key=lambda u: (-u.priority, _deadline(u), u.key)),
        sorted(units, key=lambda u: (-u.priority / (1 + u.n_escorts), _deadline(u), u.key)),
        sorted(units, key=lambda u: (-u.priority, len(u.options), u.key)),
    ]
    for order in orders:
        candidates.append(_build(ix, res, order, fixed))
    best = max(candidates, key=lambda c: _score(ix, c)) if candidates else {}
    rng = random.Random(seed)
    while units and not meter.exhausted():
        noisy = sorted(units, key=lambda u: (-(u.priority + rng.uniform(0, PRIORITY_NOISE))
                                             / (1 + ESCORT_PENALTY_NOISE * u.n_escorts * rng.random()), u.key))
        cand = _build(ix, res, noisy, fixed)
        meter.charge(1 + len(units) + len(cand))
        if _score(ix, cand) > _score(ix, best):
            best = cand
    return best


def improve(ix: Index, res: Resources, start: dict[str, Assignment], budget: Slice, seed: int,
            frozen: frozenset[str] = frozenset()) -> dict[str, Assignment]:
    """Ruin and recreate: free the trips around a random moment, re-insert by priority, keep if better.

    Accepts a neighbour when planned priority, then disruption, does not get worse (ties move the search
    along). With a previous plan, trips outside `frozen` may be ruined too, so a hit trip can take what
    another trip had (only when that buys priority); a ruined trip is re-booked as it was when it still fits.
    """
    rng = random.Random(seed)
    units = {u.key: u for u in ix.units}
    occ = Occupancy(ix, res)
    current = dict(start)
    for key, a in current.items():
        occ.book(units[key], a)
    plannable = [u for u in ix.units if u.options]
    if not plannable:
        return current
    lo = min(o.pickup_min for u in plannable for o in u.options)
    hi = max(o.pickup_min for u in plannable for o in u.options)
    day = 24 * 60
    best = dict(current)
    best_score = _score(ix, best)
    meter = _work(budget)
    while not meter.exhausted():
        t0 = rng.randint(lo, max(lo, hi))
        width = rng.choice((1, 2, 3)) * day
        removed = {}
        for key, a in list(current.items()):
            if key in frozen:
                continue
            pickup = units[key].options[a.option].pickup_min
            if t0 - day <= pickup <= t0 + width or rng.random() < STRAY_RUIN_SHARE:
                removed[key] = a
        for key, freed in removed.items():
            occ.unbook(units[key], freed)
            del current[key]
        pool = [u for u in plannable if u.key not in current and u.key not in frozen and any(
            t0 - 3 * day <= o.pickup_min <= t0 + width + 2 * day for o in u.options)]
        pool.sort(key=lambda u: (-(u.priority + rng.uniform(0, REINSERT_NOISE)), u.key))
        added = {}
        insert = best_fit_unit if rng.random() < BEST_FIT_SHARE else try_unit
        for unit in pool:
            placed = previous_fit(occ, unit) or insert(occ, unit)
            if placed is not None:
                occ.book(unit, placed)
                current[unit.key] = placed
                added[unit.key] = placed
        meter.charge(1 + len(removed) + len(pool) + len(added))
        score = _score(ix, current)
        if score[:3] >= best_score[:3]:
            if score > best_score:
                best, best_score = dict(current), score
        else:
            for key, a in added.items():
                occ.unbook(units[key], a)
                del current[key]
            for key, a in removed.items():
                occ.book(units[key], a)
                current[key] = a
    return best
