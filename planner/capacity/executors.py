"""Executors behind one interface: `run(payload, tasks, on_row)` calls `on_row` as solves finish.

A worker process that dies (killed, out of memory, a crash in native code) costs its task one
attempt: the task is run again once, then reported with status `failed`. Nothing else is lost:
the other workers go on, and every row reaches `on_row` the moment it exists.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Protocol

from planner.capacity.points import Task
from planner.capacity.spec import SweepSpec
from planner.capacity.worker import FAILED, Payload, base_row, run_task

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2
"""A task whose worker died is tried once more, then reported as failed."""

OnRow = Callable[[dict[str, Any]], None]
OnStart = Callable[[Task, int], None]
"""Called with the task and the worker's process id when a local worker starts a task."""


class Executor(Protocol):
    name: str

    def run(self, payload: Payload, spec: SweepSpec, tasks: list[Task], on_row: OnRow) -> None: ...


def failed_row(spec: SweepSpec, task: Task, attempts: int, why: str) -> dict[str, Any]:
    return base_row(spec, task, FAILED, attempts, why)


def _worker_main(conn: Connection, payload: Payload) -> None:
    """A pool process: solve the tasks it is sent, one at a time, until it gets None."""
    logging.basicConfig(level=logging.WARNING)
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        task, attempts = message
        conn.send(run_task(payload, task, attempts))


@dataclass
class _Slot:
    process: Any
    conn: Connection
    task: Task | None = None
    attempts: int = 0


@dataclass
class LocalExecutor:
    """A pool of worker processes on this machine, one solve per process at a time."""

    processes: int = 1
    on_start: OnStart | None = None
    name: str = field(default="local", init=False)

    def _spawn(self, ctx, payload: Payload) -> _Slot:
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_worker_main, args=(child, payload), daemon=True, name="bv-sweep-worker")
        process.start()
        child.close()
        return _Slot(process, parent)

    def run(self, payload: Payload, spec: SweepSpec, tasks: list[Task], on_row: OnRow) -> None:
        if not tasks:
            return
        ctx = mp.get_context("spawn")  # no fork of a process that may hold solver threads
        queue: deque[tuple[Task, int]] = deque((t, 1) for t in tasks)
        slots = [self._spawn(ctx, payload) for _ in range(max(1, min(self.processes, len(tasks))))]
        try:
            while queue or any(s.task is not None for s in slots):
                for slot in slots:
                    if slot.task is None and queue:
                        slot.task, slot.attempts = queue.popleft()
                        slot.conn.send((slot.task, slot.attempts))
                        if self.on_start is not None:
                            self.on_start(slot.task, slot.process.pid)
                busy = [s for s in slots if s.task is not None]
                ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy]))
                for i, slot in enumerate(slots):
                    if slot.task is None or (slot.conn not in ready and slot.process.sentinel not in ready):
                        continue
                    row = self._receive(slot)
                    if row is not None:
                        slot.task = None
                        on_row(row)
                        continue
                    task, attempts = slot.task, slot.attempts
                    slot.process.join(timeout=5)
                    why = f"worker stopped (exit code {slot.process.exitcode})"
                    log.warning("%s while solving %s (attempt %d)", why, task.key, attempts)
                    slot.conn.close()
                    slots[i] = self._spawn(ctx, payload)
                    if attempts < MAX_ATTEMPTS:
                        queue.appendleft((task, attempts + 1))
                    else:
                        on_row(failed_row(spec, task, attempts, why))
        finally:
            self._close(slots)

    @staticmethod
    def _receive(slot: _Slot) -> dict[str, Any] | None:
        """The worker's row, or None when the worker died before sending it."""
        try:
            if slot.conn.poll():
                return slot.conn.recv()
        except (EOFError, OSError):
            return None
        return None if not slot.process.is_alive() else LocalExecutor._wait_row(slot)

    @staticmethod
    def _wait_row(slot: _Slot) -> dict[str, Any] | None:
        try:
            return slot.conn.recv()
        except (EOFError, OSError):
            return None

    @staticmethod
    def _close(slots: list[_Slot]) -> None:
        for slot in slots:
            try:
                slot.conn.send(None)
            except (OSError, ValueError):
                pass
        for slot in slots:
            slot.process.join(timeout=5)
            if slot.process.is_alive():
                slot.process.terminate()
                slot.process.join(timeout=5)
            slot.conn.close()


def default_processes(workers_per_solve: int) -> int:
    """As many solves at once as the machine has cores for (each solve uses `workers_per_solve`)."""
    return max(1, (os.cpu_count() or 1) // max(1, workers_per_solve))


__all__ = ["MAX_ATTEMPTS", "Executor", "LocalExecutor", "OnRow", "OnStart", "default_processes", "failed_row"]
