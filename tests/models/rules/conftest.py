"""Every violation any rule test triggers is also checked for its Dutch message, so no rule can ship
an English-only (or half-translated) text: non-empty, different from the English, no English word
from the language test's list, no raw values, and the same ids and numbers as the English."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pytest

from models.rules.violation import Rule, Violation
from tests.ui.language_scan import findings

SEEN: set[str] = set()
"""Rule codes whose violations the rule tests made (and checked)."""


def dutch_problems(violation: Violation) -> list[str]:
    """What is wrong with a violation's Dutch message (empty when all is well)."""
    nl, en = violation.message_nl, violation.message
    if not nl.strip():
        return ["no Dutch message"]
    problems = [] if nl != en else ["Dutch message equals the English one"]
    # ids (BV-1, CARE-BV-2) stay identical and are data, not words; dates and times are written differently.
    ids = set(re.findall(r"\b[A-Z][A-Z0-9]*-[A-Za-z0-9-]+\b", en))
    whole = frozenset(i for i in ids if not any(i != j and i in j for j in ids))  # CARE-BV-1, not BV-1 inside it
    problems += findings([nl], "nl", whole)
    problems += [f"id {i} missing" for i in sorted(ids) if i not in nl]
    return problems


@pytest.fixture(autouse=True)
def _every_violation_speaks_dutch(monkeypatch) -> Iterator[None]:
    made: list[Violation] = []
    original = Rule.__call__

    def recording(self: Rule, message: str, cases: Iterable[str] = (), *, nl: str) -> Violation:
        violation = original(self, message, cases, nl=nl)
        made.append(violation)
        return violation

    monkeypatch.setattr(Rule, "__call__", recording)
    yield
    bad = {f"{v.rule}: {v.message_nl!r}": p for v in made if (p := dutch_problems(v))}
    SEEN.update(v.rule for v in made)
    assert not bad, f"Dutch rule messages with problems: {bad}"
