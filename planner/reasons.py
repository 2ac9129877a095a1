"""Why a case is unplanned, in the user's language (web planner and CLI).

A plan's `unplanned[*].reasons` are English (the file contract). Plans made by this solver also
carry `x_reasons: [{code, text_nl, text_en, data}]` per entry; the web planner shows `text_nl` in
Dutch and `text_en` in English, and falls back to `reasons` for plans without them (older plans,
imported plans, or an entry whose `x_reasons` is not in that shape). The CLI summaries read them the
same way, so this lives in the planning core.
"""

from __future__ import annotations

from typing import Any

from models import Plan
from models.plan import Unplanned

TEXT_FIELD = {"nl": "text_nl", "en": "text_en"}


def reasons_in(unplanned: Unplanned, lang: str) -> tuple[str, ...]:
    """The reasons of one unplanned entry in `lang` ('nl' or 'en')."""
    rich: Any = (unplanned.model_extra or {}).get("x_reasons")
    field = TEXT_FIELD.get(lang, "text_en")
    if isinstance(rich, (list, tuple)) and rich and all(
            isinstance(r, dict) and isinstance(r.get(field), str) and r[field] for r in rich):
        return tuple(r[field] for r in rich)
    return tuple(unplanned.reasons)


def reasons_by_case(plan: Plan | None, lang: str) -> dict[str, tuple[str, ...]]:
    """Case id → its reasons in `lang`, for every unplanned case of the plan."""
    return {u.case: reasons_in(u, lang) for u in (plan.unplanned if plan else ())}


__all__ = ["reasons_by_case", "reasons_in"]
