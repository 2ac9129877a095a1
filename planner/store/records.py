"""Plain frozen records the store hands to the rest of the application, and its errors.

No SQLAlchemy here: the web planner and the job worker work with these, never with rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

DRAFT, PUBLISHED = "draft", "published"
JOB_QUEUED, JOB_RUNNING, JOB_DONE, JOB_FAILED, JOB_CONFLICT, JOB_CANCELLED = (
    "queued", "running", "done", "failed", "conflict", "cancelled")
JOB_FINAL = frozenset({JOB_DONE, JOB_FAILED, JOB_CONFLICT, JOB_CANCELLED})


# -- plain records handed to the rest of the application --------------------------------
@dataclass(frozen=True)
class User:
    username: str
    roles: tuple[str, ...]
    display_name: str
    active: bool
    password_hash: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class ScenarioInfo:
    id: int
    name: str
    sha256: str
    revision: int
    head_plan_id: int | None
    published_plan_id: int | None
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str


@dataclass(frozen=True)
class Snapshot:
    info: ScenarioInfo
    locks: list[dict]
    forbids: list[dict]
    body: dict | None = field(default=None, repr=False)


@dataclass(frozen=True)
class PlanVersion:
    id: int
    scenario_id: int
    number: int
    status: str
    parent_id: int | None
    action: str
    note: str
    planned: int
    unplanned: int
    violations: int
    created_at: datetime
    created_by: str
    data: dict | None = field(default=None, repr=False)


@dataclass(frozen=True)
class AuditEntry:
    """One audit row to write: ids and pseudonyms only."""

    action: str
    object_type: str
    object_id: str
    before: str = ""
    after: str = ""
    result: str = "ok"


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    object_type: str
    object_id: str
    scenario_id: int | None
    result: str
    before: str
    after: str


@dataclass(frozen=True)
class Job:
    id: int
    scenario_id: int
    status: str
    actor: str
    base_revision: int
    base_plan_id: int | None
    time_limit_s: float
    workers: int
    pid: int | None
    plan_id: int | None
    message: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def finished(self) -> bool:
        return self.status in JOB_FINAL


@dataclass(frozen=True)
class NewPlan:
    """A plan version to write with a save."""

    data: dict
    action: str
    note: str = ""
    status: str = DRAFT
    planned: int = 0
    unplanned: int = 0
    violations: int = 0
    parent_id: int | None = None


@dataclass(frozen=True)
class Transition:
    """A case lifecycle step to write: the case, its new state and (for aborted) the reason code."""

    case: str
    state: str
    reason: str = ""


@dataclass
class Change:
    """Everything one save writes, in one transaction."""

    audit: list[AuditEntry]
    new_plan: NewPlan | None = None
    move_head: bool = True
    """Make the new plan the workspace head (False: keep it as a side version, no revision check)."""
    adopt_plan_id: int | None = None
    """Make an existing version of this scenario the head."""
    add_locks: list[dict] = field(default_factory=list)
    remove_locks: list[str] = field(default_factory=list)
    add_forbids: list[dict] = field(default_factory=list)
    remove_forbids: list[dict] = field(default_factory=list)
    scenario_data: dict | None = None
    transitions: list[Transition] = field(default_factory=list)
    """Case lifecycle steps written with this save (checked: legal transitions only)."""
    journal: tuple[str, dict] | None = None
    """An edit's kind and the change that takes it back (`planner.store.lifecycle`)."""


@dataclass(frozen=True)
class SaveResult:
    revision: int
    plan_id: int | None
    plan_number: int | None


class ConflictError(Exception):
    """Someone saved this workspace after the revision the caller was looking at."""

    def __init__(self, scenario_id: int, expected: int, actual: int, by: str, at: datetime | None):
        self.scenario_id, self.expected, self.actual, self.by, self.at = scenario_id, expected, actual, by, at
        super().__init__(f"workspace {scenario_id} is at revision {actual} (saved by {by}), not {expected}")


class NotFoundError(LookupError):
    pass
