"""The repository: scenarios, immutable plan versions, locks, forbids, users, solve jobs and the audit log.

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
from datetime import datetime
from hashlib import sha256
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, text, update
from sqlalchemy.orm import Session

from planner.store.jobs import JobsMixin
from planner.store.lifecycle import LifecycleMixin, write_journal, write_transitions
from planner.store.records import (
    PUBLISHED,
    AuditEntry,
    AuditRecord,
    Change,
    ConflictError,
    NewPlan,
    NotFoundError,
    PlanVersion,
    SaveResult,
    ScenarioInfo,
    Snapshot,
)
from planner.store.schema import (
    AuditRow,
    ForbidRow,
    LockRow,
    PlanVersionRow,
    ScenarioRow,
    audit_row,
    aware,
    dumps,
    forbid_key,
    info_record,
    utcnow,
    version_record,
)
from planner.store.users import UsersMixin

log = logging.getLogger(__name__)


class Store(UsersMixin, JobsMixin, LifecycleMixin):
    """Repository over one database: workspaces, plan versions, the one write path, the audit log."""

    # -- scenarios --------------------------------------------------------------------
    def add_scenario(self, data: dict, actor: str, plan: NewPlan | None = None,
                     locks: list[dict] | None = None, forbids: list[dict] | None = None) -> int:
        """A new workspace from scenario data (its locks and forbids move to their tables)."""
        body = {k: v for k, v in data.items() if k not in ("locks", "forbids")}
        locks = list(data.get("locks") or []) + list(locks or [])
        forbids = list(data.get("forbids") or []) + list(forbids or [])
        payload = dumps(body)
        now = utcnow()
        with self._write() as s:
            row = ScenarioRow(name=str(data.get("id", "scenario")), data=payload,
                              sha256=sha256(payload.encode("utf-8")).hexdigest(), revision=0,
                              created_at=now, created_by=actor, updated_at=now, updated_by=actor)
            s.add(row)
            s.flush()
            for lock in locks:
                s.add(LockRow(scenario_id=row.id, case_id=lock["case"], data=dumps(lock), created_at=now,
                              created_by=actor))
            for fb in forbids:
                kind, target = forbid_key(fb)
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
            return [info_record(r) for r in s.scalars(select(ScenarioRow).order_by(ScenarioRow.id.desc()))]

    def scenario_info(self, scenario_id: int) -> ScenarioInfo:
        with self._read() as s:
            row = s.get(ScenarioRow, scenario_id)
            if row is None:
                raise NotFoundError(f"no scenario {scenario_id}")
            return info_record(row)

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

    def snapshot(self, scenario_id: int, with_body: bool = False) -> Snapshot:
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
            return Snapshot(info_record(row), locks, forbids, body)

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
            return version_record(row, with_data)

    def plan_versions(self, scenario_id: int) -> list[PlanVersion]:
        with self._read() as s:
            rows = s.scalars(select(PlanVersionRow).where(PlanVersionRow.scenario_id == scenario_id)
                             .order_by(PlanVersionRow.number.desc()))
            return [version_record(r, False) for r in rows]

    def _insert_plan(self, s: Session, scenario_id: int, plan: NewPlan, actor: str, now: datetime) -> PlanVersionRow:
        number = (s.scalar(select(func.max(PlanVersionRow.number)).where(PlanVersionRow.scenario_id == scenario_id))
                  or 0) + 1
        row = PlanVersionRow(scenario_id=scenario_id, number=number, status=plan.status, parent_id=plan.parent_id,
                             data=dumps(plan.data), action=plan.action, note=plan.note, planned=plan.planned,
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
                if checks_revision and base_revision is not None:  # not None: checked above
                    bumped = cast(CursorResult[Any], s.execute(
                        update(ScenarioRow)
                        .where(ScenarioRow.id == scenario_id, ScenarioRow.revision == base_revision)
                        .values(revision=ScenarioRow.revision + 1, updated_at=now, updated_by=actor)
                    ))
                    if bumped.rowcount != 1:
                        current = s.get(ScenarioRow, scenario_id)
                        if current is None:
                            raise NotFoundError(f"no scenario {scenario_id}")
                        raise ConflictError(scenario_id, base_revision, current.revision, current.updated_by,
                                            aware(current.updated_at))
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
                    row.data = dumps(body)
                    row.sha256 = sha256(row.data.encode("utf-8")).hexdigest()
                for case_id in change.remove_locks:
                    for old_lock in s.scalars(select(LockRow).where(LockRow.scenario_id == scenario_id,
                                                                    LockRow.case_id == case_id)):
                        s.delete(old_lock)
                s.flush()
                for lock in change.add_locks:
                    existing = s.scalar(select(LockRow).where(LockRow.scenario_id == scenario_id,
                                                              LockRow.case_id == lock["case"]))
                    if existing is not None:
                        existing.data, existing.created_at, existing.created_by = dumps(lock), now, actor
                    else:
                        s.add(LockRow(scenario_id=scenario_id, case_id=lock["case"], data=dumps(lock),
                                      created_at=now, created_by=actor))
                for fb in change.remove_forbids:
                    kind, target = forbid_key(fb)
                    for old in s.scalars(select(ForbidRow).where(
                            ForbidRow.scenario_id == scenario_id, ForbidRow.case_id == fb["case"],
                            ForbidRow.kind == kind, ForbidRow.target == target)):
                        s.delete(old)
                s.flush()
                for fb in change.add_forbids:
                    kind, target = forbid_key(fb)
                    exists = s.scalar(select(ForbidRow.id).where(
                        ForbidRow.scenario_id == scenario_id, ForbidRow.case_id == fb["case"],
                        ForbidRow.kind == kind, ForbidRow.target == target))
                    if exists is None:
                        s.add(ForbidRow(scenario_id=scenario_id, case_id=fb["case"], kind=kind, target=target,
                                        created_at=now, created_by=actor))
                for entry in change.audit:
                    s.add(audit_row(entry, actor, scenario_id, now))
                if version is not None and change.new_plan is not None:
                    s.add(AuditRow(at=now, actor=actor, action=f"plan.{change.new_plan.action}",
                                   object_type="plan_version", object_id=f"{scenario_id}/v{version.number}",
                                   scenario_id=scenario_id,
                                   after=f"{change.new_plan.status}; {change.new_plan.planned} planned, "
                                         f"{change.new_plan.unplanned} unplanned, "
                                         f"{change.new_plan.violations} violations"
                                         + ("" if change.move_head else "; kept aside (not the head)")))
                write_transitions(s, scenario_id, change.transitions, actor, now)
                final_revision = revision if revision is not None else row.revision
                if change.journal is not None:
                    write_journal(s, scenario_id, final_revision, change.journal, actor, now)
                s.flush()
                if self.before_commit is not None:
                    self.before_commit()
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
            s.add(audit_row(AuditEntry(action, object_type, object_id, before, after, result), actor, scenario_id,
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
            return [AuditRecord(r.id, aware(r.at), r.actor, r.action, r.object_type, r.object_id, r.scenario_id,
                                r.result, r.before, r.after) for r in s.scalars(q)]

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
