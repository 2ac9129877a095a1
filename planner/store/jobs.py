"""Background solve jobs: the page polls a row, the worker process (`planner.web.worker`) writes it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from planner.store.engine import Database
from planner.store.records import JOB_QUEUED, Job, NotFoundError
from planner.store.schema import AuditRow, JobRow, job_record, utcnow


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
