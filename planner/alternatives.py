"""Other itineraries for a hand edit ("andere vlucht"), from the solver's own candidate search.

The web planner offers a coordinator the outbound itineraries the solver itself would consider for
the case's trip unit (`solver.candidate_itineraries`), and books the escorts on the solver's first
return for the chosen one. Whatever is chosen is still checked by the rule checker before saving.
"""

from __future__ import annotations

from models import Scenario, Trip
from solver import candidate_itineraries, candidate_returns


def trip_unit(scenario: Scenario, case_id: str) -> tuple[str, ...]:
    """The case and the other members of its group: they travel together."""
    case = scenario.case_by_id[case_id]
    if case.group is None:
        return (case.id,)
    return tuple(c.id for c in scenario.cases if c.group == case.group)


def other_itineraries(scenario: Scenario, case_id: str, limit: int = 40) -> list[tuple[str, ...]]:
    """Outbound leg-id tuples the case's trip could take (earliest arrival first)."""
    return candidate_itineraries(scenario, trip_unit(scenario, case_id), limit=limit)


def escort_return(scenario: Scenario, trip: Trip) -> tuple[str, ...] | None:
    """The return legs for the escorts of `trip` (the solver's best), or None when none fits."""
    returns = candidate_returns(scenario, tuple(trip.cases), tuple(trip.outbound))
    return returns[0] if returns else None


def itinerary_label(scenario: Scenario, leg_ids: tuple[str, ...]) -> str:
    """'KL1234 + TK20 · 09-12 10:25 AMS → 09-12 19:05 IST' in local times."""
    loc = scenario.location_by_id
    legs = [scenario.flight_by_id[x] for x in leg_ids]
    first, last = legs[0], legs[-1]
    dep = first.departure.astimezone(loc[first.from_].zone)
    arr = last.arrival.astimezone(loc[last.to].zone)
    codes = " + ".join(leg.code for leg in legs)
    return (f"{codes} · {dep:%d-%m %H:%M} {loc[first.from_].iata or first.from_} → "
            f"{arr:%d-%m %H:%M} {loc[last.to].iata or last.to}")


__all__ = ["escort_return", "itinerary_label", "other_itineraries", "trip_unit"]
