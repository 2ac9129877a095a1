"""Every limit the planner puts on its input, in one place (the README's "Limits" table repeats them).

FORMAT.md allows a planner to refuse a file over a size it states; the numeric limits are far above
any real value and keep times, costs and CP-SAT coefficients inside the ranges the code can hold
(a `timedelta` ends at 999,999,999 days, CP-SAT at 2^63). A value over a limit is refused with a
field-path error, never clamped silently. Dates up to 9999-12-31 are valid ("no expiry").
"""

from __future__ import annotations

from datetime import UTC, datetime

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest scenario or plan file read: 64 MiB (a generated 1,000-case, 56-day scenario is 8.5 MiB)."""

MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays and objects (the format itself needs 8; `x_` fields may nest more)."""

MAX_INTEGER_DIGITS = 100
"""Longest integer literal read; longer ones are refused before Python converts them."""

MAX_MINUTES = 366 * 24 * 60
"""Any `*_minutes` value: at most 366 days (527,040 minutes)."""

MAX_HOURS = 366 * 24
"""Any `*_hours` value: at most 366 days (8,784 hours)."""

MAX_EUR = 1_000_000.0
"""Any `*_eur` amount (fare per seat, cost per day, hour or km): at most one million euros."""

MAX_COUNT = 100_000
"""Seats, forced places, vehicle places, trips per person, legs per journey, seats per stretcher."""

MAX_ESCORTS_PER_ROLE = 100
"""Escorts of one role one case asks for."""

MAX_DETOUR_FACTOR = 100.0
"""Road km per geodesic km."""

MIN_SPEED_KMH, MAX_SPEED_KMH = 1.0, 10_000.0
"""Average road speed, km/h (a lower speed would make road times overflow)."""

EARLIEST_INSTANT = datetime.min.replace(tzinfo=UTC)
LATEST_INSTANT = datetime.max.replace(tzinfo=UTC)
"""The ends of the calendar. A datetime in a file must lie strictly between them in UTC:
`9999-12-31T23:59:59+00:00` and `9999-12-31T23:59:00+01:00` are fine, `9999-12-31T23:59:00-05:00`
(in the year 10000 in UTC) is not. Arithmetic that would leave the calendar stops at these ends
(models/instants.py), so a result there is later (earlier) than every datetime of a file."""

__all__ = [
    "EARLIEST_INSTANT", "LATEST_INSTANT", "MAX_COUNT", "MAX_DETOUR_FACTOR", "MAX_ESCORTS_PER_ROLE", "MAX_EUR",
    "MAX_FILE_BYTES", "MAX_HOURS", "MAX_INTEGER_DIGITS", "MAX_JSON_DEPTH", "MAX_MINUTES", "MAX_SPEED_KMH",
    "MIN_SPEED_KMH",
]
