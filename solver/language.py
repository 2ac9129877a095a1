"""Objective level 3, language mismatch: a planned case with preferred languages whose trip has
escorts of whom none speaks one of them. Soft: it ranks plans, it never blocks one."""

from __future__ import annotations

from collections.abc import Iterable

from models import Case, Scenario
from models.languages import has_preferred_languages, language_set, shares_a_language

__all__ = ["counts_for_language", "language_set", "mismatches", "speakers"]


def counts_for_language(case: Case) -> bool:
    return has_preferred_languages(case.languages)


def speakers(s: Scenario, case: Case, staff_ids: Iterable[str]) -> list[str]:
    """Who among `staff_ids` speaks one of the case's preferred languages (models.languages: as written)."""
    return [sid for sid in staff_ids if shares_a_language(case.languages, s.staff_by_id[sid].languages)]


def mismatches(s: Scenario, cases: Iterable[Case], escort_ids: Iterable[str]) -> int:
    """Level 3 for one trip: its cases with preferred languages that no escort speaks (0 without escorts)."""
    escort_ids = list(escort_ids)
    if not escort_ids:
        return 0
    return sum(1 for c in cases if counts_for_language(c) and not speakers(s, c, escort_ids))
