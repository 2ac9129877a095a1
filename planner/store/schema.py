"""The tables (SQLAlchemy 2 ORM rows) and the conversions from rows to records.

Plan versions and audit rows are insert-only; on SQLite triggers refuse changes to them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, overload

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from planner.store.records import JOB_QUEUED, AuditEntry, Job, PlanVersion, ScenarioInfo, User


def utcnow() -> datetime:
    return datetime.now(UTC)


@overload
def aware(moment: datetime) -> datetime: ...


@overload
def aware(moment: None) -> None: ...


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands datetimes back naive; they were stored as UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def dumps(data: Any) -> str:
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


class TotpRow(Base):
    """A user's TOTP second factor (RFC 6238 secret); a row means the factor is required at login."""

    __tablename__ = "user_totp"
    username: Mapped[str] = mapped_column(String(200), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))
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


class HeartbeatRow(Base):
    """The last sign of life of a background solve worker (its own table: older databases gain it)."""

    __tablename__ = "job_heartbeats"
    job_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CaseTransitionRow(Base):
    """Append-only case lifecycle (draft -> announced -> booked -> departed | aborted), per workspace
    and case, so it survives re-solves, restores and new drafts. Its own table: older databases gain it."""

    __tablename__ = "case_transitions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    case_id: Mapped[str] = mapped_column(String(200))
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(50), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))


class EditJournalRow(Base):
    """One saved edit and how to take it back (undo of the last edit). Its own table: older databases gain it."""

    __tablename__ = "edit_journal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    """The workspace revision the edit produced: it is the last change while the workspace is still there."""
    kind: Mapped[str] = mapped_column(String(20))
    inverse: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(200))


# SQLite refuses to change or delete audit rows; on PostgreSQL grant the app role INSERT/SELECT only.
SQLITE_AUDIT_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS plan_versions_no_update BEFORE UPDATE ON plan_versions "
    "BEGIN SELECT RAISE(ABORT, 'plan versions are immutable'); END",
    "CREATE TRIGGER IF NOT EXISTS case_transitions_no_update BEFORE UPDATE ON case_transitions "
    "BEGIN SELECT RAISE(ABORT, 'case transitions are append-only'); END",
)

def forbid_key(fb: dict) -> tuple[str, str]:
    for kind in ("staff", "flight", "vehicle"):
        if fb.get(kind) is not None:
            return kind, str(fb[kind])
    raise ValueError(f"forbid for case {fb.get('case')!r} names none of staff, flight, vehicle")


def audit_row(entry: AuditEntry, actor: str, scenario_id: int | None, now: datetime) -> AuditRow:
    return AuditRow(at=now, actor=actor, action=entry.action, object_type=entry.object_type,
                    object_id=entry.object_id, scenario_id=scenario_id, result=entry.result,
                    before=entry.before, after=entry.after)


def user_record(row: UserRow) -> User:
    roles = tuple(r for r in (row.roles or "").split(",") if r)
    return User(row.username, roles, row.display_name or row.username, bool(row.active), row.password_hash)


def info_record(row: ScenarioRow) -> ScenarioInfo:
    return ScenarioInfo(row.id, row.name, row.sha256, row.revision, row.head_plan_id, row.published_plan_id,
                        aware(row.created_at), row.created_by, aware(row.updated_at), row.updated_by)


def version_record(row: PlanVersionRow, with_data: bool) -> PlanVersion:
    return PlanVersion(row.id, row.scenario_id, row.number, row.status, row.parent_id, row.action, row.note,
                       row.planned, row.unplanned, row.violations, aware(row.created_at), row.created_by,
                       json.loads(row.data) if with_data else None)


def job_record(row: JobRow) -> Job:
    return Job(row.id, row.scenario_id, row.status, row.actor, row.base_revision, row.base_plan_id, row.time_limit_s,
               row.workers, row.pid, row.plan_id, row.message, aware(row.created_at), aware(row.started_at),
               aware(row.finished_at))
