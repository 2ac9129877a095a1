"""The work-list of unplanned cases: each reason in a category, with the latest useful date to act.

Categories (issue 11): document, fit-to-fly, escort, vehicle, itinerary, care, seat (and other).
A plan made by this solver carries `x_reasons` with a family code per reason; the category comes
from that code. For a plan without them (imported, older) the English contract reasons are
classified by their words. The latest useful date is the day before the case's deadline (local
time at the case's location): after it no action can still plan the case in this horizon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from models import Plan, Scenario
from models.timeline import local_date
from planner.reasons import reasons_in
from planner.web.i18n import t

CATEGORIES = ("document", "fit_to_fly", "escort", "vehicle", "itinerary", "care", "seat", "other")
FAMILY_CATEGORY = {
    "documents": "document", "fit_to_fly": "fit_to_fly", "deadline": "itinerary", "itinerary": "itinerary",
    "care": "care", "seats": "seat", "forced": "seat", "stretcher": "seat", "vehicle": "vehicle", "staff": "escort",
    "same_gender": "escort", "excluded_country": "escort", "lock": "other", "fits": "other", "other": "other",
}
_WORDS = (  # first match wins; English contract reasons of plans without x_reasons
    ("document", ("document", "laissez", "passport")),
    ("fit_to_fly", ("fit-to-fly", "fit to fly", "medif", "unfit")),
    ("care", ("care", "facility", "reception")),
    ("seat", ("seat", "forced", "stretcher", "oxygen")),
    ("vehicle", ("vehicle", "driver")),
    ("escort", ("escort", "staff", "duty", "gender")),
    ("itinerary", ("itinerar", "flight", "connection", "transfer", "layover", "night", "pickup", "deadline", "leg")),
)


_CODE_CATEGORY = (  # the checker's rule codes (x_reasons "code"), most specific prefix first
    ("rule1.document", "document"), ("rule1.fit", "fit_to_fly"), ("rule2.medif", "fit_to_fly"),
    ("rule1.", "itinerary"), ("rule2.", "itinerary"), ("rule3.", "seat"), ("rule4.", "escort"),
    ("rule5.", "vehicle"), ("rule6.", "care"), ("rule7.", "escort"), ("rule8.", "other"),
    ("rule9.", "itinerary"), ("rule10.", "escort"), ("static.itinerary", "itinerary"),
    ("static.report", "itinerary"),
)


def category_of(text: str, family: str | None = None) -> str:
    """A reason's category: from its rule code ("rule7.overlap") or explanation family ("staff")
    when it has one, else from the words of an English contract reason."""
    if family is not None:
        if family in FAMILY_CATEGORY:
            return FAMILY_CATEGORY[family]
        return next((cat for prefix, cat in _CODE_CATEGORY if family.startswith(prefix)), "other")
    low = text.lower()
    return next((cat for cat, words in _WORDS if any(w in low for w in words)), "other")


@dataclass(frozen=True)
class WorkItem:
    case: str
    pseudonym: str
    priority: int
    categories: tuple[str, ...]
    reasons: tuple[str, ...]
    act_before: date


def work_items(scenario: Scenario, plan: Plan | None, lang: str = "nl") -> list[WorkItem]:
    """One item per unplanned case, highest priority and soonest deadline first."""
    out = []
    for u in (plan.unplanned if plan else ()):
        case = scenario.case_by_id.get(u.case)
        if case is None:
            continue
        rich: Any = (u.model_extra or {}).get("x_reasons")
        texts = reasons_in(u, lang)
        if isinstance(rich, (list, tuple)) and rich and all(isinstance(r, dict) for r in rich):
            cats = [category_of(str(r.get("text_en", "")), r.get("family") or r.get("code")) for r in rich]
        else:
            cats = [category_of(text) for text in u.reasons]
        ordered = tuple(dict.fromkeys(cats)) or ("other",)
        deadline = local_date(case.deadline, scenario.location_by_id[case.location].tz)
        out.append(WorkItem(u.case, case.pseudonym, case.priority, ordered, tuple(texts), deadline - timedelta(days=1)))
    out.sort(key=lambda w: (-w.priority, w.act_before, w.case))
    return out


def action_text(item: WorkItem, lang: str = "nl") -> str:
    """'laissez-passer nodig vóór ma 14-12' for the first category of the item."""
    return t(f"wl.need.{item.categories[0]}", lang, date=day_label(item.act_before, lang))


def day_label(day: date, lang: str = "nl") -> str:
    names = ("ma", "di", "wo", "do", "vr", "za", "zo") if lang == "nl" else ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
                                                                             "Sun")
    return f"{names[day.weekday()]} {day.strftime('%d-%m')}"


def worklist_table(items: list[WorkItem], lang: str = "nl") -> pd.DataFrame:
    return pd.DataFrame([{
        t("col.case", lang): w.case, t("col.pseudonym", lang): w.pseudonym, t("col.priority", lang): w.priority,
        t("wl.category", lang): ", ".join(t(f"wl.cat.{c}", lang) for c in w.categories),
        t("wl.action", lang): action_text(w, lang), t("wl.reasons", lang): "; ".join(w.reasons),
    } for w in items], columns=[t(k, lang) for k in ("col.case", "col.pseudonym", "col.priority", "wl.category",
                                                      "wl.action", "wl.reasons")])


def counts_by_category(items: list[WorkItem], lang: str = "nl") -> pd.DataFrame:
    """Unplanned cases per reason category (a case counts once in each of its categories)."""
    counts = {c: 0 for c in CATEGORIES}
    for w in items:
        for c in w.categories:
            counts[c] += 1
    return pd.DataFrame([{t("wl.category", lang): t(f"wl.cat.{c}", lang), t("wl.count", lang): n}
                         for c, n in counts.items() if n])
