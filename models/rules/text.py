"""How times, legs and trips are named in violation messages."""

from __future__ import annotations

from datetime import date, datetime

from models.common import Role
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


_DAYS_NL = ("ma", "di", "wo", "do", "vr", "za", "zo")


def when_nl(moment: datetime) -> str:
    """'wo 09-12 11:00': Dutch weekday, day-month and time, in the offset the time was given in."""
    return f"{_DAYS_NL[moment.weekday()]} {moment:%d-%m %H:%M}"


def day_nl(day: date) -> str:
    """'wo 09-12-2026': a calendar day in Dutch."""
    return f"{_DAYS_NL[day.weekday()]} {day:%d-%m-%Y}"


def trip_name_nl(trip: Trip) -> str:
    """'reis BV-1+BV-2'."""
    return "reis " + "+".join(trip.cases)


def hours_nl(value: float) -> str:
    """'12 uur', '1,50 uur'."""
    return f"{value:g} uur" if value == int(value) else f"{value:.2f} uur".replace(".", ",")


def leg_name_nl(scenario: Scenario, leg: Flight) -> str:
    """'TK1952 wo 09-12-2026': flight code and local departure day at the origin, in Dutch."""
    origin = scenario.location_by_id.get(leg.from_)
    return f"{leg.code} {day_nl(local_date(leg.departure, origin.tz) if origin else leg.departure.date())}"


_ROLES_NL = {Role.doctor: "arts", Role.nurse: "verpleegkundige",
             Role.psychiatric_nurse: "psychiatrisch verpleegkundige", Role.kmar: "KMar",
             Role.coordinator: "coördinator"}


def role_nl(role: Role) -> str:
    """'psychiatrisch verpleegkundige': an escort role in the users' words."""
    return _ROLES_NL.get(role, role.value)
