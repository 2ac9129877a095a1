"""Return itineraries for the escorts: every way home per arrival airport, built once, then a few
candidates per outbound option (earliest home, cheapest, next earliest)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from models import Trip
from models.settings import Settings
from solver.itineraries import Itinerary, LegGraph
from solver.params import SolveParams
from solver.timegrid import hours

RETURN_TABLE_CAP = 20000
"""Return itineraries kept per arrival airport over the whole horizon."""


class EscortReturns:
    def __init__(self, graph: LegGraph, home_airports: frozenset[str], settings: Settings, params: SolveParams):
        self.graph = graph
        self.home = home_airports
        self.settings = settings
        self.params = params
        self._cache: dict[tuple, list[Itinerary]] = {}
        self._tables: dict[str, tuple[list[Itinerary], list[int]]] = {}

    def window(self, outbound: Itinerary, handover_end: int) -> tuple[int, int]:
        """Rule 7: first return departure in [handover end + return_min, arrival + return_max_hours]."""
        st = self.settings
        return handover_end + st.return_min_minutes, outbound.arr + hours(st.return_max_hours)

    def for_option(self, unit, outbound: Itinerary, handover_end: int) -> list[Itinerary]:
        """A few returns with seats for the whole team and none of the unit's forbidden flights."""
        lo, hi = self.window(outbound, handover_end)
        n, forbidden = unit.n_escorts, unit.forbidden_flights
        key = (outbound.destination, lo, hi, n, forbidden)
        if key not in self._cache:
            table, deps = self._table(outbound.destination)
            found = [
                it for it in table[bisect_left(deps, lo):bisect_right(deps, hi)]
                if it.min_seats >= n and not (forbidden and forbidden.intersection(it.leg_ids))
            ]
            by_arrival = sorted(found, key=lambda it: (it.arr, it.fare_eur, it.leg_ids))
            by_fare = sorted(found, key=lambda it: (it.fare_eur, it.arr, it.leg_ids))
            picked: list[Itinerary] = []
            for it in by_arrival[:1] + by_fare[:1] + by_arrival[1:]:
                if it not in picked:
                    picked.append(it)
                if len(picked) >= self.params.max_returns_per_option:
                    break
            self._cache[key] = picked
        return self._cache[key]

    def booked_first(self, unit, outbound: Itinerary, handover_end: int, trip: Trip,
                     returns: list[Itinerary]) -> list[Itinerary]:
        """Keep the escorts' booked return (previous plan) first when it is still possible."""
        booked = {tuple(e.return_) for e in trip.escorts}
        if len(booked) != 1:
            return returns
        found = self.graph.chain(next(iter(booked)), self.settings.min_connection_minutes)
        if found is None or found.origin != outbound.destination or found.destination not in self.home:
            return returns
        lo, hi = self.window(outbound, handover_end)
        if not lo <= found.dep <= hi:
            return returns
        if found.min_seats < unit.n_escorts or unit.forbidden_flights.intersection(found.leg_ids):
            return returns
        return [found] + [r for r in returns if r != found]

    def _table(self, destination: str) -> tuple[list[Itinerary], list[int]]:
        if destination not in self._tables:
            table = sorted(
                self.graph.search(frozenset({destination}), self.home, -10**7, 10**8,
                                  self.params.max_return_legs, hours(36), self.settings.min_connection_minutes,
                                  lambda leg: True, max_results=RETURN_TABLE_CAP),
                key=lambda it: (it.dep, it.arr, it.leg_ids),
            )
            self._tables[destination] = (table, [it.dep for it in table])
        return self._tables[destination]
