"""Background solves: each runs in its own process (`python -m planner.web.worker JOB_ID`).

The current plan is the solve's `previous`, so the solver changes as little as possible; the
page polls the job row for progress.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from planner.store import JOB_CANCELLED, Job, utcnow
from planner.web.progress import jobs_folder, read_progress
from planner.web.workspace import View, WorkspaceBase
from solver import SolveParams

MAX_TIME_LIMIT_S = 600.0


@dataclass(frozen=True)
class JobProgress:
    job: Job
    elapsed_s: float
    fraction: float
    solutions: int = 0
    """Improving solutions the worker found so far."""
    best_priority: int | None = None
    """The best planned priority so far (only ever goes up), None before the first solution."""

    @property
    def running(self) -> bool:
        return not self.job.finished



class JobsMixin(WorkspaceBase):
    """The solving part of the `Planner` facade."""

    _procs: dict[int, subprocess.Popen]

    def start_solve(self, view: View, actor: str, time_limit_s: float, workers: int = 1) -> int:
        """Queue a solve of this workspace and start its worker process; returns the job id."""
        limit = float(min(max(time_limit_s, 1.0), MAX_TIME_LIMIT_S))
        SolveParams(time_limit_s=limit, workers=workers)  # validate before queuing
        job_id = self.store.create_job(view.scenario_id, actor, view.revision,
                                       view.info.head_plan_id, limit, workers)
        env = dict(os.environ)
        env["BV_DATABASE_URL"] = self.store.url
        log_path = self._job_log(job_id)
        fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # private, whatever the umask
        os.chmod(log_path, 0o600)
        with open(fd, "wb") as log_file:  # a file, not a pipe: a chatty worker must never block
            proc = subprocess.Popen([sys.executable, "-m", "planner.web.worker", str(job_id)], env=env,
                                    stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                                    start_new_session=True, cwd=str(Path(__file__).resolve().parents[2]))
        self._procs[job_id] = proc
        self.store.update_job(job_id, pid=proc.pid)
        return job_id

    def _job_log(self, job_id: int) -> Path:
        """Worker output (warnings, a traceback): ids only, like every log of the planner."""
        return jobs_folder() / f"job-{job_id}.log"

    def job_progress(self, job_id: int) -> JobProgress:
        job = self.store.job(job_id)
        proc = self._procs.get(job_id)
        if proc is not None and proc.poll() is not None:
            self._procs.pop(job_id, None)
            try:
                err = self._job_log(job_id).read_text(encoding="utf-8", errors="replace")[-500:]
            except OSError:
                err = ""
            self.store.fail_job(job_id, f"worker stopped (exit {proc.returncode}) {err}".strip())
            job = self.store.job(job_id)
        elif proc is None and not job.finished and worker_dead(self.store, job):
            self.store.fail_job(job_id, "worker stopped (no heartbeat)")
            job = self.store.job(job_id)
        start = job.created_at  # never started_at: switching to it when the worker starts ran the counter backwards
        end = job.finished_at or utcnow()
        elapsed = max(0.0, (end - start).total_seconds())
        fraction = 1.0 if job.finished else min(0.99, elapsed / max(job.time_limit_s, 1.0))
        live = read_progress(job_id) or {}
        best = live.get("priority")
        return JobProgress(job, elapsed, fraction, int(live.get("solutions") or 0),
                           best if isinstance(best, int) else None)

    def reap_dead_jobs(self) -> list[int]:
        """Fail every unfinished job whose worker is gone (any page calls this, not only Aanpassen)."""
        return [job.id for job in self.store.unfinished_jobs()
                if self._procs.get(job.id) is None and worker_dead(self.store, job)
                and self.store.fail_job(job.id, "worker stopped (no heartbeat)")]

    def active_job(self, scenario_id: int) -> Job | None:
        for job in self.store.jobs(scenario_id, limit=5):
            if not job.finished:
                current = self.job_progress(job.id).job
                if not current.finished:
                    return current
        return None

    def cancel_job(self, job_id: int, actor: str) -> None:
        job = self.store.job(job_id)
        if job.finished:
            return
        proc = self._procs.pop(job_id, None)
        try:
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=10)
            elif job.pid:
                os.kill(job.pid, signal.SIGTERM)
        except (ProcessLookupError, subprocess.TimeoutExpired, PermissionError):
            pass
        self.store.update_job(job_id, status=JOB_CANCELLED, finished_at=utcnow(), message=f"cancelled by {actor}")
        self.store.audit(actor, "solve.cancel", "job", str(job_id), scenario_id=job.scenario_id)


STALE_AFTER = timedelta(seconds=30)
"""A worker that has not beaten for this long (6 missed heartbeats) is dead."""


def worker_dead(store, job: Job, now: datetime | None = None) -> bool:
    """No heartbeat for STALE_AFTER (counted from the job's creation when it never beat), or its
    process is gone on this machine."""
    now = now or utcnow()
    if job.pid and not alive(job.pid):
        return True
    last = store.last_beat(job.id) or job.started_at or job.created_at
    return now - last > STALE_AFTER


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
