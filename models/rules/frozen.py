"""The freeze: a trip of the previous plan departing within `freeze_hours` of planning start
stays exactly as it was (cases, flights, vehicle, pickup, escorts), unless the plan's notes
explain for one of its cases why it had to change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from models import timeline
from models.instants import plus
from models.plan import Plan, Trip
from models.rules.context import PlanContext, trip_by_case
from models.rules.text import (
    trip_name,
    trip_name_nl,
    when,
    when_nl,
)
from models.rules.violation import Rule, Violation
from models.scenario import Scenario

CHANGED = Rule("frozen.changed", "Frozen trip changed without note", "Bevroren reis gewijzigd zonder toelichting")

RULES = (CHANGED,)


def freeze_until(scenario: Scenario) -> datetime:
    return plus(scenario.planning_start, timeline.hours(scenario.settings.freeze_hours))


def frozen_trips(scenario: Scenario, previous: Plan) -> list[Trip]:
    """Previous trips departing by planning_start + freeze_hours.

    Trips whose first leg or cases are no longer in the scenario are left out: their departure
    time is unknown or the case is gone, so nothing can be kept (the notes should say so)."""
    limit = freeze_until(scenario)
    out = []
    for trip in previous.trips:
        first = scenario.flight_by_id.get(trip.outbound[0])
        if first is None or any(c not in scenario.case_by_id for c in trip.cases):
            continue
        if first.departure <= limit:
            out.append(trip)
    return out


_CHANGE_WORDS = {
    "en": ("no longer planned", "cases", "outbound", "vehicle", "pickup", "escorts", "none"),
    "nl": ("niet meer ingepland", "zaken", "heenvluchten", "voertuig", "ophalen", "begeleiders", "geen"),
}


def trip_changes(before: Trip, after: Trip | None, lang: str = "en") -> list[str]:
    """What differs between a frozen trip and its cases' trip now, in words (English or Dutch)."""
    gone, cases, outbound, vehicle, pickup, escorts, none = _CHANGE_WORDS[lang]
    at = when if lang == "en" else when_nl
    if after is None:
        return [gone]
    out = []
    if set(before.cases) != set(after.cases):
        out.append(f"{cases} {'+'.join(before.cases)} -> {'+'.join(after.cases)}")
    if tuple(before.outbound) != tuple(after.outbound):
        out.append(f"{outbound} {', '.join(before.outbound)} -> {', '.join(after.outbound)}")
    if before.vehicle != after.vehicle:
        out.append(f"{vehicle} {before.vehicle} -> {after.vehicle}")
    if before.pickup != after.pickup:
        out.append(f"{pickup} {at(before.pickup)} -> {at(after.pickup)}")
    staff_before, staff_after = {e.staff for e in before.escorts}, {e.staff for e in after.escorts}
    if staff_before != staff_after:
        out.append(f"{escorts} {', '.join(sorted(staff_before)) or none} -> {', '.join(sorted(staff_after)) or none}")
    return out


def check(ctx: PlanContext) -> Iterator[Violation]:
    if ctx.previous is None:
        return
    noted = {note.case for note in ctx.plan.notes}
    now = trip_by_case(ctx.plan)
    for before in frozen_trips(ctx.scenario, ctx.previous):
        if noted.intersection(before.cases):
            continue
        after = now.get(before.cases[0])
        changes = trip_changes(before, after)
        if changes:
            limit = freeze_until(ctx.scenario)
            yield CHANGED(f"{trip_name(before)} departs by {when(freeze_until(ctx.scenario))} (frozen) but changed: "
                          f"{'; '.join(changes)}; add a note to explain", before.cases,
                          nl=f"{trip_name_nl(before)} vertrekt uiterlijk {when_nl(limit)} (bevroren) maar is "
                          f"gewijzigd: "
                          f"{'; '.join(trip_changes(before, after, 'nl'))}; voeg een toelichting toe")
