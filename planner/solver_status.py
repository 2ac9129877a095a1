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
