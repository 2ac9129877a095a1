"""The background solve: `python -m planner.web.worker JOB_ID` (started by `Planner.start_solve`).

Runs in its own process so a long CP-SAT search never blocks the web pages (and no Streamlit
call can happen here). It reads the job row, solves the workspace as it was at the job's revision
with the head plan as `previous` (minimal disruption), and saves the result as a new draft
version. When a coordinator saved meanwhile, the result is kept aside as a side version and the
job says so, instead of overwriting their edit.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback

from models import plan_from_dict, scenario_from_dict
from planner.service import solve_scenario
from planner.store import (
    JOB_CONFLICT,
    JOB_DONE,
    JOB_FAILED,
    JOB_RUNNING,
    Change,
    ConflictError,
    NewPlan,
    Store,
    database_url,
    utcnow,
)
from planner.web.progress import BestSoFar
from solver import SolveParams

log = logging.getLogger(__name__)

HEARTBEAT_S = 5.0
"""How often a running worker says it is alive (`planner.web.jobs.STALE_AFTER` allows several misses)."""


def _heartbeat(store: Store, job_id: int, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            store.beat(job_id)
        except Exception:  # a busy database must not kill the solve; the next beat tries again
            log.warning("heartbeat of job %s failed", job_id, exc_info=True)
        stop.wait(HEARTBEAT_S)


def run_job(store: Store, job_id: int) -> str:
    """Solve one queued job; returns its final status."""
    job = store.job(job_id)
    store.update_job(job_id, status=JOB_RUNNING, started_at=utcnow())
    try:
        scenario = scenario_from_dict(store.scenario_data(job.scenario_id), f"scenario {job.scenario_id}")
        previous = None
        if job.base_plan_id is not None:
            previous = plan_from_dict(store.plan_version(job.base_plan_id).data, f"plan version {job.base_plan_id}")
        params = SolveParams(time_limit_s=job.time_limit_s, workers=job.workers, seed=0, log_progress=True)
        with BestSoFar(job_id, len(scenario.cases)):  # the page shows the best priority while solving
            checked = solve_scenario(scenario, params, previous)
        plan = checked.plan
        planned = sum(len(t.cases) for t in plan.trips)
        status = str(plan.solver.get("status", "?"))
        new_plan = NewPlan(data=plan.to_json_dict(), action="solve", parent_id=job.base_plan_id,
                           note=f"solver status {status}, {job.time_limit_s:g} s", planned=planned,
                           unplanned=len(plan.unplanned), violations=len(checked.violations))
        try:
            saved = store.save(job.scenario_id, job.base_revision, job.actor, Change(audit=[], new_plan=new_plan))
            final, message = JOB_DONE, f"v{saved.plan_number}: {planned} planned, {len(plan.unplanned)} unplanned"
        except ConflictError as exc:
            saved = store.save(job.scenario_id, None, job.actor, Change(audit=[], new_plan=new_plan, move_head=False))
            final = JOB_CONFLICT
            message = (f"v{saved.plan_number} kept aside: the workspace was changed by {exc.by} during the solve")
        store.update_job(job_id, status=final, plan_id=saved.plan_id, finished_at=utcnow(), message=message)
        store.audit(job.actor, "solve.finish", "job", str(job_id), scenario_id=job.scenario_id, result=final,
                    after=message)
        return final
    except Exception as exc:  # the job row must always end; the traceback goes to the log only
        log.error("solve job %s failed: %s", job_id, traceback.format_exc())
        store.update_job(job_id, status=JOB_FAILED, finished_at=utcnow(), message=f"{type(exc).__name__}: {exc}"[:500])
        store.audit(job.actor, "solve.finish", "job", str(job_id), scenario_id=job.scenario_id, result="failed",
                    after=type(exc).__name__)
        return JOB_FAILED


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    store = Store(database_url())
    try:
        job_id = int(argv[0])
        stop = threading.Event()
        beating = threading.Thread(target=_heartbeat, args=(store, job_id, stop), daemon=True, name="heartbeat")
        beating.start()
        try:
            return 0 if run_job(store, job_id) in (JOB_DONE, JOB_CONFLICT) else 1
        finally:
            stop.set()
            beating.join(timeout=5)
    finally:
        store.dispose()


if __name__ == "__main__":
    sys.exit(main())
