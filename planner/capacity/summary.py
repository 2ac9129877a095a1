"""Per axis: the curve (mean over repetitions), the marginal value of each step and the knee.

Marginal value: the change in planned priority and planned cases from one value to the next,
divided by the distance in units (one escort, one vehicle, +10 % caseload); for a setting or rules
axis it is counted per step. The knee is the point of the curve farthest from the straight line
between its first and last point (both axes scaled to 0..1): past it, each extra unit buys less.
A straight or flat curve has no knee.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import cast

import pandas as pd

from planner.capacity.labels import axis_label, unit_size, unit_words
from planner.capacity.points import numeric, points, value_label
from planner.capacity.reasons import FAMILY_CODES, family_label
from planner.capacity.spec import Axis, SweepSpec
from planner.capacity.worker import OK

KNEE_MIN_DISTANCE = 0.05
"""A knee must lie this far (scaled 0..1) from the straight line; below it the curve is straight."""


@dataclass(frozen=True)
class CurvePoint:
    label: str
    x: float | None
    runs: int
    planned_cases: float
    planned_priority: float
    min_priority: float
    max_priority: float
    unplanned: dict[str, float] = field(default_factory=dict)
    """Mean unplanned cases per reason family (families with none left out)."""


@dataclass(frozen=True)
class Step:
    start: str
    end: str
    priority: float
    """Planned priority gained per unit (or per step)."""
    cases: float


@dataclass(frozen=True)
class AxisSummary:
    axis: Axis
    curve: tuple[CurvePoint, ...]
    steps: tuple[Step, ...]
    knee: str | None
    """The value at the knee (label), or None."""
    failed: int
    """Solves on this axis that gave no result (status error or failed)."""


def _rows_of(spec: SweepSpec, table: pd.DataFrame, index: int) -> pd.DataFrame:
    """The rows that vary this axis alone (others at base); in a grid without them, every row."""
    keys = {p.key for p in points(spec) if p.on_base_except(spec, index)}
    mine = table[table["point"].isin(keys)]
    return mine if mine[f"axis_{spec.axes[index].name}"].nunique() >= 2 or spec.design != "grid" else table


def _curve(axis: Axis, rows: pd.DataFrame) -> list[CurvePoint]:
    ok = rows[rows["status"] == OK]
    out = []
    for value in axis.values:
        label = value_label(axis, value)
        these = ok[ok[f"axis_{axis.name}"] == label]
        if these.empty:
            continue
        prio = these["planned_priority"].astype(float)
        unplanned = {c: float(these[f"unplanned_{c}"].astype(float).mean()) for c in FAMILY_CODES}
        out.append(CurvePoint(label=label, x=numeric(axis, value), runs=len(these),
                              planned_cases=float(these["planned_cases"].astype(float).mean()),
                              planned_priority=float(prio.mean()), min_priority=float(prio.min()),
                              max_priority=float(prio.max()), unplanned={c: v for c, v in unplanned.items() if v}))
    if all(p.x is not None for p in out):
        out.sort(key=lambda p: cast(float, p.x))  # all known: checked just above
    return out


def _steps(axis: Axis, curve: list[CurvePoint]) -> list[Step]:
    unit = unit_size(axis)
    out = []
    for a, b in pairwise(curve):
        width = (b.x - a.x) / unit if unit is not None and a.x is not None and b.x is not None else 1.0
        width = width or 1.0
        out.append(Step(a.label, b.label, (b.planned_priority - a.planned_priority) / width,
                        (b.planned_cases - a.planned_cases) / width))
    return out


def knee(curve: list[CurvePoint]) -> str | None:
    """The label of the point farthest from the chord (scaled), or None for a straight/flat curve."""
    if len(curve) < 3 or any(p.x is None for p in curve):
        return None
    xs = [p.x for p in curve if p.x is not None]  # all of them: checked above
    ys = [p.planned_priority for p in curve]
    if max(ys) == min(ys) or max(xs) == min(xs):
        return None
    sx = [(x - xs[0]) / (xs[-1] - xs[0]) for x in xs]
    sy = [(y - min(ys)) / (max(ys) - min(ys)) for y in ys]
    a, b = sy[0], sy[-1]
    distance = [abs(y - (a + (b - a) * x)) for x, y in zip(sx, sy, strict=True)]
    best = max(range(1, len(curve) - 1), key=lambda i: distance[i])
    return curve[best].label if distance[best] >= KNEE_MIN_DISTANCE else None


def summarise(spec: SweepSpec, table: pd.DataFrame) -> list[AxisSummary]:
    out = []
    for index, axis in enumerate(spec.axes):
        rows = _rows_of(spec, table, index)
        curve = _curve(axis, rows)
        failed = int((rows["status"] != OK).sum())
        out.append(AxisSummary(axis, tuple(curve), tuple(_steps(axis, curve)), knee(curve), failed))
    return out


def _num(value: float, lang: str, sign: bool = False) -> str:
    text = f"{value:+.1f}" if sign else (f"{value:.1f}" if value % 1 else f"{value:.0f}")
    return text if lang == "en" else text.replace(".", ",")


def marginal_frame(summary: AxisSummary, lang: str = "nl") -> pd.DataFrame:
    """The marginal-value table of one axis (for the web planner)."""
    en = lang == "en"
    return pd.DataFrame([{("step" if en else "stap"): f"{s.start} → {s.end}",
                          ("planned priority " if en else "ingeplande prioriteit ") + unit_words(summary.axis, lang):
                              round(s.priority, 2),
                          ("planned cases " if en else "ingeplande zaken ") + unit_words(summary.axis, lang):
                              round(s.cases, 2)} for s in summary.steps])


def axis_text(summary: AxisSummary, total_cases: int | None, lang: str = "nl") -> list[str]:
    en = lang == "en"
    lines = [axis_label(summary.axis, lang)]
    head = ("value", "planned", "priority", "unplanned by reason") if en else \
        ("waarde", "ingepland", "prioriteit", "niet ingepland naar reden")
    lines.append(f"  {head[0]:<8} {head[1]:>10} {head[2]:>10}  {head[3]}")
    for p in summary.curve:
        reasons = ", ".join(f"{family_label(c, lang)} {_num(v, lang)}" for c, v in
                            sorted(p.unplanned.items(), key=lambda kv: -kv[1])) or "-"
        planned = _num(p.planned_cases, lang) + (f"/{total_cases}" if total_cases and summary.axis.kind != "cases.scale"
                                                 else "")
        lines.append(f"  {p.label:<8} {planned:>10} {_num(p.planned_priority, lang):>10}  {reasons}")
    if summary.steps:
        lines.append(("  marginal value " if en else "  marginale waarde ") + unit_words(summary.axis, lang) + ":")
        for s in summary.steps:
            lines.append(f"    {s.start} → {s.end}: {_num(s.priority, lang, True)} "
                         + ("priority, " if en else "prioriteit, ") + _num(s.cases, lang, True)
                         + (" cases" if en else " zaken"))
    lines.append("  " + knee_sentence(summary, lang))
    if summary.failed:
        lines.append(f"  {summary.failed} " + ("solve(s) without a result: see the table (status, error)" if en
                                              else "oplossing(en) zonder resultaat: zie de tabel (status, error)"))
    return lines


def knee_sentence(summary: AxisSummary, lang: str = "nl") -> str:
    en = lang == "en"
    if len(summary.curve) < 3 or any(p.x is None for p in summary.curve):
        return ("Knee: needs three or more numeric values." if en
                else "Knik: daarvoor zijn drie of meer getalwaarden nodig.")
    if summary.knee is None:
        ys = {p.planned_priority for p in summary.curve}
        if len(ys) == 1:
            return ("Knee: none, the axis changes nothing in this range." if en
                    else "Knik: geen, deze as verandert in dit bereik niets.")
        return "Knee: none, the curve is (nearly) straight." if en else "Knik: geen, de curve is (bijna) recht."
    labels = [p.label for p in summary.curve]
    k = labels.index(summary.knee)
    before = sum(s.priority for s in summary.steps[:k]) / max(1, k)
    after = sum(s.priority for s in summary.steps[k:]) / max(1, len(summary.steps) - k)
    unit = unit_words(summary.axis, lang)
    if en:
        return (f"Knee at {summary.knee}: up to it {_num(before, lang, True)} planned priority {unit}, "
                f"beyond it {_num(after, lang, True)}.")
    return (f"Knik bij {summary.knee}: tot daar {_num(before, lang, True)} ingeplande prioriteit {unit}, "
            f"daarna {_num(after, lang, True)}.")


def summary_text(spec: SweepSpec, summaries: list[AxisSummary], total_cases: int | None, lang: str = "nl") -> str:
    en = lang == "en"
    n_points = len(points(spec))
    head = (f"Capacity sweep {spec.id}: {n_points} points x {spec.solve.repetitions} repetition(s), "
            f"{spec.solve.time_limit_s:g} s per solve, {spec.solve.workers} worker(s), seed {spec.solve.seed}"
            if en else
            f"Capaciteitssweep {spec.id}: {n_points} punten x {spec.solve.repetitions} herhaling(en), "
            f"{spec.solve.time_limit_s:g} s per oplossing, {spec.solve.workers} worker(s), seed {spec.solve.seed}")
    lines = [head, ""]
    for s in summaries:
        lines.extend(axis_text(s, total_cases, lang))
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["AxisSummary", "CurvePoint", "Step", "axis_text", "knee", "knee_sentence", "marginal_frame", "summarise",
           "summary_text"]
