"""Gebeurtenissen: record what happened, see the re-plan's impact, accept it as a new draft.

Every event re-plans against the *published* version (the plan the outside world holds), with
that version as `previous`, so the solver changes as little of it as the rules allow. Nothing is
saved until the coordinator accepts the impact: then the changed scenario, the new draft plan
and one audit row per event are written in one transaction (optimistic locking as for edits).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models import Plan, Scenario, Trip
from models.rules import disrupted_cases
from planner.events import Event, apply_events
from planner.replan import solve_events
from planner.store import AuditEntry, Change, SaveResult
from planner.web.diff import CaseChange, diff_plans
from planner.web.lifecycle import event_steps
from planner.web.workspace import View, WorkspaceBase, new_plan_record
from solver import SolveParams


@dataclass(frozen=True)
class Impact:
    """A re-plan worked out in memory: what the events hit, what else changed and why."""

    events: tuple[Event, ...]
    scenario: Scenario
    plan: Plan
    base_plan_id: int | None
    """The version re-planned against (the published one, else the head)."""
    hit: tuple[str, ...]
    """Cases the events touch directly (their trip uses the cancelled leg, the sick escort, ...)."""
    changes: tuple[CaseChange, ...]
    """Every case whose trip changed against the base version."""
    causes: dict[str, str]
    """Collateral case -> the hit case whose re-plan moved it (shared trip, escort or vehicle)."""
    disruption: int
    violations: int
    status: str

    @property
    def collateral(self) -> tuple[CaseChange, ...]:
        return tuple(c for c in self.changes if c.case not in self.hit)


def hit_cases(scenario: Scenario, plan: Plan | None, event: Event) -> set[str]:
    """The cases an event touches directly in `plan` (ids of the scenario before the event)."""
    trips = plan.trips if plan is not None else ()
    if not event.args:
        return set()
    first = event.args[0]

    def with_(pred) -> set[str]:
        return {c for t in trips if pred(t) for c in t.cases}
    if event.kind in ("cancel_flight", "retime_flight"):
        return with_(lambda t: first in t.outbound or any(first in e.return_ for e in t.escorts))
    if event.kind == "staff_unavailable":
        return with_(lambda t: any(e.staff == first for e in t.escorts))
    if event.kind == "vehicle_unavailable":
        return with_(lambda t: t.vehicle == first)
    if event.kind in ("fit_to_fly", "care_window", "case"):
        return {first}
    return set()


def _cause(trip_before: Trip | None, hit_trips: list[Trip]) -> str | None:
    """The hit case that shares something with this trip: same trip, an escort or the vehicle."""
    if trip_before is None:
        return None
    staff = {e.staff for e in trip_before.escorts}
    for other in hit_trips:
        if other is trip_before or staff & {e.staff for e in other.escorts} or other.vehicle == trip_before.vehicle:
            return other.cases[0]
    return None


class HappeningsMixin(WorkspaceBase):
    """The events part of the `Planner` facade."""

    def preview_events(self, view: View, events: list[Event], time_limit_s: float = 10.0) -> Impact:
        """Apply `events` and re-plan against the published version; nothing is saved.
        Raises `models.InputError` (in words) for an event that cannot apply."""
        base_id = view.info.published_plan_id or view.info.head_plan_id
        base_plan = self.plan(base_id)[1] if base_id is not None else None
        # A case event the lifecycle does not allow (e.g. "departed" for a case never announced) is
        # refused before anything is solved.
        event_steps(base_plan, events, self.store.case_states(view.scenario_id))
        hit: set[str] = set()
        for event in events:
            hit |= hit_cases(view.scenario, base_plan, event)
        return self._impact(view, apply_events(view.scenario, events), list(events), hit, time_limit_s)

    def preview_remedy(self, view: View, case_id: str, relaxation, time_limit_s: float = 10.0) -> Impact:
        """A remedy of "Wat is er nodig?" (planner.whatif.Relaxation) applied to the workspace and
        re-planned like an event: shown first, saved as a draft only when accepted."""
        if relaxation.apply is None:
            raise ValueError(f"remedy {relaxation.kind} cannot be applied here")
        new = relaxation.apply(view.scenario)
        return self._impact(view, new, [Event("remedy", (case_id, relaxation.kind))], {case_id}, time_limit_s)

    def _impact(self, view: View, new: Scenario, events: list[Event], hit: set[str], time_limit_s: float) -> Impact:
        base_id = view.info.published_plan_id or view.info.head_plan_id
        base_plan = self.plan(base_id)[1] if base_id is not None else None
        params = SolveParams(time_limit_s=time_limit_s, workers=1, seed=0)
        if base_plan is None:
            from planner.service import solve_scenario

            checked = solve_scenario(new, params)
            plan, disrupted = checked.plan, []
        else:
            replanned = solve_events(new, base_plan, list(events), params)
            checked, plan = replanned.checked, replanned.checked.plan
            disrupted = disrupted_cases(new, plan, base_plan)
        changes = tuple(diff_plans(view.scenario, base_plan,
                                   plan))  # Dutch day names; the page language is nl by default
        before = {c: t for t in (base_plan.trips if base_plan else ()) for c in t.cases}
        hit_trips = [before[c] for c in sorted(hit) if c in before]
        causes = {}
        for change in changes:
            if change.case not in hit:
                cause = _cause(before.get(change.case), hit_trips)
                if cause is not None:
                    causes[change.case] = cause
        return Impact(tuple(events), new, plan, base_id, tuple(sorted(hit)), changes, causes,
                      len(disrupted), len(checked.violations), str(plan.solver.get("status", "")))

    def accept_events(self, view: View, impact: Impact, actor: str, at: datetime | None = None) -> SaveResult:
        """Save the changed scenario and the re-plan as a new draft (the head); one audit row per event."""
        body = impact.scenario.model_dump(mode="json", by_alias=True, exclude_none=False)
        locks = [lk.model_dump(mode="json", exclude_none=True) for lk in impact.scenario.locks]
        forbids = [fb.model_dump(mode="json", exclude_none=True) for fb in impact.scenario.forbids]
        old_locks = [lk.model_dump(mode="json", exclude_none=True) for lk in view.scenario.locks]
        old_forbids = [fb.model_dump(mode="json", exclude_none=True) for fb in view.scenario.forbids]
        scenario_data = {k: v for k, v in body.items() if k not in ("locks", "forbids")}
        retired = [f.model_dump(mode="json", by_alias=True) for f in view.scenario.flights
                   if f.id not in impact.scenario.flight_by_id]
        plan = impact.plan.model_copy(update={"x_retired_flights": retired}) if retired else impact.plan
        record = new_plan_record(impact.scenario, plan, "event", impact.base_plan_id,
                                 violations=impact.violations, note="; ".join(e.text for e in impact.events))
        audit = [AuditEntry(f"event.{e.kind}", "scenario", str(view.scenario_id), after=e.text) for e in impact.events]
        base_plan = self.plan(impact.base_plan_id)[1] if impact.base_plan_id is not None else None
        steps = event_steps(base_plan, impact.events, self.store.case_states(view.scenario_id))
        audit.append(AuditEntry("plan.replan", "plan_version", str(view.scenario_id),
                                before=f"hit {', '.join(impact.hit) or '-'}",
                                after=f"changed {len(impact.changes)}; disruption {impact.disruption}"))
        return self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=audit, new_plan=record, move_head=True, scenario_data=scenario_data,
            remove_locks=sorted({lk["case"] for lk in old_locks if lk not in locks}),
            add_locks=[lk for lk in locks if lk not in old_locks],
            remove_forbids=[fb for fb in old_forbids if fb not in forbids],
            add_forbids=[fb for fb in forbids if fb not in old_forbids], transitions=steps))

    # -- a way back (issue 11 item 4) ------------------------------------------------------------
    def restore_version(self, view: View, plan_id: int, actor: str) -> SaveResult:
        """Restoring an old version makes a new draft with its plan (checked against the current
        scenario); the old version itself is never changed. Audited as plan.restore."""
        version, plan = self.plan(plan_id)
        if version.scenario_id != view.scenario_id:
            raise ValueError(f"plan version {plan_id} belongs to another workspace")
        record = new_plan_record(view.scenario, plan, "restore", plan_id, note=f"v{version.number}")
        return self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=[AuditEntry("version.restore", "plan_version", f"{view.scenario_id}/v{version.number}",
                              before=f"head v{view.version.number}" if view.version else "no plan",
                              after=f"new draft from v{version.number}")],
            new_plan=record, move_head=True))


def with_retired_flights(scenario: Scenario, versions, load) -> Scenario:
    """`scenario` plus the legs events cancelled (kept as `x_retired_flights` on event drafts), so
    an older published plan that still books them can be rebuilt (calendars, SEQUENCE)."""
    from models import scenario_from_dict

    extra: dict[str, dict] = {}
    for version in versions:
        if version.action != "event":
            continue
        _, plan = load(version.id)
        for flight in (plan.model_extra or {}).get("x_retired_flights") or ():
            if isinstance(flight, dict) and flight.get("id") not in scenario.flight_by_id:
                extra.setdefault(flight["id"], flight)
    if not extra:
        return scenario
    data = scenario.model_dump(mode="json", by_alias=True)
    data["flights"] = list(data["flights"]) + list(extra.values())
    return scenario_from_dict(data, "scenario with retired flights")


__all__ = ["HappeningsMixin", "Impact", "hit_cases", "with_retired_flights"]
