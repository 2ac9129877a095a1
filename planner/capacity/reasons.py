"""Unplanned reasons grouped by rule family, so a sweep can count them per axis value.

A plan carries its reasons as text (FORMAT.md); the solver writes them from a small set of
phrasings. The first reason of a case decides its family, with the family codes and labels of
`solver.explain.FAMILIES`. The order of the patterns matters: "no return seats for the escorts"
is about seats, not escorts.
"""

from __future__ import annotations

import re

from solver.explain import FAMILIES

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((family, re.compile(pattern, re.IGNORECASE)) for family,
                                                           pattern in (
    ("lock", r"\block|forbidden"),
    ("deadline", r"after the deadline|deadline"),
    ("documents", r"travel document|document"),
    ("fit_to_fly", r"fit-to-fly|fit to fly"),
    ("care", r"\bcare\b"),
    ("forced", r"forced"),
    ("stretcher", r"stretcher"),
    ("seats", r"\bseats?\b"),
    ("same_gender", r"gender"),
    ("excluded_country", r"excluded"),
    ("vehicle", r"vehicle"),
    ("staff", r"escort|staff|doctor|nurse|kmar|coordinator"),
    ("itinerary", r"itinerary|flight|connection|medif|pickup|oxygen|travel conditions|return"),
    ("fits", r"\bfits\b|time limit"),
))

FAMILY_CODES: tuple[str, ...] = tuple(FAMILIES)
"""Every family a reason can fall in (columns `unplanned_<code>` of the results table)."""


def family_of(reasons: tuple[str, ...] | list[str]) -> str:
    """The family of a case's first reason ('other' when none matches)."""
    text = reasons[0] if reasons else ""
    for family, pattern in _PATTERNS:
        if pattern.search(text):
            return family
    return "other"


def family_label(code: str, lang: str = "nl") -> str:
    nl, en = FAMILIES.get(code, FAMILIES["other"])
    return en if lang == "en" else nl


__all__ = ["FAMILY_CODES", "family_label", "family_of"]
