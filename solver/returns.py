"""Return itineraries for the escorts: every way home per arrival airport, built once (on leg
classes, so codeshare copies do not multiply it), then a few candidates per outbound option
(earliest home, cheapest, the earliest after a night's rest abroad, next earliest), each with up to
two concrete copies. Rule 10 prunes them: the return duty stays within max_duty_minutes, and after
a long outbound duty the first return departs only after rest_abroad_minutes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from models import Trip
from models.settings import Settings
from solver.duty import earliest_return, return_duty_ok
from solver.itineraries import Itinerary, LegGraph, SearchStats
from solver.params import SolveParams
from solver.timegrid import hours

RETURN_TABLE_CAP = 20000
"""Return class itineraries kept per arrival airport over the whole horizon."""

RETURN_ALTERNATIVES = 2
"""Concrete copies kept per return time (class): a second copy when the first is full."""


class EscortReturns:
    def __init__(self, graph: LegGraph, home_airports: frozenset[str], settings: Settings, params: SolveParams):
        self.graph = graph
        self.home = home_airports
        self.settings = settings
        self.params = params
        self._cache: dict[tuple, tuple[list[Itinerary], bool]] = {}
        self._tables: dict[str, tuple[list[Itinerary], list[int], list[bool], bool]] = {}

    def window(self, outbound: Itinerary, handover_end: int, rest: bool = False) -> tuple[int, int]:
        """Rule 7: first return departure in [handover end + return_min, arrival + return_max_hours];
        rule 10 raises the start to handover end + rest_abroad after a long outbound duty (`rest`)."""
        st = self.settings
        return earliest_return(handover_end, rest, st), outbound.arr + hours(st.return_max_hours)

    def for_option(self, unit, outbound: Itinerary, handover_end: int, rest: bool = False
                   ) -> tuple[list[Itinerary], bool]:
        """A few returns with seats for the whole team and none of the unit's forbidden flights, and
        whether any possible return was left out (the option set is then restricted)."""
        lo, hi = self.window(outbound, handover_end, rest)
        rested = earliest_return(handover_end, True, self.settings)
        n, forbidden = unit.n_escorts, unit.forbidden_flights
        key = (outbound.destination, lo, hi, n, forbidden)
        if key not in self._cache:
            table, deps, concrete_flags, capped = self._table(outbound.destination)

            def ok(leg) -> bool:
                return leg.flight.seats >= n and leg.id not in forbidden

            found: list[tuple[Itinerary, list[Itinerary]]] = []
            pruned = capped
            a, b = bisect_left(deps, lo), bisect_right(deps, hi)
            for classes, concrete_already in zip(table[a:b], concrete_flags[a:b], strict=False):
                if not return_duty_ok(classes, self.settings):
                    continue  # rule 10: the return duty would be too long
                if concrete_already:  # the common case, kept as cheap as a plain filter
                    if classes.min_seats >= n and not (forbidden and forbidden.intersection(classes.leg_ids)):
                        found.append((classes, [classes]))
                    continue
                concrete, more = self.graph.expand(classes, ok, RETURN_ALTERNATIVES)
                if concrete:
                    found.append((concrete[0], concrete))
                    pruned = pruned or more
            by_arrival = sorted(found, key=lambda f: (f[0].arr, f[0].fare_eur, f[0].leg_ids))
            by_fare = sorted(found, key=lambda f: (f[0].fare_eur, f[0].arr, f[0].leg_ids))
            # a return after a night's rest abroad, also when not required: it frees the team for a
            # shorter wait at the airport, and it is the one that keeps rule 10 when duties run long
            after_rest = [f for f in by_arrival if f[0].dep >= rested][:1]
            picked: list[tuple[Itinerary, list[Itinerary]]] = []
            for f in by_arrival[:1] + by_fare[:1] + after_rest + by_arrival[1:]:
                if len(picked) >= self.params.max_returns_per_option:
                    break
                if all(f[0] != p[0] for p in picked):
                    picked.append(f)
            pruned = pruned or len(picked) < len(found)
            self._cache[key] = ([it for _, concrete in picked for it in concrete], pruned)
        return self._cache[key]

    def booked_first(self, unit, outbound: Itinerary, handover_end: int, trip: Trip,
                     returns: list[Itinerary], rest: bool = False) -> list[Itinerary]:
        """Keep the escorts' booked return (previous plan) first when it is still possible."""
        booked = {tuple(e.return_) for e in trip.escorts}
        if len(booked) != 1:
            return returns
        found = self.graph.chain(next(iter(booked)), self.settings.min_connection_minutes)
        if found is None or found.origin != outbound.destination or found.destination not in self.home:
            return returns
        lo, hi = self.window(outbound, handover_end, rest)
        if not lo <= found.dep <= hi or not return_duty_ok(found, self.settings):
            return returns
        if found.min_seats < unit.n_escorts or unit.forbidden_flights.intersection(found.leg_ids):
            return returns
        return [found] + [r for r in returns if r != found]

    def _table(self, destination: str) -> tuple[list[Itinerary], list[int], list[bool], bool]:
        if destination not in self._tables:
            stats = SearchStats()
            g = self.graph
            table = sorted(
                g.search(frozenset({destination}), self.home, g.first_dep, g.last_dep,
                         self.params.max_return_legs, hours(36), self.settings.min_connection_minutes,
                         lambda leg: True, max_results=RETURN_TABLE_CAP, stats=stats),
                key=lambda it: (it.dep, it.arr, it.leg_ids),
            )
            # the planner's own return caps (legs, 36 h) are not in FORMAT.md: when they cut, it is restricted
            restricted = (stats.results_capped or stats.duration_cut
                          or g.longer_path_exists(frozenset({destination}), self.home, self.params.max_return_legs))
            self._tables[destination] = (table, [it.dep for it in table], [g.is_concrete(it) for it in table],
                                         restricted)
        return self._tables[destination]
