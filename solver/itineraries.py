"""Leg graph and itinerary search: direct legs and connections through hubs.

Legs are indexed per route (from, to) sorted by departure, and the static route graph tells which
airports can still reach a target within the remaining legs, so the search only walks paths that
can end where they must.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterator

from models import Flight, Scenario
from solver.timegrid import TimeGrid


@dataclass(frozen=True)
class Leg:
    """A flight leg in grid minutes, with what the search needs at hand."""

    id: str
    origin: str
    destination: str
    dep: int
    arr: int
    flight: Flight


class Itinerary:
    """Legs in order, with the derived values the index sorts on computed once."""

    __slots__ = ("legs", "leg_ids", "origin", "destination", "dep", "arr", "fare_eur", "min_seats", "_hash")

    def __init__(self, legs: tuple[Leg, ...]):
        self.legs = legs
        self.leg_ids = tuple(leg.id for leg in legs)
        self.origin = legs[0].origin
        self.destination = legs[-1].destination
        self.dep = legs[0].dep
        self.arr = legs[-1].arr
        self.fare_eur = sum(leg.flight.fare_eur for leg in legs)
        self.min_seats = min(leg.flight.seats for leg in legs)
        self._hash = hash(self.leg_ids)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Itinerary) and self.leg_ids == other.leg_ids

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return f"Itinerary({'+'.join(self.leg_ids)})"

    @property
    def airports(self) -> tuple[str, ...]:
        return (self.origin,) + tuple(leg.destination for leg in self.legs)


class LegGraph:
    """All legs of a scenario, by route and time."""

    def __init__(self, scenario: Scenario, grid: TimeGrid):
        self.grid = grid
        by_route: dict[tuple[str, str], list[Leg]] = defaultdict(list)
        self.by_id: dict[str, Leg] = {}
        for f in scenario.flights:
            leg = Leg(f.id, f.from_, f.to, grid.floor(f.departure), grid.ceil(f.arrival), f)
            by_route[(f.from_, f.to)].append(leg)
            self.by_id[f.id] = leg
        self.routes: dict[tuple[str, str], list[Leg]] = {}
        self.route_deps: dict[tuple[str, str], list[int]] = {}
        self.out_neighbours: dict[str, set[str]] = defaultdict(set)
        self.in_neighbours: dict[str, set[str]] = defaultdict(set)
        for route, legs in by_route.items():
            legs.sort(key=lambda leg: (leg.dep, leg.arr, leg.id))
            self.routes[route] = legs
            self.route_deps[route] = [leg.dep for leg in legs]
            self.out_neighbours[route[0]].add(route[1])
            self.in_neighbours[route[1]].add(route[0])
        self._reach_cache: dict[tuple[frozenset[str], int], dict[str, int]] = {}

    def legs_between(self, origin: str, destination: str, dep_from: int, dep_to: int) -> list[Leg]:
        route = (origin, destination)
        deps = self.route_deps.get(route)
        if not deps:
            return []
        lo = bisect_left(deps, dep_from)
        hi = bisect_right(deps, dep_to)
        return self.routes[route][lo:hi]

    def chain(self, leg_ids: tuple[str, ...], min_connection: int) -> Itinerary | None:
        """The itinerary of these legs if they exist and connect (same airport, enough time)."""
        legs = [self.by_id.get(i) for i in leg_ids]
        if not legs or any(leg is None for leg in legs):
            return None
        for a, b in zip(legs, legs[1:]):
            if a.destination != b.origin or b.dep - a.arr < min_connection:
                return None
        return Itinerary(tuple(legs))

    def hops_to(self, targets: frozenset[str], max_legs: int) -> dict[str, int]:
        """Fewest legs from each airport to any target, in the static route graph (≤ max_legs)."""
        key = (targets, max_legs)
        if key not in self._reach_cache:
            dist = {t: 0 for t in targets}
            frontier = list(targets)
            for hop in range(1, max_legs + 1):
                nxt = []
                for airport in frontier:
                    for prev in self.in_neighbours.get(airport, ()):
                        if prev not in dist:
                            dist[prev] = hop
                            nxt.append(prev)
                frontier = nxt
            self._reach_cache[key] = dist
        return self._reach_cache[key]

    def search(
        self,
        origins: frozenset[str],
        targets: frozenset[str],
        first_dep_from: int,
        first_dep_to: int,
        max_legs: int,
        max_duration: int,
        min_connection: int,
        leg_ok: Callable[[Leg], bool],
        first_leg_ok: Callable[[Leg], bool] = lambda leg: True,
        max_results: int | None = None,
    ) -> Iterator[Itinerary]:
        """Itineraries from an origin to a target: connections at one airport ≥ min_connection,
        total duration ≤ max_duration, no airport visited twice. Ordered by first departure."""
        hops = self.hops_to(targets, max_legs)
        firsts: list[Leg] = []
        for origin in origins:
            if hops.get(origin, max_legs + 1) > max_legs or origin in targets:
                continue
            for nxt in self.out_neighbours.get(origin, ()):
                if hops.get(nxt, max_legs + 1) > max_legs - 1:
                    continue
                firsts.extend(self.legs_between(origin, nxt, first_dep_from, first_dep_to))
        firsts.sort(key=lambda leg: (leg.dep, leg.arr, leg.id))
        found = 0
        for first in firsts:
            if first.arr - first.dep > max_duration or not leg_ok(first) or not first_leg_ok(first):
                continue
            for itinerary in self._extend((first,), targets, hops, max_legs, first.dep + max_duration, min_connection, leg_ok):
                yield itinerary
                found += 1
                if max_results is not None and found >= max_results:
                    return

    def _extend(self, path, targets, hops, max_legs, latest_arrival, min_connection, leg_ok):
        last = path[-1]
        if last.destination in targets:
            yield Itinerary(path)
            return
        remaining = max_legs - len(path)
        if remaining <= 0:
            return
        visited = {path[0].origin} | {leg.destination for leg in path}
        for nxt in sorted(self.out_neighbours.get(last.destination, ())):
            if nxt in visited or hops.get(nxt, max_legs + 1) > remaining - 1:
                continue
            for leg in self.legs_between(last.destination, nxt, last.arr + min_connection, latest_arrival):
                if leg.arr > latest_arrival or not leg_ok(leg):
                    continue
                yield from self._extend(path + (leg,), targets, hops, max_legs, latest_arrival, min_connection, leg_ok)
