"""Hostile text for the security tests: spreadsheet formulas, Markdown, HTML and `javascript:` links.

`poisoned(scenario_dict)` writes a payload into every free-text field of a scenario (pseudonyms,
names, groups, languages, nationalities, notes, the `x_` personal fields), leaving ids and
references alone so the plan still fits.
"""

from __future__ import annotations

import itertools
from typing import Any

FORMULAS = (
    '=HYPERLINK("http://formula.example/x","klik")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
    ' =cmd|"/c calc"!A0',
)
MARKUP = (
    "![pixel](http://img.example/p.png)", "[klik](javascript:alert(1))", "<img src=http://img.example/h.png>",
    "<script>window.__pwned=1</script>", "**vet** <b>html</b>", "<a href='javascript:alert(2)'>a</a>",
    ":red[kleur] $x^2$",
)
FREE_TEXT = {"pseudonym", "name", "group", "language", "nationality", "notes", "note", "display_name", "email",
             "description", "remarks"}


def _is_free_text(key: str) -> bool:
    return key in FREE_TEXT or key.startswith("x_")


def poisoned(scenario: dict[str, Any], payloads: tuple[str, ...] = FORMULAS + MARKUP) -> dict[str, Any]:
    """The scenario with every free-text string replaced by a payload (cycling through them)."""
    cycle = itertools.cycle(payloads)

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (next(cycle) + " " + v if isinstance(v, str) and _is_free_text(k) and k != "email"
                        else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return walk(scenario)
