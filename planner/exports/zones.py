"""VTIMEZONE blocks for the calendars: which dates they cover, and the (cached) definitions."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from icalendar import Timezone

from models.instants import day_plus

ZONE_SPAN_DAYS = 3 * 366
"""VTIMEZONE definitions cover at most three years from the first event (clients continue the last
rule beyond); a plan or scenario reaching 9999-12-31 must not make a calendar of 8,000 years."""

LAST_ZONE_DAY = date(9998, 12, 31)
"""icalendar overflows when it computes transitions in the year 9999."""


def zone_span(first: date, last: date) -> tuple[date, date]:
    """The dates the VTIMEZONE blocks cover for events on local dates first..last (one day of margin)."""
    start = min(day_plus(first, -1), LAST_ZONE_DAY.replace(month=1, day=1))
    return start, max(start, min(day_plus(last, 1), day_plus(start, ZONE_SPAN_DAYS), LAST_ZONE_DAY))


@lru_cache(maxsize=512)
def vtimezone(tzid: str, first: date, last: date) -> bytes:
    """A VTIMEZONE valid over [first, last]; cached, since icalendar scans the zone minute by minute."""
    return Timezone.from_tzid(tzid, first_date=first, last_date=last).to_ical()


__all__ = ["ZONE_SPAN_DAYS", "vtimezone", "zone_span"]
