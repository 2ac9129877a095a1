"""When this process started, so that a command's time limit counts Python's start-up and imports."""

from __future__ import annotations

import os
import time


def process_age_s() -> float:
    """Seconds since this process started (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime_s = float(f.read().split()[0])
        return max(0.0, uptime_s - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return 0.0


def process_started() -> float:
    """The process's start on the `time.perf_counter()` clock."""
    return time.perf_counter() - process_age_s()


def command_started(argv: list[str] | None) -> float:
    """When a command began, for its --time-limit: the process's start when it runs as the program
    (`argv` None: read from sys.argv), else now (a command called in-process, e.g. by a test)."""
    return process_started() if argv is None else time.perf_counter()
