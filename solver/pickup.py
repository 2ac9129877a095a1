"""The pickup time of an option: the latest that keeps check-in and the location's pickup windows."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from models import timeline as tl
from models.common import DailyWindow
from models.instants import in_zone
from solver.itineraries import Itinerary
from solver.timegrid import TimeGrid
from solver.units import Index, Unit

SAFETY_MINUTES = 1
"""Slack kept where the planner chooses a time (pickup), so rounding never breaks a rule."""


def latest_pickup(ix: Index, unit: Unit, itinerary: Itinerary, preferred: datetime | None = None,
                  wait_limit: bool = True) -> int | None:
    """The latest pickup that keeps check-in and the pickup windows, or the previous plan's pickup
    when it still keeps every rule (a pickup already announced stays).

    Rule 9 (`wait_limit`): the persons reach the airport no earlier than first departure −
    checkin − max_airport_wait, so with pickup windows a pickup the evening before a morning
    flight is no pickup at all. `wait_limit=False` asks whether the windows alone allow one."""
    st = ix.scenario.settings
    grid = ix.grid
    drive = ix.drive(unit.location.id, itinerary.origin)
    latest = itinerary.dep - tl.checkin_lead(st) - drive - SAFETY_MINUTES
    earliest = max(max(grid.ceil(c.available_from) for c in unit.cases), tl.report_lead(st))
    wait_lead = tl.airport_wait_lead(st)
    if wait_limit and wait_lead is not None:
        # the exact departure, rounded up: the airport arrival may not lie before its bound
        departure = grid.ceil(itinerary.legs[0].flight.departure)
        earliest = max(earliest, departure - wait_lead - drive)
    windows = unit.location.pickup_windows
    if preferred is not None:
        minute = grid.floor(preferred)
        if (grid.to_datetime(minute) == preferred and earliest <= minute <= latest + SAFETY_MINUTES
                and tl.pickup_allowed(unit.location, preferred)):
            return minute
    if latest < earliest:
        return None
    if not windows:
        return latest
    zone = unit.location.zone
    latest_dt = in_zone(grid.to_datetime(latest), zone)
    best = None
    for back in range(0, 3):
        day = latest_dt.date() - timedelta(days=back)
        for w in windows:
            cand = _latest_in_window(grid, w, day, zone, latest)
            if cand is None or cand < earliest or (best is not None and cand <= best):
                continue
            # the checker's own test, so a DST gap or fold never yields a pickup it rejects
            if tl.pickup_allowed(unit.location, grid.to_datetime(cand)):
                best = cand
    return best


def _latest_in_window(grid: TimeGrid, w: DailyWindow, day: date, zone: ZoneInfo, latest: int) -> int | None:
    """The latest grid minute <= `latest` in daily window `w` opening on local `day`.

    A zero-length window (`from == to`) holds exactly its minute; otherwise one minute of slack
    is kept before the window closes; `to < from` runs past midnight."""
    start = datetime.combine(day, w.from_, tzinfo=zone)
    if w.from_ == w.to:
        minute = grid.floor(start)
        return minute if minute <= latest and grid.to_datetime(minute) == start else None
    end_day = day if w.to > w.from_ else day + timedelta(days=1)
    end = datetime.combine(end_day, w.to, tzinfo=zone)
    cand = min(latest, grid.floor(end) - SAFETY_MINUTES)
    return cand if cand >= grid.ceil(start) else None
