"""Make room for a trip by moving one other: the re-plan's targeted local repair.

After an event a hit trip often fits again only when one other trip gives up an escort, a vehicle or a
seat and moves itself (issue 12: seeds 0 and 2 of the 14-case generator, the demo). The ruin-and-
recreate search finds such a pair only by chance; here every pair is tried in a fixed order: release
one planned trip (outside the freeze), book the left-out trip (as it was before, when that fits, or one
of its first few ways in), book the released trip again (the same ways), and keep the best pair that raises planned
priority, with the least disruption among those. Counted work keeps it reproducible."""

from __future__ import annotations

from itertools import islice

from solver.budget import Meter, Slice
from solver.greedy import feasible_assignments
from solver.heuristics import WORK_PER_SECOND
from solver.index import Index, Unit
from solver.occupancy import Occupancy, replay
from solver.previous import previous_fit
from solver.resources import Resources
from solver.selection import Assignment

MAKE_ROOM_SHARE = 0.3
"""Share of the heuristics slice for these pair moves in a re-plan (the start takes WARM_START_SHARE,
the ruin-and-recreate search the rest)."""
WAYS_IN = 6
"""Ways to book the left-out trip tried per released trip, besides its previous trip."""


def _ways_in(occ: Occupancy, unit: Unit) -> list[Assignment]:
    """The left-out trip as it was (when that fits), then the first few other ways it fits: an earlier
    return for its escorts, say, which is what frees them for the trip that takes their place."""
    ways = [a for a in (previous_fit(occ, unit),) if a is not None]
    for _, a in islice(feasible_assignments(occ, unit), WAYS_IN):
        if a not in ways:
            ways.append(a)
    return ways


def _changed(unit: Unit, a: Assignment | None, was: Assignment, occ_previous: dict[str, Assignment]) -> int:
    """Cases newly disrupted when `unit` goes from `was` to `a`: only when `was` was its previous trip."""
    before = occ_previous.get(unit.key)
    return len(unit.cases) if before is not None and was == before and a != was else 0


def make_room(ix: Index, res: Resources, chosen: dict[str, Assignment], previous: dict[str, Assignment],
              frozen: frozenset[str], budget: Slice) -> dict[str, Assignment]:
    """Left-out trips (previously planned first, then by priority) each try every one-trip move.

    `previous` holds the previous trips that still fit on their own (solver.previous: kept)."""
    units = {u.key: u for u in ix.units}
    occ = replay(ix, res, chosen)
    out = dict(chosen)
    meter = Meter(budget, WORK_PER_SECOND, at_least=1)
    targets = sorted((u for u in ix.units if u.options and u.key not in out),
                     key=lambda u: (u.previous_trip is None, -u.priority, u.key))
    for unit in targets:
        best: tuple[tuple[int, int], str, Assignment, Assignment | None] | None = None
        for other_key in sorted(out):
            if meter.exhausted():
                return out
            if other_key in frozen:
                continue
            other, was = units[other_key], out[other_key]
            occ.unbook(other, was)
            ways = _ways_in(occ, unit)
            tried = 0
            for a in ways:
                occ.book(unit, a)
                moves: list[Assignment | None] = [*_ways_in(occ, other)] or [None]
                for b in moves:
                    gain = unit.priority - (0 if b is not None else other.priority)
                    score = (gain, -_changed(other, b, was, previous))
                    if gain > 0 and (best is None or score > best[0]):
                        best = (score, other_key, a, b)
                tried += len(moves)
                occ.unbook(unit, a)
            occ.book(other, was)
            meter.charge(2 + len(ways) + tried)
        if best is not None:
            _, other_key, a, b = best
            other = units[other_key]
            occ.unbook(other, out.pop(other_key))
            occ.book(unit, a)
            out[unit.key] = a
            if b is not None:
                occ.book(other, b)
                out[other_key] = b
    return out
