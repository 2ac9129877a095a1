"""Datetime arithmetic that stops at the ends of the calendar instead of overflowing.

Dates up to 9999-12-31 are valid input ("no expiry"), so a deadline, a window end or even a flight
may lie at the very end of what `datetime` can hold. Adding a few hours to such a moment, or
showing it in a time zone east of UTC, overflows. These helpers saturate instead: the result is
the last (or first) representable instant, which every rule reads as "no limit".
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from models.limits import EARLIEST_INSTANT, LATEST_INSTANT


def plus(moment: datetime, delta: timedelta) -> datetime:
    """`moment + delta`, or the first/last representable instant when that overflows."""
    try:
        return moment + delta
    except OverflowError:
        return LATEST_INSTANT if delta > timedelta(0) else EARLIEST_INSTANT


def inside(moment: datetime) -> datetime:
    """`moment`, moved a minute inside the calendar if it lies on (or past) one of its ends: a
    datetime the planner writes into a scenario must be one a scenario file may hold."""
    return max(EARLIEST_INSTANT + _MINUTE, min(moment, LATEST_INSTANT - _MINUTE))


_MINUTE = timedelta(minutes=1)


def in_zone(moment: datetime, zone: tzinfo | str) -> datetime:
    """`moment` as wall-clock time in `zone`, for display; at the calendar's ends, the same instant in UTC."""
    try:
        return moment.astimezone(_zone(zone))
    except OverflowError:
        return moment.astimezone(UTC)


def local_day(moment: datetime, zone: tzinfo | str) -> date:
    """The calendar date of `moment` in `zone`; 9999-12-31 (or 0001-01-01) past the calendar's ends."""
    try:
        return moment.astimezone(_zone(zone)).date()
    except OverflowError:
        return date.max if moment.astimezone(UTC).year > 1 else date.min


def wall_time(moment: datetime, zone: tzinfo | str) -> time:
    """The exact wall-clock time of `moment` in `zone`, also where its date lies beyond the calendar."""
    try:
        return moment.astimezone(_zone(zone)).time()
    except OverflowError:
        utc = moment.astimezone(UTC).replace(tzinfo=None)
        offset = _zone(zone).utcoffset(utc) or timedelta(0)  # no zone changes its offset on 31 Dec / 1 Jan
        seconds = (utc.hour * 3600 + utc.minute * 60 + utc.second + offset.total_seconds()) % 86400
        return time(int(seconds // 3600), int(seconds % 3600 // 60), int(seconds % 60), utc.microsecond)


def _zone(zone: tzinfo | str) -> tzinfo:
    return ZoneInfo(zone) if isinstance(zone, str) else zone


def day_plus(day: date, days: int) -> date:
    """`day + days`, stopping at 0001-01-01 and 9999-12-31."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def day_start(day: date, zone: tzinfo = UTC) -> datetime:
    """Midnight at the start of `day` in `zone`."""
    return datetime.combine(day, time(0), tzinfo=zone)


__all__ = ["day_plus", "day_start", "in_zone", "inside", "local_day", "plus", "wall_time"]
