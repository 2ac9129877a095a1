"""Audit: who did what, when, to which object, with what result (ids and pseudonyms only)."""

import streamlit as st

from planner.web import views
from planner.web.exporting import csv_bytes
from ui.common import lang, planner, tr

p = planner()
view = st.session_state.get("_view")
st.title(tr("page.audit"))
c1, c2, c3 = st.columns(3)
everything = c1.toggle(tr("audit.all_scenarios"), value=view is None, key="audit_all")
actor = c2.text_input(tr("audit.filter_actor"), key="audit_actor").strip()
action = c3.text_input(tr("audit.filter_action"), key="audit_action").strip()
records = p.audit_rows(scenario_id=None if everything or view is None else view.scenario_id,
                             actor=actor or None, action=action or None)
frame = views.audit_table(records, lang())
st.caption(tr("audit.count", n=len(frame)))
st.dataframe(frame, hide_index=True, key="audit_table")
st.download_button(tr("audit.csv"), csv_bytes(frame), file_name="audit.csv",
                   mime="text/csv", key="audit_csv", on_click="ignore")
