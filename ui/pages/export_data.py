"""Export: plan JSON and CSV/Excel tables (pseudonyms and ids only); calendars when planner.exports has them."""

import streamlit as st

from planner.web import exporting
from ui.common import lang, need_plan, need_view, planner, tr, username

st.title(tr("page.export"))
view = need_view()
p = planner()
plan, version = need_plan(view), view.version
if version is None:  # never: a view's plan is the plan of its version
    st.stop()
number = version.number
st.caption(tr("exp.privacy"))


def audited(kind: str) -> None:
    p.audit(username(), "export", "plan_version", f"{view.scenario_id}/v{number}",
            scenario_id=view.scenario_id, after=kind)


files = exporting.plan_files(view.scenario, plan, number, lang())
cols = st.columns(3)
for i, item in enumerate(files):
    cols[i % 3].download_button(tr(item.label_key), item.make, file_name=item.filename, mime=item.mime,
                                key=f"exp_{item.key}", on_click=audited, args=(item.key,))
extra = exporting.extra_files(view.scenario, plan, number, version.created_at,
                              lambda: p.published_calendars(view))
if extra:
    st.subheader(tr("exp.more"))
    for item in extra:
        st.download_button(item.label, item.make, file_name=item.filename, mime=item.mime, key=f"exp_{item.key}",
                           on_click=audited, args=(item.key,))
