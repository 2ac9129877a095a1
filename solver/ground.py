"""Rule 9 (ground time) for a trip unit: which outbound connections and first departures it may use.

FORMAT.md rule 9: every outbound connection ≤ `max_connection_minutes`; for a vulnerable case
(minor or medical, as in rule 2) ≤ `vulnerable_max_connection_minutes` and not overlapping the
`night_connection` hours in the hub's local time; no connection in a country of the case's
`transit_excluded_countries`; a forced case connecting in a third country departs no earlier than
`planning_start + transit_request_hours` unless its outbound legs are those of its previous plan.
The airport-wait part lives with the pickup (`solver.pickup`).

Times here are the flights' exact datetimes, not grid minutes, and every test errs on the safe
side: a connection that merely touches the night window counts as overlapping it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo

from models import Case, Scenario
from models.common import DailyWindow
from models.instants import local_day, plus
from solver.itineraries import Itinerary, Leg

NIGHT = "night"
LONG = "long"
VULNERABLE_LONG = "vulnerable_long"
TRANSIT_EXCLUDED = "transit_excluded"
TRANSIT_REQUEST = "transit_request"
"""Stable names of the rule-9 limits, used as counters and in the words of explanations."""


def vulnerable(case: Case) -> bool:
    """Minors and medical cases (rule 2's definition) get the stricter connection limits."""
    return case.minor or case.is_medical


@dataclass(frozen=True)
class GroundRules:
    """Rule 9 limits of one unit (a group travels together, so the strictest member's apply)."""

    max_connection: int | None
    """Longest connection in minutes, the vulnerable limit already folded in; None = no limit."""
    night: DailyWindow | None
    """The night window when a member is vulnerable and the setting is on."""
    excluded_countries: frozenset[str]
    transit_countries_ok: frozenset[str]
    """Countries a forced member may connect in without the transit request (home, destination)."""
    transit_request_after: datetime | None
    """A forced member connecting elsewhere departs no earlier than this (None = no such member or off)."""


def ground_rules(s: Scenario, cases: tuple[Case, ...]) -> GroundRules:
    st = s.settings
    weak = any(vulnerable(c) for c in cases)
    limits = [m for m in (st.max_connection_minutes, st.vulnerable_max_connection_minutes if weak else None)
              if m is not None]
    forced = [c for c in cases if c.forced]
    ok_countries: set[str] = {s.home_country}
    if forced:
        common = set.intersection(*({c.destination_country} for c in forced))
        ok_countries |= common
    after = None
    if forced and st.transit_request_hours is not None:
        after = plus(s.planning_start, timedelta(hours=st.transit_request_hours))
    if forced and len({c.destination_country for c in forced}) > 1:
        ok_countries = {s.home_country}  # members bound for different countries: only home is never "third"
    return GroundRules(
        max_connection=min(limits) if limits else None,
        night=st.night_connection if weak else None,
        excluded_countries=frozenset(x for c in cases for x in c.transit_excluded_countries),
        transit_countries_ok=frozenset(ok_countries),
        transit_request_after=after,
    )


def connection_minutes(a: Leg, b: Leg) -> float:
    return (b.flight.departure - a.flight.arrival).total_seconds() / 60


@lru_cache(maxsize=65536)
def _night_overlap(arrival: datetime, departure: datetime, tz: str, window: DailyWindow) -> bool:
    """Whether [arrival, departure] touches the daily window's local hours on any date (closed on
    both ends, so a connection that ends when the night starts also counts: the safe reading)."""
    zone = ZoneInfo(tz)
    first = local_day(arrival, zone) - timedelta(days=1)
    last = local_day(departure, zone)
    day: date = first
    while day <= last:
        start = _instants(day, window.from_, zone)
        end_day = day if window.to > window.from_ else day + timedelta(days=1)
        if window.to == window.from_:
            end_day = day
        end = _instants(end_day, window.to, zone)
        if min(start) <= departure and arrival <= max(end):
            return True
        day += timedelta(days=1)
    return False


def _instants(day: date, wall, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The instants of a wall time on a day: two in a DST fold, one (twice) otherwise."""
    return (datetime.combine(day, wall, tzinfo=zone).replace(fold=0),
            datetime.combine(day, wall, tzinfo=zone).replace(fold=1))


class GroundCheck:
    """Rule 9 tests of one unit, for the search (per connection) and per itinerary."""

    def __init__(self, s: Scenario, rules: GroundRules):
        self.rules = rules
        self.country = {loc.id: loc.country for loc in s.locations}
        self.tz = {loc.id: loc.tz for loc in s.locations}

    def connection_problem(self, a: Leg, b: Leg) -> str | None:
        """Which rule-9 limit a connection a → b breaks first (None = it keeps them)."""
        r = self.rules
        hub = a.destination
        if self.country[hub] in r.excluded_countries:
            return TRANSIT_EXCLUDED
        if r.max_connection is not None and connection_minutes(a, b) > r.max_connection:
            return LONG
        if r.night is not None and _night_overlap(a.flight.arrival, b.flight.departure, self.tz[hub], r.night):
            return NIGHT
        return None

    def connection_problems(self, a: Leg, b: Leg) -> set[str]:
        """Every rule-9 limit a connection breaks (for explanations)."""
        r = self.rules
        hub = a.destination
        out = set()
        if self.country[hub] in r.excluded_countries:
            out.add(TRANSIT_EXCLUDED)
        if r.max_connection is not None and connection_minutes(a, b) > r.max_connection:
            out.add(LONG)
        if r.night is not None and _night_overlap(a.flight.arrival, b.flight.departure, self.tz[hub], r.night):
            out.add(NIGHT)
        return out

    def connection_ok(self, a: Leg, b: Leg) -> bool:
        return self.connection_problem(a, b) is None

    def itinerary_problem(self, it: Itinerary, previous_legs: tuple[str, ...] | None) -> str | None:
        """A rule-9 limit the whole itinerary breaks (connections and the transit request)."""
        for a, b in pairwise(it.legs):
            problem = self.connection_problem(a, b)
            if problem is not None:
                return problem
        return self.transit_problem(it, previous_legs)

    def transit_problem(self, it: Itinerary, previous_legs: tuple[str, ...] | None) -> str | None:
        r = self.rules
        if r.transit_request_after is None or it.leg_ids == previous_legs:
            return None
        hubs = [leg.destination for leg in it.legs[:-1]]
        third = any(self.country[h] not in r.transit_countries_ok for h in hubs)
        if third and it.legs[0].flight.departure < r.transit_request_after:
            return TRANSIT_REQUEST
        return None
