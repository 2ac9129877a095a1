"""Pins that clash with the coordinator's own forbids (B2).

A lock on flight X and a forbid of flight X for the same case cannot both hold: the solver
then drops the case. Such a pair is caught at preview, named in words, and refused on save.
"""

from __future__ import annotations

from dataclasses import dataclass

from models import Scenario


@dataclass(frozen=True)
class LockForbidClash:
    """Case `case` is pinned to `target` (a flight, escort or vehicle) that is also forbidden for it."""

    case: str
    kind: str
    """'flight', 'staff' or 'vehicle'."""
    target: str

    def text(self, tr) -> str:
        return tr(f"conflict.{self.kind}", case=self.case, target=self.target)


def lock_forbid_clashes(scenario: Scenario) -> tuple[LockForbidClash, ...]:
    """Every (lock, forbid) pair of the same case on the same flight, escort or vehicle."""
    locks = {lock.case: lock for lock in scenario.locks}
    out: list[LockForbidClash] = []
    for fb in scenario.forbids:
        lock = locks.get(fb.case)
        if lock is None:
            continue
        if fb.flight is not None and fb.flight in (lock.flights or ()):
            out.append(LockForbidClash(fb.case, "flight", fb.flight))
        if fb.staff is not None and lock.staff is not None and fb.staff in lock.staff:
            out.append(LockForbidClash(fb.case, "staff", fb.staff))
        if fb.vehicle is not None and lock.vehicle == fb.vehicle:
            out.append(LockForbidClash(fb.case, "vehicle", fb.vehicle))
    return tuple(out)
