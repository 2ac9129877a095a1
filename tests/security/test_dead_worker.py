"""Finding 6: a solve worker that dies is noticed (heartbeat), its job fails and the audit says so."""

from __future__ import annotations

import os
import signal
import time
from datetime import timedelta

from planner.store import JOB_FAILED, JOB_RUNNING
from planner.web import Planner
from planner.web.jobs import STALE_AFTER, worker_dead


def _running_with_heartbeat(ws, limit: float = 120) -> int:
    view = ws.planner.view(ws.scenario_id)
    job_id = ws.planner.start_solve(view, "alice", time_limit_s=limit)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        job = ws.store.job(job_id)
        if job.status == JOB_RUNNING and ws.store.last_beat(job_id) is not None:
            return job_id
        assert not job.finished, job.message
        time.sleep(0.2)
    raise AssertionError("the worker never beat")


def _finish_rows(ws, job_id: int):
    return [r for r in ws.store.audit_rows(action="solve.finish", limit=100) if r.object_id == str(job_id)]


def test_killed_worker_fails_the_job_and_audits_it(workspace):
    ws = workspace
    job_id = _running_with_heartbeat(ws)
    proc = ws.planner._procs[job_id]
    os.killpg(proc.pid, signal.SIGKILL)   # the worker dies mid-solve, as an OOM kill would do it
    proc.wait(timeout=10)
    other = Planner(ws.store)              # another server process: it never started this worker
    assert other.reap_dead_jobs() == [job_id]
    job = ws.store.job(job_id)
    assert job.status == JOB_FAILED and "worker stopped" in job.message
    rows = _finish_rows(ws, job_id)
    assert [r.result for r in rows] == ["failed"]
    # the planner that started it polls afterwards: no second audit row
    assert ws.planner.job_progress(job_id).job.status == JOB_FAILED
    assert len(_finish_rows(ws, job_id)) == 1


def test_the_starting_planner_notices_the_exit_itself(workspace):
    ws = workspace
    job_id = _running_with_heartbeat(ws)
    os.killpg(ws.planner._procs[job_id].pid, signal.SIGKILL)
    ws.planner._procs[job_id].wait(timeout=10)
    assert ws.planner.job_progress(job_id).job.status == JOB_FAILED
    assert [r.result for r in _finish_rows(ws, job_id)] == ["failed"]


def test_a_silent_worker_is_dead_after_the_stale_period(workspace):
    """A worker on another machine (pid unknown here) that stops beating counts as dead."""
    ws = workspace
    job_id = _running_with_heartbeat(ws)
    job = ws.store.job(job_id)
    silent = type(job)(**{**job.__dict__, "pid": None}) if hasattr(job, "__dict__") else job
    last = ws.store.last_beat(job_id)
    assert not worker_dead(ws.store, silent, now=last + STALE_AFTER - timedelta(seconds=1))
    assert worker_dead(ws.store, silent, now=last + STALE_AFTER + timedelta(seconds=1))
    ws.planner.cancel_job(job_id, "alice")
