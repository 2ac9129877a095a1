"""Which candidate options of a unit the CP-SAT model gets: the option caps.

Caps count *departures*, not leg ids: itineraries on the same routes at the same times
(codeshare copies, duplicated legs) share one place under the per-day and per-trip caps and are
kept as a few alternatives of it, so copies never crowd out other departures while a copy can
still be used when another one is full.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from solver.params import SolveParams
from solver.units import TripOption

OUTBOUND_ALTERNATIVES = 3
"""Concrete itineraries kept per departure (time signature): the cheapest and two other copies."""


def rank_options(raw: list[TripOption], prev: tuple[str, ...] | None,
                 params: SolveParams) -> tuple[list[TripOption], bool]:
    """Cheapest first, at most `max_options_per_day` departures per day and `max_options_per_trip`
    in all, each with up to OUTBOUND_ALTERNATIVES copies; the previous itinerary is always kept.

    Returns the kept options (indexed by departure time) and whether any option was left out.
    """
    raw.sort(key=lambda o: (o.outbound_cost_eur, o.itinerary.arr - o.itinerary.dep, o.itinerary.leg_ids))
    per_day: dict[date, int] = defaultdict(int)
    copies: dict[tuple[str, ...], int] = {}
    dropped: set[tuple[str, ...]] = set()
    kept: list[TripOption] = []
    pruned = False
    for o in raw:
        signature = o.itinerary.signature
        if o.is_previous or o.itinerary.leg_ids == prev:
            kept.append(o)
            continue
        if signature in copies:
            if copies[signature] < OUTBOUND_ALTERNATIVES:
                copies[signature] += 1
                kept.append(o)
            else:
                pruned = True
            continue
        if (signature in dropped or per_day[o.departure_date] >= params.max_options_per_day
                or len(copies) >= params.max_options_per_trip):
            dropped.add(signature)
            pruned = True
            continue
        per_day[o.departure_date] += 1
        copies[signature] = 1
        kept.append(o)
    kept.sort(key=lambda o: (o.itinerary.dep, o.outbound_cost_eur, o.itinerary.leg_ids))
    for i, o in enumerate(kept):
        o.index = i
    return kept, pruned
