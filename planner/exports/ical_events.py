"""The events of one trip for one escort or one vehicle, as plain data (`EventSpec`), with stable UIDs."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from models.instants import in_zone
from planner.exports.privacy import Field, Recipient, one_line
from planner.exports.trips import TripRecord

DEFAULT_ALARM_MINUTES = 120
"""Alarm this long before the report time (escorts) or the depot departure (vehicles)."""
_UID_NAMESPACE = "bv-planner/ical/1"


@dataclass(frozen=True)
class EventSpec:
    """What one calendar event says, before it is written."""

    uid: str
    summary: str
    location: str | None
    start: datetime
    start_tz: str
    end: datetime
    end_tz: str
    fields: Mapping[Field, str]
    """Need-to-know fields: written as `X-BV-*` properties and as DESCRIPTION lines."""
    alarm_minutes: int | None = None
    busy: bool = True


def event_uid(*parts: str) -> str:
    """A stable UID from plan objects; a digest, so ids and pseudonyms are not spelled out."""
    digest = hashlib.sha256("\x1f".join((_UID_NAMESPACE,) + parts).encode("utf-8")).hexdigest()[:32]
    return f"bv-{digest}@bv-planner"


def calendar_filename(owner_id: str) -> str:
    """`<id>.ics`, with anything outside `A-Za-z0-9._-` percent-encoded: no path tricks."""
    name = quote(owner_id, safe="-_.")
    if name.startswith("."):
        name = "%2E" + name[1:]
    return f"{name}.ics"


def wall_time(moment: datetime, tz: str) -> datetime:
    """`moment` in zone `tz`; in UTC when that wall-clock time is ambiguous there (DST end)."""
    local = in_zone(moment, tz)  # in UTC at the very end of the calendar (year 9999)
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return moment.astimezone(UTC)
    return local


def _pick(values: Mapping[Field, str], *wanted: Field, **override: str) -> dict[Field, str]:
    """The wanted fields that the recipient may see, in field order; overrides only if visible."""
    out = {}
    for f in Field:
        if f in wanted and f in values:
            out[f] = override.get(f.value, values[f])
    return out


def _with(prefix: str, values: Mapping[Field, str]) -> str:
    pseudonym = values.get(Field.pseudonym)
    return f"{prefix} – {pseudonym}" if pseudonym else prefix


_CONDITIONS = (Field.wheelchair, Field.stretcher, Field.oxygen, Field.medical_escort)


def escort_events(record: TripRecord, staff_id: str, alarm_minutes: int | None = DEFAULT_ALARM_MINUTES
                  ) -> list[EventSpec]:
    """The events of one escort's trip, with only what his role in this trip may see."""
    place = record.escort(staff_id)
    values = record.visible(place.recipient, staff_id)
    uid = lambda *parts: event_uid("staff", staff_id, record.key, *parts)  # noqa: E731
    report_fields = (Field.pseudonym, Field.persons, Field.role, Field.team, Field.vehicle, Field.pickup_place,
                     Field.pickup_time, Field.report_place, Field.report_time, Field.airport, Field.checkin_time,
                     Field.airport_escorts, *_CONDITIONS)
    if place.joins_at_airport:  # an airport-joining escort reports at the airport, not at the pickup
        out = [EventSpec(
            uid=uid("report"),
            summary=_with(f"Melden op luchthaven, {values.get(Field.report_place, '')}".rstrip(", "), values),
            location=values.get(Field.report_place),
            start=place.report_at, start_tz=record.airport.tz,
            end=record.outbound[0].flight.departure, end_tz=record.airport.tz,
            fields=_pick(values, *report_fields), alarm_minutes=alarm_minutes,
        )]
    else:
        out = [EventSpec(
            uid=uid("report"),
            summary=_with(f"Melden en ophalen, {values.get(Field.pickup_place, '')}".rstrip(", "), values),
            location=values.get(Field.pickup_place),
            start=record.report, start_tz=record.pickup_place.tz,
            end=record.airport_arrival, end_tz=record.airport.tz,
            fields=_pick(values, *report_fields), alarm_minutes=alarm_minutes,
        )]
    for leg in record.outbound:
        out.append(EventSpec(
            uid=uid("outbound", leg.id),
            summary=_with(f"Vlucht {leg.code} {leg.route}", values),
            location=one_line(leg.origin.label),
            start=leg.flight.departure, start_tz=leg.origin.tz, end=leg.flight.arrival, end_tz=leg.destination.tz,
            fields=_pick(values, Field.pseudonym, Field.role, Field.flights, *_CONDITIONS, flights=leg.text()),
        ))
    out.append(EventSpec(
        uid=uid("handover"),
        summary=_with(f"Overdracht, {values.get(Field.handover_place, '')}".rstrip(", "), values),
        location=values.get(Field.handover_place),
        start=record.handover_start, start_tz=record.arrival_airport.tz,
        end=record.handover_end, end_tz=record.arrival_airport.tz,
        fields=_pick(values, Field.pseudonym, Field.role, Field.team, Field.handover_place, Field.handover_time,
                     Field.receiving_facility, *_CONDITIONS),
    ))
    for leg in place.returns:
        out.append(EventSpec(
            uid=uid("return", leg.id),
            summary=f"Terugvlucht {leg.code} {leg.route}",
            location=one_line(leg.origin.label),
            start=leg.flight.departure, start_tz=leg.origin.tz, end=leg.flight.arrival, end_tz=leg.destination.tz,
            fields=_pick(values, Field.pseudonym, Field.role, Field.return_flights, return_flights=leg.text()),
        ))
    out.append(EventSpec(
        uid=uid("rest"), summary="Rusttijd (niet inplanbaar)", location=None,
        start=place.back_at, start_tz=place.back_place.tz, end=place.rest_until, end_tz=place.back_place.tz,
        fields={},
    ))
    return out


def vehicle_events(record: TripRecord, alarm_minutes: int | None = DEFAULT_ALARM_MINUTES) -> list[EventSpec]:
    """The vehicle's ride for one trip: from leaving the depot to being back."""
    values = record.visible(Recipient.dvo)
    route = f"{values.get(Field.pickup_place, '')} → {values.get(Field.airport, '')}"
    return [EventSpec(
        uid=event_uid("vehicle", record.vehicle.id, record.key, "ride"),
        summary=_with(f"Rit {route}", values),
        location=values.get(Field.pickup_place),
        start=record.vehicle_out, start_tz=record.depot.tz, end=record.vehicle_back, end_tz=record.depot.tz,
        fields=dict(values), alarm_minutes=alarm_minutes,
    )]


__all__ = [
    "DEFAULT_ALARM_MINUTES", "EventSpec", "calendar_filename", "escort_events", "event_uid", "vehicle_events",
    "wall_time",
]
