"""Live progress of a background solve: the best priority found so far, in a small file per job.

The worker (`planner.web.worker`) solves with `log_progress`, so `solver.cpsat` logs each improving
solution as a record whose args are (phase, count, value, bound, seconds). `BestSoFar` listens to
those records (their args, never their text) and keeps the best planned priority, which only ever
goes up; the page reads the file while it polls the job row.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from pathlib import Path

from planner.store.permissions import private_folder

SOLVER_LOGGER = "solver.cpsat"
PRIORITY_PHASES = ("priority", "priority+disruption")


def jobs_folder() -> Path:
    """Where worker logs and progress files live (private; the data folder, else the temp folder)."""
    folder = Path(os.environ.get("BV_DATA_DIR") or tempfile.gettempdir()) / "jobs"
    private_folder(folder)
    return folder


def progress_path(job_id: int) -> Path:
    return jobs_folder() / f"job-{job_id}.progress.json"


def read_progress(job_id: int) -> dict | None:
    """{"solutions": n, "priority": best} written by the worker, or None (nothing found yet)."""
    try:
        data = json.loads(progress_path(job_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def priority_of(phase: str, value: float, n_cases: int) -> int | None:
    """The planned priority inside a phase's objective value; None for the later phases.

    With a previous plan the first phase maximises W * priority - disruption with W = cases + 1
    and 0 <= disruption <= cases (`solver.cpsat`), so the priority is value / W rounded up."""
    if phase == "priority":
        return round(value)
    if phase == "priority+disruption":
        return math.ceil(round(value) / (n_cases + 1))
    return None


class BestSoFar(logging.Handler):
    """Keeps the best priority of the solver's improving solutions and writes it for the page."""

    def __init__(self, job_id: int, n_cases: int):
        super().__init__(level=logging.INFO)
        self.path, self.n_cases = progress_path(job_id), n_cases
        self.solutions = 0
        self.best: int | None = None

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if not (isinstance(args, tuple) and len(args) == 5 and record.msg.startswith("%s phase: solution")):
            return
        phase, _count, value, _bound, _seconds = args
        self.solutions += 1
        found = priority_of(str(phase), float(str(value)), self.n_cases)
        if found is not None and (self.best is None or found > self.best):
            self.best = found
        self.write()

    def write(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"solutions": self.solutions, "priority": self.best}), encoding="utf-8")
        os.replace(tmp, self.path)  # the page never reads half a file

    def __enter__(self) -> BestSoFar:
        logger = logging.getLogger(SOLVER_LOGGER)
        self._level = logger.level
        logger.addHandler(self)
        if logger.getEffectiveLevel() > logging.INFO:
            logger.setLevel(logging.INFO)
        return self

    def __exit__(self, *exc) -> None:
        logger = logging.getLogger(SOLVER_LOGGER)
        logger.removeHandler(self)
        logger.setLevel(self._level)


__all__ = ["BestSoFar", "jobs_folder", "priority_of", "progress_path", "read_progress"]
