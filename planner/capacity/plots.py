"""Plots per axis: planned priority, and unplanned cases per reason, against the axis values.

Interactive HTML (plotly; `plotly.min.js` is written once next to the pages, so they open without
a network) and PNG through kaleido, which drives a local Chrome/Chromium (Debian's `chromium`
works; no download). Without one the PNGs are skipped with the reason, the HTML is still written.
"""

from __future__ import annotations

import logging
from pathlib import Path

import plotly.graph_objects as go

from planner import palette
from planner.capacity.labels import axis_label, unit_size
from planner.capacity.reasons import family_label
from planner.capacity.summary import AxisSummary

log = logging.getLogger(__name__)


def _x(summary: AxisSummary) -> list:
    numeric = all(p.x is not None for p in summary.curve)
    return [p.x for p in summary.curve] if numeric else [p.label for p in summary.curve]


def priority_figure(summary: AxisSummary, lang: str = "nl") -> go.Figure:
    en = lang == "en"
    curve = summary.curve
    fig = go.Figure(go.Scatter(
        x=_x(summary), y=[p.planned_priority for p in curve], mode="lines+markers",
        name="planned priority" if en else "ingeplande prioriteit",
        error_y={"type": "data", "symmetric": False, "array": [p.max_priority - p.planned_priority for p in curve],
                 "arrayminus": [p.planned_priority - p.min_priority for p in curve]},
        customdata=[[p.label, p.planned_cases, p.runs] for p in curve],
        hovertemplate=("%{customdata[0]}: " + ("priority" if en else "prioriteit") + " %{y:.1f}, "
                       + ("planned cases" if en else "ingeplande zaken") + " %{customdata[1]:.1f} "
                       + "(n=%{customdata[2]})<extra></extra>")))
    if summary.knee is not None:
        k = next(p for p in curve if p.label == summary.knee)
        fig.add_trace(go.Scatter(x=[k.x], y=[k.planned_priority], mode="markers", name="knee" if en else "knik",
                                 marker={"size": 14, "symbol": "diamond-open", "line": {"width": 2}}))
    fig.update_layout(title=axis_label(summary.axis, lang), xaxis_title=axis_label(summary.axis, lang),
                      yaxis_title="planned priority" if en else "ingeplande prioriteit", template="plotly_white",
                      colorway=palette.SEQUENCE, width=800, height=450)
    return _whole_ticks(fig, summary)


def unplanned_figure(summary: AxisSummary, lang: str = "nl") -> go.Figure:
    en = lang == "en"
    families = sorted({c for p in summary.curve for c in p.unplanned})
    fig = go.Figure([go.Bar(x=_x(summary), y=[p.unplanned.get(c, 0.0) for p in summary.curve],
                            name=family_label(c, lang)) for c in families])
    fig.update_layout(barmode="stack", title=("Unplanned cases by reason: " if en else "Niet ingepland naar reden: ")
                      + axis_label(summary.axis, lang), xaxis_title=axis_label(summary.axis, lang),
                      yaxis_title="unplanned cases" if en else "niet ingeplande zaken", template="plotly_white",
                      colorway=palette.SEQUENCE, width=800, height=450)
    return _whole_ticks(fig, summary)


def _whole_ticks(fig: go.Figure, summary: AxisSummary) -> go.Figure:
    """People, vehicles and places come in whole units: no 0.5 ticks."""
    if unit_size(summary.axis) == 1.0:
        fig.update_xaxes(dtick=1)
    return fig


def figures(summaries: list[AxisSummary], lang: str = "nl") -> dict[str, go.Figure]:
    """File stem -> figure, two per axis."""
    out: dict[str, go.Figure] = {}
    for s in summaries:
        out[f"priority-{s.axis.name}"] = priority_figure(s, lang)
        out[f"unplanned-{s.axis.name}"] = unplanned_figure(s, lang)
    return out


def write_plots(summaries: list[AxisSummary], folder: Path, lang: str = "nl", png: bool = True) -> list[str]:
    """Writes `<stem>.html` (and `<stem>.png`); returns what could not be written, in words."""
    folder.mkdir(parents=True, exist_ok=True)
    figs = figures(summaries, lang)
    for stem, fig in figs.items():
        fig.write_html(folder / f"{stem}.html", include_plotlyjs="directory", full_html=True)
    if not png or not figs:
        return []
    try:
        import plotly.io as pio

        pio.write_images(list(figs.values()), [folder / f"{stem}.png" for stem in figs])
    except Exception as exc:  # noqa: BLE001 - no kaleido or no Chrome: the HTML plots stand
        log.warning("PNG plots skipped: %s", exc)
        return [f"PNG: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300]]
    return []


__all__ = ["figures", "priority_figure", "unplanned_figure", "write_plots"]
