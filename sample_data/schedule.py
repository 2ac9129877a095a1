"""A realistic flight schedule: direct Dutch departures, hub connections, and the way back.

Each `Route` is an out-and-back rotation flown by an airline from its `base`: the outbound leg
leaves the base at a fixed local time, the inbound leg leaves the other airport after a turnaround.
Block time = great-circle distance at ~800 km/h + 30 min (taxi, climb, approach). Times are
computed in UTC and written in the local offset of the departure and the arrival airport, so DST
changes inside a horizon come out right.
"""

from __future__ import annotations

import bisect
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from geopy.distance import geodesic

from sample_data.airlines import CARRIERS, ROUTES, Carrier, Route
from sample_data.places import HUBS, NL_AIRPORTS, airport

UTC = UTC
CRUISE_KMH = 800
BLOCK_EXTRA = timedelta(minutes=30)
# Legs towards home keep coming for this long after the horizon, so escorts of a late trip can
# still fly back.
RETURN_TAIL = timedelta(days=2)



@dataclass(frozen=True)
class Leg:
    """A generated flight leg; times are UTC, converted to local offsets only on output."""

    id: str
    carrier: str
    number: str
    from_: str
    to: str
    departure: datetime
    arrival: datetime
    seats: int
    max_forced: int
    stretcher: bool
    oxygen: bool
    medif_lead_hours: int
    fare_eur: int
    country_from: str
    country_to: str

    @property
    def duration(self) -> timedelta:
        return self.arrival - self.departure

    def as_flight(self) -> dict:
        return {
            "id": self.id,
            "carrier": self.carrier,
            "number": self.number,
            "from": self.from_,
            "to": self.to,
            "departure": local_iso(self.departure, airport(self.from_)["tz"]),
            "arrival": local_iso(self.arrival, airport(self.to)["tz"]),
            "seats": self.seats,
            "max_forced": self.max_forced,
            "stretcher": self.stretcher,
            "oxygen": self.oxygen,
            "medif_lead_hours": self.medif_lead_hours,
            "fare_eur": self.fare_eur,
        }


@cache
def zone(tz: str) -> ZoneInfo:
    """ZoneInfo keeps only a few zones strongly cached; with ~40 zones in play, keep them all."""
    return ZoneInfo(tz)


def local_iso(moment: datetime, tz: str) -> str:
    return moment.astimezone(zone(tz)).replace(microsecond=0).isoformat()


@cache
def distance_km(a: str, b: str) -> float:
    pa, pb = airport(a), airport(b)
    return geodesic((pa["lat"], pa["lon"]), (pb["lat"], pb["lon"])).km


def block_time(a: str, b: str) -> timedelta:
    """Great circle at cruise speed plus 30 minutes, rounded up to 5 minutes."""
    minutes = distance_km(a, b) / CRUISE_KMH * 60 + BLOCK_EXTRA.total_seconds() / 60
    return timedelta(minutes=5 * math.ceil(minutes / 5))


def _local(day: date, hhmm: str, tz: str) -> datetime:
    """Local wall time on a day as UTC; a time skipped by a DST change moves forward."""
    wall = datetime.combine(day, time.fromisoformat(hhmm), tzinfo=zone(tz))
    return wall.astimezone(UTC)


def _round5(moment: datetime) -> datetime:
    extra = moment.minute % 5
    if extra:
        moment += timedelta(minutes=5 - extra)
    return moment.replace(second=0, microsecond=0)


@dataclass(frozen=True)
class _Rotation:
    """One flight number pair of a route with its fixed properties."""

    route: Route
    time: str
    out_number: str
    in_number: str
    weekdays: tuple[int, ...]
    stretcher_capable: bool
    oxygen_capable: bool


def _rotations(rng: random.Random) -> list[_Rotation]:
    numbers: dict[str, int] = {}
    out = []
    for route in ROUTES:
        carrier = CARRIERS[route.carrier]
        km = distance_km(route.base, route.other)
        for hhmm in route.times:
            base_no = numbers.get(route.carrier, 100 + 100 * (len(numbers) % 9))
            numbers[route.carrier] = base_no + 2
            offset = rng.randrange(7)
            weekdays = tuple(sorted({(offset + (i * 7) // route.per_week) % 7 for i in range(route.per_week)}))
            # Stretchers need a cabin that can take one: mostly long-haul with a network carrier.
            if carrier.full_service:
                p_stretcher = 0.35 if km > 3000 else 0.08
                p_oxygen = 0.42
            else:
                p_stretcher, p_oxygen = 0.0, 0.12
            out.append(
                _Rotation(
                    route=route,
                    time=hhmm,
                    out_number=str(base_no + 1),
                    in_number=str(base_no + 2),
                    weekdays=weekdays,
                    stretcher_capable=rng.random() < p_stretcher,
                    oxygen_capable=rng.random() < p_oxygen,
                )
            )
    return out


def _fare(rng: random.Random, carrier: Carrier, km: float) -> int:
    fare = (90 + 0.12 * km) * rng.uniform(0.85, 1.3)
    if not carrier.full_service:
        fare *= 0.65
    return int(round(min(1500, max(120, fare))))


def _seats(carrier: Carrier, stretcher: bool) -> int:
    """The carrier's policy: what it releases to DT&V per flight, more with a stretcher installed."""
    return carrier.stretcher_seats if stretcher else carrier.seats


def _max_forced(carrier: Carrier, origin: str) -> int:
    """The carrier's limit of escorted deportees; none from Eindhoven or Rotterdam, because forced
    departures leave from Schiphol only (KMar's escort teams take custody there)."""
    return 0 if origin in NL_AIRPORTS and origin != "AMS" else carrier.max_forced


def generate_legs(start: datetime, days: int, rng: random.Random) -> list[Leg]:
    """All legs departing in [start, start + days), plus homeward legs for two more days."""
    start_utc = start.astimezone(UTC)
    end_utc = start_utc + timedelta(days=days)
    tail_utc = end_utc + RETURN_TAIL
    home_day = start_utc.date()
    legs: list[Leg] = []
    for rot in _rotations(rng):
        route = rot.route
        carrier = CARRIERS[route.carrier]
        base_tz = airport(route.base)["tz"]
        block = block_time(route.base, route.other)
        turnaround = timedelta(minutes=90 if block > timedelta(hours=5) else 60)
        km = distance_km(route.base, route.other)
        for offset in range(-2, days + 3):
            day = home_day + timedelta(days=offset)
            if day.weekday() not in rot.weekdays:
                continue
            out_dep = _local(day, rot.time, base_tz)
            in_dep = _round5(out_dep + block + turnaround)
            for number, a, b, dep in (
                (rot.out_number, route.base, route.other, out_dep),
                (rot.in_number, route.other, route.base, in_dep),
            ):
                if not _wanted(a, b, dep, start_utc, end_utc, tail_utc):
                    continue
                stretcher = rot.stretcher_capable and rng.random() < 0.9
                local_day = dep.astimezone(zone(airport(a)["tz"])).date()
                legs.append(
                    Leg(
                        id=f"{route.carrier}{number}-{local_day:%Y%m%d}",
                        carrier=route.carrier,
                        number=number,
                        from_=a,
                        to=b,
                        departure=dep,
                        arrival=dep + block,
                        seats=_seats(carrier, stretcher),
                        max_forced=_max_forced(carrier, a),
                        stretcher=stretcher,
                        oxygen=rot.oxygen_capable and rng.random() < 0.95,
                        medif_lead_hours=carrier.medif_lead_hours,
                        fare_eur=_fare(rng, carrier, km),
                        country_from=airport(a)["country"],
                        country_to=airport(b)["country"],
                    )
                )
    legs.sort(key=lambda leg: (leg.departure, leg.id))
    return legs


def _wanted(a: str, b: str, dep: datetime, start: datetime, end: datetime, tail: datetime) -> bool:
    if start <= dep < end:
        return True
    if end <= dep < tail:
        # homeward after the horizon: into the Netherlands, or from a country of return to a hub
        return b in NL_AIRPORTS or (a not in NL_AIRPORTS and a not in HUBS)
    return False


# --- itinerary search (the generator's own feasibility check) ------------------------------


@dataclass
class Network:
    """Legs indexed by (from, to), sorted by departure, for quick 1- and 2-leg searches."""

    legs: list[Leg]
    by_pair: dict[tuple[str, str], list[Leg]] = field(default_factory=dict)
    deps: dict[tuple[str, str], list[datetime]] = field(default_factory=dict)
    via: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for leg in self.legs:  # legs are sorted by departure already
            self.by_pair.setdefault((leg.from_, leg.to), []).append(leg)
        for pair, legs in self.by_pair.items():
            self.deps[pair] = [leg.departure for leg in legs]
        outs: dict[str, list[str]] = {}
        for a, b in self.by_pair:
            outs.setdefault(a, []).append(b)
        for a, mids in outs.items():
            for m in mids:
                for b in outs.get(m, []):
                    if b != a:
                        self.via.setdefault((a, b), []).append(m)

    def between(self, a: str, b: str, earliest: datetime, latest: datetime):
        """Legs a→b departing in [earliest, latest]."""
        legs = self.by_pair.get((a, b))
        if not legs:
            return
        deps = self.deps[(a, b)]
        i = bisect.bisect_left(deps, earliest)
        while i < len(legs) and deps[i] <= latest:
            yield legs[i]
            i += 1

    def itineraries(self, origins, dests, earliest, latest, max_duration, max_legs, min_connection, leg_ok,
                    connection_ok=None):
        """Itineraries of 1 or 2 legs, first departure in [earliest, latest], each leg passing `leg_ok`
        and each connection `connection_ok(first, second)` (when given)."""
        for a in origins:
            for b in dests:
                for leg in self.between(a, b, earliest, latest):
                    if leg.duration <= max_duration and leg_ok(leg):
                        yield (leg,)
        if max_legs is not None and max_legs < 2:
            return
        for a in origins:
            for b in dests:
                for m in self.via.get((a, b), ()):
                    for first in self.between(a, m, earliest, latest):
                        if first.duration >= max_duration or not leg_ok(first):
                            continue
                        limit = first.departure + max_duration
                        for second in self.between(m, b, first.arrival + min_connection, limit):
                            if second.arrival <= limit and leg_ok(second) and (
                                    connection_ok is None or connection_ok(first, second)):
                                yield (first, second)
