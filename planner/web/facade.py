"""What the pages call: load and import scenarios, view a plan version, edit, solve, publish, diff.

A coordinator works on a *workspace* (one scenario with its plan versions, locks and forbids).
Every page shows the plan version the session last loaded; every edit is saved against the
revision that session saw, so a second coordinator who saved first causes a clear conflict
instead of a silent overwrite. The edit itself is a small serialisable object, kept by the
session until it is saved, so after a conflict it can be re-applied on the newer version.

Edits are checked at once by the plain rule checker (`models.rules.find_violations`): the page
shows the broken rules in words before anything is saved. Re-solving runs in a separate process
(`planner.jobs`) with the current plan as `previous`, so the solver changes as little as possible.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from hashlib import sha256
from pathlib import Path
from typing import Any, ClassVar

from models import (
    EscortAssignment, Forbid, InputError, Lock, Plan, Scenario, Trip, load_plan, parse_json, plan_from_dict, read_json,
    scenario_from_dict,
)
from models.instants import in_zone, inside, plus
from models.rules import Violation, evaluate_objective, find_violations
from models.rules.timeline import drive_minutes
from planner import routes
from planner.store import (
    DRAFT, JOB_CANCELLED, JOB_FAILED, JOB_QUEUED, JOB_RUNNING, PUBLISHED, AuditEntry, Change, ConflictError, Job,
    NewPlan, PlanVersion, SaveResult, ScenarioInfo, Store, utcnow,
)
from solver import SolveParams

log = logging.getLogger(__name__)

__all__ = [
    "Allow", "ConflictError", "Edit", "ForbidPair", "InputError", "MoveItinerary", "Pin", "Planner", "Preview",
    "PublishBlocked", "SolveParams", "SwapEscort", "Unpin", "View", "edit_from_dict",
]

DEMO_SCENARIO = Path(__file__).resolve().parent.parent / "sample_data" / "scenarios" / "demo.json"
MAX_TIME_LIMIT_S = 600.0


class PublishBlocked(ValueError):
    """The head plan cannot be published (rule violations, or nothing to publish)."""


# -- edits -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Edit:
    """A coordinator's change, small enough to keep in the session until it is saved."""

    kind: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind
        return data


@dataclass(frozen=True)
class Pin(Edit):
    """Vastzetten: lock the trip of these cases (all of it, or the chosen parts)."""

    kind: ClassVar[str] = "pin"
    cases: tuple[str, ...]
    flights: bool = True
    staff: bool = True
    vehicle: bool = True
    care: bool = True


@dataclass(frozen=True)
class Unpin(Edit):
    kind: ClassVar[str] = "unpin"
    case: str


@dataclass(frozen=True)
class ForbidPair(Edit):
    """Uitsluiten: never pair this case with this escort, flight or vehicle."""

    kind: ClassVar[str] = "forbid"
    case: str
    target_kind: str
    target: str


@dataclass(frozen=True)
class Allow(Edit):
    """Remove a forbid."""

    kind: ClassVar[str] = "allow"
    case: str
    target_kind: str
    target: str


@dataclass(frozen=True)
class SwapEscort(Edit):
    """Replace one escort of a case's trip by another person (same role, same return legs)."""

    kind: ClassVar[str] = "swap"
    case: str
    old_staff: str
    new_staff: str


@dataclass(frozen=True)
class MoveItinerary(Edit):
    """Move a case's trip to other outbound legs; pickup and escort returns follow."""

    kind: ClassVar[str] = "move"
    case: str
    outbound: tuple[str, ...]


_EDITS = {cls.kind: cls for cls in (Pin, Unpin, ForbidPair, Allow, SwapEscort, MoveItinerary)}


def edit_from_dict(data: dict[str, Any]) -> Edit:
    data = dict(data)
    cls = _EDITS[data.pop("kind")]
    for key in ("cases", "outbound"):
        if key in data:
            data[key] = tuple(data[key])
    return cls(**data)


# -- views ------------------------------------------------------------------------------------
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


@dataclass(frozen=True)
class Applied:
    scenario: Scenario
    plan: Plan | None
    new_plan: bool
    add_locks: list[dict] = field(default_factory=list)
    remove_locks: list[str] = field(default_factory=list)
    add_forbids: list[dict] = field(default_factory=list)
    remove_forbids: list[dict] = field(default_factory=list)
    audit: list[AuditEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Preview:
    """An edit applied in memory and checked; nothing is saved yet."""

    edit: Edit
    applied: Applied
    violations: tuple[Violation, ...]
    new_violations: tuple[Violation, ...]
    """Violations the edit introduces (not present before it)."""

    @property
    def ok(self) -> bool:
        return not self.new_violations


@dataclass(frozen=True)
class JobProgress:
    job: Job
    elapsed_s: float
    fraction: float

    @property
    def running(self) -> bool:
        return not self.job.finished


@dataclass(frozen=True)
class FieldChange:
    field: str
    """'flights', 'pickup', 'vehicle', 'escorts', 'care'."""
    old: str
    new: str


@dataclass(frozen=True)
class CaseChange:
    case: str
    pseudonym: str
    change: str
    """'added' (newly planned), 'removed' (no longer planned), 'changed'."""
    fields: tuple[FieldChange, ...] = ()


def _key(violation: Violation) -> tuple:
    return violation.rule, violation.message


def _hash(data: Any) -> str:
    return sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()[:16]


class _LRU:
    """A small thread-safe cache of immutable objects (parsed scenarios, plans, checks)."""

    def __init__(self, size: int):
        self.size, self._data, self._lock = size, OrderedDict(), threading.Lock()

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


def _trip_summary(trip: Trip) -> str:
    """Ids only: legs, vehicle, escort staff, care option (no names, no health data)."""
    staff = ",".join(sorted(e.staff for e in trip.escorts)) or "-"
    care = ",".join(f"{c}:{o}" for c, o in sorted(trip.care.items())) or "-"
    return (f"flights {'+'.join(trip.outbound)}; pickup {trip.pickup.isoformat(timespec='minutes')}; "
            f"vehicle {trip.vehicle}; escorts {staff}; care {care}")


def _lock_summary(lock: dict) -> str:
    parts = []
    if lock.get("flights"):
        parts.append("flights " + "+".join(lock["flights"]))
    if lock.get("staff") is not None:
        parts.append("escorts " + (",".join(lock["staff"]) or "none"))
    if lock.get("vehicle"):
        parts.append("vehicle " + lock["vehicle"])
    if lock.get("care"):
        parts.append("care " + lock["care"])
    return "; ".join(parts)


def plan_counts(plan: Plan) -> tuple[int, int]:
    return sum(len(t.cases) for t in plan.trips), len(plan.unplanned)


# -- the service -----------------------------------------------------------------------------
class Planner:
    """One per process (the UI caches it as a resource); all state lives in the store."""

    def __init__(self, store: Store):
        self.store = store
        self._scenarios = _LRU(8)
        self._plans = _LRU(64)
        self._checks = _LRU(64)
        self._legs = _LRU(8)
        self._procs: dict[int, subprocess.Popen] = {}

    # -- scenarios ---------------------------------------------------------------------------
    def list_scenarios(self) -> list[ScenarioInfo]:
        return self.store.list_scenarios()

    def ensure_demo(self, actor: str = "system", plan_path: str | Path | None = None) -> int | None:
        """On an empty database, load the demo scenario (the README's first run), with a plan for
        it as version 1 when one is given."""
        if self.store.list_scenarios():
            return None
        data = read_json(DEMO_SCENARIO)
        scenario = scenario_from_dict(data, str(DEMO_SCENARIO))
        plan = None
        if plan_path is not None and Path(plan_path).exists():
            plan = self._new_plan(scenario, load_plan(plan_path), "import", None)
        return self.store.add_scenario(data, actor, plan=plan)

    def import_scenario(self, raw: bytes, filename: str, actor: str, plan_raw: bytes | None = None) -> int:
        """A scenario JSON file (and optionally a plan for it) becomes a new workspace."""
        data = parse_json(raw, filename)  # the strict reader of the command line: same errors, same paths
        scenario = scenario_from_dict(data, filename)
        new_plan = None
        if plan_raw is not None:
            plan = plan_from_dict(parse_json(plan_raw, "plan"), "plan")
            new_plan = self._new_plan(scenario, plan, "import", None)
        return self.store.add_scenario(data, actor, plan=new_plan)

    def add_scenario_dict(self, data: dict, actor: str, plan: Plan | None = None) -> int:
        scenario = scenario_from_dict(data)
        new_plan = self._new_plan(scenario, plan, "import", None) if plan is not None else None
        return self.store.add_scenario(data, actor, plan=new_plan)

    def _base_scenario(self, sha: str, scenario_id: int, body: dict | None) -> Scenario:
        def make() -> Scenario:
            data = body if body is not None else self.store.snapshot(scenario_id, with_body=True).body
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

    def published_calendars(self, view: View) -> dict[str, bytes] | None:
        """The calendars as last published before this version, rebuilt from the published versions
        in order, so a download carries UIDs and SEQUENCE numbers that calendar clients apply."""
        try:
            from planner import exports
        except ImportError:
            return None
        published = sorted((v for v in self.store.plan_versions(view.scenario_id)
                            if v.status == PUBLISHED and v.number < view.version.number), key=lambda v: v.number)
        previous: dict[str, bytes] | None = None
        for version in published:
            _, plan = self.plan(version.id)
            try:
                previous = exports.calendars(view.scenario, plan, previous, published_at=version.created_at)
            except InputError:
                log.info("published version %s no longer matches the scenario; calendars restart there", version.number)
        return previous

    def leg_index(self, scenario: Scenario) -> routes.LegIndex:
        return self._legs.get(id(scenario.flights), lambda: routes.LegIndex(scenario))

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

    # -- edits --------------------------------------------------------------------------------
    def apply(self, view: View, edit: Edit) -> Applied:
        """The edit in memory: new locks/forbids and/or a new plan, with audit entries (ids only).
        Raises ValueError, in words, for an edit that cannot be made (unknown id, unplanned case)."""
        handlers = {Pin: self._apply_pin, Unpin: self._apply_unpin, ForbidPair: self._apply_forbid,
                    Allow: self._apply_forbid, SwapEscort: self._apply_swap, MoveItinerary: self._apply_move}
        handler = handlers.get(type(edit))
        if handler is None:
            raise TypeError(f"unknown edit {edit!r}")
        return handler(view, edit)

    @staticmethod
    def _apply_pin(view: View, edit: Pin) -> Applied:
        s, plan = view.scenario, view.plan
        if plan is None:
            raise ValueError("there is no plan to pin yet")
        locks = []
        for case_id in edit.cases:
            trip = view.trip_of(case_id)
            if trip is None:
                raise ValueError(f"case {case_id} is not planned: only a planned trip can be pinned")
            lock: dict[str, Any] = {"case": case_id}
            if edit.flights:
                lock["flights"] = list(trip.outbound)
            if edit.staff:
                lock["staff"] = sorted(e.staff for e in trip.escorts)
            if edit.vehicle:
                lock["vehicle"] = trip.vehicle
            if edit.care and case_id in trip.care:
                lock["care"] = trip.care[case_id]
            if len(lock) == 1:
                raise ValueError("choose at least one part of the trip to pin")
            locks.append(lock)
        kept = [lk.model_dump(mode="json", exclude_none=True) for lk in s.locks if lk.case not in edit.cases]
        scenario = s.model_copy(update={"locks": tuple(Lock.model_validate(x) for x in kept + locks)})
        before = {lk.case: _lock_summary(lk.model_dump(mode="json")) for lk in s.locks}
        audit = [AuditEntry("lock.add", "case", lk["case"], before=before.get(lk["case"], ""),
                            after=_lock_summary(lk)) for lk in locks]
        return Applied(scenario, plan, False, add_locks=locks, audit=audit)

    @staticmethod
    def _apply_unpin(view: View, edit: Unpin) -> Applied:
        s = view.scenario
        old = next((x for x in s.locks if x.case == edit.case), None)
        if old is None:
            raise ValueError(f"case {edit.case} is not pinned")
        scenario = s.model_copy(update={"locks": tuple(x for x in s.locks if x.case != edit.case)})
        return Applied(scenario, view.plan, False, remove_locks=[edit.case], audit=[
            AuditEntry("lock.remove", "case", edit.case, before=_lock_summary(old.model_dump(mode="json")))])

    @staticmethod
    def _apply_forbid(view: View, edit: ForbidPair | Allow) -> Applied:
        s = view.scenario
        if edit.case not in s.case_by_id:
            raise ValueError(f"unknown case {edit.case}")
        pool = {"staff": s.staff_by_id, "flight": s.flight_by_id, "vehicle": s.vehicle_by_id}.get(edit.target_kind)
        if pool is None or edit.target not in pool:
            raise ValueError(f"unknown {edit.target_kind} {edit.target}")
        fb = {"case": edit.case, edit.target_kind: edit.target}
        what = f"{edit.target_kind} {edit.target}"
        if isinstance(edit, ForbidPair):
            scenario = s.model_copy(update={"forbids": tuple(s.forbids) + (Forbid.model_validate(fb),)})
            return Applied(scenario, view.plan, False, add_forbids=[fb],
                           audit=[AuditEntry("forbid.add", "case", edit.case, after=what)])
        scenario = s.model_copy(update={"forbids": tuple(f for f in s.forbids if f.model_dump(exclude_none=True) != fb)})
        return Applied(scenario, view.plan, False, remove_forbids=[fb],
                       audit=[AuditEntry("forbid.remove", "case", edit.case, before=what)])

    def _apply_swap(self, view: View, edit: SwapEscort) -> Applied:
        s = view.scenario
        trip = view.trip_of(edit.case)
        if trip is None:
            raise ValueError(f"case {edit.case} is not planned")
        if edit.new_staff not in s.staff_by_id:
            raise ValueError(f"unknown escort {edit.new_staff}")
        if not any(e.staff == edit.old_staff for e in trip.escorts):
            raise ValueError(f"{edit.old_staff} does not escort case {edit.case}")
        escorts = tuple(e.model_copy(update={"staff": edit.new_staff}) if e.staff == edit.old_staff else e
                        for e in trip.escorts)
        new_trip = trip.model_copy(update={"escorts": escorts})
        return Applied(s, self._replace_trip(s, view.plan, trip, new_trip, view), True, audit=[AuditEntry(
            "trip.swap_escort", "case", "+".join(trip.cases), before=_trip_summary(trip),
            after=_trip_summary(new_trip))])

    def _apply_move(self, view: View, edit: MoveItinerary) -> Applied:
        s, plan = view.scenario, view.plan
        if plan is None:
            raise ValueError("there is no plan yet")
        unknown = [leg for leg in edit.outbound if leg not in s.flight_by_id]
        if not edit.outbound or unknown:
            raise ValueError(f"unknown flight(s) {', '.join(unknown) or '(none)'}")
        if edit.case not in s.case_by_id:
            raise ValueError(f"unknown case {edit.case}")
        old = view.trip_of(edit.case)
        settings = s.settings
        first = s.flight_by_id[edit.outbound[0]]
        case = s.case_by_id[edit.case]
        # Latest pickup that still reaches the airport `checkin_minutes` before the first departure.
        pickup = plus(first.departure, -timedelta(minutes=settings.checkin_minutes
                                                   + drive_minutes(s, case.location, first.from_)))
        pickup = _inside_pickup_windows(s.location_by_id[case.location], pickup)
        if old is not None:
            new_trip = old.model_copy(update={"outbound": tuple(edit.outbound), "pickup": pickup})
        else:
            # An unplanned case: a new trip for its whole group, with the first vehicle and no escorts yet.
            members = tuple(c.id for c in s.cases if (case.group is not None and c.group == case.group)) or (case.id,)
            new_trip = Trip(cases=members, outbound=tuple(edit.outbound), pickup=pickup,
                            vehicle=s.vehicles[0].id if s.vehicles else "", escorts=(), care={})
        returns = routes.return_options(s, self.leg_index(s), new_trip)
        if returns and new_trip.escorts:
            back = returns[0].ids
            new_trip = new_trip.model_copy(update={"escorts": tuple(
                EscortAssignment.model_validate({"staff": e.staff, "role": e.role, "return": list(back)})
                for e in new_trip.escorts)})
        new_plan = self._replace_trip(s, plan, old, new_trip, view)
        return Applied(s, new_plan, True, audit=[AuditEntry(
            "trip.move", "case", "+".join(new_trip.cases), before=_trip_summary(old) if old else "unplanned",
            after=_trip_summary(new_trip))])

    def _replace_trip(self, s: Scenario, plan: Plan, old: Trip | None, new: Trip, view: View) -> Plan:
        trips = [new if t is old else t for t in plan.trips] if old is not None else list(plan.trips) + [new]
        unplanned = tuple(u for u in plan.unplanned if u.case not in new.cases)
        updated = plan.model_copy(update={"trips": tuple(trips), "unplanned": unplanned})
        previous = view.published_plan if view.published is not None else None
        return updated.model_copy(update={"objective": evaluate_objective(s, updated, previous)})

    def preview(self, view: View, edit: Edit) -> Preview:
        """Apply `edit` in memory and check it: the broken rules, and which of them are new."""
        applied = self.apply(view, edit)
        if applied.plan is None:
            return Preview(edit, applied, (), ())
        previous = view.published_plan
        violations = tuple(find_violations(applied.scenario, applied.plan, previous))
        before = {_key(v) for v in view.violations}
        return Preview(edit, applied, violations, tuple(v for v in violations if _key(v) not in before))

    def save_edit(self, view: View, edit: Edit, actor: str) -> SaveResult:
        """Save an edit made on `view`; ConflictError if the workspace moved since."""
        preview = self.preview(view, edit)
        a = preview.applied
        new_plan = None
        if a.new_plan and a.plan is not None:
            new_plan = self._new_plan(a.scenario, a.plan, edit.kind, view.version.id if view.version else None,
                                      violations=len(preview.violations))
        change = Change(audit=list(a.audit), new_plan=new_plan, move_head=new_plan is not None,
                        add_locks=a.add_locks, remove_locks=a.remove_locks, add_forbids=a.add_forbids,
                        remove_forbids=a.remove_forbids)
        return self.store.save(view.scenario_id, view.revision, actor, change)

    @staticmethod
    def _new_plan(scenario: Scenario, plan: Plan, action: str, parent_id: int | None, status: str = DRAFT,
                  violations: int | None = None, note: str = "") -> NewPlan:
        planned, unplanned = plan_counts(plan)
        if violations is None:
            violations = len(find_violations(scenario, plan))
        return NewPlan(data=plan.to_json_dict(), action=action, note=note, status=status, planned=planned,
                       unplanned=unplanned, violations=violations, parent_id=parent_id)

    def adopt(self, view: View, plan_id: int, actor: str) -> SaveResult:
        """Make an existing version (e.g. a solve kept aside after a conflict) the head."""
        version = self.store.plan_version(plan_id, with_data=False)
        return self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=[AuditEntry("plan.adopt", "plan_version", f"{view.scenario_id}/v{version.number}",
                              before=f"head v{view.version.number}" if view.version else "no plan",
                              after=f"head v{version.number}")],
            move_head=False, adopt_plan_id=plan_id))

    # -- solving ----------------------------------------------------------------------------------
    def start_solve(self, view: View, actor: str, time_limit_s: float, workers: int = 1) -> int:
        """Queue a solve of this workspace and start its worker process; returns the job id."""
        limit = float(min(max(time_limit_s, 1.0), MAX_TIME_LIMIT_S))
        SolveParams(time_limit_s=limit, workers=workers)  # validate before queuing
        job_id = self.store.create_job(view.scenario_id, actor, view.revision,
                                       view.info.head_plan_id, limit, workers)
        env = dict(os.environ)
        env["BV_DATABASE_URL"] = self.store.url
        log_path = self._job_log(job_id)
        with open(log_path, "wb") as log_file:  # a file, not a pipe: a chatty worker must never block
            proc = subprocess.Popen([sys.executable, "-m", "planner.jobs", str(job_id)], env=env,
                                    stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                                    start_new_session=True, cwd=str(Path(__file__).resolve().parent.parent))
        self._procs[job_id] = proc
        self.store.update_job(job_id, pid=proc.pid)
        return job_id

    def _job_log(self, job_id: int) -> Path:
        """Worker output (warnings, a traceback): ids only, like every log of the planner."""
        folder = Path(os.environ.get("BV_DATA_DIR") or tempfile.gettempdir()) / "jobs"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"job-{job_id}.log"

    def job_progress(self, job_id: int) -> JobProgress:
        job = self.store.job(job_id)
        proc = self._procs.get(job_id)
        if proc is not None and proc.poll() is not None:
            self._procs.pop(job_id, None)
            try:
                err = self._job_log(job_id).read_text(encoding="utf-8", errors="replace")[-500:]
            except OSError:
                err = ""
            job = self.store.job(job_id)
            if not job.finished:
                self.store.update_job(job_id, status=JOB_FAILED, finished_at=utcnow(),
                                      message=f"worker stopped (exit {proc.returncode}) {err}".strip())
                job = self.store.job(job_id)
        elif proc is None and job.status in (JOB_QUEUED, JOB_RUNNING) and job.pid and not _alive(job.pid):
            self.store.update_job(job_id, status=JOB_FAILED, finished_at=utcnow(), message="worker stopped")
            job = self.store.job(job_id)
        start = job.started_at or job.created_at
        end = job.finished_at or utcnow()
        elapsed = max(0.0, (end - start).total_seconds())
        fraction = 1.0 if job.finished else min(0.99, elapsed / max(job.time_limit_s, 1.0))
        return JobProgress(job, elapsed, fraction)

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

    # -- publishing -----------------------------------------------------------------------------------
    def publish(self, view: View, actor: str, note: str = "") -> SaveResult:
        """Publish the head as a new, published version; refused while rules are broken."""
        if view.plan is None or view.version is None:
            raise PublishBlocked("there is no plan to publish")
        if not view.is_head:
            raise PublishBlocked("only the newest version can be published: reload first")
        if view.violations:
            raise PublishBlocked(f"{len(view.violations)} rule(s) broken")
        if view.version.status == PUBLISHED:
            raise PublishBlocked("this version is already published")
        changes = self.diff(view.scenario, view.published_plan, view.plan)
        summary = "; ".join(f"{kind}: {', '.join(c.case for c in changes if c.change == kind) or '-'}"
                            for kind in ("added", "changed", "removed"))
        new_plan = self._new_plan(view.scenario, view.plan, "publish", view.version.id, status=PUBLISHED,
                                  violations=0, note=note)
        return self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=[AuditEntry("plan.publish_diff", "plan_version", f"{view.scenario_id}/v{view.version.number}",
                              before=f"published v{view.published.number}" if view.published else "nothing published",
                              after=summary)],
            new_plan=new_plan))

    @staticmethod
    def diff(scenario: Scenario, old: Plan | None, new: Plan) -> list[CaseChange]:
        """Per case: newly planned, no longer planned, or what changed in its trip."""
        def by_case(plan: Plan | None) -> dict[str, Trip]:
            return {c: t for t in (plan.trips if plan else ()) for c in t.cases}
        before, after = by_case(old), by_case(new)
        out: list[CaseChange] = []
        pseudo = {c.id: c.pseudonym for c in scenario.cases}
        for case_id in sorted(set(before) | set(after)):
            a, b = before.get(case_id), after.get(case_id)
            if a is None:
                out.append(CaseChange(case_id, pseudo.get(case_id, case_id), "added"))
            elif b is None:
                out.append(CaseChange(case_id, pseudo.get(case_id, case_id), "removed"))
            else:
                fields = []
                if a.outbound != b.outbound:
                    fields.append(FieldChange("flights", " + ".join(a.outbound), " + ".join(b.outbound)))
                if a.pickup != b.pickup:
                    fields.append(FieldChange("pickup", a.pickup.isoformat(timespec="minutes"),
                                              b.pickup.isoformat(timespec="minutes")))
                if a.vehicle != b.vehicle:
                    fields.append(FieldChange("vehicle", a.vehicle, b.vehicle))
                ea, eb = sorted(e.staff for e in a.escorts), sorted(e.staff for e in b.escorts)
                if ea != eb:
                    fields.append(FieldChange("escorts", ", ".join(ea), ", ".join(eb)))
                ra = sorted((e.staff, e.return_) for e in a.escorts)
                rb = sorted((e.staff, e.return_) for e in b.escorts)
                if ea == eb and ra != rb:
                    fields.append(FieldChange("returns", "; ".join("+".join(r) for _, r in ra),
                                              "; ".join("+".join(r) for _, r in rb)))
                if a.care.get(case_id) != b.care.get(case_id):
                    fields.append(FieldChange("care", a.care.get(case_id) or "-", b.care.get(case_id) or "-"))
                if fields:
                    out.append(CaseChange(case_id, pseudo.get(case_id, case_id), "changed", tuple(fields)))
        return out

    # -- case lists ---------------------------------------------------------------------------------
    def import_cases(self, view: View, raw: bytes, filename: str, actor: str):
        """Upsert cases from CSV/Excel into the workspace; nothing is saved when a row is wrong."""
        from planner.caselist import parse_case_table

        result = parse_case_table(view.scenario, raw, filename)
        if result.errors:
            return result, None
        data = self.store.scenario_body(view.scenario_id)
        by_id = {c["id"]: i for i, c in enumerate(data["cases"])}
        for case in result.cases:
            if case["id"] in by_id:
                data["cases"][by_id[case["id"]]] = case
            else:
                data["cases"].append(case)
        full = dict(data, locks=[lk.model_dump(mode="json", exclude_none=True) for lk in view.scenario.locks],
                    forbids=[fb.model_dump(mode="json", exclude_none=True) for fb in view.scenario.forbids])
        scenario_from_dict(full, filename)
        added = [c["id"] for c in result.cases if c["id"] not in by_id]
        replaced = [c["id"] for c in result.cases if c["id"] in by_id]
        saved = self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=[AuditEntry("cases.import", "scenario", str(view.scenario_id), before=f"{len(by_id)} cases",
                              after=f"added {', '.join(added) or '-'}; replaced {', '.join(replaced) or '-'}")],
            move_head=False, scenario_data=data))
        return result, saved


def _inside_pickup_windows(location, latest):
    """The latest pickup at or before `latest` inside the location's daily pickup windows (local time)."""
    local = inside(in_zone(latest, location.zone)).replace(second=0, microsecond=0)
    if not location.pickup_windows:
        return local
    moment = local
    for _ in range(24 * 60):  # minute steps: a zero-length window holds one minute only
        if any(w.contains(moment.time()) for w in location.pickup_windows):
            return moment
        moment = in_zone(plus(moment, -timedelta(minutes=1)), location.zone)
    return local


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def unplanned_reasons(plan: Plan) -> dict[str, tuple[str, ...]]:
    return {u.case: u.reasons for u in plan.unplanned}


