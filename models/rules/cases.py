"""Rule 1, the case: picked up when available, after planning start, departing by the
deadline on a day the travel document and fit-to-fly are valid, with enough notice."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime

from models import timeline
from models.instants import plus
from models.plan import Trip
from models.rules.context import PlanContext, TripView
from models.rules.text import day_nl, trip_name, trip_name_nl, when, when_nl
from models.rules.violation import Rule, Violation

AVAILABLE = Rule("rule1.available", "Pickup before case is available", "Ophalen voordat de zaak beschikbaar is")
PLANNING_START = Rule("rule1.planning_start", "Starts before planning start", "Begint vóór het planningsmoment")
DEADLINE = Rule("rule1.deadline", "Departs after deadline", "Vertrek na de uiterste vertrekdatum")
DOCUMENT_MISSING = Rule("rule1.document_missing", "No travel document", "Geen reisdocument")
DOCUMENT_VALIDITY = Rule(
    "rule1.document_validity", "Travel document not valid on departure day", "Reisdocument niet geldig op vertrekdag"
)
FIT_STATUS = Rule("rule1.fit_status", "Not fit to fly", "Niet fit-to-fly")
FIT_VALIDITY = Rule(
    "rule1.fit_validity", "Fit-to-fly not valid on departure day", "Fit-to-fly niet geldig op vertrekdag"
)
NOTICE = Rule("rule1.notice", "Departure announced too late", "Vertrek te laat aangezegd")

_FIT_NL = {"fit": "fit", "fit_with_conditions": "fit onder voorwaarden", "unfit": "ongeschikt",
           "pending": "in afwachting"}
"""Fit-to-fly statuses in the users' words."""


RULES = (AVAILABLE, PLANNING_START, DEADLINE, DOCUMENT_MISSING, DOCUMENT_VALIDITY, FIT_STATUS, FIT_VALIDITY, NOTICE)


def check(ctx: PlanContext) -> Iterator[Violation]:
    for view in ctx.trips:
        yield from _ready(view)
        yield from _pickup(ctx, view)
        if view.outbound is not None:
            yield from _departure_day(ctx, view)
            yield from _notice(ctx, view)


def _ready(view: TripView) -> Iterator[Violation]:
    for case in view.cases:
        if case.travel_document is None:
            yield DOCUMENT_MISSING(f"{case.id}: travel document not issued yet", [case.id],
                                   nl=f"{case.id}: reisdocument nog niet afgegeven")
        if not case.fit_to_fly.allows_travel:
            status = case.fit_to_fly.status.value
            yield FIT_STATUS(f"{case.id}: fit-to-fly status is {status}", [case.id],
                             nl=f"{case.id}: fit-to-fly-status is {_FIT_NL.get(status, status)}")


def _pickup(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s = ctx.scenario
    pickup = view.trip.pickup
    for case in view.cases:
        if pickup < case.available_from:
            yield AVAILABLE(
                f"{case.id}: pickup {when(pickup)} is before available_from {when(case.available_from)}", [case.id],
                nl=f"{case.id}: ophalen {when_nl(pickup)} ligt vóór beschikbaar vanaf {when_nl(case.available_from)}",
            )
    report = timeline.report_time(s, view.trip)
    if report < s.planning_start:
        yield PLANNING_START(
            f"{trip_name(view.trip)}: escorts report at {when(report)}, before planning start {when(s.planning_start)}",
            view.trip.cases,
            nl=f"{trip_name_nl(view.trip)}: begeleiders melden zich {when_nl(report)}, vóór het planningsmoment "
            f"{when_nl(s.planning_start)}",
        )
    joining = [e for e in view.trip.escorts if timeline.joins_at_airport(s, e.role)]
    if joining and view.outbound is not None:
        airport_report = timeline.airport_report_at(s, view.first_departure)
        if airport_report < s.planning_start:
            names = ", ".join(f"{e.staff} ({e.role.value})" for e in joining)
            yield PLANNING_START(
                f"{trip_name(view.trip)}: {names} report at {view.outbound[0].from_} at {when(airport_report)}, "
                f"before planning start {when(s.planning_start)}", view.trip.cases,
                nl=f"{trip_name_nl(view.trip)}: {names} melden zich op {view.outbound[0].from_} om "
                f"{when_nl(airport_report)}, vóór het planningsmoment {when_nl(s.planning_start)}",
            )


def _departure_day(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    first = view.legs[0]
    departure = first.departure
    origin = ctx.scenario.location_by_id[first.from_]
    day = timeline.local_date(departure, origin.tz)
    for case in view.cases:
        if departure > case.deadline:
            yield DEADLINE(
                f"{case.id}: first departure {first.code} {when(departure)} is after deadline {when(case.deadline)}",
                [case.id],
                nl=f"{case.id}: eerste vertrek {first.code} {when_nl(departure)} ligt na de uiterste vertrekdatum "
                f"{when_nl(case.deadline)}",
            )
        doc = case.travel_document
        if doc is not None and not doc.valid_on(day):
            yield DOCUMENT_VALIDITY(
                f"{case.id}: departs {day}, travel document valid {doc.valid_from} to {doc.valid_until}", [case.id],
                nl=f"{case.id}: vertrekt {day_nl(day)}, reisdocument geldig van {day_nl(doc.valid_from)} "
                f"tot {day_nl(doc.valid_until)}",
            )
        ftf = case.fit_to_fly
        if not ftf.valid_on(day):
            yield FIT_VALIDITY(
                f"{case.id}: departs {day}, fit-to-fly valid {ftf.valid_from} to {ftf.valid_until}", [case.id],
                nl=f"{case.id}: vertrekt {day_nl(day)}, fit-to-fly geldig van {day_nl(ftf.valid_from)} "
                f"tot {day_nl(ftf.valid_until)}",
            )


def is_new_departure(previous_by_case: Mapping[str, Trip], case_ids: Iterable[str], outbound: Sequence[str]) -> bool:
    """True when any case had no previous trip or flew other outbound legs there."""
    legs = tuple(outbound)
    return any(c not in previous_by_case or tuple(previous_by_case[c].outbound) != legs for c in case_ids)


def _notice(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s = ctx.scenario
    earliest: datetime = plus(s.planning_start, timeline.hours(s.settings.notice_hours))
    if view.first_departure < earliest and is_new_departure(ctx.previous_by_case, view.trip.cases, view.trip.outbound):
        yield NOTICE(
            f"{trip_name(view.trip)}: new departure {view.legs[0].code} {when(view.first_departure)} is less than "
            f"{s.settings.notice_hours:g} h after planning start {when(s.planning_start)} (earliest {when(earliest)})",
            view.trip.cases,
            nl=f"{trip_name_nl(view.trip)}: nieuw vertrek {view.legs[0].code} {when_nl(view.first_departure)} ligt "
            f"minder dan {s.settings.notice_hours:g} uur na het planningsmoment {when_nl(s.planning_start)} "
            f"(vroegst {when_nl(earliest)})",
        )
