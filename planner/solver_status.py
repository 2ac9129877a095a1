"""What a plan's solver report says about the optimiser, in words for the CLI and the web planner.

`plan.solver["status"] == "model_error"` means a CP-SAT phase answered INFEASIBLE or MODEL_INVALID
where that is impossible (no locks or frozen trips to blame): the plan is valid and checked, but the
optimiser did not improve it. Users must see that, not only a log line.
"""

from __future__ import annotations

from models import Plan

MODEL_ERROR = "model_error"

_WORDS = {  # (Dutch, English): the CLI summary (English) and the web banner share these
    "solver.model_error": (
        "Let op: de optimalisatie is niet uitgevoerd; dit plan komt van de startheuristiek (CP-SAT-fase "
        "{phase}: {status}, een fout in het model). Het plan is wel gecontroleerd op alle harde regels.",
        "Warning: optimiser did not run: plan comes from the start heuristic (CP-SAT {phase} phase: {status}, "
        "a modelling error). The plan was still checked against every hard rule."),
    "solver.model_error_cost": (
        "Let op: de kostenoptimalisatie is mislukt (CP-SAT-fase {phase}: {status}, een fout in het model); "
        "dit plan komt uit de prioriteitsfase.",
        "Warning: cost optimisation failed (CP-SAT {phase} phase: {status}, a modelling error); the plan comes "
        "from the priority phase."),
    "solver.clock_cut": (
        "Let op: de server was druk of trager dan geijkt; de klok stopte {stages} voordat het rekenbudget op was. "
        "Het plan is gecontroleerd op alle harde regels, maar opnieuw oplossen kan een ander plan geven.",
        "Note: the server was busy or slower than calibrated; the clock stopped {stages} before the computing "
        "budget was spent. The plan was checked against every hard rule, but solving again may give another plan."),
}


def optimiser_failed(plan: Plan | None) -> bool:
    return plan is not None and (plan.solver or {}).get("status") == MODEL_ERROR


def optimiser_warning(plan: Plan | None, lang: str = "en") -> str | None:
    """The banner text when the optimiser failed on this plan; None otherwise."""
    if plan is None or not optimiser_failed(plan):
        return None
    failure = plan.solver.get("model_error") or {}
    key = "solver.model_error_cost" if failure.get("plan_from") == "priority phase" else "solver.model_error"
    nl, en = _WORDS[key]
    return (nl if lang == "nl" else en).format(phase=failure.get("phase", "?"), status=failure.get("status", "?"))


def clock_cut_notice(plan: Plan | None, lang: str = "en") -> str | None:
    """The banner text when the wall clock stopped a stage of this one-worker plan (solver info `clock_cut`):
    the web planner solves with one worker, reproducibly, unless the server is too busy for that."""
    from planner.texts import stage_words

    stages = (plan.solver or {}).get("clock_cut") if plan is not None else None
    if not stages:
        return None
    nl, en = _WORDS["solver.clock_cut"]
    return (nl if lang == "nl" else en).format(stages=stage_words(list(stages), lang))
