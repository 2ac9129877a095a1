"""Integer minutes since planning_start: the only time unit inside the CP-SAT model."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from models.instants import in_zone, plus


@dataclass(frozen=True)
class TimeGrid:
    origin: datetime

    def floor(self, moment: datetime) -> int:
        return math.floor((moment - self.origin).total_seconds() / 60)

    def ceil(self, moment: datetime) -> int:
        return math.ceil((moment - self.origin).total_seconds() / 60)

    def to_datetime(self, minutes: int, like: datetime | None = None) -> datetime:
        """The moment `minutes` after the origin; at the calendar's ends, the first/last instant."""
        moment = plus(self.origin, timedelta(minutes=max(-MAX_SHIFT_MINUTES, min(MAX_SHIFT_MINUTES, minutes))))
        return in_zone(moment, like.tzinfo) if like is not None and like.tzinfo is not None else moment


MAX_SHIFT_MINUTES = 10**12
"""Shifts beyond two million years (more than the calendar, less than a `timedelta` holds) are cut."""


def hours(value: float) -> int:
    """Hours to whole minutes."""
    return round(value * 60)


COST_SCALE = 300
"""Euros are scaled to 1/300 EUR for CP-SAT, so an hourly rate is a whole number per minute;
reported euros come from the rule checker."""


def cents(eur: float) -> int:
    return round(eur * COST_SCALE)
