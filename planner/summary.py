"""Readable text summaries of a plan for the terminal, in Dutch (default) or English (planner/texts.py)."""

from __future__ import annotations

from models import Objective, Plan, Scenario
from planner.reasons import reasons_in
from planner.solver_status import optimiser_warning
from planner.texts import case_label, stage_words, status_words, t
from solver.pruning import Pruned


def money(value: float, lang: str = "nl") -> str:
    """EUR amounts as the reader writes them: 135.850,87 in Dutch, 135,850.87 in English."""
    text = f"{value:,.2f}"
    return text if lang == "en" else text.translate(str.maketrans(",.", ".,"))


def seconds_text(value: float, lang: str = "nl") -> str:
    """0.3 s in English, 0,3 s in Dutch."""
    text = f"{value:.1f} s"
    return text if lang == "en" else text.replace(".", ",")


CAP_WORDS = {  # why a unit's options were cut (solver.pruning), in Dutch
    Pruned.CODESHARE: "codeshare-alternatieven", Pruned.DEFAULT_HOURS: "standaard reisurengrens",
    Pruned.LEG_CAP: "grens op vluchtdelen", Pruned.OPTION_CAPS: "grens op opties",
    Pruned.RETURN_CAPS: "grens op terugreizen",
    Pruned.SEARCH_CAP: "zoekgrens", Pruned.TIME_LIMIT: "rekentijd", Pruned.FIXED_PICKUP: "vaste ophaaltijd",
}


def objective_values(objective: Objective, lang: str) -> dict[str, object]:
    """The objective's levels as words: a missing disruption is "geen eerder plan", never `None`."""
    return {"priority": objective.planned_priority,
            "disruption": objective.disruption if objective.disruption is not None else t("no_previous", lang),
            "mismatch": (objective.language_mismatch if objective.language_mismatch is not None
                         else t("not_computed", lang)),
            "cost": money(objective.cost_eur, lang)}


def _bound_lines(plan: Plan, lang: str) -> list[str]:
    lines = []
    if plan.bound is not None:
        b = plan.bound
        parts = []
        if b.planned_priority is not None:
            parts.append(t("bound.priority", lang, v=f"{b.planned_priority:.0f}"))
        if b.disruption is not None:
            parts.append(t("bound.disruption", lang, v=f"{b.disruption:.0f}"))
        if b.language_mismatch is not None:
            parts.append(t("bound.mismatch", lang, v=f"{b.language_mismatch:.0f}"))
        if b.cost_eur is not None:
            parts.append(t("bound.cost", lang, v=money(b.cost_eur, lang)))
        if parts:
            lines.append(t("bound", lang, parts=", ".join(parts)))
    info = plan.solver or {}
    restricted = info.get("restricted_bound")
    if restricted and restricted.get("planned_priority") is not None:
        why = ", ".join(f"{k if lang == 'en' else CAP_WORDS.get(k, k)} ({n})"
                        for k, n in (info.get("restricted_by") or {}).items())
        lines.append(t("restricted", lang, v=f"{restricted['planned_priority']:.0f}", why=why or "caps"))
    return lines


def _solver_lines(plan: Plan, lang: str) -> list[str]:
    info = plan.solver or {}
    if not info:
        return []
    seconds = "".join(f", {stage_words([k], lang)} {seconds_text(v, lang)}" for k, v in info.get("seconds", {}).items())
    lines = [t("solver", lang, strategy=info.get("strategy", "?"), status=status_words(info.get("status", "?"), lang),
               seconds=seconds)]
    warning = optimiser_warning(plan, lang)
    if warning is not None:
        failure = info.get("model_error") or {}
        text = t("no_optimiser", lang) if failure.get("plan_from") != "priority phase" else warning
        lines.append(t("warning", lang, text=text))
        lines.extend(t("presolve", lang, line=line) for line in failure.get("presolve", [])[:3])
    if info.get("clock_cut"):
        lines.append(t("warning", lang, text=t("clock_cut", lang, stages=stage_words(info["clock_cut"], lang))))
    return lines


def plan_summary(scenario: Scenario, plan: Plan, valid: bool | None = None, lang: str = "nl") -> str:
    """Counts, objective, bound, solver status, check result, unplanned cases with reasons, notes."""
    cases = scenario.case_by_id
    planned = [c for trip in plan.trips for c in trip.cases]
    lines = [
        t("scenario", lang, id=scenario.id, cases=len(scenario.cases), legs=len(scenario.flights),
          staff=len(scenario.staff), vehicles=len(scenario.vehicles)),
        t("planned", lang, n=len(planned), trips=len(plan.trips)),
        t("unplanned", lang, n=len(plan.unplanned)),
    ]
    if plan.objective is not None:
        total = sum(c.priority for c in scenario.cases)
        lines.append(t("objective", lang, total=total, **objective_values(plan.objective, lang)))
    lines += _bound_lines(plan, lang) + _solver_lines(plan, lang)
    if valid is not None:
        lines.append(t("valid" if valid else "invalid", lang))
    if plan.unplanned:
        lines.append(t("unplanned.header", lang))
        for u in sorted(plan.unplanned, key=lambda u: (-cases[u.case].priority if u.case in cases else 0, u.case)):
            case = cases.get(u.case)
            lines.append(t("unplanned.line", lang, case=case_label(scenario, u.case),
                           priority=case.priority if case else "?",
                           reasons="; ".join(reasons_in(u, lang))))
    for note in plan.notes:
        lines.append(t("note", lang, case=case_label(scenario, note.case), text=note.text))
    return "\n".join(lines)


__all__ = ["objective_values", "plan_summary"]
