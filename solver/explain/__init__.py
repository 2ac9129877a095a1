"""Why a case is unplanned: the one public face of the explanations.

`explain_plan` / `explain_case` / `blocking_rules` give `Reason`s: a stable `family`, the checker's
rule `code` (or a static-blocker code, `solver.explain.codes`), the words in Dutch and English, and
the data they point at. Inside: `core` (the one-unit CP-SAT model, guarded by the rule registry
`solver.rules`), `core_words` (words for a core), `static` and `ground_words` (a unit without
options), `replay` (quick words from replaying the final plan), `words` (every word and label).
"""

from __future__ import annotations

from solver.explain.blocking import blocking_rules, explain_case, explain_plan
from solver.explain.codes import WHATIF_CODES, reason_code
from solver.explain.core import occupancy_from_plan
from solver.explain.english import from_english, x_reasons
from solver.explain.words import (
    FAMILIES,
    GENDER_EN,
    GENDER_NL,
    ROLE_EN,
    ROLE_NL,
    Reason,
    day_text,
    days_text,
    listing,
    moment_text,
    role_words,
    span_text,
)

__all__ = [
    "FAMILIES", "GENDER_EN", "GENDER_NL", "ROLE_EN", "ROLE_NL", "WHATIF_CODES", "Reason", "blocking_rules",
    "day_text", "days_text", "explain_case", "explain_plan", "from_english", "listing", "moment_text",
    "occupancy_from_plan", "reason_code", "role_words", "span_text", "x_reasons",
]
