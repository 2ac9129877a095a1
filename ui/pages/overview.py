"""Overzicht: planned and unplanned by priority and week, departures realised and aborted, warnings, broken rules."""

import plotly.express as px
import streamlit as st

from planner import palette
from planner.web import views
from planner.web.locale import money
from planner.web.views import lifecycle
from ui.cached import overview_parts, version_key
from ui.charts import localised
from ui.common import lang, need_plan, need_view, plain, planner, tr

st.title(tr("page.overview"))
view = need_view()
st.caption(f"{plain(view.scenario.id)} · {len(view.scenario.cases)} {tr('col.cases').lower()}")
plan, scenario = need_plan(view), view.scenario
planned = sum(len(trip.cases) for trip in plan.trips)
total_priority = sum(c.priority for c in scenario.cases)
cols = st.columns(5)
cols[0].metric(tr("ov.planned"), planned)
cols[1].metric(tr("ov.unplanned"), len(plan.unplanned))
cols[2].metric(tr("ov.priority"), f"{plan.objective.planned_priority if plan.objective else '-'} / {total_priority}")
cols[3].metric(tr("ov.cost"), money(plan.objective.cost_eur, lang()) if plan.objective else "-")
cols[4].metric(tr("ov.violations"), len(view.violations))
shared, escorted = views.shared_language(scenario, plan)
if escorted:
    st.caption(tr("ov.shared_language", shared=shared, total=escorted, share=f"{shared / escorted:.0%}"))

left, right = st.columns(2)
parts = overview_parts(version_key(view), lang(), scenario, plan)  # once per plan version, for every session
with left:
    st.subheader(tr("ov.by_priority"))
    st.plotly_chart(parts["figures"]["priority"], key="ov_priority")
with right:
    st.subheader(tr("ov.by_week"))
    st.plotly_chart(parts["figures"]["week"], key="ov_week")

from planner.web.worklist import counts_by_category, work_items  # noqa: E402 - issue 11 work-list

by_reason = counts_by_category(work_items(scenario, plan, lang()), lang())
if not by_reason.empty:
    st.subheader(tr("wl.chart"))
    fig = px.bar(by_reason, x=tr("wl.count"), y=tr("wl.category"), orientation="h", height=60 + 32 * len(by_reason),
                 color_discrete_sequence=[palette.BLUE])
    fig.update_layout(margin=dict(l=0, r=0, t=10, b=0), yaxis_title="", xaxis=dict(dtick=1))
    st.plotly_chart(localised(palette.readable(fig), lang()), key="ov_by_reason")

# -- departures: realised and aborted, abort reasons per ISO week (issue 11 case lifecycle) --
st.subheader(tr("life.outcomes"))
states = planner().case_states(view)
counts = lifecycle.state_counts((c.id for c in scenario.cases), states)
metrics = st.columns(4)
for col, state in zip(metrics, ("announced", "booked", "departed", "aborted"), strict=True):
    col.metric(tr(f"life.state.{state}"), counts[state])
outcomes = lifecycle.outcomes_table(states, {c.id: c.pseudonym for c in scenario.cases}, lang())
if outcomes.empty:
    st.caption(tr("life.no_outcomes"))
else:
    st.dataframe(outcomes, hide_index=True, key="ov_outcomes")
    aborts = lifecycle.aborts_by_week(planner().case_history(view), lang())
    if not aborts.empty:
        st.markdown(f"**{tr('life.chart')}**")
        st.plotly_chart(localised(lifecycle.aborts_figure(aborts, lang()), lang()), key="ov_aborts")

st.subheader(tr("ov.warnings"))
warnings = parts["warnings"]
if warnings.empty:
    st.success(tr("ov.no_warnings"))
else:
    st.dataframe(warnings, hide_index=True, key="ov_warnings")

if view.violations:
    st.subheader(tr("ov.broken"))
    st.dataframe(views.violations_table(view.violations, lang()), hide_index=True, key="ov_violations")
