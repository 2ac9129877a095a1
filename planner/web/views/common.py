"""Helpers shared by the page tables: local times, naive UTC for plotly, weeks, airport codes."""

from __future__ import annotations

from datetime import UTC, date, datetime

from models import Plan, Scenario, Trip
from models.instants import in_zone
from planner.web.i18n import t


def local_time(moment: datetime, tz: str) -> str:
    return in_zone(moment, tz).strftime("%d-%m %H:%M %Z")


def naive_utc(moment: datetime) -> datetime:
    """Naive UTC for plotly (tz-aware bars shift by an hour across DST, plotly issue 4611)."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def trips_by_case(plan: Plan | None) -> dict[str, Trip]:
    return {c: trip for trip in (plan.trips if plan else ()) for c in trip.cases}


def first_departure_local(scenario: Scenario, trip: Trip) -> tuple[datetime, str]:
    leg = scenario.flight_by_id[trip.outbound[0]]
    tz = scenario.location_by_id[leg.from_].tz
    return leg.departure, local_time(leg.departure, tz)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def iata(scenario: Scenario, location_id: str) -> str:
    loc = scenario.location_by_id.get(location_id)
    return (loc.iata or loc.id) if loc else location_id


def leg_row(scenario: Scenario, leg_id: str, lang: str) -> dict:
    leg = scenario.flight_by_id[leg_id]
    loc = scenario.location_by_id
    return {
        t("col.leg", lang): leg.code,
        t("col.from", lang): iata(scenario, leg.from_),
        t("col.to", lang): iata(scenario, leg.to),
        t("col.dep", lang): local_time(leg.departure, loc[leg.from_].tz),
        t("col.arr", lang): local_time(leg.arrival, loc[leg.to].tz),
    }
