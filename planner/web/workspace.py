"""A workspace as a page sees it: one plan version with the current locks and forbids, checked.

Every page shows the plan version the session last loaded; every edit is saved against the
revision that session saw (optimistic locking). Parsed scenarios, plans and checks are cached
per process, keyed by content, so a page load re-parses nothing that did not change.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from hashlib import sha256
from typing import Any

from models import Forbid, Lock, Plan, Scenario, Trip, plan_from_dict, scenario_from_dict
from models.rules import Violation, find_violations
from planner.store import DRAFT, NewPlan, NotFoundError, PlanVersion, ScenarioInfo, Store


@dataclass(frozen=True)
class View:
    """One plan version of a workspace, with the current locks and forbids, checked."""

    info: ScenarioInfo
    scenario: Scenario
    version: PlanVersion | None
    plan: Plan | None
    published: PlanVersion | None
    published_plan: Plan | None
    violations: tuple[Violation, ...]
    base_revision: int
    """The revision the session saw: edits are saved against it (optimistic locking)."""

    @property
    def scenario_id(self) -> int:
        return self.info.id

    @property
    def revision(self) -> int:
        return self.base_revision

    @property
    def stale(self) -> bool:
        """Someone saved after the revision this session is looking at."""
        return self.info.revision != self.base_revision

    @property
    def is_head(self) -> bool:
        return self.version is not None and self.version.id == self.info.head_plan_id

    def trip_of(self, case_id: str) -> Trip | None:
        if self.plan is None:
            return None
        return next((t for t in self.plan.trips if case_id in t.cases), None)


def violation_key(violation: Violation) -> tuple:
    return violation.rule, violation.message


def _hash(data: Any) -> str:
    return sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:16]


class LRU:
    """A small thread-safe cache of immutable objects (parsed scenarios, plans, checks)."""

    def __init__(self, size: int):
        self.size, self._lock = size, threading.Lock()
        self._data: OrderedDict[Any, Any] = OrderedDict()

    def get(self, key, make):
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = make()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value


def plan_counts(plan: Plan) -> tuple[int, int]:
    return sum(len(t.cases) for t in plan.trips), len(plan.unplanned)


def new_plan_record(scenario: Scenario, plan: Plan, action: str, parent_id: int | None, status: str = DRAFT,
                    violations: int | None = None, note: str = "") -> NewPlan:
    """A plan version to save, with its counts and how many rules it breaks."""
    planned, unplanned = plan_counts(plan)
    if violations is None:
        violations = len(find_violations(scenario, plan))
    return NewPlan(data=plan.to_json_dict(), action=action, note=note, status=status, planned=planned,
                   unplanned=unplanned, violations=violations, parent_id=parent_id)


class WorkspaceBase:
    """The loading half of the `Planner` facade; all state lives in the store."""

    def __init__(self, store: Store):
        self.store = store
        self._scenarios = LRU(8)
        self._plans = LRU(64)
        self._checks = LRU(64)

    def list_scenarios(self) -> list[ScenarioInfo]:
        return self.store.list_scenarios()

    def _base_scenario(self, sha: str, scenario_id: int, body: dict | None) -> Scenario:
        def make() -> Scenario:
            data = body if body is not None else self.store.snapshot(scenario_id, with_body=True).body
            if data is None:
                raise NotFoundError(f"scenario {scenario_id} has no stored body")
            return scenario_from_dict(dict(data, locks=[], forbids=[]), f"scenario {scenario_id}")
        return self._scenarios.get(sha, make)

    def _scenario(self, info: ScenarioInfo, locks: list[dict], forbids: list[dict],
                  body: dict | None = None) -> Scenario:
        base = self._base_scenario(info.sha256, info.id, body)
        key = (info.sha256, _hash(locks), _hash(forbids))

        def make() -> Scenario:
            return base.model_copy(update={
                "locks": tuple(Lock.model_validate(lock) for lock in locks),
                "forbids": tuple(Forbid.model_validate(fb) for fb in forbids),
            })
        return self._scenarios.get(key, make)

    def scenario(self, scenario_id: int) -> Scenario:
        snap = self.store.snapshot(scenario_id)
        return self._scenario(snap.info, snap.locks, snap.forbids)

    def plan(self, plan_id: int) -> tuple[PlanVersion, Plan]:
        def make():
            version = self.store.plan_version(plan_id)
            return version, plan_from_dict(version.data, f"plan version {plan_id}")
        return self._plans.get(plan_id, make)

    def view(self, scenario_id: int, plan_id: int | None = None, revision: int | None = None) -> View:
        """The workspace as it is now, showing plan version `plan_id` (default: the head); edits made
        on it are saved against `revision` (default: the current one)."""
        snap = self.store.snapshot(scenario_id)
        info = snap.info
        scenario = self._scenario(info, snap.locks, snap.forbids)
        plan_id = plan_id if plan_id is not None else info.head_plan_id
        version = plan = published = published_plan = None
        if plan_id is not None:
            version, plan = self.plan(plan_id)
        if info.published_plan_id is not None:
            published, published_plan = self.plan(info.published_plan_id)
        violations: tuple[Violation, ...] = ()
        if plan is not None:
            previous = published_plan
            key = (info.sha256, _hash(snap.locks), _hash(snap.forbids), plan_id, info.published_plan_id)
            violations = self._checks.get(key, lambda: tuple(find_violations(scenario, plan, previous)))
        base = info.revision if revision is None else revision
        return View(info, scenario, version, plan, published, published_plan, violations, base)
