"""Road time and km between locations, exactly as FORMAT.md defines them.

geopy's `geodesic` (WGS-84) is the one non-stdlib import in models: the rule checker must compute
the same road minutes as the solver, so both use this module.
"""

from __future__ import annotations

import math
from functools import lru_cache

from geopy.distance import geodesic

from models.location import Location
from models.settings import RoadSettings


@lru_cache(maxsize=200_000)
def _geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return geodesic((lat1, lon1), (lat2, lon2)).km


def geodesic_km(a: Location, b: Location) -> float:
    if a.id == b.id:
        return 0.0
    return _geodesic_km(a.lat, a.lon, b.lat, b.lon)


def road_km(a: Location, b: Location, road: RoadSettings) -> float:
    """Road km for cost: geodesic km x detour factor."""
    return geodesic_km(a, b) * road.detour_factor


def road_minutes(a: Location, b: Location, road: RoadSettings) -> int:
    """ceil(geodesic_km * detour / speed * 60) + fixed minutes; 0 from a place to itself."""
    if a.id == b.id:
        return 0
    return math.ceil(geodesic_km(a, b) * road.detour_factor / road.speed_kmh * 60) + road.fixed_minutes
