"""Leg graph and itinerary search: direct legs and connections through hubs.

Legs are indexed per route (from, to) sorted by departure, and the static route graph tells which
airports can still reach a target within the remaining legs, so the search only walks paths that
can end where they must.

Legs with the same route and the same departure and arrival (codeshares, duplicated legs) form one
*class*: the search walks classes, so eight copies of every leg do not make 8**3 itineraries, and
`expand` turns a class itinerary into a few concrete ones afterwards (the cheapest, then
alternatives on other copies, for when one copy is full).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

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
    cls: str = ""
    """Id of the representative of its class (same route, departure and arrival); its own id if alone."""


class Itinerary:
    """Legs in order, with the derived values the index sorts on computed once."""

    __slots__ = ("legs", "leg_ids", "origin", "destination", "dep", "arr", "fare_eur", "min_seats", "signature",
                 "_hash")

    def __init__(self, legs: tuple[Leg, ...]):
        self.legs = legs
        self.leg_ids = tuple(leg.id for leg in legs)
        self.origin = legs[0].origin
        self.destination = legs[-1].destination
        self.dep = legs[0].dep
        self.arr = legs[-1].arr
        self.fare_eur = sum(leg.flight.fare_eur for leg in legs)
        self.min_seats = min(leg.flight.seats for leg in legs)
        self.signature = tuple(leg.cls for leg in legs)
        """Same for every itinerary on the same routes at the same times (codeshare copies)."""
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


@dataclass
class SearchStats:
    """What a search left out: a capped search is not exhaustive, so its bound is restricted."""

    results_capped: bool = False
    duration_cut: bool = False
    """A path was cut by the duration limit (matters when that limit is the planner's default)."""
    first_legs_skipped: bool = False
    extra: dict[str, int] = field(default_factory=dict)


class LegGraph:
    """All legs of a scenario, by route and time; the search runs on leg classes (see module doc)."""

    def __init__(self, scenario: Scenario, grid: TimeGrid):
        self.grid = grid
        by_signature: dict[tuple, list] = defaultdict(list)
        for f in scenario.flights:
            by_signature[(f.from_, f.to, f.departure, f.arrival)].append(f)
        by_route: dict[tuple[str, str], list[Leg]] = defaultdict(list)
        self.by_id: dict[str, Leg] = {}
        self.members: dict[str, list[Leg]] = {}
        """Class representative id -> the concrete legs of its class, cheapest first."""
        for flights in by_signature.values():
            flights.sort(key=lambda f: f.id)
            rep = flights[0].id
            legs = [Leg(f.id, f.from_, f.to, grid.floor(f.departure), grid.ceil(f.arrival), f, rep) for f in flights]
            for leg in legs:
                self.by_id[leg.id] = leg
            by_route[(legs[0].origin, legs[0].destination)].append(legs[0])
            self.members[rep] = sorted(legs, key=lambda leg: (leg.flight.fare_eur, leg.id))
        self.alone = frozenset(rep for rep, legs in self.members.items() if len(legs) == 1)
        """Classes of one leg (no codeshare copy): most of them, and the fast path of `expand`."""
        self.first_dep = min((leg.dep for leg in self.by_id.values()), default=0)
        self.last_dep = max((leg.dep for leg in self.by_id.values()), default=0)
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
        self.sorted_neighbours = {a: sorted(n) for a, n in self.out_neighbours.items()}
        self._reach_cache: dict[tuple[frozenset[str], int], dict[str, int]] = {}
        self._longer_cache: dict[tuple[frozenset[str], frozenset[str], int], bool] = {}

    def class_ok(self, leg_ok: Callable[[Leg], bool]) -> Callable[[Leg], bool]:
        """A class passes when one of its legs passes."""
        alone, members = self.alone, self.members
        return lambda rep: leg_ok(rep) if rep.cls in alone else any(leg_ok(m) for m in members[rep.cls])

    def expand(self, classes: Itinerary, leg_ok: Callable[[Leg], bool],
               alternatives: int) -> tuple[list[Itinerary], bool]:
        """Up to `alternatives` concrete itineraries of a class itinerary, cheapest first; the k-th takes
        the k-th cheapest copy of every leg, so alternatives share no copy where copies exist.

        Returns them and whether more combinations existed (then the option set is restricted)."""
        if self.is_concrete(classes):  # no copies: the class itinerary is the one concrete itinerary
            return ([classes] if all(leg_ok(leg) for leg in classes.legs) else []), False
        choices = [[m for m in self.members[leg.cls] if leg_ok(m)] for leg in classes.legs]
        if any(not c for c in choices):
            return [], False
        out: list[Itinerary] = []
        for k in range(alternatives):
            it = Itinerary(tuple(c[min(k, len(c) - 1)] for c in choices))
            if it not in out:
                out.append(it)
        combinations = 1
        for c in choices:
            combinations *= len(c)
        return out, combinations > len(out)

    def is_concrete(self, classes: Itinerary) -> bool:
        return all(leg.cls in self.alone for leg in classes.legs)

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
        legs = [self.by_id[i] for i in leg_ids if i in self.by_id]
        if not legs or len(legs) != len(leg_ids):
            return None
        for a, b in pairwise(legs):
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

    def longer_path_exists(self, origins: frozenset[str], targets: frozenset[str], max_legs: int,
                           node_cap: int = 20000) -> bool:
        """Whether the route graph holds a path from an origin to a target with more than `max_legs`
        legs and no airport twice: then a leg cap may have left itineraries out. Conservative: True
        when the walk grows past `node_cap` nodes."""
        key = (origins, targets, max_legs)
        if key in self._longer_cache:
            return self._longer_cache[key]
        nodes = 0

        def walk(airport: str, visited: frozenset[str], depth: int) -> bool:
            nonlocal nodes
            nodes += 1
            if nodes > node_cap:
                return True
            for nxt in self.out_neighbours.get(airport, ()):
                if nxt in visited:
                    continue
                if nxt in targets and depth + 1 > max_legs:
                    return True
                if nxt not in targets and walk(nxt, visited | {nxt}, depth + 1):
                    return True
            return False

        found = any(walk(o, frozenset({o}), 0) for o in sorted(origins) if o not in targets)
        self._longer_cache[key] = found
        return found

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
        stats: SearchStats | None = None,
        connection_ok: Callable[[Leg, Leg], bool] | None = None,
        max_connection: int | None = None,
    ) -> Iterator[Itinerary]:
        """Class itineraries from an origin to a target: connections at one airport ≥ min_connection,
        total duration ≤ max_duration, no airport visited twice. Ordered by first departure.

        The legs are class representatives: `expand` gives the concrete itineraries. `leg_ok` is asked
        of the concrete legs (a class passes when one of its copies does); `stats` records what was cut.
        `connection_ok(a, b)` and `max_connection` (grid minutes) limit connections (rule 9): codeshare
        copies share their times and airports, so the representatives answer for the class."""
        stats = stats if stats is not None else SearchStats()
        leg_ok = self.class_ok(leg_ok)
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
            if first.arr - first.dep > max_duration:
                stats.duration_cut = True
                continue
            if not leg_ok(first):
                continue
            if not first_leg_ok(first):
                stats.first_legs_skipped = True
                continue
            for itinerary in self._extend((first,), targets, hops, max_legs, first.dep + max_duration, min_connection,
                                          leg_ok, stats, connection_ok, max_connection):
                yield itinerary
                found += 1
                if max_results is not None and found >= max_results:
                    stats.results_capped = True
                    return

    def _extend(self, path, targets, hops, max_legs, latest_arrival, min_connection, leg_ok, stats,
                connection_ok=None, max_connection=None):
        last = path[-1]
        if last.destination in targets:
            yield Itinerary(path)
            return
        remaining = max_legs - len(path)
        if remaining <= 0:
            return
        visited = {path[0].origin} | {leg.destination for leg in path}
        for nxt in self.sorted_neighbours.get(last.destination, ()):
            if nxt in visited or hops.get(nxt, max_legs + 1) > remaining - 1:
                continue
            route = (last.destination, nxt)
            deps = self.route_deps[route]
            if deps[-1] > latest_arrival:
                stats.duration_cut = True  # legs departing after the latest arrival exist on this route
            latest_dep = latest_arrival if max_connection is None else min(latest_arrival, last.arr + max_connection)
            legs = self.routes[route][bisect_left(deps, last.arr + min_connection):bisect_right(deps, latest_dep)]
            for leg in legs:
                if leg.arr > latest_arrival:
                    stats.duration_cut = True
                    continue
                if not leg_ok(leg) or (connection_ok is not None and not connection_ok(last, leg)):
                    continue
                yield from self._extend(path + (leg,), targets, hops, max_legs, latest_arrival, min_connection, leg_ok,
                                        stats, connection_ok, max_connection)
