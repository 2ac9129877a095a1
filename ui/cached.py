"""What every session would recompute for the same plan version, computed once per version.

`st.cache_data` is shared by all users, so only version-wide data goes in (tables and figures of a
plan version in one language, nothing per user). The key is the workspace, its revision (locks and
forbids change it) and the plan version id; the scenario and plan objects are passed unhashed
(leading underscore) because the key already names them.
"""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from planner import palette
from planner.web import views
from planner.web.i18n import t
from ui.charts import localised


def version_key(view) -> tuple[int, int, int | None]:
    return view.info.id, view.info.revision, view.version.id if view.version is not None else None


@st.cache_data(max_entries=32, show_spinner=False)
def overview_parts(key: tuple, lang: str, _scenario, _plan) -> dict:
    """Overzicht's two bar charts and its warnings table for one plan version and language."""
    del key  # the cache key; the objects below belong to it
    figures = {}
    for name, frame, x in (("priority", views.counts_by_priority(_scenario, _plan, lang), "col.priority"),
                           ("week", views.counts_by_week(_scenario, _plan, lang), "col.week")):
        fig = px.bar(frame, x=t(x, lang), y=[t("col.planned_n", lang), t("col.unplanned_n", lang)], height=260,
                     color_discrete_sequence=[palette.PLANNED, palette.UNPLANNED],
                     pattern_shape="variable", pattern_shape_sequence=["", palette.UNPLANNED_PATTERN],
                     labels={"value": t("chart.count", lang), "variable": t("chart.series", lang)})
        fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), legend_title_text="",
                          **({"xaxis": dict(dtick=1)} if name == "priority" else {}))
        figures[name] = localised(palette.readable(fig), lang)
    return {"figures": figures, "warnings": views.warnings_table(_scenario, _plan, lang)}
