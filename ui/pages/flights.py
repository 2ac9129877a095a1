"""Vluchten: load per booked leg: seats, forced places, stretcher."""

import streamlit as st

from planner.web import views
from ui.common import lang, need_plan, need_view, tr

st.title(tr("page.flights"))
view = need_view()
need_plan(view)
frame = views.leg_table(view.scenario, view.plan, lang())
if frame.empty:
    st.info(tr("flights.none"))
    st.stop()
if st.toggle(tr("flights.only_full"), key="flights_full"):
    frame = frame[frame["_fill"] >= 0.8]
order = list(frame.columns[:7]) + ["_fill"] + [c for c in frame.columns[7:] if c != "_fill"]
st.dataframe(frame, hide_index=True, key="flights_table", column_order=order,
             column_config={"_fill": st.column_config.ProgressColumn(tr("col.fill"), min_value=0.0, max_value=1.0,
                                                                      format="percent")})
