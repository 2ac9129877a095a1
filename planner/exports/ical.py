"""Calendars (RFC 5545) per escort and per DV&O vehicle, published as feeds.

One calendar per staff member (`<staff id>.ics`) and per vehicle (`<vehicle id>.ics`).
An escort's trip gives: report and pickup (with an alarm), each outbound leg, the handover, each
return leg, and the rest period (busy). A vehicle's trip gives its ride, depot to depot.

Stable publishing (shared/PRACTICE.md, iCalendar):
- UIDs are digests of plan objects: owner, the trip's key (its case pseudonyms), the event kind
  and, for a leg, the leg id. The same event keeps its UID across re-plans.
- DTSTAMP comes from `published_at` (default: the scenario's planning start), never "now".
- With the previous export, an unchanged event is written byte-identical (same SEQUENCE and
  DTSTAMP), a changed one gets SEQUENCE + 1, and one that disappeared is published as
  STATUS:CANCELLED with SEQUENCE + 1 (and then carried along unchanged).
- Times are in the zone of the place where they happen (leg start: departure airport, leg end:
  arrival airport) with a VTIMEZONE; a wall-clock time that is ambiguous in that zone (the hour
  repeated when DST ends) is written in UTC instead, because parsers disagree on which of the
  two instants such a time means. Nothing is ever floating.
- Every text value passes `privacy.one_line` and icalendar's TEXT escaping, so CR, LF, `;`, `,`
  in scenario data cannot start a property or an event.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Mapping
from urllib.parse import quote
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone, vText
from icalendar.enums import STATUS, TRANSP

from models import InputError, Plan, Scenario
from models.instants import in_zone
from planner.exports.privacy import Field, Recipient, TripRecord, one_line, trip_records
from planner.exports.zones import vtimezone, zone_span

log = logging.getLogger(__name__)

PRODID = "-//DT&V Bijzonder Vertrek//bv-planner//NL"
DEFAULT_ALARM_MINUTES = 120
"""Alarm this long before the report time (escorts) or the depot departure (vehicles)."""
CANCELLED_KEEP = timedelta(days=30)
"""Cancelled events stay in the feed until this long after they would have ended."""
_UID_NAMESPACE = "bv-planner/ical/1"
_CANCELLED_PREFIX = "Geannuleerd: "


# -- events as plain data ----------------------------------------------------------------------------
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
        return moment.astimezone(timezone.utc)
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


_CONDITIONS = (Field.wheelchair, Field.stretcher, Field.oxygen)


def escort_events(record: TripRecord, staff_id: str, alarm_minutes: int | None = DEFAULT_ALARM_MINUTES
                  ) -> list[EventSpec]:
    """The events of one escort's trip, with only what his role in this trip may see."""
    place = record.escort(staff_id)
    values = record.visible(place.recipient, staff_id)
    uid = lambda *parts: event_uid("staff", staff_id, record.key, *parts)  # noqa: E731
    out = [EventSpec(
        uid=uid("report"),
        summary=_with(f"Melden en ophalen, {values.get(Field.pickup_place, '')}".rstrip(", "), values),
        location=values.get(Field.pickup_place),
        start=record.report, start_tz=record.pickup_place.tz,
        end=record.airport_arrival, end_tz=record.airport.tz,
        fields=_pick(values, Field.pseudonym, Field.persons, Field.role, Field.team, Field.vehicle,
                     Field.pickup_place, Field.pickup_time, Field.report_time, Field.airport, Field.checkin_time,
                     *_CONDITIONS),
        alarm_minutes=alarm_minutes,
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


# -- writing -------------------------------------------------------------------------------------------
def _description(fields: Mapping[Field, str]) -> str:
    lines = [f"{f.label}: {value}" for f, value in fields.items()]
    lines.append("Vertrouwelijk: alleen voor de ontvanger (need-to-know).")
    return "\n".join(lines)


def build_event(spec: EventSpec, sequence: int, stamp: datetime) -> Event:
    event = Event.new(
        uid=spec.uid, stamp=stamp, start=wall_time(spec.start, spec.start_tz), end=wall_time(spec.end, spec.end_tz),
        sequence=sequence, status=STATUS.CONFIRMED, summary=one_line(spec.summary),
        location=one_line(spec.location) if spec.location else None, description=_description(spec.fields),
        transparency=TRANSP.OPAQUE if spec.busy else TRANSP.TRANSPARENT,
    )
    for f, value in spec.fields.items():
        event.add(f.ical_name, vText(one_line(value)))
    if spec.alarm_minutes is not None:
        alarm = Alarm.new(description=one_line(spec.summary))
        alarm.add("ACTION", "DISPLAY")
        alarm.add("TRIGGER", timedelta(minutes=-spec.alarm_minutes))
        event.add_component(alarm)
    return event


def build_cancelled(uid: str, sequence: int, stamp: datetime, start: datetime, end: datetime | None,
                    summary: str) -> Event:
    """A withdrawn event: only its time and title, marked CANCELLED; no details, no alarm."""
    summary = one_line(summary)
    if not summary.startswith(_CANCELLED_PREFIX):
        summary = _CANCELLED_PREFIX + summary
    return Event.new(uid=uid, stamp=stamp, start=start, end=end, sequence=sequence, status=STATUS.CANCELLED,
                     summary=summary, transparency=TRANSP.TRANSPARENT)


@dataclass(frozen=True)
class PreviousEvent:
    raw: bytes
    sequence: int
    stamp: datetime
    cancelled: bool
    start: datetime
    end: datetime | None
    summary: str


@dataclass(frozen=True)
class PreviousCalendar:
    name: str
    home_tz: str
    events: dict[str, PreviousEvent]


_LINE_BREAK = re.compile(rb"\r\n|\n|\r")


def _raw_vevents(data: bytes) -> list[bytes]:
    """The VEVENT blocks of a calendar file, verbatim (CRLF line ends), in file order."""
    blocks, current, depth = [], None, 0
    for line in _LINE_BREAK.split(data):
        if current is None:
            if line == b"BEGIN:VEVENT":
                current, depth = [line], 1
            continue
        current.append(line)
        if line.startswith(b"BEGIN:"):
            depth += 1
        elif line.startswith(b"END:"):
            depth -= 1
            if depth == 0:
                blocks.append(b"\r\n".join(current) + b"\r\n")
                current = None
    return blocks


def _aware(value: object, what: str, source: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InputError(source, [(what, "expected a date-time with a time zone")])
    return value


def read_previous_calendar(name: str, data: bytes) -> PreviousCalendar:
    """Parse one file of an earlier export; `InputError` if it is not one of ours."""
    source = f"previous export {name}"
    try:
        cal = Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError and friends on bad input
        raise InputError(source, [("", f"not an iCalendar file: {exc}")]) from None
    blocks = _raw_vevents(data)
    events = [c for c in cal.subcomponents if c.name == "VEVENT"]
    if len(blocks) != len(events):
        raise InputError(source, [("", "cannot match the VEVENT blocks of the file")])
    out: dict[str, PreviousEvent] = {}
    for raw, ev in zip(blocks, events):
        uid = str(ev.get("UID", ""))
        if not uid:
            raise InputError(source, [("VEVENT", "event without UID")])
        try:
            sequence = int(ev.get("SEQUENCE", 0))
        except (TypeError, ValueError):
            raise InputError(source, [(f"VEVENT {uid}.SEQUENCE", "not a number")]) from None
        stamp = _aware(ev.decoded("DTSTAMP", None), f"VEVENT {uid}.DTSTAMP", source)
        start = _aware(ev.decoded("DTSTART", None), f"VEVENT {uid}.DTSTART", source)
        end = ev.decoded("DTEND", None)
        if end is not None:
            end = _aware(end, f"VEVENT {uid}.DTEND", source)
        out[uid] = PreviousEvent(raw=raw, sequence=sequence, stamp=stamp,
                                 cancelled=str(ev.get("STATUS", "")).upper() == "CANCELLED",
                                 start=start, end=end, summary=str(ev.get("SUMMARY", "")))
    return PreviousCalendar(name=str(cal.get("X-WR-CALNAME", "")), home_tz=str(cal.get("X-WR-TIMEZONE", "")),
                            events=out)


def _published(scenario: Scenario, published_at: datetime | None) -> datetime:
    moment = scenario.planning_start if published_at is None else published_at
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InputError("published_at", [("", "must carry a UTC offset")])
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def _events_with_sequence(specs: list[EventSpec], previous: PreviousCalendar | None, stamp: datetime,
                          label: str = "") -> list[Event]:
    """Keep, bump or cancel against the previous export (module docstring)."""
    prev = previous.events if previous is not None else {}
    active, cancelled = [], []
    counts = {"new": 0, "unchanged": 0, "changed": 0, "cancelled": 0}
    for spec in sorted(specs, key=lambda s: (_utc(s.start), s.uid)):
        old = prev.get(spec.uid)
        if old is None:
            active.append(build_event(spec, 0, stamp))
            counts["new"] += 1
            continue
        same = build_event(spec, old.sequence, old.stamp)
        if not old.cancelled and same.to_ical() == old.raw:
            active.append(same)
            counts["unchanged"] += 1
        else:
            active.append(build_event(spec, old.sequence + 1, stamp))
            counts["changed"] += 1
    current = {s.uid for s in specs}
    for uid, old in sorted(prev.items(), key=lambda item: (_utc(item[1].start), item[0])):
        if uid in current:
            continue
        if old.cancelled:
            if _utc(old.end or old.start) + CANCELLED_KEEP < stamp:
                continue
            cancelled.append(build_cancelled(uid, old.sequence, old.stamp, old.start, old.end, old.summary))
        else:
            cancelled.append(build_cancelled(uid, old.sequence + 1, stamp, old.start, old.end, old.summary))
            counts["cancelled"] += 1
    log.info("calendar %s: %s", label, ", ".join(f"{n} {what}" for what, n in counts.items()))
    return active + cancelled


def _local_dates(event: Event) -> Iterable[date]:
    for key in ("DTSTART", "DTEND"):
        value = event.decoded(key, None)
        if isinstance(value, datetime):
            yield value.date()


def assemble_calendar(name: str, home_tz: str, owner: tuple[str, str], events: list[Event], stamp: datetime) -> bytes:
    """One VCALENDAR: METHOD:PUBLISH, names, the events, and a VTIMEZONE for every TZID used."""
    cal = Calendar.new(method="PUBLISH", prodid=PRODID, uid=event_uid("calendar", *owner))
    cal.add("NAME", vText(one_line(name)))
    cal.add("X-WR-CALNAME", vText(one_line(name)))
    cal.add("X-WR-TIMEZONE", vText(home_tz))
    cal.add("REFRESH-INTERVAL", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", vText("PT1H"))
    dates = [d for e in events for d in _local_dates(e)] or [stamp.date()]
    first, last = zone_span(min(dates), max(dates))
    for event in events:
        cal.add_component(event)
    # The owner's home zone always: it names the feed's zone and keeps an empty feed a valid file.
    zones = sorted(cal.get_missing_tzids() | {home_tz})
    cal.subcomponents[0:0] = [Timezone.from_ical(vtimezone(tzid, first, last)) for tzid in zones]
    cal.add_missing_timezones(first, last)  # a no-op unless a zone above was missed
    missing = cal.get_missing_tzids()
    if missing:
        raise InputError(f"calendar {name}", [("VTIMEZONE", f"no definition for {sorted(missing)}")])
    return cal.to_ical()


# -- the public face ----------------------------------------------------------------------------------------
def _previous_calendars(previous_export: Mapping[str, bytes] | None) -> dict[str, PreviousCalendar]:
    return {name: read_previous_calendar(name, data) for name, data in sorted((previous_export or {}).items())
            if name.endswith(".ics")}


def _owner_files(scenario: Scenario) -> dict[str, tuple[str, str]]:
    """File name -> (kind, id) for every staff member and vehicle; clashing names are an input error."""
    out: dict[str, tuple[str, str]] = {}
    problems = []
    for kind, items in (("staff", scenario.staff), ("vehicle", scenario.vehicles)):
        for item in items:
            name = calendar_filename(item.id)
            if name in out:
                problems.append((f"{kind} {item.id!r}", f"calendar file {name} is also used by "
                                                         f"{out[name][0]} {out[name][1]!r}"))
            out[name] = (kind, item.id)
    if problems:
        raise InputError("calendars", problems)
    return out


def calendars(scenario: Scenario, plan: Plan, previous_export: Mapping[str, bytes] | None = None, *,
              published_at: datetime | None = None, alarm_minutes: int | None = DEFAULT_ALARM_MINUTES,
              kinds: tuple[str, ...] = ("staff", "vehicle")) -> dict[str, bytes]:
    """File name -> calendar bytes for every staff member and vehicle (`kinds`), in memory.

    `previous_export` is the earlier export (file name -> bytes, e.g. `read_export_dir(DIR)`);
    a file there whose owner is gone gets its events cancelled. `published_at` (aware) is the
    DTSTAMP of new and changed events, by default the scenario's planning start.
    """
    stamp = _published(scenario, published_at)
    owners = _owner_files(scenario)
    records = trip_records(scenario, plan)
    specs: dict[str, list[EventSpec]] = {name: [] for name, (kind, _) in owners.items() if kind in kinds}
    for record in records:
        if "vehicle" in kinds:
            specs[calendar_filename(record.vehicle.id)].extend(vehicle_events(record, alarm_minutes))
        if "staff" in kinds:
            for place in record.escorts:
                specs[calendar_filename(place.staff_id)].extend(escort_events(record, place.staff_id, alarm_minutes))
    previous = _previous_calendars(previous_export)
    out: dict[str, bytes] = {}
    for name in sorted(specs):
        kind, owner_id = owners[name]
        if kind == "staff":
            person = scenario.staff_by_id[owner_id]
            title, home_tz = f"Bijzonder Vertrek – {person.name}", scenario.location_by_id[person.base].tz
        else:
            vehicle = scenario.vehicle_by_id[owner_id]
            title, home_tz = (f"Bijzonder Vertrek – {vehicle.name} ({vehicle.id})",
                              scenario.location_by_id[vehicle.depot].tz)
        events = _events_with_sequence(specs[name], previous.get(name), stamp, name)
        out[name] = assemble_calendar(title, home_tz, (kind, owner_id), events, stamp)
    if set(kinds) >= {"staff", "vehicle"}:
        for name, prev in previous.items():
            if name in out:
                continue
            # The owner left the scenario: publish his events as cancelled, once, and keep them.
            home_tz = prev.home_tz if _known_zone(prev.home_tz) else "UTC"
            events = _events_with_sequence([], prev, stamp, name)
            out[name] = assemble_calendar(prev.name or name[:-4], home_tz, ("orphan", name), events, stamp)
    return out


def _known_zone(tz: str) -> bool:
    try:
        ZoneInfo(tz)
    except (ValueError, KeyError, OSError):
        return False
    return bool(tz)


def staff_calendars(scenario: Scenario, plan: Plan, previous_export: Mapping[str, bytes] | None = None, *,
                    published_at: datetime | None = None, alarm_minutes: int | None = DEFAULT_ALARM_MINUTES
                    ) -> dict[str, bytes]:
    """`<staff id>.ics` -> bytes for every staff member (see `calendars`)."""
    return calendars(scenario, plan, previous_export, published_at=published_at, alarm_minutes=alarm_minutes,
                     kinds=("staff",))


def vehicle_calendars(scenario: Scenario, plan: Plan, previous_export: Mapping[str, bytes] | None = None, *,
                      published_at: datetime | None = None, alarm_minutes: int | None = DEFAULT_ALARM_MINUTES
                      ) -> dict[str, bytes]:
    """`<vehicle id>.ics` -> bytes for every vehicle (see `calendars`)."""
    return calendars(scenario, plan, previous_export, published_at=published_at, alarm_minutes=alarm_minutes,
                     kinds=("vehicle",))


def read_export_dir(path: str | Path) -> dict[str, bytes]:
    """The `.ics` files of an earlier export, for `previous_export`."""
    directory = Path(path)
    if not directory.is_dir():
        raise InputError(str(directory), [("", "previous export directory not found")])
    return {p.name: p.read_bytes() for p in sorted(directory.glob("*.ics")) if p.is_file()}


__all__ = [
    "DEFAULT_ALARM_MINUTES", "EventSpec", "PRODID", "build_event", "calendar_filename", "calendars", "escort_events",
    "event_uid", "read_export_dir", "read_previous_calendar", "staff_calendars", "vehicle_calendars",
    "vehicle_events", "wall_time",
]
