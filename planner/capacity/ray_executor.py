"""The Ray executor: one `ray.remote` task per solve, asking for as many CPUs as the solve's workers.

`ray` is the optional extra `[cluster]` (`pip install 'bv-planner[cluster]'`). `--ray auto` joins the
cluster Ray finds (`RAY_ADDRESS`, or one started on this machine with `ray start`) and otherwise
starts a local one; `--ray ADDRESS` joins that cluster (`ray://host:10001` or `host:6379`), shipping
this checkout's `models`, `solver` and `planner` packages with the job so every node runs the same
code (the nodes need the dependencies of bv-planner installed). A task whose worker dies (Ray
raises a `RayError` that is not an exception of our own code) is submitted once more, then
reported as failed, exactly as the local executor does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.capacity.executors import MAX_ATTEMPTS, OnRow, failed_row
from planner.capacity.points import Task
from planner.capacity.spec import SweepSpec
from planner.capacity.worker import Payload, run_task

log = logging.getLogger(__name__)


class RayMissing(ImportError):
    """Ray is not installed: the message says how to install it."""


def _import_ray():
    try:
        import ray
    except ImportError:
        raise RayMissing("Ray is not installed: pip install 'bv-planner[cluster]' (or pip install ray)") from None
    return ray


def _solve_on_ray(payload: Payload, task: Task, attempts: int) -> dict:
    """The body of the remote task (a plain function so that Ray can pickle it by reference)."""
    return run_task(payload, task, attempts)


def _runtime_env(address: str | None) -> dict | None:
    if address in (None, "auto", "local"):
        return None  # same machine: the workers import the installed packages
    import models
    import planner
    import solver

    return {"py_modules": [models, solver, planner]}


@dataclass
class RayExecutor:
    """Solves as Ray tasks; joins or starts a cluster unless Ray is already initialised (tests)."""

    address: str | None = "auto"
    workers_per_solve: int = 1
    solve: Callable[[Payload, Task, int], dict] = field(default=_solve_on_ray, repr=False)
    """The body of each remote task (tests put one here that makes the worker die)."""
    name: str = field(default="ray", init=False)
    connect_s: float = field(default=0.0, init=False)
    """Seconds spent joining or starting the cluster in the last run."""

    def _connect(self, ray) -> bool:
        """True when this executor started the connection (and so ends it)."""
        if ray.is_initialized():
            return False
        address = None if self.address in (None, "auto") else self.address
        ray.init(address=address, runtime_env=_runtime_env(address), include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
        return True

    def run(self, payload: Payload, spec: SweepSpec, tasks: list[Task], on_row: OnRow) -> None:
        if not tasks:
            return
        ray = _import_ray()
        began = time.perf_counter()
        started_here = self._connect(ray)
        self.connect_s = time.perf_counter() - began
        try:
            remote = ray.remote(self.solve).options(num_cpus=self.workers_per_solve, max_retries=0)
            shared = ray.put(payload)
            pending = {remote.remote(shared, task, 1): (task, 1) for task in tasks}
            while pending:
                done, _ = ray.wait(list(pending), num_returns=1)
                for ref in done:
                    task, attempts = pending.pop(ref)
                    try:
                        on_row(ray.get(ref))
                    except ray.exceptions.RayError as exc:
                        why = f"worker stopped ({type(exc).__name__})"
                        log.warning("%s while solving %s (attempt %d)", why, task.key, attempts)
                        if attempts < MAX_ATTEMPTS:
                            pending[remote.remote(shared, task, attempts + 1)] = (task, attempts + 1)
                        else:
                            on_row(failed_row(spec, task, attempts, why))
        finally:
            if started_here:
                ray.shutdown()


__all__ = ["RayExecutor", "RayMissing"]
