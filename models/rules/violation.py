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
    message_nl: str = ""
    """The same message in Dutch, in the users' words (ids, numbers and codes identical)."""

    def text(self, lang: str) -> str:
        """The message in the reader's language (Dutch unless "en")."""
        return self.message if lang == "en" or not self.message_nl else self.message_nl


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

    def __call__(self, message: str, cases: Iterable[str] = (), *, nl: str) -> Violation:
        """A violation of this rule; `nl` (required, so no rule can forget it) is the Dutch message."""
        return Violation(self.code, self.label, self.label_nl, message, tuple(dict.fromkeys(cases)), nl)
