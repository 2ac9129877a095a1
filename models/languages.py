"""How a case's preferred languages meet an escort's spoken ones (objective level 3).

One reading for the checker and the solver alike. shared/FORMAT.md counts "planned cases with a
non-empty `languages` whose trip has escorts of whom none speaks one of those languages": the
languages are the strings the scenario gives, compared as written. No case folding or trimming —
"NL" and "nl" are two different codes, as they are to any checker that reads the contract to the
letter; the solver must never believe an escort understands a case that the oracle counts as a
mismatch (its reported level 3 would then be wrong).
"""

from __future__ import annotations

from collections.abc import Iterable


def language_set(languages: Iterable[str] | None) -> frozenset[str]:
    """The languages as given, as a set (`None` = none on record)."""
    return frozenset(languages or ())


def has_preferred_languages(languages: Iterable[str] | None) -> bool:
    """A case counts for level 3 when its `languages` list is non-empty (even `[""]`)."""
    return bool(language_set(languages))


def shares_a_language(wanted: Iterable[str] | None, spoken: Iterable[str] | None) -> bool:
    """Whether one of the `spoken` languages is one of the `wanted` ones."""
    return not language_set(wanted).isdisjoint(language_set(spoken))
