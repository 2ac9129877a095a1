"""Time windows of the scenario as the solver reads them: normalised once, when the index is built.

FORMAT.md gives four kinds of window lists and each has its own meaning, so each gets its own
normal form (grid minutes, half-open spans [start, end)):

- staff `unavailable`: the person is blocked during the *union* of the windows. Windows that
  overlap or touch after rounding to the minute grid are merged (CP-SAT's no-overlap rejects two
  fixed intervals that overlap, and a scenario may well list sick leave on top of a course). A
  zero-length window blocks its minute: stricter than ignoring it, so every plan stays valid.
- vehicle `available`: a trip's busy interval must lie inside *one* window (rule 5), so windows
  are never merged; sorted and de-duplicated only (see `availability`).
- care `windows` and the daily `pickup_windows` are point containment tests done on exact
  datetimes (`CareOption.receives_at`, `DailyWindow.contains`): merging would not change them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from models.common import TimeWindow
from solver.timegrid import TimeGrid


def _rounded_blocks(windows: Iterable[TimeWindow], grid: TimeGrid) -> list[tuple[int, int]]:
    """Each window widened outward to whole minutes; a zero-length one blocks its own minute."""
    out = []
    for w in windows:
        start, end = grid.floor(w.from_), grid.ceil(w.to)
        out.append((start, max(end, start + 1)))
    return out


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open spans: sorted, overlapping or touching spans merged, empty ones dropped."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def unavailability(windows: Sequence[TimeWindow], grid: TimeGrid) -> list[tuple[int, int]]:
    """A staff member's blocked minutes: the union of the windows, rounded outward, disjoint, sorted.

    Rounding outward is exact for trips on the minute grid: an escort interval [s, e] with whole
    minutes meets (from, to) exactly when it meets [floor(from), ceil(to)).
    """
    return merge_spans(_rounded_blocks(windows, grid))


def clip_spans(spans: Iterable[tuple[int, int]], low: int, high: int) -> list[tuple[int, int]]:
    """Blocked spans cut to [low, high]: exact for intervals that lie inside [low, high], and keeps
    constants of far-away dates (9999-12-31) out of the CP-SAT model."""
    out = []
    for start, end in spans:
        start, end = max(start, low), min(end, high)
        if end > start:
            out.append((start, end))
    return out


def availability(windows: Sequence[TimeWindow], grid: TimeGrid) -> list[tuple[int, int]]:
    """A vehicle's availability windows rounded inward to whole minutes, sorted, duplicates dropped.

    Not merged: rule 5 says the busy interval lies inside ONE window, so two touching windows do not
    make a longer one; merging would let the solver accept a trip the contract rejects. A window with
    no whole minute inside it can hold no trip and is dropped; a zero-length one at a whole minute
    can still hold a zero-length busy interval and is kept.
    """
    spans = {(grid.ceil(w.from_), grid.floor(w.to)) for w in windows}
    return sorted(s for s in spans if s[1] >= s[0])
