"""Reading a previous export back: its events' UIDs, SEQUENCE numbers and raw text, so an unchanged
event is written byte-identical and a changed or cancelled one gets SEQUENCE + 1."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from icalendar import Calendar

from models import InputError


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
    for raw, ev in zip(blocks, events, strict=True):
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


def read_export_dir(path: str | Path) -> dict[str, bytes]:
    """The `.ics` files of an earlier export, for `previous_export`."""
    directory = Path(path)
    if not directory.is_dir():
        raise InputError(str(directory), [("", "previous export directory not found")])
    return {p.name: p.read_bytes() for p in sorted(directory.glob("*.ics")) if p.is_file()}


__all__ = [
    "PreviousCalendar", "PreviousEvent", "read_export_dir", "read_previous_calendar",
]
