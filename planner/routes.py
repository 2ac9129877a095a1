"""Alternative itineraries for hand edits: direct legs and one-stop connections.

The solver has its own, richer search; this one only offers a coordinator choices when moving a
case to another itinerary and finds escort return legs for the moved trip. Whatever it proposes
is checked by the rule checker before it is saved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from models import Flight, Scenario
from models.instants import plus
from models.rules.timeline import return_window

MAX_CONNECTION = timedelta(hours=24)


@dataclass(frozen=True)
class Itinerary:
    legs: tuple[Flight, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(leg.id for leg in self.legs)

    @property
    def departure(self) -> datetime:
        return self.legs[0].departure

    @property
    def arrival(self) -> datetime:
        return self.legs[-1].arrival


class LegIndex:
    """Legs per origin airport sorted by departure (built once per scenario)."""

    def __init__(self, scenario: Scenario):
        by_origin: dict[str, list[Flight]] = defaultdict(list)
        for leg in scenario.flights:
            by_origin[leg.from_].append(leg)
        self._legs = {a: sorted(legs, key=lambda f: f.departure) for a, legs in by_origin.items()}
        self._deps = {a: [f.departure for f in legs] for a, legs in self._legs.items()}

    def departing(self, airport: str, start: datetime, end: datetime) -> list[Flight]:
        deps = self._deps.get(airport, [])
        return self._legs.get(airport, [])[bisect_left(deps, start):bisect_right(deps, end)]


def search(index: LegIndex, origins: set[str], targets: set[str], earliest: datetime, latest: datetime,
           min_connection: timedelta, max_legs: int = 2, max_hours: float | None = None,
           limit: int = 40) -> list[Itinerary]:
    """Itineraries from `origins` to `targets` whose first leg departs in [earliest, latest]."""
    found: list[Itinerary] = []
    for origin in sorted(origins):
        for first in index.departing(origin, earliest, latest):
            if first.to in targets:
                found.append(Itinerary((first,)))
                continue
            if max_legs < 2:
                continue
            for second in index.departing(first.to, first.arrival + min_connection, first.arrival + MAX_CONNECTION):
                if second.to in targets and second.to not in origins:
                    found.append(Itinerary((first, second)))
    if max_hours is not None:
        found = [i for i in found if (i.arrival - i.departure) <= timedelta(hours=max_hours)]
    found.sort(key=lambda i: (i.arrival, len(i.legs), i.departure))
    return found[:limit]


def home_airports(scenario: Scenario) -> set[str]:
    return {loc.id for loc in scenario.locations if loc.kind.value == "airport" and loc.country == scenario.home_country}


def outbound_options(scenario: Scenario, index: LegIndex, case_id: str, limit: int = 40) -> list[Itinerary]:
    """Outbound itineraries a case could take: home airport to one of its destinations, by its deadline."""
    case = scenario.case_by_id[case_id]
    s = scenario.settings
    earliest = max(case.available_from, plus(scenario.planning_start, timedelta(hours=s.notice_hours)))
    ftf = case.fit_to_fly
    options = search(index, home_airports(scenario), set(case.destination_airports), earliest, case.deadline,
                     timedelta(minutes=s.min_connection_minutes), max_legs=min(2, ftf.max_legs or 2),
                     max_hours=ftf.max_travel_hours, limit=limit * 3)
    return options[:limit]


def return_options(scenario: Scenario, index: LegIndex, trip) -> list[Itinerary]:
    """Escort returns for a trip: from its arrival airport home, inside the return window."""
    arrival_airport = scenario.flight_by_id[trip.outbound[-1]].to
    earliest, latest = return_window(scenario, trip)
    return search(index, {arrival_airport}, home_airports(scenario), earliest, latest,
                  timedelta(minutes=scenario.settings.min_connection_minutes), max_legs=2)


def itinerary_label(scenario: Scenario, itinerary: Itinerary) -> str:
    """'KL1234 + TK20 · 09-12 10:25 AMS → 09-12 19:05 IST' in local times."""
    loc = scenario.location_by_id
    first, last = itinerary.legs[0], itinerary.legs[-1]
    dep = first.departure.astimezone(loc[first.from_].zone)
    arr = last.arrival.astimezone(loc[last.to].zone)
    codes = " + ".join(leg.code for leg in itinerary.legs)
    return (f"{codes} · {dep:%d-%m %H:%M} {loc[first.from_].iata or first.from_} → "
            f"{arr:%d-%m %H:%M} {loc[last.to].iata or last.to}")
