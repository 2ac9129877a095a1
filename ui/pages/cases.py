"""Zaken: the case table with status and reasons, filters, and one case's trip in detail."""

import streamlit as st

from planner.web import views
from ui.common import is_coordinator, lang, need_view, plain, tr

st.title(tr("page.cases"))
view = need_view()
scenario, plan = view.scenario, view.plan
frame = views.case_table(scenario, plan, view.violations, lang(), health=is_coordinator())

c1, c2, c3, c4 = st.columns([1, 1, 1, 2])
statuses = [tr("planned"), tr("unplanned")]
status = c1.multiselect(tr("cases.filter_status"), statuses, default=statuses, key="cases_status")
priorities = c2.multiselect(tr("cases.filter_priority"), [5, 4, 3, 2, 1], default=[5, 4, 3, 2, 1],
                            key="cases_priority")
types = [tr("type.voluntary"), tr("type.forced")]
kind = c3.multiselect(tr("cases.filter_type"), types, default=types, key="cases_type")
query = c4.text_input(tr("cases.search"), key="cases_search").strip().lower()

shown = frame[frame[tr("col.status")].isin(status) & frame[tr("col.priority")].isin(priorities)
              & frame[tr("col.type")].isin(kind)]
if query:
    text = (shown[tr("col.case")] + " " + shown[tr("col.pseudonym")] + " " + shown[tr("col.destination")]).str.lower()
    shown = shown[text.str.contains(query, regex=False)]
st.caption(tr("cases.count", shown=len(shown), total=len(frame)))
st.dataframe(shown, hide_index=True, key="cases_table",
             column_config={tr("col.priority"): st.column_config.NumberColumn(format="%d ★"),
                            tr("col.pinned"): st.column_config.CheckboxColumn()})

st.subheader(tr("cases.detail"))
ids = list(shown[tr("col.case")]) or list(frame[tr("col.case")])
pseudo = {c.id: c.pseudonym for c in scenario.cases}
case_id = st.selectbox(tr("cases.pick"), ids, format_func=lambda c: f"{c} · {pseudo.get(c, '')}", key="cases_pick")
if case_id:
    detail = views.case_detail(scenario, plan, case_id, lang())
    case = scenario.case_by_id[case_id]
    st.markdown(f"**{plain(case.pseudonym)}** · {tr('col.priority')} {case.priority} · "
                f"{tr('type.' + case.departure_type.value)} · {plain(case.destination_country)}")
    if is_coordinator():
        st.caption(f"{tr('cases.conditions')}: {plain(views.conditions(scenario, case_id))}")
    if not detail.planned:
        st.warning(tr("cases.no_trip") + (" " + plain("; ".join(detail.reasons)) if detail.reasons else ""))
    else:
        st.markdown(plain(detail.pickup) + f" · {tr('col.vehicle')}: {plain(detail.vehicle)}")
        st.markdown(f"**{tr('cases.trip')}**")
        st.dataframe(detail.legs, hide_index=True, key="cases_legs")
        if not detail.escorts.empty:
            st.markdown(f"**{tr('col.escorts')}**")
            st.dataframe(detail.escorts, hide_index=True, key="cases_escorts")
        broken = [v for v in view.violations if case_id in v.cases]
        for v in broken:
            st.error(f"**{plain(v.label_nl if lang() == 'nl' else v.label)}** — {plain(v.message)}")
    if not detail.care.empty:
        st.markdown(f"**{tr('col.care')}**")
        st.dataframe(detail.care, hide_index=True, key="cases_care")
