"""Per-option parts the index derives from an itinerary: care at arrival, outbound cost, document dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from models import Scenario
from solver.itineraries import Itinerary
from solver.units import Unit


def _local_date(moment: datetime, tz: str) -> date:
    return moment.astimezone(ZoneInfo(tz)).date()


def care_for(unit: Unit, itinerary: Itinerary, locked_care: dict[str, str]) -> tuple[dict[str, str], int] | None:
    """Rule 6: per case that needs care, the confirmed option with the shortest transfer that is open
    at arrival; and the longest transfer (it sets the handover end). None when a case has none."""
    arrival = itinerary.legs[-1].flight.arrival
    chosen: dict[str, str] = {}
    longest = 0
    for c in unit.cases:
        if not c.needs_care and c.id not in locked_care:
            continue
        best = None
        for o in sorted(c.care.options, key=lambda o: (o.transfer_minutes, o.id)):
            if c.id in locked_care and o.id != locked_care[c.id]:
                continue
            if not o.confirmed or o.airport != itinerary.destination:
                continue
            if o.receives_at(arrival + timedelta(minutes=o.transfer_minutes)):
                best = o
                break
        if best is None:
            return None
        chosen[c.id] = best.id
        longest = max(longest, best.transfer_minutes)
    return chosen, longest


def outbound_cost(s: Scenario, unit: Unit, itinerary: Itinerary) -> tuple[float, date]:
    """Outbound fares for every seat plus the waiting cost per day, and the local departure date."""
    origin_tz = s.location_by_id[itinerary.origin].tz
    dep_day = _local_date(itinerary.legs[0].flight.departure, origin_tz)
    fares = itinerary.fare_eur * (unit.person_seats + unit.n_escorts)
    waiting = 0.0
    for c in unit.cases:
        start_day = _local_date(c.available_from, s.location_by_id[c.location].tz)
        waiting += c.daily_cost_eur * max(0, (dep_day - start_day).days)
    return fares + waiting, dep_day


def dates_ok(s: Scenario, unit: Unit, itinerary: Itinerary) -> bool:
    """Rule 1: travel document and fit-to-fly valid on the local date of the first departure."""
    dep_day = _local_date(itinerary.legs[0].flight.departure, s.location_by_id[itinerary.origin].tz)
    for c in unit.cases:
        if c.travel_document is None or not c.travel_document.valid_on(dep_day):
            return False
        if not c.fit_to_fly.valid_on(dep_day):
            return False
    return True
