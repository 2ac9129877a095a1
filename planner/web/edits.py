"""The coordinator's edits: small serialisable objects, kept by the session until they are saved.

After a conflict (a colleague saved first) the same edit can be re-applied on the newer version.
`Applied` is an edit worked out in memory; `Preview` adds the rule checker's verdict.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

from models import Plan, Scenario, Trip
from models.rules import Violation
from planner.store import AuditEntry


@dataclass(frozen=True)
class Edit:
    """A coordinator's change, small enough to keep in the session until it is saved."""

    kind: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind
        return data


@dataclass(frozen=True)
class Pin(Edit):
    """Vastzetten: lock the trip of these cases (all of it, or the chosen parts)."""

    kind: ClassVar[str] = "pin"
    cases: tuple[str, ...]
    flights: bool = True
    staff: bool = True
    vehicle: bool = True
    care: bool = True


@dataclass(frozen=True)
class Unpin(Edit):
    kind: ClassVar[str] = "unpin"
    case: str


@dataclass(frozen=True)
class ForbidPair(Edit):
    """Uitsluiten: never pair this case with this escort, flight or vehicle."""

    kind: ClassVar[str] = "forbid"
    case: str
    target_kind: str
    target: str


@dataclass(frozen=True)
class Allow(Edit):
    """Remove a forbid."""

    kind: ClassVar[str] = "allow"
    case: str
    target_kind: str
    target: str


@dataclass(frozen=True)
class SwapEscort(Edit):
    """Replace one escort of a case's trip by another person (same role, same return legs)."""

    kind: ClassVar[str] = "swap"
    case: str
    old_staff: str
    new_staff: str


@dataclass(frozen=True)
class MoveItinerary(Edit):
    """Move a case's trip to other outbound legs; pickup and escort returns follow."""

    kind: ClassVar[str] = "move"
    case: str
    outbound: tuple[str, ...]


_EDITS = {cls.kind: cls for cls in (Pin, Unpin, ForbidPair, Allow, SwapEscort, MoveItinerary)}


def edit_from_dict(data: dict[str, Any]) -> Edit:
    data = dict(data)
    cls = _EDITS[data.pop("kind")]
    for key in ("cases", "outbound"):
        if key in data:
            data[key] = tuple(data[key])
    return cls(**data)

@dataclass(frozen=True)
class Applied:
    scenario: Scenario
    plan: Plan | None
    new_plan: bool
    add_locks: list[dict] = field(default_factory=list)
    remove_locks: list[str] = field(default_factory=list)
    add_forbids: list[dict] = field(default_factory=list)
    remove_forbids: list[dict] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Preview:
    """An edit applied in memory and checked; nothing is saved yet."""

    edit: Edit
    applied: Applied
    violations: tuple[Violation, ...]
    new_violations: tuple[Violation, ...]
    """Violations the edit introduces (not present before it)."""
    clashes: tuple[Any, ...] = ()
    """Pins that clash with forbids after this edit (`planner.web.guards.LockForbidClash`): never saved."""

    @property
    def ok(self) -> bool:
        return not self.new_violations and not self.clashes



def trip_summary(trip: Trip) -> str:
    """Ids only: legs, vehicle, escort staff, care option (no names, no health data)."""
    staff = ",".join(sorted(e.staff for e in trip.escorts)) or "-"
    care = ",".join(f"{c}:{o}" for c, o in sorted(trip.care.items())) or "-"
    return (f"flights {'+'.join(trip.outbound)}; pickup {trip.pickup.isoformat(timespec='minutes')}; "
            f"vehicle {trip.vehicle}; escorts {staff}; care {care}")


def lock_summary(lock: dict) -> str:
    parts = []
    if lock.get("flights"):
        parts.append("flights " + "+".join(lock["flights"]))
    if lock.get("staff") is not None:
        parts.append("escorts " + (",".join(lock["staff"]) or "none"))
    if lock.get("vehicle"):
        parts.append("vehicle " + lock["vehicle"])
    if lock.get("care"):
        parts.append("care " + lock["care"])
    return "; ".join(parts)
