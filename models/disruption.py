"""When a previously planned trip counts as changed: the one definition of disruption.

shared/FORMAT.md, revision 2: a case of the previous plan is disrupted when its trip's outbound
legs, vehicle, set of escort staff or any escort's return legs differ, or when it is no longer
planned. The checker (models/rules/objective.py), the solver's assignments (solver/previous.py)
and the re-plan report (planner/tripchanges.py) all ask `changes` here; the CP-SAT objective
(solver/objectives.py) encodes the same test as constraints and is tested against it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from models.plan import Trip

Signature = tuple[tuple[str, ...], str, frozenset[str], frozenset[tuple[str, tuple[str, ...]]]]
"""Outbound legs, vehicle, escort staff, (staff, return legs) of each escort."""

CHANGE_KINDS = ("outbound", "vehicle", "escorts", "returns", "dropped")


def signature(outbound: Sequence[str], vehicle: str, escorts: Iterable[tuple[str, Sequence[str]]]) -> Signature:
    """What disruption compares; `escorts` gives (staff id, return legs) per escort."""
    pairs = frozenset((staff, tuple(legs)) for staff, legs in escorts)
    return tuple(outbound), vehicle, frozenset(staff for staff, _ in pairs), pairs


def trip_signature(trip: Trip) -> Signature:
    return signature(trip.outbound, trip.vehicle, ((e.staff, e.return_) for e in trip.escorts))


def changes(old: Signature, new: Signature | None) -> list[str]:
    """What changed, as keys of CHANGE_KINDS; empty when the trip stays as it was."""
    if new is None:
        return ["dropped"]
    out = [kind for kind, a, b in (("outbound", old[0], new[0]), ("vehicle", old[1], new[1]),
                                   ("escorts", old[2], new[2])) if a != b]
    returns_before, returns_now = dict(old[3]), dict(new[3])
    if any(returns_now[staff] != legs for staff, legs in returns_before.items() if staff in returns_now):
        out.append("returns")
    return out


def trip_changes(old: Trip, new: Trip | None) -> list[str]:
    """What changed between a trip of the previous plan and the trip its cases have now (or None)."""
    return changes(trip_signature(old), None if new is None else trip_signature(new))


def trip_changed(old: Trip, new: Trip | None) -> bool:
    """Whether the cases of `old` are disrupted."""
    return bool(trip_changes(old, new))
