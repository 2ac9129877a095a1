"""Storage: scenarios, immutable plan versions, locks, forbids, users, solve jobs and the audit log.

SQLite in a data folder by default, PostgreSQL when `BV_DATABASE_URL` is set (SQLAlchemy 2).

Every change to a planning workspace goes through `Store.save`: one transaction that checks the
workspace `revision` (optimistic locking: `UPDATE ... WHERE revision = :seen`), writes the new plan
version, locks and forbids, and the audit rows together. A coordinator who saved on a revision
someone else already moved gets a `ConflictError` and nothing of theirs is written, so nothing is
overwritten silently. Plan versions and audit rows are only ever inserted.

The audit log carries ids and pseudonyms, never names or health data (shared/DOMAIN.md).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from hashlib import sha256
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, create_engine, event, func,
    select, text, update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

log = logging.getLogger(__name__)

DATA_DIR_ENV = "BV_DATA_DIR"
DATABASE_URL_ENV = "BV_DATABASE_URL"
DB_FILENAME = "planner.db"

DRAFT, PUBLISHED = "draft", "published"
JOB_QUEUED, JOB_RUNNING, JOB_DONE, JOB_FAILED, JOB_CONFLICT, JOB_CANCELLED = (
    "queued", "running", "done", "failed", "conflict", "cancelled")
JOB_FINAL = frozenset({JOB_DONE, JOB_FAILED, JOB_CONFLICT, JOB_CANCELLED})


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; they were stored as UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# -- tables ------------------------------------------------------------------------
class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(200), primary_key=True)
    password_hash: Mapped[str | None] = mapped_column(Text, nullable=True)
    roles: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ScenarioRow(Base):
    """A planning workspace: the scenario data plus the pointers that move with each save."""

    __tablename__ = "scenarios"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(300))
    data: Mapped[str] = mapped_column(Text)
    """Scenario JSON without locks and forbids (they live in their own tables)."""
    sha256: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    """Optimistic-locking version column: bumped by every save on this workspace."""
    head_plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    published_plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(200))


class PlanVersionRow(Base):
    """One immutable plan version (draft or published)."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("scenario_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("plan_versions.id"), nullable=True)
    data: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(50))
    note: Mapped[str] = mapped_column(Text, default="")
    planned: Mapped[int] = mapped_column(Integer, default=0)
    unplanned: Mapped[int] = mapped_column(Integer, default=0)
    violations: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class LockRow(Base):
    __tablename__ = "locks"
    __table_args__ = (UniqueConstraint("scenario_id", "case_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    case_id: Mapped[str] = mapped_column(String(200))
    data: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class ForbidRow(Base):
    __tablename__ = "forbids"
    __table_args__ = (UniqueConstraint("scenario_id", "case_id", "kind", "target"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    case_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(200))


class AuditRow(Base):
    """Append-only: who, when, action, object, result, before/after summary (ids only)."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    object_type: Mapped[str] = mapped_column(String(50))
    object_id: Mapped[str] = mapped_column(String(300))
    scenario_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    result: Mapped[str] = mapped_column(String(20), default="ok")
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")


class JobRow(Base):
    """A background solve: the page polls this row; the worker process writes it."""

    __tablename__ = "jobs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=JOB_QUEUED)
    actor: Mapped[str] = mapped_column(String(200))
    base_revision: Mapped[int] = mapped_column(Integer)
    base_plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    time_limit_s: Mapped[float] = mapped_column(Float)
    workers: Mapped[int] = mapped_column(Integer, default=1)
    pid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    plan_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


# SQLite refuses to change or delete audit rows; on PostgreSQL grant the app role INSERT/SELECT only.
_SQLITE_AUDIT_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS plan_versions_no_update BEFORE UPDATE ON plan_versions "
    "BEGIN SELECT RAISE(ABORT, 'plan versions are immutable'); END",
)


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


# -- configuration -------------------------------------------------------------------
def data_dir(path: str | Path | None = None) -> Path:
    """The data folder: `path`, else $BV_DATA_DIR, else ./data. Created on first use."""
    folder = Path(path or os.environ.get(DATA_DIR_ENV) or "data").expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_url(data_folder: str | Path | None = None) -> str:
    """$BV_DATABASE_URL (e.g. postgresql+psycopg://...) or SQLite in the data folder."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{data_dir(data_folder) / DB_FILENAME}"


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own handling defers it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writes read the revision and then write: take the write lock at BEGIN so two writers
        # serialise instead of failing on lock upgrade. Reads use a plain deferred BEGIN.
        immediate = conn.get_execution_options().get("bv_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# -- the repository -------------------------------------------------------------------
class Store:
    """Repository over one database. Thread-safe: one engine, one session per unit of work."""

    def __init__(self, url: str):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 5}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            _sqlite_pragmas(self.engine)
        self._write_engine = self.engine.execution_options(bv_write=True)
        self.before_commit: Callable[[], None] | None = None
        """Fault-injection hook for crash tests: called inside a save just before COMMIT."""
        self.create_all()

    @classmethod
    def open(cls, data_folder: str | Path | None = None) -> "Store":
        return cls(database_url(data_folder))

    def create_all(self) -> None:
        Base.metadata.create_all(self.engine)
        if self.is_sqlite:
            with self._write_engine.begin() as conn:
                for statement in _SQLITE_AUDIT_TRIGGERS:
                    conn.exec_driver_sql(statement)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    # -- users ------------------------------------------------------------------------
    def put_user(self, username: str, password_hash: str | None, roles: tuple[str, ...], display_name: str,
                 actor: str, active: bool = True) -> None:
        """Create or replace a user; audited (without the hash)."""
        with self._write() as s:
            row = s.get(UserRow, username)
            before = "" if row is None else f"roles={row.roles} active={row.active}"
            if row is None:
                row = UserRow(username=username, created_at=utcnow())
                s.add(row)
            row.password_hash = password_hash
            row.roles = ",".join(roles)
            row.display_name = display_name
            row.active = active
            s.add(AuditRow(at=utcnow(), actor=actor, action="user.put", object_type="user", object_id=username,
                           before=before, after=f"roles={row.roles} active={active}"))

    def get_user(self, username: str) -> User | None:
        with self._read() as s:
            row = s.get(UserRow, username)
            return None if row is None else _user(row)

    def list_users(self) -> list[User]:
        with self._read() as s:
            return [_user(r) for r in s.scalars(select(UserRow).order_by(UserRow.username))]

    # -- scenarios --------------------------------------------------------------------
    def add_scenario(self, data: dict, actor: str, plan: NewPlan | None = None,
                     locks: list[dict] | None = None, forbids: list[dict] | None = None) -> int:
        """A new workspace from scenario data (its locks and forbids move to their tables)."""
        body = {k: v for k, v in data.items() if k not in ("locks", "forbids")}
        locks = list(data.get("locks") or []) + list(locks or [])
        forbids = list(data.get("forbids") or []) + list(forbids or [])
        payload = _dumps(body)
        now = utcnow()
        with self._write() as s:
            row = ScenarioRow(name=str(data.get("id", "scenario")), data=payload,
                              sha256=sha256(payload.encode("utf-8")).hexdigest(), revision=0,
                              created_at=now, created_by=actor, updated_at=now, updated_by=actor)
            s.add(row)
            s.flush()
            for lock in locks:
                s.add(LockRow(scenario_id=row.id, case_id=lock["case"], data=_dumps(lock), created_at=now,
                              created_by=actor))
            for fb in forbids:
                kind, target = _forbid_key(fb)
                s.add(ForbidRow(scenario_id=row.id, case_id=fb["case"], kind=kind, target=target,
                                created_at=now, created_by=actor))
            s.add(AuditRow(at=now, actor=actor, action="scenario.import", object_type="scenario",
                           object_id=f"{row.id}:{row.name}", scenario_id=row.id,
                           after=f"{len(body.get('cases', []))} cases, {len(body.get('flights', []))} legs, "
                                 f"{len(locks)} locks, {len(forbids)} forbids"))
            if plan is not None:
                version = self._insert_plan(s, row.id, plan, actor, now)
                row.head_plan_id = version.id
                if plan.status == PUBLISHED:
                    row.published_plan_id = version.id
                s.add(AuditRow(at=now, actor=actor, action=f"plan.{plan.action}", object_type="plan_version",
                               object_id=f"{row.id}/v{version.number}", scenario_id=row.id,
                               after=f"{plan.planned} planned, {plan.unplanned} unplanned"))
            return row.id

    def list_scenarios(self) -> list[ScenarioInfo]:
        with self._read() as s:
            return [_scenario_info(r) for r in s.scalars(select(ScenarioRow).order_by(ScenarioRow.id.desc()))]

    def scenario_info(self, scenario_id: int) -> ScenarioInfo:
        with self._read() as s:
            row = s.get(ScenarioRow, scenario_id)
            if row is None:
                raise NotFoundError(f"no scenario {scenario_id}")
            return _scenario_info(row)

    def scenario_body(self, scenario_id: int) -> dict:
        """Scenario JSON without locks and forbids."""
        with self._read() as s:
            row = s.get(ScenarioRow, scenario_id)
            if row is None:
                raise NotFoundError(f"no scenario {scenario_id}")
            return json.loads(row.data)

    def locks(self, scenario_id: int) -> list[dict]:
        with self._read() as s:
            rows = s.scalars(select(LockRow).where(LockRow.scenario_id == scenario_id).order_by(LockRow.case_id))
            return [json.loads(r.data) for r in rows]

    def forbids(self, scenario_id: int) -> list[dict]:
        with self._read() as s:
            rows = s.scalars(select(ForbidRow).where(ForbidRow.scenario_id == scenario_id)
                             .order_by(ForbidRow.case_id, ForbidRow.kind, ForbidRow.target))
            return [{"case": r.case_id, r.kind: r.target} for r in rows]

    def snapshot(self, scenario_id: int, with_body: bool = False) -> "Snapshot":
        """Workspace pointers, locks and forbids (and optionally the scenario body) read in one
        transaction, so they belong to the same revision."""
        with self._read() as s:
            row = s.get(ScenarioRow, scenario_id)
            if row is None:
                raise NotFoundError(f"no scenario {scenario_id}")
            locks = [json.loads(r.data) for r in s.scalars(
                select(LockRow).where(LockRow.scenario_id == scenario_id).order_by(LockRow.case_id))]
            forbids = [{"case": r.case_id, r.kind: r.target} for r in s.scalars(
                select(ForbidRow).where(ForbidRow.scenario_id == scenario_id)
                .order_by(ForbidRow.case_id, ForbidRow.kind, ForbidRow.target))]
            body = json.loads(row.data) if with_body else None
            return Snapshot(_scenario_info(row), locks, forbids, body)

    def scenario_data(self, scenario_id: int) -> dict:
        """The full scenario JSON with its current locks and forbids."""
        data = self.scenario_body(scenario_id)
        data["locks"] = self.locks(scenario_id)
        data["forbids"] = self.forbids(scenario_id)
        return data

    # -- plan versions ---------------------------------------------------------------------
    def plan_version(self, plan_id: int, with_data: bool = True) -> PlanVersion:
        with self._read() as s:
            row = s.get(PlanVersionRow, plan_id)
            if row is None:
                raise NotFoundError(f"no plan version {plan_id}")
            return _plan_version(row, with_data)

    def plan_versions(self, scenario_id: int) -> list[PlanVersion]:
        with self._read() as s:
            rows = s.scalars(select(PlanVersionRow).where(PlanVersionRow.scenario_id == scenario_id)
                             .order_by(PlanVersionRow.number.desc()))
            return [_plan_version(r, False) for r in rows]

    def _insert_plan(self, s: Session, scenario_id: int, plan: NewPlan, actor: str, now: datetime) -> PlanVersionRow:
        number = (s.scalar(select(func.max(PlanVersionRow.number)).where(PlanVersionRow.scenario_id == scenario_id))
                  or 0) + 1
        row = PlanVersionRow(scenario_id=scenario_id, number=number, status=plan.status, parent_id=plan.parent_id,
                             data=_dumps(plan.data), action=plan.action, note=plan.note, planned=plan.planned,
                             unplanned=plan.unplanned, violations=plan.violations, created_at=now, created_by=actor)
        s.add(row)
        s.flush()
        return row

    # -- the one write path --------------------------------------------------------------------
    def save(self, scenario_id: int, base_revision: int | None, actor: str, change: Change) -> SaveResult:
        """Write `change` atomically if the workspace is still at `base_revision`.

        Raises ConflictError (and writes nothing but an audit row saying so) when another save
        came first. `base_revision=None` is only allowed for side versions (`move_head=False`).
        """
        checks_revision = change.move_head or change.adopt_plan_id is not None or change.add_locks \
            or change.remove_locks or change.add_forbids or change.remove_forbids or change.scenario_data is not None
        if checks_revision and base_revision is None:
            raise ValueError("a save that changes the workspace needs the revision it was based on")
        now = utcnow()
        try:
            with self._write() as s:
                revision = None
                if checks_revision:
                    bumped = s.execute(
                        update(ScenarioRow)
                        .where(ScenarioRow.id == scenario_id, ScenarioRow.revision == base_revision)
                        .values(revision=ScenarioRow.revision + 1, updated_at=now, updated_by=actor)
                    )
                    if bumped.rowcount != 1:
                        current = s.get(ScenarioRow, scenario_id)
                        if current is None:
                            raise NotFoundError(f"no scenario {scenario_id}")
                        raise ConflictError(scenario_id, base_revision, current.revision, current.updated_by,
                                            _aware(current.updated_at))
                    revision = base_revision + 1
                row = s.get(ScenarioRow, scenario_id)
                if row is None:
                    raise NotFoundError(f"no scenario {scenario_id}")
                version = None
                if change.new_plan is not None:
                    version = self._insert_plan(s, scenario_id, change.new_plan, actor, now)
                    if change.move_head:
                        row.head_plan_id = version.id
                        if change.new_plan.status == PUBLISHED:
                            row.published_plan_id = version.id
                if change.adopt_plan_id is not None:
                    adopted = s.get(PlanVersionRow, change.adopt_plan_id)
                    if adopted is None or adopted.scenario_id != scenario_id:
                        raise NotFoundError(f"no plan version {change.adopt_plan_id} in scenario {scenario_id}")
                    row.head_plan_id = adopted.id
                if change.scenario_data is not None:
                    body = {k: v for k, v in change.scenario_data.items() if k not in ("locks", "forbids")}
                    row.data = _dumps(body)
                    row.sha256 = sha256(row.data.encode("utf-8")).hexdigest()
                for case_id in change.remove_locks:
                    for lock in s.scalars(select(LockRow).where(LockRow.scenario_id == scenario_id,
                                                                LockRow.case_id == case_id)):
                        s.delete(lock)
                s.flush()
                for lock in change.add_locks:
                    existing = s.scalar(select(LockRow).where(LockRow.scenario_id == scenario_id,
                                                              LockRow.case_id == lock["case"]))
                    if existing is not None:
                        existing.data, existing.created_at, existing.created_by = _dumps(lock), now, actor
                    else:
                        s.add(LockRow(scenario_id=scenario_id, case_id=lock["case"], data=_dumps(lock),
                                      created_at=now, created_by=actor))
                for fb in change.remove_forbids:
                    kind, target = _forbid_key(fb)
                    for old in s.scalars(select(ForbidRow).where(
                            ForbidRow.scenario_id == scenario_id, ForbidRow.case_id == fb["case"],
                            ForbidRow.kind == kind, ForbidRow.target == target)):
                        s.delete(old)
                s.flush()
                for fb in change.add_forbids:
                    kind, target = _forbid_key(fb)
                    exists = s.scalar(select(ForbidRow.id).where(
                        ForbidRow.scenario_id == scenario_id, ForbidRow.case_id == fb["case"],
                        ForbidRow.kind == kind, ForbidRow.target == target))
                    if exists is None:
                        s.add(ForbidRow(scenario_id=scenario_id, case_id=fb["case"], kind=kind, target=target,
                                        created_at=now, created_by=actor))
                for entry in change.audit:
                    s.add(_audit_row(entry, actor, scenario_id, now))
                if version is not None:
                    s.add(AuditRow(at=now, actor=actor, action=f"plan.{change.new_plan.action}",
                                   object_type="plan_version", object_id=f"{scenario_id}/v{version.number}",
                                   scenario_id=scenario_id,
                                   after=f"{change.new_plan.status}; {change.new_plan.planned} planned, "
                                         f"{change.new_plan.unplanned} unplanned, "
                                         f"{change.new_plan.violations} violations"
                                         + ("" if change.move_head else "; kept aside (not the head)")))
                s.flush()
                if self.before_commit is not None:
                    self.before_commit()
                final_revision = revision if revision is not None else row.revision
            return SaveResult(revision=final_revision, plan_id=version.id if version else None,
                              plan_number=version.number if version else None)
        except ConflictError as exc:
            log.info("save on workspace %s by %s rejected: %s", scenario_id, actor, exc)
            actions = ",".join(e.action for e in change.audit) or "save"
            self.audit(actor, "save.conflict", "scenario", str(scenario_id), scenario_id=scenario_id,
                       before=f"based on revision {exc.expected}", after=f"current revision {exc.actual} by {exc.by}; "
                       f"rejected: {actions}", result="conflict")
            raise

    # -- audit ------------------------------------------------------------------------------
    def audit(self, actor: str, action: str, object_type: str, object_id: str, *, scenario_id: int | None = None,
              before: str = "", after: str = "", result: str = "ok") -> None:
        """A stand-alone audit row (login, export, rejected save)."""
        with self._write() as s:
            s.add(_audit_row(AuditEntry(action, object_type, object_id, before, after, result), actor, scenario_id,
                             utcnow()))

    def audit_rows(self, scenario_id: int | None = None, actor: str | None = None, action: str | None = None,
                   limit: int = 1000) -> list[AuditRecord]:
        with self._read() as s:
            q = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
            if scenario_id is not None:
                q = q.where(AuditRow.scenario_id == scenario_id)
            if actor:
                q = q.where(AuditRow.actor == actor)
            if action:
                q = q.where(AuditRow.action.startswith(action))
            return [AuditRecord(r.id, _aware(r.at), r.actor, r.action, r.object_type, r.object_id, r.scenario_id,
                                r.result, r.before, r.after) for r in s.scalars(q)]

    # -- solve jobs -------------------------------------------------------------------------------
    def create_job(self, scenario_id: int, actor: str, base_revision: int, base_plan_id: int | None,
                   time_limit_s: float, workers: int) -> int:
        with self._write() as s:
            row = JobRow(scenario_id=scenario_id, actor=actor, base_revision=base_revision, base_plan_id=base_plan_id,
                         time_limit_s=time_limit_s, workers=workers, status=JOB_QUEUED, created_at=utcnow())
            s.add(row)
            s.flush()
            s.add(AuditRow(at=utcnow(), actor=actor, action="solve.start", object_type="job", object_id=str(row.id),
                           scenario_id=scenario_id, after=f"time limit {time_limit_s:g} s, based on revision "
                                                          f"{base_revision}"))
            return row.id

    def update_job(self, job_id: int, **values: Any) -> None:
        with self._write() as s:
            row = s.get(JobRow, job_id)
            if row is None:
                raise NotFoundError(f"no job {job_id}")
            for key, value in values.items():
                setattr(row, key, value)

    def job(self, job_id: int) -> Job:
        with self._read() as s:
            row = s.get(JobRow, job_id)
            if row is None:
                raise NotFoundError(f"no job {job_id}")
            return _job(row)

    def jobs(self, scenario_id: int, limit: int = 20) -> list[Job]:
        with self._read() as s:
            rows = s.scalars(select(JobRow).where(JobRow.scenario_id == scenario_id)
                             .order_by(JobRow.id.desc()).limit(limit))
            return [_job(r) for r in rows]

    # -- health -------------------------------------------------------------------------------
    def integrity_problems(self) -> list[str]:
        """Consistency checks used after a crash: dangling pointers and a damaged file."""
        problems = []
        with self._read() as s:
            if self.is_sqlite:
                result = s.execute(text("PRAGMA integrity_check")).scalar()
                if result != "ok":
                    problems.append(f"sqlite integrity_check: {result}")
            for row in s.scalars(select(ScenarioRow)):
                for name in ("head_plan_id", "published_plan_id"):
                    pid = getattr(row, name)
                    if pid is None:
                        continue
                    version = s.get(PlanVersionRow, pid)
                    if version is None or version.scenario_id != row.id:
                        problems.append(f"scenario {row.id}: {name} {pid} does not exist")
                    else:
                        try:
                            json.loads(version.data)
                        except ValueError:
                            problems.append(f"plan version {pid} is not valid JSON")
        return problems


def _forbid_key(fb: dict) -> tuple[str, str]:
    for kind in ("staff", "flight", "vehicle"):
        if fb.get(kind) is not None:
            return kind, str(fb[kind])
    raise ValueError(f"forbid for case {fb.get('case')!r} names none of staff, flight, vehicle")


def _audit_row(entry: AuditEntry, actor: str, scenario_id: int | None, now: datetime) -> AuditRow:
    return AuditRow(at=now, actor=actor, action=entry.action, object_type=entry.object_type,
                    object_id=entry.object_id, scenario_id=scenario_id, result=entry.result,
                    before=entry.before, after=entry.after)


def _user(row: UserRow) -> User:
    roles = tuple(r for r in (row.roles or "").split(",") if r)
    return User(row.username, roles, row.display_name or row.username, bool(row.active), row.password_hash)


def _scenario_info(row: ScenarioRow) -> ScenarioInfo:
    return ScenarioInfo(row.id, row.name, row.sha256, row.revision, row.head_plan_id, row.published_plan_id,
                        _aware(row.created_at), row.created_by, _aware(row.updated_at), row.updated_by)


def _plan_version(row: PlanVersionRow, with_data: bool) -> PlanVersion:
    return PlanVersion(row.id, row.scenario_id, row.number, row.status, row.parent_id, row.action, row.note,
                       row.planned, row.unplanned, row.violations, _aware(row.created_at), row.created_by,
                       json.loads(row.data) if with_data else None)


def _job(row: JobRow) -> Job:
    return Job(row.id, row.scenario_id, row.status, row.actor, row.base_revision, row.base_plan_id, row.time_limit_s,
               row.workers, row.pid, row.plan_id, row.message, _aware(row.created_at), _aware(row.started_at),
               _aware(row.finished_at))
