"""What a plan's solver report says about the optimiser, in words for the CLI and the web planner.

`plan.solver["status"] == "model_error"` means a CP-SAT phase answered INFEASIBLE or MODEL_INVALID
where that is impossible (no locks or frozen trips to blame): the plan is valid and checked, but the
optimiser did not improve it. Users must see that, not only a log line.
"""

from __future__ import annotations

from models import Plan
from planner.i18n import t

MODEL_ERROR = "model_error"


def optimiser_failed(plan: Plan | None) -> bool:
    return plan is not None and (plan.solver or {}).get("status") == MODEL_ERROR


def optimiser_warning(plan: Plan | None, lang: str = "en") -> str | None:
    """The banner text when the optimiser failed on this plan; None otherwise."""
    if not optimiser_failed(plan):
        return None
    failure = plan.solver.get("model_error") or {}
    key = "solver.model_error_cost" if failure.get("plan_from") == "priority phase" else "solver.model_error"
    return t(key, lang, phase=failure.get("phase", "?"), status=failure.get("status", "?"))
