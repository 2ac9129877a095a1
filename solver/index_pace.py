"""The index's share of the time limit: build the most urgent trips first, and when the index falls
behind its slice, search fewer itineraries for the trips still to come, so it stops on time and
keeps what it has (fewer candidate options per trip, never a crash or an overrun)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from solver.budget import Meter, SolveBudget

log = logging.getLogger(__name__)

SEARCH_CAP = 4000
"""Itineraries examined per unit before ranking: bounds the index time on dense schedules."""
SATURATION_PER_DAY = 4
"""A departure day with this many times `max_options_per_day` valid itineraries needs no more."""
WORK_PER_SECOND = 12_000.0
"""Index work units (itineraries examined, plus UNIT_WORK per trip) per second (measured on the
L and XL tiers: ~104,000 itineraries for 948 trips in ~9 s). Reproducible mode counts work, not time."""
UNIT_WORK = 20.0
"""Work a trip costs before any itinerary (checks, staff and vehicle eligibility)."""
ON_SCHEDULE_UNTIL = 0.5
"""Before half its slice is used the index never cuts effort: early projections are noisy (the most
urgent trips, searched first, are often groups with more to check)."""
MIN_EFFORT = 0.05
"""The least effort a trip gets while the index still has time at all."""


@dataclass(frozen=True)
class Effort:
    """How hard the itinerary search looks for one trip."""

    max_results: int
    saturation_per_day: int


FULL = Effort(SEARCH_CAP, SATURATION_PER_DAY)
GIVEN_ONLY = Effort(0, 0)
"""No search at all: only a given itinerary (the previous or locked one) is tested, so a trip skipped
for lack of time keeps what was booked when it still holds."""


class IndexPace:
    """Keeps the index on schedule: full effort while on time, less when behind, the least past its
    slice, and none once the whole limit is gone (those trips get a blocker saying so)."""

    def __init__(self, budget: SolveBudget | None, units: int):
        self.units = max(1, units)
        self.done = 0
        self.reduced = 0
        self.skipped = 0
        self.kept_given = 0
        self.meter = Meter(budget.slice("index"), WORK_PER_SECOND) if budget is not None else None
        self.latest = budget.hard_stop() if budget is not None else None
        self.budget = budget

    def effort(self) -> Effort | None:
        """Effort for the next trip; None when it must be skipped (the limit would be broken)."""
        if self.meter is None:
            return FULL
        if self.latest is not None and time.perf_counter() > self.latest:
            self.skipped += 1
            self.meter.slice.note_clock_cut()
            return None
        if self.meter.exhausted():
            share = MIN_EFFORT
        else:
            used = self.meter.fraction_used()
            if self.done == 0 or used <= max(self.done / self.units, ON_SCHEDULE_UNTIL):
                return FULL
            # behind schedule: spread what is left of the slice over the trips still to come
            share = (1.0 - used) / ((self.units - self.done) * used / self.done)
        if share >= 1.0:
            return FULL
        self.reduced += 1
        share = max(MIN_EFFORT, share)
        return Effort(max(1, int(SEARCH_CAP * share)), max(1, round(SATURATION_PER_DAY * share)))

    def finished(self, itineraries_examined: int) -> None:
        self.done += 1
        if self.meter is not None:
            self.meter.charge(UNIT_WORK + itineraries_examined)

    def close(self) -> None:
        """Tell the budget what the index counted as (reproducible mode) and log any shortcut."""
        if self.meter is not None and self.budget is not None:
            self.budget.record("index", self.meter.used / WORK_PER_SECOND)
        if self.reduced or self.skipped:
            log.warning("index behind its share of the time limit: %d trips searched with fewer itineraries, "
                        "%d not searched (%d of them kept their previous or locked itinerary)",
                        self.reduced, self.skipped, self.kept_given)
