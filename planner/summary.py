"""Readable text summaries of a plan for the terminal."""

from __future__ import annotations

from models import Plan, Scenario
from planner.solver_status import optimiser_warning


def plan_summary(scenario: Scenario, plan: Plan, valid: bool | None = None) -> str:
    cases = scenario.case_by_id
    planned = [c for t in plan.trips for c in t.cases]
    lines = [
        f"Scenario {scenario.id}: {len(scenario.cases)} cases, {len(scenario.flights)} legs, "
        f"{len(scenario.staff)} staff, {len(scenario.vehicles)} vehicles",
        f"Planned   {len(planned):4d} cases in {len(plan.trips)} trips",
        f"Unplanned {len(plan.unplanned):4d} cases",
    ]
    obj = plan.objective
    if obj is not None:
        total_priority = sum(c.priority for c in scenario.cases)
        lines.append(f"Objective  planned priority {obj.planned_priority} of {total_priority}"
                     + (f" | disruption {obj.disruption}" if obj.disruption is not None else "")
                     + (f" | language mismatch {obj.language_mismatch}" if obj.language_mismatch is not None else "")
                     + f" | cost EUR {obj.cost_eur:,.2f}")
    if plan.bound is not None:
        b = plan.bound
        parts = []
        if b.planned_priority is not None:
            parts.append(f"priority <= {b.planned_priority:.0f}")
        if b.disruption is not None:
            parts.append(f"disruption >= {b.disruption:.0f}")
        if b.language_mismatch is not None:
            parts.append(f"language mismatch >= {b.language_mismatch:.0f}")
        if b.cost_eur is not None:
            parts.append(f"cost >= EUR {b.cost_eur:,.2f} (at that priority)")
        lines.append("Bound      " + ", ".join(parts))
    restricted = (plan.solver or {}).get("restricted_bound")
    if restricted and restricted.get("planned_priority") is not None:
        why = ", ".join(f"{k} ({n})" for k, n in (plan.solver.get("restricted_by") or {}).items())
        lines.append(f"Restricted priority <= {restricted['planned_priority']:.0f} on the options the planner "
                     f"considered (not all: {why or 'caps'}); the bound above holds for the full problem")
    info = plan.solver or {}
    if info:
        secs = info.get("seconds", {})
        lines.append(f"Solver     {info.get('strategy', '?')} status {info.get('status', '?')}, "
                     + ", ".join(f"{k} {v:.1f}s" for k, v in secs.items()))
        warning = optimiser_warning(plan, "en")
        if warning is not None:
            failure = info.get("model_error") or {}
            lines.append("WARNING    optimiser did not run: plan comes from the start heuristic"
                         if failure.get("plan_from") != "priority phase" else "WARNING    " + warning)
            lines.extend(f"           CP-SAT presolve: {line}" for line in failure.get("presolve", [])[:3])
    if valid is not None:
        lines.append("Check      " + ("valid: every hard rule kept" if valid else "INVALID (see violations)"))
    if plan.unplanned:
        lines.append("Unplanned cases:")
        for u in sorted(plan.unplanned, key=lambda u: (-cases[u.case].priority if u.case in cases else 0, u.case)):
            c = cases.get(u.case)
            label = f"{c.pseudonym} (prio {c.priority})" if c else u.case
            lines.append(f"  {label}: " + "; ".join(u.reasons))
    for note in plan.notes:
        lines.append(f"Note {note.case}: {note.text}")
    return "\n".join(lines)
