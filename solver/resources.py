"""Per-resource facts the greedy, the CP-SAT model and the explanations share.

Times are grid minutes; intervals are half-open [start, end): touching is not overlapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from models import Scenario
from models import timeline as tl
from models.common import Role
from solver.duty import escort_start
from solver.index import Index, TripOption, Unit
from solver.itineraries import Itinerary
from solver.windows import availability, unavailability


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Resources:
    def __init__(self, ix: Index):
        self.ix = ix
        s: Scenario = ix.scenario
        g = ix.grid
        self._countries: dict[tuple[str, ...], frozenset[str]] = {}
        self.staff = s.staff_by_id
        self.vehicles = s.vehicle_by_id
        self.country = {loc.id: loc.country for loc in s.locations}
        # normalised once (solver.windows): unavailability is a disjoint union, availability is not merged
        self.unavailable = {st.id: [Span(a, b) for a, b in unavailability(st.unavailable, g)] for st in s.staff}
        self.available = {v.id: [Span(a, b) for a, b in availability(v.available, g)] for v in s.vehicles}

    # -- vehicles ------------------------------------------------------------------
    def vehicle_span(self, unit: Unit, option: TripOption, vehicle_id: str) -> Span:
        depot = self.vehicles[vehicle_id].depot
        loc = unit.location.id
        start = option.pickup_min - self.ix.drive(depot, loc)
        end = option.airport_arrival_min + self.ix.drive(option.airport, depot)
        return Span(start, end)

    def vehicle_window_ok(self, span: Span, vehicle_id: str) -> bool:
        return any(w.start <= span.start and span.end <= w.end for w in self.available[vehicle_id])

    def vehicle_km(self, unit: Unit, option: TripOption, vehicle_id: str) -> float:
        depot = self.vehicles[vehicle_id].depot
        loc = unit.location.id
        return self.ix.km(depot, loc) + self.ix.km(loc, option.airport) + self.ix.km(option.airport, depot)

    # -- staff -----------------------------------------------------------------------
    def escort_span(self, option: TripOption, ret: Itinerary, role: Role | None = None) -> Span:
        """Rule 7: from the escort's start in `role` (airport report for airport-joining roles) to the
        last return arrival + rest. Without a role: the earliest start of any role (the widest span)."""
        st = self.ix.scenario.settings
        if role is None:
            start = min(escort_start(r, option.pickup_min, option.itinerary.dep, st) for r in Role)
        else:
            start = escort_start(role, option.pickup_min, option.itinerary.dep, st)
        return Span(start, ret.arr + tl.rest_after(st))

    def countries(self, itinerary: Itinerary) -> frozenset[str]:
        """Countries the itinerary touches, cached per itinerary (asked once per escort and option)."""
        found = self._countries.get(itinerary.leg_ids)
        if found is None:
            found = self._countries[itinerary.leg_ids] = frozenset(self.country[a] for a in itinerary.airports)
        return found

    def staff_may_fly(self, staff_id: str, *itineraries: Itinerary) -> bool:
        excluded = self.staff[staff_id].excluded_countries
        if not excluded:
            return True
        return not any(not self.countries(it).isdisjoint(excluded) for it in itineraries)

    def staff_unavailable(self, staff_id: str, span: Span) -> bool:
        return any(span.overlaps(u) for u in self.unavailable[staff_id])
