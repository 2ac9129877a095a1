"""Why a trip unit's options may be fewer than the full problem allows: the one list of those reasons.

`Unit.pruned` holds these words; they reach the plan as `solver["restricted_by"]` (reason -> units),
and planner/summary.py gives each its Dutch words (a test holds the two lists together).
"""

from __future__ import annotations

from typing import Final


class Pruned:
    """The reasons, as written in plan files."""

    CODESHARE: Final = "codeshare alternatives"
    """Only the first few concrete flights of an itinerary class were kept."""
    DEFAULT_HOURS: Final = "default travel-hours cap"
    """A case without its own travel-hours limit got the planner's default."""
    LEG_CAP: Final = "leg cap"
    """Itineraries with more legs than the planner searches exist."""
    OPTION_CAPS: Final = "option caps"
    """The ranking kept only the best options per unit (solver.ranking)."""
    RETURN_CAPS: Final = "return caps"
    """Escort returns beyond the planner's caps were left out (solver.returns)."""
    SEARCH_CAP: Final = "search cap"
    """The itinerary search stopped at its result cap."""
    TIME_LIMIT: Final = "time limit"
    """The unit's options were never searched: the time limit ran out while building the index."""
    FIXED_PICKUP: Final = "fixed pickup time"
    """Each option has one pickup time, where an earlier one could have helped a shared vehicle."""


ALL_REASONS: Final = tuple(v for k, v in vars(Pruned).items() if k.isupper())
