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

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone, vText
from icalendar.enums import STATUS, TRANSP

from models import InputError, Plan, Scenario
from planner.exports.ical_events import (
    DEFAULT_ALARM_MINUTES,
    EventSpec,
    calendar_filename,
    escort_events,
    event_uid,
    vehicle_events,
    wall_time,
)
from planner.exports.ical_previous import PreviousCalendar, read_export_dir, read_previous_calendar
from planner.exports.privacy import Field, one_line
from planner.exports.trips import trip_records
from planner.exports.zones import vtimezone, zone_span

log = logging.getLogger(__name__)

PRODID = "-//DT&V Bijzonder Vertrek//bv-planner//NL"
CANCELLED_KEEP = timedelta(days=30)
"""Cancelled events stay in the feed until this long after they would have ended."""
_CANCELLED_PREFIX = "Geannuleerd: "


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


def _published(scenario: Scenario, published_at: datetime | None) -> datetime:
    moment = scenario.planning_start if published_at is None else published_at
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InputError("published_at", [("", "must carry a UTC offset")])
    return moment.astimezone(UTC).replace(microsecond=0)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


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


__all__ = [
    "DEFAULT_ALARM_MINUTES", "PRODID", "EventSpec", "build_event", "calendar_filename", "calendars", "escort_events",
    "event_uid", "read_export_dir", "read_previous_calendar", "staff_calendars", "vehicle_calendars", "vehicle_events",
    "wall_time",
]
