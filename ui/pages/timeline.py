"""Tijdlijn: Gantt per escort, vehicle or case; bars in UTC, local times in the tooltip."""

import plotly.express as px
import streamlit as st

from planner import palette
from planner.web import views
from ui.charts import localised
from ui.common import lang, need_plan, need_view, tr

st.title(tr("page.timeline"))
view = need_view()
need_plan(view)
options = ["escort", "vehicle", "case"]
by = st.radio(tr("gantt.by"), options, format_func=lambda o: tr(f"gantt.{o}"), horizontal=True, key="gantt_by")
frame = views.gantt_frame(view.scenario, view.plan, by, lang())
if frame.empty:
    st.info(tr("gantt.empty"))
else:
    rows = frame["resource"].nunique()
    colours = {tr(f"seg.{kind}"): colour for kind, colour in palette.SEGMENTS.items()}
    fig = px.timeline(frame, x_start="start", x_end="end", y="resource", color="segment", custom_data=["hover"],
                      color_discrete_map=colours, height=max(300, 28 * rows + 120))
    fig.update_traces(hovertemplate="%{customdata[0]}<extra></extra>")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), legend_title_text="", xaxis_title=tr("chart.time"))
    st.plotly_chart(localised(palette.readable(fig), lang(), date_axis="x"), key=f"gantt_{by}")
    st.caption(tr("gantt.tz"))
