"""What CP-SAT says when a phase fails: the constraint presolve names, in a readable line.

Without locks and frozen trips, planning nothing is always feasible, so INFEASIBLE or MODEL_INVALID
is a modelling error. A cheap presolve-only re-run with CP-SAT's log captured (not printed) finds
the lines that name the rule; constant intervals that overlap in a no-overlap (the bug this was built
for) are named from the model itself, since the log numbers constraints of CP-SAT's working copy.
"""

from __future__ import annotations

from ortools.sat.python import cp_model

PRESOLVE_SECONDS = 10.0
"""A failed phase's model is presolved once more to say why; this diagnosis never takes longer."""


def _fixed(model: cp_model.CpModel, index: int) -> tuple[int, int] | None:
    """[start, end) of an interval constraint that is always present and constant, else None."""
    ct = model.proto.constraints[index]
    if not ct.has_interval() or list(ct.enforcement_literal):
        return None
    start, size = ct.interval.start, ct.interval.size
    if list(start.vars) or list(size.vars):
        return None
    return start.offset, start.offset + size.offset


def overlapping_fixed_intervals(model: cp_model.CpModel) -> list[str]:
    """No-overlap constraints that receive two constant intervals which overlap, by name.

    CP-SAT's presolve log numbers constraints of its own working copy, so the names come from here."""
    out = []
    constraints = model.proto.constraints
    for ct in constraints:
        if not ct.has_no_overlap():
            continue
        fixed = sorted((span, constraints[i].name or f"#{i}") for i in ct.no_overlap.intervals
                       if (span := _fixed(model, i)) is not None and span[1] > span[0])
        for (a, name_a), (b, name_b) in zip(fixed, fixed[1:], strict=False):
            if b[0] < a[1]:
                out.append(f"no_overlap: constant intervals {name_a} {list(a)} and {name_b} {list(b)} overlap")
    return out


def _readable(line: str) -> str:
    """One line of at most ~300 characters."""
    text = " ".join(line.split())
    return text if len(text) <= 300 else text[:297] + "..."


def presolve_findings(model: cp_model.CpModel, seconds: float = PRESOLVE_SECONDS) -> list[str]:
    """The lines of CP-SAT's presolve log that say why the model is infeasible or invalid."""
    problem = model.validate()
    if problem:
        return [f"model invalid: {problem}"]
    lines: list[str] = []
    solver = cp_model.CpSolver()
    solver.parameters.log_search_progress = True
    solver.parameters.log_to_stdout = False
    solver.parameters.stop_after_presolve = True
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    solver.log_callback = lines.append
    solver.solve(model)
    wanted = [
        line for line in lines
        if ("unsat" in line.lower() or "infeasible" in line.lower() or "constant intervals overlap" in line)
        and not line.startswith(("status:", "INFEASIBLE: ''", "CpSolverResponse"))
    ]
    found = overlapping_fixed_intervals(model)[:5] + [_readable(line) for line in wanted[:5]]
    return found or ["presolve did not name a constraint (the infeasibility was found during search)"]
