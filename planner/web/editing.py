"""Applying, checking and saving edits (the Aanpassen page).

Edits are checked at once by the plain rule checker (`models.rules.find_violations`): the page
shows the broken rules in words before anything is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from models import EscortAssignment, Forbid, Lock, Plan, Scenario, Trip
from models.instants import in_zone, inside, plus
from models.rules import evaluate_objective, find_violations
from models.timeline import drive_minutes, latest_airport_arrival, pickup_allowed
from planner import alternatives
from planner.store import AuditEntry, Change, SaveResult
from planner.web.edit_words import deviation_words
from planner.web.edits import (
    Allow,
    Applied,
    Edit,
    ForbidPair,
    MoveItinerary,
    Pin,
    Preview,
    SwapEscort,
    Unpin,
    lock_summary,
    trip_summary,
)
from planner.web.guards import lock_forbid_clashes
from planner.web.undo import inverse_of
from planner.web.workspace import View, WorkspaceBase, new_plan_record, violation_key


class EditingMixin(WorkspaceBase):
    """The editing part of the `Planner` facade."""

    # -- edits --------------------------------------------------------------------------------
    def apply(self, view: View, edit: Edit) -> Applied:
        """The edit in memory: new locks/forbids and/or a new plan, with audit entries (ids only).
        Raises ValueError, in words, for an edit that cannot be made (unknown id, unplanned case)."""
        handlers: dict[type, Callable[[View, Any], Applied]] = {
            Pin: self._apply_pin, Unpin: self._apply_unpin, ForbidPair: self._apply_forbid,
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
        before = {lk.case: lock_summary(lk.model_dump(mode="json")) for lk in s.locks}
        audit = [AuditEntry("lock.add", "case", lk["case"], before=before.get(lk["case"], ""),
                            after=lock_summary(lk)) for lk in locks]
        return Applied(scenario, plan, False, add_locks=locks, audit=audit)

    @staticmethod
    def _apply_unpin(view: View, edit: Unpin) -> Applied:
        s = view.scenario
        old = next((x for x in s.locks if x.case == edit.case), None)
        if old is None:
            raise ValueError(f"case {edit.case} is not pinned")
        scenario = s.model_copy(update={"locks": tuple(x for x in s.locks if x.case != edit.case)})
        return Applied(scenario, view.plan, False, remove_locks=[edit.case], audit=[
            AuditEntry("lock.remove", "case", edit.case, before=lock_summary(old.model_dump(mode="json")))])

    @staticmethod
    def _apply_forbid(view: View, edit: ForbidPair | Allow) -> Applied:
        s = view.scenario
        if edit.case not in s.case_by_id:
            raise ValueError(f"unknown case {edit.case}")
        pools: dict[str, Mapping[str, object]] = {"staff": s.staff_by_id, "flight": s.flight_by_id,
                                                  "vehicle": s.vehicle_by_id}
        pool = pools.get(edit.target_kind)
        if pool is None or edit.target not in pool:
            raise ValueError(f"unknown {edit.target_kind} {edit.target}")
        fb = {"case": edit.case, edit.target_kind: edit.target}
        what = f"{edit.target_kind} {edit.target}"
        if isinstance(edit, ForbidPair):
            scenario = s.model_copy(update={"forbids": tuple(s.forbids) + (Forbid.model_validate(fb),)})
            return Applied(scenario, view.plan, False, add_forbids=[fb],
                           audit=[AuditEntry("forbid.add", "case", edit.case, after=what)])
        kept = tuple(f for f in s.forbids if f.model_dump(exclude_none=True) != fb)
        scenario = s.model_copy(update={"forbids": kept})
        return Applied(scenario, view.plan, False, remove_forbids=[fb],
                       audit=[AuditEntry("forbid.remove", "case", edit.case, before=what)])

    def _apply_swap(self, view: View, edit: SwapEscort) -> Applied:
        s, plan = view.scenario, view.plan
        trip = view.trip_of(edit.case)
        if trip is None or plan is None:
            raise ValueError(f"case {edit.case} is not planned")
        if edit.new_staff not in s.staff_by_id:
            raise ValueError(f"unknown escort {edit.new_staff}")
        if not any(e.staff == edit.old_staff for e in trip.escorts):
            raise ValueError(f"{edit.old_staff} does not escort case {edit.case}")
        escorts = tuple(e.model_copy(update={"staff": edit.new_staff}) if e.staff == edit.old_staff else e
                        for e in trip.escorts)
        new_trip = trip.model_copy(update={"escorts": escorts})
        return Applied(s, self._replace_trip(s, plan, trip, new_trip, view), True, audit=[AuditEntry(
            "trip.swap_escort", "case", "+".join(trip.cases), before=trip_summary(trip),
            after=trip_summary(new_trip))])

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
        first = s.flight_by_id[edit.outbound[0]]
        case = s.case_by_id[edit.case]
        # Latest pickup that still reaches the airport `checkin_minutes` before the first departure.
        drive = timedelta(minutes=drive_minutes(s, case.location, first.from_))
        pickup = plus(latest_airport_arrival(s, first), -drive)
        pickup = inside_pickup_windows(s.location_by_id[case.location], pickup)
        if old is not None:
            new_trip = old.model_copy(update={"outbound": tuple(edit.outbound), "pickup": pickup})
        else:
            # An unplanned case: a new trip for its whole group, with the first vehicle and no escorts yet.
            members = tuple(c.id for c in s.cases if (case.group is not None and c.group == case.group)) or (case.id,)
            new_trip = Trip(cases=members, outbound=tuple(edit.outbound), pickup=pickup,
                            vehicle=s.vehicles[0].id if s.vehicles else "", escorts=(), care={})
        back = alternatives.escort_return(s, new_trip) if new_trip.escorts else None
        if back is not None:
            new_trip = new_trip.model_copy(update={"escorts": tuple(
                EscortAssignment.model_validate({"staff": e.staff, "role": e.role, "return": list(back)})
                for e in new_trip.escorts)})
        new_plan = self._replace_trip(s, plan, old, new_trip, view)
        return Applied(s, new_plan, True, audit=[AuditEntry(
            "trip.move", "case", "+".join(new_trip.cases), before=trip_summary(old) if old else "unplanned",
            after=trip_summary(new_trip))])

    def _replace_trip(self, s: Scenario, plan: Plan, old: Trip | None, new: Trip, view: View) -> Plan:
        trips = [new if t is old else t for t in plan.trips] if old is not None else list(plan.trips) + [new]
        unplanned = tuple(u for u in plan.unplanned if u.case not in new.cases)
        updated = plan.model_copy(update={"trips": tuple(trips), "unplanned": unplanned})
        previous = view.published_plan if view.published is not None else None
        return updated.model_copy(update={"objective": evaluate_objective(s, updated, previous)})

    def preview(self, view: View, edit: Edit) -> Preview:
        """Apply `edit` in memory and check it: the broken rules, and which of them are new."""
        applied = self.apply(view, edit)
        clashes = lock_forbid_clashes(applied.scenario)
        if applied.plan is None:
            return Preview(edit, applied, (), (), clashes)
        previous = view.published_plan
        violations = tuple(find_violations(applied.scenario, applied.plan, previous))
        before = {violation_key(v) for v in view.violations}
        return Preview(edit, applied, violations, tuple(v for v in violations if violation_key(v) not in before),
                       clashes)

    def save_edit(self, view: View, edit: Edit, actor: str) -> SaveResult:
        """Save an edit made on `view`; ConflictError if the workspace moved since. An edit that breaks
        new rules is saved only after the coordinator confirmed it (the page's dialog) and is audited
        as "bewust afgeweken" with the broken rules; a pin/forbid clash is never saved."""
        preview = self.preview(view, edit)
        if preview.clashes:
            first = preview.clashes[0]
            raise ValueError(f"case {first.case} is pinned to {first.kind} {first.target}, which is forbidden for it")
        a = preview.applied
        audit = list(a.audit)
        if preview.new_violations:  # the page asked for confirmation first: on record as a deliberate deviation
            cases = getattr(edit, "cases", None) or (getattr(edit, "case", ""),)
            audit.append(AuditEntry("edit.deviate", "case", "+".join(cases), before=edit.kind,
                                    after=deviation_words(preview.new_violations), result="deviation"))
        new_plan = None
        if a.new_plan and a.plan is not None:
            new_plan = new_plan_record(a.scenario, a.plan, edit.kind, view.version.id if view.version else None,
                                       violations=len(preview.violations))
        change = Change(audit=audit, new_plan=new_plan, move_head=new_plan is not None,
                        add_locks=a.add_locks, remove_locks=a.remove_locks, add_forbids=a.add_forbids,
                        remove_forbids=a.remove_forbids, journal=(edit.kind, inverse_of(view, a)))
        return self.store.save(view.scenario_id, view.revision, actor, change)

    def adopt(self, view: View, plan_id: int, actor: str) -> SaveResult:
        """Make an existing version (e.g. a solve kept aside after a conflict) the head."""
        version = self.store.plan_version(plan_id, with_data=False)
        return self.store.save(view.scenario_id, view.revision, actor, Change(
            audit=[AuditEntry("plan.adopt", "plan_version", f"{view.scenario_id}/v{version.number}",
                              before=f"head v{view.version.number}" if view.version else "no plan",
                              after=f"head v{version.number}")],
            move_head=False, adopt_plan_id=plan_id))


def inside_pickup_windows(location, latest):
    """The latest pickup at or before `latest` inside the location's daily pickup windows (local time)."""
    local = inside(in_zone(latest, location.zone)).replace(second=0, microsecond=0)
    if not location.pickup_windows:
        return local
    moment = local
    for _ in range(24 * 60):  # minute steps: a zero-length window holds one minute only
        if pickup_allowed(location, moment):
            return moment
        moment = in_zone(plus(moment, -timedelta(minutes=1)), location.zone)
    return local
