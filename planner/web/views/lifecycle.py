"""The case lifecycle as tables and a chart: a state per case, realised and aborted departures, and
the abort reasons per ISO week (the Overzicht). Words through `planner.web.i18n`, never raw codes;
times when something was recorded are shown in Dutch time (the coordinators' desk)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import pandas as pd
import plotly.graph_objects as go

from planner.store import ABORT_REASONS, ABORTED, CASE_STATES, DEPARTED, DRAFT_CASE, CaseState
from planner.web.i18n import t

DESK_ZONE = ZoneInfo("Europe/Amsterdam")
REASON_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
"""Okabe-Ito: tells the reasons apart for colour-blind readers too (with the legend)."""


def state_label(state: str, lang: str = "nl") -> str:
    return t(f"life.state.{state}", lang)


def reason_label(reason: str, lang: str = "nl") -> str:
    return t(f"life.reason.{reason}", lang) if reason else ""


def state_of(states: dict[str, CaseState], case: str) -> str:
    return states[case].state if case in states else DRAFT_CASE


def state_column(cases: Iterable[str], states: dict[str, CaseState], lang: str = "nl") -> list[str]:
    """The lifecycle state of each case, in words (aborted with its reason)."""
    out = []
    for case in cases:
        state = state_of(states, case)
        label = state_label(state, lang)
        if state == ABORTED and states[case].reason:
            label += f" ({reason_label(states[case].reason, lang)})"
        out.append(label)
    return out


def state_counts(case_ids: Iterable[str], states: dict[str, CaseState]) -> dict[str, int]:
    """How many cases are in each state: the scenario's cases plus departed/aborted ones it no longer has."""
    ids = set(case_ids) | {c for c, s in states.items() if s.state in (DEPARTED, ABORTED)}
    counts = Counter(state_of(states, c) for c in ids)
    return {state: counts.get(state, 0) for state in CASE_STATES}


def when(moment, lang: str = "nl") -> str:
    if moment is None:
        return ""
    local = moment.astimezone(DESK_ZONE)
    return local.strftime("%d-%m-%Y %H:%M") if lang == "nl" else local.strftime("%Y-%m-%d %H:%M")


def outcomes_table(states: dict[str, CaseState], pseudonyms: dict[str, str], lang: str = "nl") -> pd.DataFrame:
    """Realised (departed) and aborted departures, newest first: case, outcome, reason, when, by whom."""
    done = sorted((s for s in states.values() if s.state in (DEPARTED, ABORTED)),
                  key=lambda s: (s.at is None, s.at), reverse=True)
    return pd.DataFrame([{
        t("col.case", lang): s.case, t("col.pseudonym", lang): pseudonyms.get(s.case, ""),
        t("life.col.state", lang): state_label(s.state, lang), t("life.col.reason", lang): reason_label(s.reason, lang),
        t("life.col.when", lang): when(s.at, lang), t("col.by", lang): s.by,
    } for s in done], columns=[t(k, lang) for k in ("col.case", "col.pseudonym", "life.col.state", "life.col.reason",
                                                     "life.col.when", "col.by")])


def aborts_by_week(history: Iterable[CaseState], lang: str = "nl") -> pd.DataFrame:
    """Aborted departures per ISO week (of recording) and reason code, in words, weeks in order."""
    counts: Counter = Counter()
    for step in history:
        if step.state == ABORTED and step.at is not None:
            year, week, _ = step.at.astimezone(DESK_ZONE).isocalendar()
            counts[((year, week), step.reason)] += 1
    def order(reason: str) -> int:
        return ABORT_REASONS.index(reason) if reason in ABORT_REASONS else len(ABORT_REASONS)
    rows = [{"key": key, t("life.col.week", lang): t("life.week", lang, week=key[1], year=key[0]),
             t("life.col.reason", lang): reason_label(reason, lang), t("wl.count", lang): n, "order": order(reason)}
            for (key, reason), n in counts.items()]
    frame = pd.DataFrame(rows, columns=["key", t("life.col.week", lang), t("life.col.reason", lang),
                                        t("wl.count", lang), "order"])
    return frame.sort_values(["key", "order"]).drop(columns=["key", "order"]).reset_index(drop=True)


def aborts_figure(frame: pd.DataFrame, lang: str = "nl") -> go.Figure:
    """Stacked bars: aborts per ISO week by reason; Dutch axis titles and number format by default."""
    week, reason, count = t("life.col.week", lang), t("life.col.reason", lang), t("wl.count", lang)
    fig = go.Figure()
    weeks = list(dict.fromkeys(frame[week]))
    for i, code in enumerate(ABORT_REASONS):
        label = reason_label(code, lang)
        part = frame[frame[reason] == label]
        if part.empty:
            continue
        fig.add_bar(x=list(part[week]), y=list(part[count]), name=label, marker_color=REASON_COLOURS[i])
    fig.update_layout(barmode="stack", height=300, margin=dict(l=0, r=0, t=10, b=0), legend_title_text=reason,
                      separators=",." if lang == "nl" else ".,",
                      xaxis=dict(title=week, categoryorder="array", categoryarray=weeks),
                      yaxis=dict(title=count, dtick=1, rangemode="tozero"))
    return fig


__all__ = ["aborts_by_week", "aborts_figure", "outcomes_table", "reason_label", "state_column", "state_counts",
           "state_label"]
