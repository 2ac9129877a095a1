"""Rule 9, ground time per case: not too early at the first airport, no overlong connection, for
vulnerable cases (minors and medical cases as in rule 2) no long and no night connection, no
change of planes in a country the case must avoid, and time to request transit for a forced
case connecting in a third country.

Each limit is switched off by its `null` setting. Boundaries: a limit "≤ max" passes at
equality. The night window is read on the hub's wall clock and is half-open, [from, to): a
connection that only touches it (arrives exactly at 05:00, or leaves exactly at 00:00, for
00:00-05:00) does not overlap it; one that contains a moment inside it on any date does (see
`timeline.overlaps_daily_window`, which also documents DST and `from == to`)."""

from __future__ import annotations

from collections.abc import Iterator

from models import timeline
from models.instants import plus
from models.rules.cases import is_new_departure
from models.rules.context import PlanContext, TripView
from models.rules.text import (
    duration_text,
    leg_name,
    leg_name_nl,
    trip_name,
    trip_name_nl,
    when,
    when_nl,
)
from models.rules.violation import Rule, Violation

AIRPORT_WAIT = Rule("rule9.airport_wait", "Waits too long at the airport", "Te lang wachten op de luchthaven")
CONNECTION = Rule("rule9.connection", "Connection too long", "Overstap te lang")
VULNERABLE_CONNECTION = Rule("rule9.vulnerable_connection", "Connection too long for vulnerable person",
                             "Overstap te lang voor kwetsbare persoon")
NIGHT_CONNECTION = Rule("rule9.night_connection", "Night connection for vulnerable person",
                        "Nachtelijke overstap voor kwetsbare persoon")
TRANSIT_COUNTRY = Rule("rule9.transit_country", "Changes planes in excluded country",
                       "Overstap in een uitgesloten land")
TRANSIT_REQUEST = Rule("rule9.transit_request", "Too little time to request transit",
                       "Te weinig tijd voor het doorgeleidingsverzoek")

RULES = (AIRPORT_WAIT, CONNECTION, VULNERABLE_CONNECTION, NIGHT_CONNECTION, TRANSIT_COUNTRY, TRANSIT_REQUEST)


def check(ctx: PlanContext) -> Iterator[Violation]:
    for view in ctx.trips:
        if view.outbound is None:
            continue  # coverage reports the unknown leg
        if view.timed:
            yield from _airport_wait(ctx, view)
        yield from _connections(ctx, view)
        yield from _transit(ctx, view)


def _gap_minutes(start, end) -> float:
    return (end - start).total_seconds() / 60


def _airport_wait(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s = ctx.scenario
    earliest = timeline.earliest_airport_arrival(s, view.first_departure)
    max_wait = s.settings.max_airport_wait_minutes
    if earliest is None or max_wait is None:
        return
    arrival = timeline.airport_arrival(s, view.trip)
    if arrival < earliest:
        checkin = timeline.latest_airport_arrival(s, view.legs[0])
        airport = view.legs[0].from_
        yield AIRPORT_WAIT(
            f"rule 9: {trip_name(view.trip)} reaches {airport} at {when(arrival)}, "
            f"{duration_text(_gap_minutes(arrival, checkin))} before check-in at {when(checkin)} for "
            f"{leg_name(s, view.legs[0])} (max airport wait {duration_text(max_wait)}; "
            f"pick up no earlier than {when(plus(view.trip.pickup, earliest - arrival))})", view.trip.cases,
            nl=f"regel 9: {trip_name_nl(view.trip)} is op {airport} om {when_nl(arrival)}, "
            f"{duration_text(_gap_minutes(arrival, checkin))} vóór het inchecken om {when_nl(checkin)} voor "
            f"{leg_name_nl(s, view.legs[0])} (hoogstens {duration_text(max_wait)} wachten op de luchthaven; "
            f"ophalen niet vóór {when_nl(plus(view.trip.pickup, earliest - arrival))})",
        )


def _connections(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s = ctx.scenario
    settings = s.settings
    vulnerable = [c for c in view.cases if timeline.is_vulnerable(c)]
    for before, after in timeline.connections(view.legs):
        hub = s.location_by_id[before.to]
        gap = _gap_minutes(before.arrival, after.departure)
        where = (f"{duration_text(gap)} at {hub.id} between {leg_name(s, before)} (lands {when(before.arrival)}) "
                 f"and {leg_name(s, after)} (departs {when(after.departure)})")
        where_nl = (f"{duration_text(gap)} op {hub.id} tussen {leg_name_nl(s, before)} "
                    f"(landt {when_nl(before.arrival)}) en {leg_name_nl(s, after)} "
                    f"(vertrekt {when_nl(after.departure)})")
        if settings.max_connection_minutes is not None and gap > settings.max_connection_minutes:
            yield CONNECTION(f"rule 9: {trip_name(view.trip)} waits {where}, max connection "
                             f"{duration_text(settings.max_connection_minutes)}", view.trip.cases,
                             nl=f"regel 9: {trip_name_nl(view.trip)} wacht {where_nl}, overstap hoogstens "
                             f"{duration_text(settings.max_connection_minutes)}")
        limit = settings.vulnerable_max_connection_minutes
        night = settings.night_connection
        for case in vulnerable:
            if limit is not None and gap > limit:
                yield VULNERABLE_CONNECTION(f"rule 9: {case.id} ({_why_vulnerable(case)}) waits {where}, max "
                                            f"{duration_text(limit)} for a vulnerable case", [case.id],
                                            nl=f"regel 9: {case.id} ({_why_vulnerable_nl(case)}) wacht {where_nl}, "
                                            f"hoogstens {duration_text(limit)} voor een kwetsbare persoon")
            if night is not None and timeline.overlaps_daily_window(before.arrival, after.departure, night, hub.tz):
                yield NIGHT_CONNECTION(f"rule 9: {case.id} ({_why_vulnerable(case)}) waits {where}, overlapping the "
                                       f"night {night.from_:%H:%M}-{night.to:%H:%M} local time at {hub.id} "
                                       f"({hub.tz})", [case.id],
                                       nl=f"regel 9: {case.id} ({_why_vulnerable_nl(case)}) wacht {where_nl}, "
                                       f"overlapt de nacht {night.from_:%H:%M}-{night.to:%H:%M} lokale tijd op "
                                       f"{hub.id} ({hub.tz})")


def _why_vulnerable(case) -> str:
    return "minor" if case.minor else "medical"


def _why_vulnerable_nl(case) -> str:
    return "minderjarig" if case.minor else "medisch"


def _transit(ctx: PlanContext, view: TripView) -> Iterator[Violation]:
    s = ctx.scenario
    hubs = []
    for before, after in timeline.connections(view.legs):
        for airport_id in (before.to, after.from_):
            if airport_id not in hubs:
                hubs.append(airport_id)
    if not hubs:
        return
    countries = {a: s.location_by_id[a].country for a in hubs}
    hours = s.settings.transit_request_hours
    earliest = None if hours is None else plus(s.planning_start, timeline.hours(hours))
    for case in view.cases:
        banned = [f"{a} ({c})" for a, c in countries.items() if c in case.transit_excluded_countries]
        if banned:
            yield TRANSIT_COUNTRY(f"rule 9: {case.id} may not change planes in {', '.join(banned)} "
                                  f"(transit excluded: {', '.join(case.transit_excluded_countries)})", [case.id],
                                  nl=f"regel 9: {case.id} mag niet overstappen in {', '.join(banned)} "
                                  f"(uitgesloten voor doorreis: {', '.join(case.transit_excluded_countries)})")
        third = [f"{a} ({c})" for a, c in countries.items() if c not in (s.home_country, case.destination_country)]
        if (case.forced and third and earliest is not None and view.first_departure < earliest
                and is_new_departure(ctx.previous_by_case, [case.id], view.trip.outbound)):
            yield TRANSIT_REQUEST(
                f"rule 9: forced case {case.id} changes planes in {', '.join(third)}, a third country: first departure "
                f"{view.legs[0].code} {when(view.first_departure)} is less than {hours:g} h after planning start "
                f"{when(s.planning_start)} to request transit (earliest {when(earliest)})", [case.id],
                nl=f"regel 9: gedwongen zaak {case.id} stapt over in {', '.join(third)}, een derde land: eerste "
                f"vertrek {view.legs[0].code} {when_nl(view.first_departure)} ligt minder dan {hours:g} uur na het "
                f"planningsmoment {when_nl(s.planning_start)}, te kort om doorgeleiding aan te vragen "
                f"(vroegst {when_nl(earliest)})")
