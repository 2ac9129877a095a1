"""Overzicht: planned and unplanned by priority and week, warnings, broken rules."""

import plotly.express as px
import streamlit as st

from planner.web import views
from ui.common import lang, need_plan, need_view, plain, tr

st.title(tr("page.overview"))
view = need_view()
st.caption(f"{plain(view.scenario.id)} · {len(view.scenario.cases)} {tr('col.cases').lower()}")
need_plan(view)

plan, scenario = view.plan, view.scenario
planned = sum(len(trip.cases) for trip in plan.trips)
total_priority = sum(c.priority for c in scenario.cases)
cols = st.columns(5)
cols[0].metric(tr("ov.planned"), planned)
cols[1].metric(tr("ov.unplanned"), len(plan.unplanned))
cols[2].metric(tr("ov.priority"), f"{plan.objective.planned_priority if plan.objective else '-'} / {total_priority}")
cols[3].metric(tr("ov.cost"), f"€ {plan.objective.cost_eur:,.0f}" if plan.objective else "-")
cols[4].metric(tr("ov.violations"), len(view.violations))

left, right = st.columns(2)
by_priority = views.counts_by_priority(scenario, plan, lang())
with left:
    st.subheader(tr("ov.by_priority"))
    fig = px.bar(by_priority, x=tr("col.priority"), y=[tr("col.planned_n"), tr("col.unplanned_n")], height=260,
                 color_discrete_sequence=["#2e7d32", "#c62828"])
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), legend_title_text="", xaxis=dict(dtick=1))
    st.plotly_chart(fig, key="ov_priority")
by_week = views.counts_by_week(scenario, plan, lang())
with right:
    st.subheader(tr("ov.by_week"))
    fig = px.bar(by_week, x=tr("col.week"), y=[tr("col.planned_n"), tr("col.unplanned_n")], height=260,
                 color_discrete_sequence=["#2e7d32", "#c62828"])
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), legend_title_text="")
    st.plotly_chart(fig, key="ov_week")

st.subheader(tr("ov.warnings"))
warnings = views.warnings_table(scenario, plan, lang())
if warnings.empty:
    st.success(tr("ov.no_warnings"))
else:
    st.dataframe(warnings, hide_index=True, key="ov_warnings")

if view.violations:
    st.subheader(tr("ov.broken"))
    st.dataframe(views.violations_table(view.violations, lang()), hide_index=True, key="ov_violations")
