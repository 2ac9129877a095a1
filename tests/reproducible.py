"""One-worker (reproducible) solves whose objective values a test asserts: the wall-clock backstop is
moved far out. Reproducible mode spends nominal (counted) budgets, but on a loaded machine (CI runs one
test process per core, with browsers and servers beside them) the backstop at limit + half the
tolerance can cut a stage short and change the plan; these tests check the solver, not the machine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

FAR_BACKSTOP_GRACE_SHARE = 1000.0
"""The backstop at limit + 1000 x tolerance: never reached in reproducible mode on any machine."""


@contextmanager
def far_backstop() -> Iterator[None]:
    from solver import budget

    with mock.patch.object(budget, "BACKSTOP_GRACE_SHARE", FAR_BACKSTOP_GRACE_SHARE):
        yield
