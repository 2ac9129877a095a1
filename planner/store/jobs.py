"""Background solve jobs: the page polls a row, the worker process (`planner.web.worker`) writes it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update

from planner.store.engine import Database
from planner.store.records import JOB_FAILED, JOB_QUEUED, JOB_RUNNING, Job, NotFoundError
from planner.store.schema import AuditRow, HeartbeatRow, JobRow, aware, job_record, utcnow


class JobsMixin(Database):
    """The jobs table of the `Store`."""

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
            return job_record(row)

    def jobs(self, scenario_id: int, limit: int = 20) -> list[Job]:
        with self._read() as s:
            rows = s.scalars(select(JobRow).where(JobRow.scenario_id == scenario_id)
                             .order_by(JobRow.id.desc()).limit(limit))
            return [job_record(r) for r in rows]

    def beat(self, job_id: int) -> None:
        """The worker is alive (called every few seconds while it solves)."""
        with self._write() as s:
            row = s.get(HeartbeatRow, job_id)
            if row is None:
                s.add(HeartbeatRow(job_id=job_id, at=utcnow()))
            else:
                row.at = utcnow()

    def last_beat(self, job_id: int) -> datetime | None:
        with self._read() as s:
            row = s.get(HeartbeatRow, job_id)
            return None if row is None else aware(row.at)

    def unfinished_jobs(self) -> list[Job]:
        with self._read() as s:
            rows = s.scalars(select(JobRow).where(JobRow.status.in_((JOB_QUEUED, JOB_RUNNING))).order_by(JobRow.id))
            return [job_record(r) for r in rows]

    def fail_job(self, job_id: int, message: str) -> bool:
        """Mark an unfinished job failed and audit `solve.finish result=failed`, exactly once
        (False when it had already ended, e.g. the worker finished at the same moment)."""
        with self._write() as s:
            done = cast(CursorResult[Any], s.execute(
                update(JobRow).where(JobRow.id == job_id, JobRow.status.in_((JOB_QUEUED, JOB_RUNNING)))
                .values(status=JOB_FAILED, finished_at=utcnow(), message=message[:500])))
            if done.rowcount != 1:
                return False
            row = s.get_one(JobRow, job_id)  # the update above just found it
            s.add(AuditRow(at=utcnow(), actor=row.actor, action="solve.finish", object_type="job",
                           object_id=str(job_id), scenario_id=row.scenario_id, result="failed", after=message[:500]))
            return True
