"""Rate limits for failed logins: per client and for the whole server, with exponential back-off.

The per-name limit lives in `auth` (from the audit log, so it survives restarts). This module adds
what a per-name lock cannot see: one client spraying one password over many names, and a storm of
failures from many clients. A key may fail `free` times within `window`; after that each further
failure doubles the wait before the key may try again (`base` seconds, at most `cap`). Waiting is a
back-off, never a permanent lock: a real user waits at most `cap`. Kept in memory (one process
serves the web planner); a restart forgets it, the audit-based per-name limit does not.
"""

from __future__ import annotations

import threading
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta


@dataclass(frozen=True)
class Limit:
    free: int
    base: timedelta
    cap: timedelta
    window: timedelta


PER_CLIENT = Limit(free=10, base=timedelta(seconds=2), cap=timedelta(minutes=15), window=timedelta(minutes=30))
"""One address: 10 failures (any names) free, then 2 s, 4 s, ... up to 15 min between tries."""
GLOBAL = Limit(free=100, base=timedelta(milliseconds=250), cap=timedelta(seconds=30), window=timedelta(minutes=5))
"""All clients together: 100 failures in 5 min free, then a short server-wide back-off (at most 30 s)."""


def backoff(failures: int, limit: Limit) -> timedelta:
    """How long the key must wait after its last failure."""
    if failures < limit.free:
        return timedelta(0)
    return min(limit.cap, limit.base * (2 ** min(failures - limit.free, 30)))


@dataclass
class Throttle:
    """Failure times per key ('client:<ip>', 'global'); thread-safe."""

    limits: dict[str, Limit] = field(default_factory=lambda: {"client": PER_CLIENT, "global": GLOBAL})
    _failures: dict[str, deque[datetime]] = field(default_factory=lambda: defaultdict(deque))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _keys(self, client: str | None) -> list[tuple[str, Limit]]:
        keys = [("global", self.limits["global"])]
        if client:
            keys.append((f"client:{client}", self.limits["client"]))
        return keys

    def wait(self, client: str | None, now: datetime) -> timedelta:
        """How long this client must still wait before its next try (0 when it may try now)."""
        longest = timedelta(0)
        with self._lock:
            for key, limit in self._keys(client):
                times = self._failures[key]
                while times and now - times[0] > limit.window:
                    times.popleft()
                if times:
                    longest = max(longest, times[-1] + backoff(len(times), limit) - now)
        return max(longest, timedelta(0))

    def failed(self, client: str | None, now: datetime) -> None:
        with self._lock:
            for key, _limit in self._keys(client):
                self._failures[key].append(now)

    def reset_client(self, client: str | None) -> None:
        """A successful login clears its client's count (not the global one)."""
        if client:
            with self._lock:
                self._failures.pop(f"client:{client}", None)


THROTTLE = Throttle()
"""The web planner's process-wide throttle."""

__all__ = ["GLOBAL", "PER_CLIENT", "THROTTLE", "Limit", "Throttle", "backoff"]
