"""The answer of `bv-planner why` in words: blocking rules with their family in words, and what it
would take, each with its cost ("deadline 3 dagen later (kosten 13)"); cases named as everywhere,
"BV-2026-0077 (case-024)". No internal codes reach the user."""

from __future__ import annotations

from models import Scenario
from planner.texts import case_label, t
from planner.whatif import Relaxation
from solver.explain import Reason, span_text


def format_why(scenario: Scenario, case_id: str, reasons: list[Reason], relaxations: list[Relaxation] | None,
               lang: str = "nl") -> str:
    """Why `case_id` is unplanned (or that it is planned) and, with `relaxations`, what would help."""
    case = scenario.case_by_id[case_id]
    label = case_label(scenario, case_id)
    if not reasons:
        return t("why.planned", lang, case=label)
    lines = [t("why.unplanned", lang, case=label)]
    for r in reasons:
        lines.append(f"  - {r.label_en if lang == 'en' else r.label_nl}: {r.text(lang)}")
    if relaxations is None:
        return "\n".join(lines)
    if not relaxations:
        lines.append(t("why.nothing", lang))
        return "\n".join(lines)
    lines.append(t("why.helps", lang))
    tz = scenario.location_by_id[case.location].zone
    for i, rx in enumerate(relaxations, 1):
        extra = [t("why.cost", lang, cost=rx.cost)]
        if rx.departure is not None:
            extra.append(t("why.departs", lang, when=span_text(rx.departure, rx.departure, tz, lang)))
        if rx.disruption:
            extra.append(t("why.disruption", lang, n=rx.disruption))
        if rx.displaced:
            extra.append(t("why.displaces", lang, cases=", ".join(case_label(scenario, c) for c in rx.displaced)))
        lines.append(f"  {i}. {rx.text(lang)} ({'; '.join(extra)})")
    return "\n".join(lines)


__all__ = ["format_why"]
