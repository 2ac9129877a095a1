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
from solver.previous import changed_from_previous, previous_fit
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
    """Left-out trips (locked first, then previously planned, then by priority) each try every one-trip
    move; a locked trip may take the place of any unlocked one (rule 8 before priority).

    `previous` holds the previous trips that still fit on their own (solver.previous: kept)."""
    units = {u.key: u for u in ix.units}
    occ = replay(ix, res, chosen)
    out = dict(chosen)
    meter = Meter(budget, WORK_PER_SECOND, at_least=1)
    targets = sorted((u for u in ix.units if u.options and u.key not in out),
                     key=lambda u: (not u.locked, u.previous_trip is None, -u.priority, u.key))
    for unit in targets:
        best: tuple[tuple[int, int, int], str, Assignment, Assignment | None] | None = None
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
                moves: list[Assignment | None] = [*_ways_in(occ, other)] or ([] if other.locked else [None])
                for b in moves:
                    gain = unit.priority - (0 if b is not None else other.priority)
                    score = (int(unit.locked), gain, -_changed(other, b, was, previous))
                    if score[:2] > (0, 0) and (best is None or score > best[0]):
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


RESTORE_MOVES_SHARE = 0.5
"""Share of the explain slice for `restore_with_moves` after a re-plan's search (its time counts as
explaining, as the insertion of leftovers does)."""


Pair = tuple[tuple[int, int], str, Assignment, Assignment | None]
"""(gain in priority and in cases not disrupted, the released trip ("" when none had to move), the
restored trip, the released one's place)."""


def _disrupted(unit: Unit, a: Assignment | None) -> int:
    """The unit's cases counted as disrupted when it gets `a` (None: unplanned)."""
    return len(unit.cases) if unit.previous_trip is not None and changed_from_previous(unit, a) else 0


def _moves_of(occ: Occupancy, unit: Unit) -> list[Assignment | None]:
    """Where a released trip can go: as it was before, the first few other ways in, or out of the plan
    (not a locked one: rule 8 keeps it planned)."""
    return [*_ways_in(occ, unit)] + ([] if unit.locked else [None])


def restore_with_moves(ix: Index, res: Resources, chosen: dict[str, Assignment], frozen: frozenset[str],
                       budget: Slice) -> tuple[dict[str, Assignment], list[str]]:
    """Changed trips put back as they were by moving one other trip, when that is better by the
    objective's order: more planned priority, or as much with fewer disrupted cases.

    A search stopped by its time limit can leave trips changed that a one-trip move would restore
    (issue 12: on M0, cancelling KL111-20261212 changed 8 cases where 4 would do). `restore_previous`
    only restores a trip whose previous place is free; here one other trip (outside the freeze) is
    released, the changed trip re-booked as before, and the released trip re-booked as it was before,
    another way, or left out; the best such pair is kept, and the scan repeats while it finds one."""
    units = {u.key: u for u in ix.units}
    occ = replay(ix, res, chosen)
    out = dict(chosen)
    meter = Meter(budget, WORK_PER_SECOND, at_least=1)
    restored: list[str] = []
    found = True
    while found and not meter.exhausted():
        found = False
        changed = sorted((u for u in ix.units if u.previous_option is not None and _disrupted(u, out.get(u.key))),
                         key=lambda u: (-len(u.cases), -u.priority, u.key))
        for unit in changed:
            best = _best_pair(units, occ, out, unit, frozen, meter)
            if best is None:
                continue
            _, other_key, back, b = best
            now = out.get(unit.key)
            if now is not None:
                occ.unbook(unit, now)
            if other_key:
                occ.unbook(units[other_key], out.pop(other_key))
            occ.book(unit, back)
            out[unit.key] = back
            if b is not None:
                occ.book(units[other_key], b)
                out[other_key] = b
            restored.append(unit.key)
            found = True
    return out, restored


def _best_pair(units: dict[str, Unit], occ: Occupancy, out: dict[str, Assignment], unit: Unit,
               frozen: frozenset[str], meter: Meter) -> Pair | None:
    """The best (gain, other trip, `unit` as before, other's new place) that beats the current plan."""
    now = out.get(unit.key)
    if now is not None:
        occ.unbook(unit, now)
    best: Pair | None = None
    alone = previous_fit(occ, unit)  # its place came free after an earlier move: no other trip moves
    if alone is not None:
        best = ((unit.priority if now is None else 0, _disrupted(unit, now)), "", alone, None)
    for other_key in sorted(out) if alone is None else ():
        if meter.exhausted():
            break
        if other_key == unit.key or other_key in frozen:
            continue
        other, was = units[other_key], out[other_key]
        occ.unbook(other, was)
        back = previous_fit(occ, unit)
        tried = 0
        if back is not None:
            occ.book(unit, back)
            for b in _moves_of(occ, other):
                priority = (unit.priority if now is None else 0) - (other.priority if b is None else 0)
                fewer = _disrupted(unit, now) + _disrupted(other, was) - _disrupted(other, b)
                score = (priority, fewer)
                if score > (0, 0) and (best is None or score > best[0]):
                    best = (score, other_key, back, b)
                tried += 1
            occ.unbook(unit, back)
        occ.book(other, was)
        meter.charge(2 + tried)
    if now is not None:
        occ.book(unit, now)
    return best
