"""Can a unit travel? Reachable airports, the itinerary check with the case's limits and the
operational rules 9 and 10 (airport wait, connections, night, transit, duty and rest), a way back
for the escorts, and relaxing limits step by step when nothing fits."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sample_data.case_drafts import (
    AIRPORT_REPORT,
    AIRPORT_REPORT_ROLES,
    CHECKIN,
    HANDOVER,
    LONG_DUTY,
    MAX_AIRPORT_WAIT,
    MAX_CONNECTION,
    MAX_DUTY,
    MIN_CONNECTION,
    NIGHT,
    NO_LIMIT,
    NOTICE,
    REPORT,
    REST,
    REST_ABROAD,
    RETURN_CHECKIN,
    RETURN_MAX,
    RETURN_MIN,
    STRETCHER_SEATS,
    TRANSIT_REQUEST,
    VULNERABLE_MAX_CONNECTION,
    CaseDraft,
    filled,
    road_minutes,
)
from sample_data.places import HOME_COUNTRY, NL_AIRPORTS, Place, airport
from sample_data.schedule import UTC, Leg, Network, zone

FORCED_ORIGINS = ("AMS",)
"""Forced departures leave from Schiphol only (KMar's escort teams and custody are there)."""


def night_overlap(hub: str, arrival: datetime, departure: datetime) -> bool:
    """Whether the connection [arrival, departure] touches the night window in the hub's local time."""
    tz = zone(airport(hub)["tz"])
    night_from, night_to = time.fromisoformat(NIGHT[0]), time.fromisoformat(NIGHT[1])
    day = arrival.astimezone(tz).date() - timedelta(days=1)
    while day <= departure.astimezone(tz).date():
        a = datetime.combine(day, night_from, tzinfo=tz)
        b = datetime.combine(day, night_to, tzinfo=tz)
        if arrival <= b and departure >= a:
            return True
        day += timedelta(days=1)
    return False


class FactoryState:
    """The state `CaseFactory.__init__` sets, declared once for the mixins that read it."""

    rng: random.Random
    start: datetime
    end: datetime
    days: int
    home: ZoneInfo
    network: Network
    places: dict[str, Place]
    care_no: int
    _road_cache: dict[tuple[str, str], timedelta]
    _reach_cache: dict[tuple[bool, bool, bool], frozenset[str]]


class ChecksMixin(FactoryState):
    """The network checks of `CaseFactory`."""

    def _reachable(self, stretcher: bool, oxygen: bool, forced: bool = False) -> frozenset[str]:
        """Airports reachable from home (Schiphol for a forced departure) in 1-2 legs that can carry a
        stretcher / give oxygen."""
        key = (stretcher, oxygen, forced)
        if key not in self._reach_cache:
            pairs = {
                (leg.from_, leg.to)
                for leg in self.network.legs
                if (leg.stretcher or not stretcher) and (leg.oxygen or not oxygen)
                and leg.seats >= (STRETCHER_SEATS + 2 if stretcher else 2)
            }
            origins = FORCED_ORIGINS if forced else NL_AIRPORTS
            first = {b for a, b in pairs if a in origins}
            self._reach_cache[key] = frozenset(first | {b for a, b in pairs if a in first})
        return self._reach_cache[key]

    def _relax(self, members: list[CaseDraft], level: int) -> None:
        """Loosen the limits that most often leave no itinerary."""
        for m in members:
            if level == 1:
                if m.max_travel_hours is not None:
                    m.max_travel_hours += 8
                m.max_legs = None if m.max_legs == 1 else m.max_legs
            elif level == 2:
                m.max_legs = None
                if m.max_travel_hours is not None:
                    m.max_travel_hours = max(m.max_travel_hours, 30)
                latest = self.end
                if self._legal_14_days(m):
                    latest = min(latest, filled(m.available_from, "available_from") + timedelta(days=14))
                m.deadline = max(filled(m.deadline, "deadline"), latest)
            elif level == 3:  # the first option confirms and can receive at any time
                for o in m.care_options[:1]:
                    o.confirmed = True
                    o.windows = [(self.start, self.end + timedelta(days=3))]

    # -- the feasibility check ----------------------------------------------------------
    def _road(self, location: str, ap: str) -> timedelta:
        key = (location, ap)
        if key not in self._road_cache:
            p = self.places[location]
            a = airport(ap)
            self._road_cache[key] = timedelta(minutes=road_minutes((p.lat, p.lon), (a["lat"], a["lon"])))
        return self._road_cache[key]

    def latest_pickup(self, location: str, available_from: datetime, first: Leg) -> datetime | None:
        """The latest pickup that reaches `first`'s airport by check-in and no earlier than the
        airport-wait limit allows, inside the location's pickup windows (rules 1, 5 and 9)."""
        road = self._road(location, first.from_)
        hi = first.departure - CHECKIN - road
        lo = max(hi - MAX_AIRPORT_WAIT, available_from, self.start + REPORT)
        if lo > hi:
            return None
        windows = self.places[location].pickup_windows
        if not windows:
            return hi
        best = None
        day = lo.astimezone(self.home).date() - timedelta(days=1)
        while day <= hi.astimezone(self.home).date():
            for w in windows:
                a = datetime.combine(day, time.fromisoformat(w["from"]), tzinfo=self.home).astimezone(UTC)
                b = datetime.combine(day, time.fromisoformat(w["to"]), tzinfo=self.home).astimezone(UTC)
                if b < a:
                    b += timedelta(days=1)
                if a <= hi and b >= lo:
                    candidate = min(b, hi)
                    best = candidate if best is None else max(best, candidate)
            day += timedelta(days=1)
        return best

    def check(self, members: list[CaseDraft]) -> tuple[Leg, ...] | None:
        """An outbound itinerary (1 or 2 legs) the unit could take, with a way back for escorts."""
        head = members[0]
        escorts = sum(sum(m.escorts.values()) for m in members)
        stretchers = sum(m.stretcher for m in members)
        seats = len(members) + (STRETCHER_SEATS - 1) * stretchers + escorts
        forced = sum(m.forced for m in members)
        oxygen = any(m.oxygen for m in members)
        medical = any(m.medical for m in members)
        vulnerable = any(m.vulnerable for m in members)
        no_transit = {c for m in members for c in m.transit_excluded_countries}
        riding = any(role not in AIRPORT_REPORT_ROLES for m in members for role, n in m.escorts.items() if n)
        at_airport = any(role in AIRPORT_REPORT_ROLES for m in members for role, n in m.escorts.items() if n)
        limits = [m.max_travel_hours for m in members if m.max_travel_hours is not None]
        max_duration = timedelta(hours=min(limits)) if limits else NO_LIMIT
        leg_limits = [m.max_legs for m in members if m.max_legs is not None]
        max_legs = min(leg_limits) if leg_limits else None
        # local dates on which all papers are valid
        documents = [filled(m.travel_document, "travel_document") for m in members]  # only plannable units
        lo = max(max(doc[0], filled(m.fit_from, "fit_from")) for m, doc in zip(members, documents, strict=True))
        hi = min(min(doc[1], filled(m.fit_until, "fit_until")) for m, doc in zip(members, documents, strict=True))
        if hi < lo:
            return None
        day_start = datetime.combine(lo, time(0, 0), tzinfo=self.home).astimezone(UTC)
        day_end = datetime.combine(hi, time(23, 59), tzinfo=self.home).astimezone(UTC)
        latest = min(filled(head.deadline, "deadline"), day_end)
        available_from = filled(head.available_from, "available_from")
        needs_care = [m for m in members if m.needs_care]

        def leg_ok(leg: Leg) -> bool:
            if leg.seats < seats or leg.max_forced < forced:
                return False
            if stretchers and not leg.stretcher:
                return False
            if oxygen and not leg.oxygen:
                return False
            if medical and leg.departure < self.start + timedelta(hours=leg.medif_lead_hours):
                return False
            return True

        def connection_ok(first: Leg, second: Leg) -> bool:  # rule 9
            wait = second.departure - first.arrival
            if wait > (VULNERABLE_MAX_CONNECTION if vulnerable else MAX_CONNECTION):
                return False
            if vulnerable and night_overlap(first.to, first.arrival, second.departure):
                return False
            if first.country_to in no_transit:
                return False
            third_country = first.country_to not in (HOME_COUNTRY, head.destination_country)
            return not (forced and third_country and first.departure < self.start + TRANSIT_REQUEST)

        for origin in FORCED_ORIGINS if forced else NL_AIRPORTS:
            earliest = max(available_from + self._road(head.location, origin) + CHECKIN,
                           self.start + NOTICE, day_start)
            if earliest > latest:
                continue
            for itinerary in self.network.itineraries(
                (origin,), head.destination_airports, earliest, latest, max_duration, max_legs,
                MIN_CONNECTION, leg_ok, connection_ok,
            ):
                pickup = self.latest_pickup(head.location, available_from, itinerary[0])
                if pickup is None:
                    continue
                last = itinerary[-1]
                transfer = timedelta(0)
                ok = True
                for m in needs_care:
                    fits = [o for o in m.care_options
                            if o.confirmed and o.airport == last.to
                            and o.receives(last.arrival + timedelta(minutes=o.transfer_minutes))]
                    if not fits:
                        ok = False
                        break
                    transfer = max(transfer, min(timedelta(minutes=o.transfer_minutes) for o in fits))
                if not ok:
                    continue
                if escorts and not self._duty_and_way_back(itinerary, pickup, transfer, escorts, riding, at_airport):
                    continue
                return itinerary
        return None

    def _duty_and_way_back(self, itinerary: tuple[Leg, ...], pickup: datetime, transfer: timedelta,
                           escorts: int, riding: bool, at_airport: bool) -> bool:
        """Rule 10 for the escorts: outbound duty within the limit, rest abroad after a long one, and a
        return itinerary whose own duty is within the limit (rule 7's return window)."""
        last = itinerary[-1]
        handover_end = last.arrival + transfer + HANDOVER
        starts = ([pickup - REPORT] if riding else []) + (
            [itinerary[0].departure - CHECKIN - AIRPORT_REPORT] if at_airport else [])
        duty = handover_end - min(starts)
        if duty > MAX_DUTY:
            return False
        earliest = handover_end + (REST_ABROAD if duty > LONG_DUTY else RETURN_MIN)
        latest = last.arrival + RETURN_MAX
        for back in self.network.itineraries(
            (last.to,), NL_AIRPORTS, earliest, latest, MAX_DUTY - RETURN_CHECKIN, 2, MIN_CONNECTION,
            lambda leg: leg.seats >= escorts,
        ):
            if back[-1].arrival - back[0].departure + RETURN_CHECKIN <= MAX_DUTY:
                return True
        return False

    def _legal_14_days(self, m: CaseDraft) -> bool:
        """Families and minors in detention: at most 14 days, a legal deadline (DOMAIN.md)."""
        return m.deadline_kind == "legal" and (m.minor or m.group is not None)

    def _trip_hours(self, members: list[CaseDraft], itinerary: tuple[Leg, ...] | None) -> float:
        """Rough escort trip length: report to return arrival plus rest, in hours."""
        flight = (itinerary[-1].arrival - itinerary[0].departure) if itinerary else timedelta(hours=8)
        ground = REPORT + timedelta(hours=1.5) + CHECKIN + HANDOVER + RETURN_MIN + timedelta(hours=4)
        return (ground + 2 * flight + REST) / timedelta(hours=1)
