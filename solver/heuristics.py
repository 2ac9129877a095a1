"""Constructive heuristics that give CP-SAT a strong first solution.

The by-hand baseline (deadline first) is kept apart in `greedy`; here the same booking routine runs
with priority-first orders and seeded random perturbations (a small GRASP), and the best start wins.
"""

from __future__ import annotations

import random
import time

from solver.greedy import best_fit_unit, try_unit
from solver.index import Index, Unit
from solver.occupancy import Occupancy
from solver.resources import Resources
from solver.selection import Assignment


class Budget:
    """Wall-clock seconds, or (reproducible mode) a fixed number of iterations for those seconds."""

    ITERATIONS_PER_SECOND = 15

    def __init__(self, seconds: float, reproducible: bool):
        self.reproducible = reproducible
        self.left = max(1, int(seconds * self.ITERATIONS_PER_SECOND))
        self.deadline = time.perf_counter() + seconds

    def more(self) -> bool:
        if self.reproducible:
            self.left -= 1
            return self.left >= 0
        return time.perf_counter() < self.deadline


def _deadline(u: Unit):
    return min(c.deadline for c in u.cases)


def _build(ix: Index, res: Resources, order: list[Unit], fixed: dict[str, Assignment]) -> dict[str, Assignment]:
    occ = Occupancy(ix, res)
    units = {u.key: u for u in ix.units}
    chosen = {}
    for key, a in fixed.items():
        occ.book(units[key], a)
        chosen[key] = a
    for unit in order:
        if unit.key in chosen:
            continue
        a = try_unit(occ, unit)
        if a is not None:
            occ.book(unit, a)
            chosen[unit.key] = a
    return chosen


def disruption(ix: Index, chosen: dict[str, Assignment]) -> int:
    """Cases of previously planned units whose legs, vehicle or escort set changed, or that dropped."""
    total = 0
    for unit in ix.units:
        trip = unit.previous_trip
        if trip is None:
            continue
        a = chosen.get(unit.key)
        same = (a is not None and a.option == unit.previous_option and a.vehicle == trip.vehicle
                and {sid for sid, _ in a.escorts} == {e.staff for e in trip.escorts})
        total += 0 if same else len(unit.cases)
    return total


def _score(ix: Index, chosen: dict[str, Assignment]) -> tuple[int, int, float]:
    """Priority, then (with a previous plan) less disruption, then lower outbound cost."""
    units = {u.key: u for u in ix.units}
    priority = sum(units[k].priority for k in chosen)
    cost = sum(units[k].options[a.option].outbound_cost_eur for k, a in chosen.items())
    return priority, -disruption(ix, chosen), -cost


def best_start(ix: Index, res: Resources, seconds: float, seed: int,
               seeds_from: list[dict[str, Assignment]] = (), fixed: dict[str, Assignment] | None = None,
               reproducible: bool = False) -> dict[str, Assignment]:
    """Several orders within `seconds`; returns the best by (priority, lower outbound cost)."""
    fixed = fixed or {}
    budget = Budget(seconds / 4, reproducible)
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
    while budget.more():
        noisy = sorted(units, key=lambda u: (-(u.priority + rng.uniform(0, 2.5)) / (1 + 0.3 * u.n_escorts * rng.random()), u.key))
        cand = _build(ix, res, noisy, fixed)
        if _score(ix, cand) > _score(ix, best):
            best = cand
    return best


def improve(ix: Index, res: Resources, start: dict[str, Assignment], seconds: float, seed: int,
            frozen: frozenset[str] = frozenset(), reproducible: bool = False) -> dict[str, Assignment]:
    """Ruin and recreate: free the trips around a random moment, re-insert by priority, keep if better.

    Accepts a neighbour when planned priority does not drop (ties move the search along).
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
    budget = Budget(seconds, reproducible)
    while budget.more():
        t0 = rng.randint(lo, max(lo, hi))
        width = rng.choice((1, 2, 3)) * day
        removed = {}
        for key, a in list(current.items()):
            if key in frozen:
                continue
            pickup = units[key].options[a.option].pickup_min
            if t0 - day <= pickup <= t0 + width or rng.random() < 0.03:
                removed[key] = a
        for key, a in removed.items():
            occ.unbook(units[key], a)
            del current[key]
        pool = [u for u in plannable if u.key not in current and u.key not in frozen and any(
            t0 - 3 * day <= o.pickup_min <= t0 + width + 2 * day for o in u.options)]
        pool.sort(key=lambda u: (-(u.priority + rng.uniform(0, 1.5)), u.key))
        added = {}
        insert = best_fit_unit if rng.random() < 0.5 else try_unit
        for unit in pool:
            a = insert(occ, unit)
            if a is not None:
                occ.book(unit, a)
                current[unit.key] = a
                added[unit.key] = a
        score = _score(ix, current)
        if score[:2] >= best_score[:2]:
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
