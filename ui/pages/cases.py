"""Zaken: the case table with status and reasons, filters, and one case's trip in detail."""

import streamlit as st

from planner.web import views
from planner.web.lifecycle import CASE_STATES
from planner.web.views.lifecycle import state_column, state_of
from planner.web.worklist import work_items, worklist_table
from ui.common import is_coordinator, lang, need_view, plain, planner, tr
from ui.lifecycle_panel import booking_panel, case_panel, lifecycle_message

st.title(tr("page.cases"))
lifecycle_message()
view = need_view()
scenario, plan = view.scenario, view.plan
frame = views.case_table(scenario, plan, view.violations, lang(), health=is_coordinator())
states = planner().case_states(view)  # the departure state per case, across versions (issue 11)
frame.insert(2, tr("life.col.state"), state_column(frame[tr("col.case")], states, lang()))

c1, c2, c3, c4 = st.columns([1, 1, 1, 2])
# Filter options are stable keys shown through tr(): a language switch keeps the selection (B3).
status = c1.multiselect(tr("cases.filter_status"), ["planned", "unplanned"], default=["planned", "unplanned"],
                        format_func=tr, key="cases_status_keys")
priorities = c2.multiselect(tr("cases.filter_priority"), [5, 4, 3, 2, 1], default=[5, 4, 3, 2, 1],
                            key="cases_priority")
kind = c3.multiselect(tr("cases.filter_type"), ["voluntary", "forced"], default=["voluntary", "forced"],
                      format_func=lambda k: tr(f"type.{k}"), key="cases_type_keys")
query = c4.text_input(tr("cases.search"), key="cases_search").strip().lower()
lifecycle = st.multiselect(tr("life.filter"), list(CASE_STATES), default=list(CASE_STATES),
                           format_func=lambda k: tr(f"life.state.{k}"), key="cases_life_keys")

shown = frame[frame[tr("col.status")].isin([tr(x) for x in status]) & frame[tr("col.priority")].isin(priorities)
              & frame[tr("col.type")].isin([tr(f"type.{k}") for k in kind])
              & frame[tr("col.case")].map(lambda c: state_of(states, c) in lifecycle)]
if query:
    text = (shown[tr("col.case")] + " " + shown[tr("col.pseudonym")] + " " + shown[tr("col.destination")]).str.lower()
    shown = shown[text.str.contains(query, regex=False)]
st.caption(tr("cases.count", shown=len(shown), total=len(frame)))
st.dataframe(shown, hide_index=True, key="cases_table",
             column_config={tr("col.priority"): st.column_config.NumberColumn(format="%d ★"),
                            tr("col.pinned"): st.column_config.CheckboxColumn()})

if is_coordinator():
    with st.expander(tr("life.title")):
        booking_panel(view)

# -- the work-list of unplanned cases: category, latest useful date; a row click opens the case --
items = work_items(scenario, plan, lang())
st.subheader(tr("wl.title"))
if not items:
    st.caption(tr("wl.empty"))
else:
    st.caption(tr("wl.help"))
    present = list(dict.fromkeys(c for w in items for c in w.categories))
    cats = st.multiselect(tr("wl.filter"), present, default=present, format_func=lambda c: tr(f"wl.cat.{c}"),
                          key="wl_categories")
    listed = [w for w in items if set(w.categories) & set(cats)]
    picked = st.dataframe(worklist_table(listed, lang()), hide_index=True, key="wl_table", on_select="rerun",
                          selection_mode="single-row")
    rows = picked.selection.rows if picked is not None and hasattr(picked, "selection") else []
    if rows:
        st.session_state["cases_pick"] = listed[rows[0]].case

st.subheader(tr("cases.detail"))
ids = list(shown[tr("col.case")]) or list(frame[tr("col.case")])
if st.session_state.get("cases_pick") and st.session_state["cases_pick"] not in ids:
    ids = [st.session_state["cases_pick"]] + ids
pseudo = {c.id: c.pseudonym for c in scenario.cases}
case_id = st.selectbox(tr("cases.pick"), ids, format_func=lambda c: f"{c} · {pseudo.get(c, '')}", key="cases_pick")
if case_id:
    detail = views.case_detail(scenario, plan, case_id, lang())
    case = scenario.case_by_id[case_id]
    case_panel(view, case_id, is_coordinator())
    st.markdown(f"**{plain(case.pseudonym)}** · {tr('col.priority')} {case.priority} · "
                f"{tr('type.' + case.departure_type.value)} · {plain(case.destination_country)}")
    if is_coordinator():
        st.caption(f"{tr('cases.conditions')}: {plain(views.conditions(scenario, case_id, lang()))}")
    if not detail.planned:
        st.warning(tr("cases.no_trip") + (" " + plain("; ".join(detail.reasons)) if detail.reasons else ""))
        if is_coordinator() and plan is not None and st.button(tr("why.button"), key=f"why_{case_id}"):
            with st.spinner(tr("why.computing")):
                st.session_state["why"] = {"case": case_id, "plan": view.version.id if view.version else None,
                                           "result": planner().why(view, case_id)}
        held = st.session_state.get("why")
        if held and held["case"] == case_id and held["plan"] == (view.version.id if view.version else None):
            reasons, remedies = held["result"]
            st.markdown(f"**{tr('why.reasons')}**")
            for r in reasons:
                st.markdown(f"- {plain(r.label_nl if lang() == 'nl' else r.label_en)}: {plain(r.text(lang()))}")
            st.markdown(f"**{tr('why.remedies')}**")
            if not remedies:
                st.caption(tr("why.none"))
            for i, rx in enumerate(remedies):
                c1, c2 = st.columns([4, 1])
                extra = f" ({tr('why.disruption', n=rx.disruption)})" if rx.disruption else ""
                c1.markdown(f"{i + 1}. {plain(rx.text(lang()))}{extra}")
                if c2.button(tr("why.apply"), key=f"why_apply_{case_id}_{i}", disabled=rx.apply is None):
                    with st.spinner(tr("ev.computing")):
                        impact = planner().preview_remedy(view, case_id, rx)
                    st.session_state["ev_impact"] = {"revision": view.revision, "impact": impact}
                    st.switch_page("pages/events.py")
    else:
        st.markdown(plain(detail.pickup) + f" · {tr('col.vehicle')}: {plain(detail.vehicle)}")
        st.markdown(f"**{tr('cases.trip')}**")
        st.dataframe(detail.legs, hide_index=True, key="cases_legs")
        if not detail.escorts.empty:
            st.markdown(f"**{tr('col.escorts')}**")
            st.dataframe(detail.escorts, hide_index=True, key="cases_escorts")
        broken = [v for v in view.violations if case_id in v.cases]
        for v in broken:
            st.error(f"**{plain(v.label_nl if lang() == 'nl' else v.label)}** — {plain(v.text(lang()))}")
    if not detail.care.empty:
        st.markdown(f"**{tr('col.care')}**")
        st.dataframe(detail.care, hide_index=True, key="cases_care")
