"""A broken hard rule, and the named rules that produce them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    """One broken hard rule in a plan, in words a coordinator can act on."""

    rule: str
    """Stable code, e.g. "rule3.seats"."""
    label: str
    """Short English business label, e.g. "Flight overbooked"."""
    label_nl: str
    """The same in Dutch, in the users' words, e.g. "Vlucht overboekt"."""
    message: str
    """Specific: names ids, times and numbers."""
    cases: tuple[str, ...] = ()
    """Case ids involved."""


KNOWN_RULES: dict[str, Rule] = {}
"""Every named rule by code (filled as the rule modules define them), so a stored code can be shown in words."""


@dataclass(frozen=True)
class Rule:
    """A named hard rule: its stable code and the labels the UI shows."""

    code: str
    label: str
    label_nl: str

    def __post_init__(self) -> None:
        KNOWN_RULES[self.code] = self

    def __call__(self, message: str, cases: Iterable[str] = ()) -> Violation:
        return Violation(self.code, self.label, self.label_nl, message, tuple(dict.fromkeys(cases)))
