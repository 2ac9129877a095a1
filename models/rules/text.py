"""How times, legs and trips are named in violation messages."""

from __future__ import annotations

from datetime import datetime

from models.flight import Flight
from models.plan import Trip
from models.scenario import Scenario
from models.timeline import local_date


def when(moment: datetime) -> str:
    """'2026-12-09 11:00+01:00': minutes and the offset the time was given in."""
    return moment.isoformat(sep=" ", timespec="minutes")


def leg_name(scenario: Scenario, leg: Flight) -> str:
    """'TK1952 2026-12-09': flight code and local departure date at the origin."""
    origin = scenario.location_by_id.get(leg.from_)
    day = local_date(leg.departure, origin.tz) if origin else leg.departure.date()
    return f"{leg.code} {day.isoformat()}"


def trip_name(trip: Trip) -> str:
    """'trip BV-1+BV-2': a trip is named by its cases."""
    return "trip " + "+".join(trip.cases)


def hours_text(value: float) -> str:
    return f"{value:g} h" if value == int(value) else f"{value:.2f} h"


def duration_text(minutes: float) -> str:
    """'4h10', '3h', '45 min': a duration the way a regievoerder writes it (whole minutes, floored)."""
    total = int(minutes // 1)
    sign, total = ("-", -total) if total < 0 else ("", total)
    h, m = divmod(total, 60)
    if h == 0:
        return f"{sign}{m} min"
    return f"{sign}{h}h" if m == 0 else f"{sign}{h}h{m:02d}"
