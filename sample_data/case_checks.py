"""Can a unit travel? Reachable airports, the itinerary check with the case's limits, a way back for
the escorts, and relaxing limits step by step when nothing fits."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sample_data.case_drafts import (
    CHECKIN, HANDOVER, MIN_CONNECTION, NO_LIMIT, NOTICE, REPORT, REST, RETURN_MAX, RETURN_MIN, STRETCHER_SEATS,
    CaseDraft, road_minutes,
)
from sample_data.places import NL_AIRPORTS, airport
from sample_data.schedule import UTC, Leg


class ChecksMixin:
    """The network checks of `CaseFactory`."""

    def _reachable(self, stretcher: bool, oxygen: bool) -> frozenset[str]:
        """Airports reachable from home in 1-2 legs that can carry a stretcher / give oxygen."""
        key = (stretcher, oxygen)
        if key not in self._reach_cache:
            pairs = {
                (leg.from_, leg.to)
                for leg in self.network.legs
                if (leg.stretcher or not stretcher) and (leg.oxygen or not oxygen)
                and leg.seats >= (STRETCHER_SEATS + 2 if stretcher else 2)
            }
            first = {b for a, b in pairs if a in NL_AIRPORTS}
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
                if m.profile in ("family", "uam"):
                    latest = min(latest, m.available_from + timedelta(days=14))
                m.deadline = max(m.deadline, latest)
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

    def check(self, members: list[CaseDraft]) -> tuple[Leg, ...] | None:
        """An outbound itinerary (1 or 2 legs) the unit could take, with a way back for escorts."""
        head = members[0]
        escorts = sum(sum(m.escorts.values()) for m in members)
        stretchers = sum(m.stretcher for m in members)
        seats = len(members) + (STRETCHER_SEATS - 1) * stretchers + escorts
        forced = sum(m.forced for m in members)
        oxygen = any(m.oxygen for m in members)
        medical = any(m.medical for m in members)
        limits = [m.max_travel_hours for m in members if m.max_travel_hours is not None]
        max_duration = timedelta(hours=min(limits)) if limits else NO_LIMIT
        leg_limits = [m.max_legs for m in members if m.max_legs is not None]
        max_legs = min(leg_limits) if leg_limits else None
        # local dates on which all papers are valid
        lo = max(max(m.travel_document[0], m.fit_from) for m in members)
        hi = min(min(m.travel_document[1], m.fit_until) for m in members)
        if hi < lo:
            return None
        day_start = datetime.combine(lo, time(0, 0), tzinfo=self.home).astimezone(UTC)
        day_end = datetime.combine(hi, time(23, 59), tzinfo=self.home).astimezone(UTC)
        latest = min(head.deadline, day_end)
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

        for origin in NL_AIRPORTS:
            earliest = max(head.available_from + self._road(head.location, origin) + CHECKIN,
                           self.start + NOTICE, day_start)
            if earliest > latest:
                continue
            for itinerary in self.network.itineraries(
                (origin,), head.destination_airports, earliest, latest, max_duration, max_legs,
                MIN_CONNECTION, leg_ok,
            ):
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
                if escorts and not self._way_back(last, transfer, escorts):
                    continue
                return itinerary
        return None

    def _way_back(self, last: Leg, transfer: timedelta, escorts: int) -> bool:
        earliest = last.arrival + transfer + HANDOVER + RETURN_MIN
        latest = last.arrival + RETURN_MAX
        for _ in self.network.itineraries(
            (last.to,), NL_AIRPORTS, earliest, latest, timedelta(hours=30), 2, MIN_CONNECTION,
            lambda leg: leg.seats >= escorts,
        ):
            return True
        return False

    def _trip_hours(self, members: list[CaseDraft], itinerary: tuple[Leg, ...] | None) -> float:
        """Rough escort trip length: report to return arrival plus rest, in hours."""
        flight = (itinerary[-1].arrival - itinerary[0].departure) if itinerary else timedelta(hours=8)
        ground = REPORT + timedelta(hours=1.5) + CHECKIN + HANDOVER + RETURN_MIN + timedelta(hours=4)
        return (ground + 2 * flight + REST) / timedelta(hours=1)
