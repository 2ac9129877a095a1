"""Gebeurtenissen: record an event, see the re-plan's impact against the published version, accept it as a draft."""

from datetime import datetime, time, timedelta

import streamlit as st

from planner.web import ConflictError, Event, InputError, views
from planner.web.lifecycle import IllegalTransition, illegal_text
from planner.web.views.impact import event_text, impact_tables
from ui.common import lang, need_view, plain, planner, set_seen, tr, username

KINDS = ["cancel_flight", "retime_flight", "staff_unavailable", "vehicle_unavailable", "fit_to_fly", "care_window",
         "case", "now"]
REASONS = ["court_stop", "appeal", "absconded", "refused_gate", "captain_refused", "departed"]
FIT = ["fit", "fit_with_conditions", "unfit", "pending"]

st.title(tr("page.events"))
view = need_view()
p = planner()
s = view.scenario
st.caption(tr("ev.help"))
if st.session_state.get("ev_saved"):
    st.success(st.session_state.pop("ev_saved"))


def local_day_range(zone, start_day, end_day) -> tuple[datetime, datetime]:
    return (datetime.combine(start_day, time(0, 0), zone), datetime.combine(end_day, time(23, 59), zone))


def flight_label(fid: str) -> str:
    f = s.flight_by_id[fid]
    return f"{f.code} {f.from_}→{f.to} {f.departure.astimezone(s.location_by_id[f.from_].zone).strftime('%d-%m %H:%M')}"


def case_label(cid: str) -> str:
    return f"{cid} · {s.case_by_id[cid].pseudonym}"


kind = st.selectbox(tr("ev.kind"), KINDS, format_func=lambda k: tr(f"ev.kind.{k}"), key="ev_kind")
event = None
start_day = s.planning_start.date()
if kind in ("cancel_flight", "retime_flight"):
    used = {x for t in (view.published_plan or view.plan).trips for x in t.outbound} if view.plan else set()
    flights = sorted(s.flight_by_id, key=lambda f: (f not in used, s.flight_by_id[f].departure))
    fid = st.selectbox(tr("ev.flight"), flights, format_func=flight_label, key="ev_flight")
    if kind == "cancel_flight":
        event = Event("cancel_flight", (fid,))
    else:
        shift = st.number_input(tr("ev.shift"), min_value=-24 * 60, max_value=24 * 60, value=60, step=15,
                                key="ev_shift")
        f = s.flight_by_id[fid]
        delta = timedelta(minutes=int(shift))
        event = Event("retime_flight", (fid, f.departure + delta, f.arrival + delta))
elif kind == "staff_unavailable":
    sid = st.selectbox(tr("ev.staff"), [x.id for x in s.staff], format_func=lambda x: s.staff_by_id[x].name,
                       key="ev_staff")
    c1, c2 = st.columns(2)
    d1 = c1.date_input(tr("ev.from"), value=start_day, key="ev_staff_from", format="DD-MM-YYYY")
    d2 = c2.date_input(tr("ev.to"), value=start_day, key="ev_staff_to", format="DD-MM-YYYY")
    zone = s.location_by_id[s.staff_by_id[sid].base].zone
    event = Event("staff_unavailable", (sid, *local_day_range(zone, d1, d2)))
elif kind == "vehicle_unavailable":
    vid = st.selectbox(tr("ev.vehicle"), [x.id for x in s.vehicles], format_func=lambda x: s.vehicle_by_id[x].name,
                       key="ev_vehicle")
    c1, c2 = st.columns(2)
    d1 = c1.date_input(tr("ev.from"), value=start_day, key="ev_vehicle_from", format="DD-MM-YYYY")
    d2 = c2.date_input(tr("ev.to"), value=start_day, key="ev_vehicle_to", format="DD-MM-YYYY")
    zone = s.location_by_id[s.vehicle_by_id[vid].depot].zone
    event = Event("vehicle_unavailable", (vid, *local_day_range(zone, d1, d2)))
elif kind in ("fit_to_fly", "care_window", "case"):
    cid = st.selectbox(tr("ev.case"), [c.id for c in s.cases], format_func=case_label, key="ev_case")
    case = s.case_by_id[cid]
    if kind == "fit_to_fly":
        status = st.selectbox(tr("ev.status"), FIT, format_func=lambda x: tr(f"ftf.{x}"), key="ev_ftf")
        until = st.date_input(tr("ev.valid_until"), value=case.fit_to_fly.valid_until, key="ev_ftf_until",
                              format="DD-MM-YYYY")
        event = Event("fit_to_fly", (cid, status), {"valid_until": until})
    elif kind == "care_window":
        options = [o.id for o in (case.care.options if case.care else ())]
        if options:
            oid = st.selectbox(tr("ev.option"), options, key="ev_care_option")
            confirmed = st.checkbox(tr("ev.confirmed"), value=True, key="ev_care_confirmed")
            event = Event("care_window", (cid, oid), {"confirmed": confirmed})
        else:
            st.caption(tr("adj.none"))
    else:
        reason = st.selectbox(tr("ev.reason"), REASONS, format_func=lambda r: tr(f"ev.reason.{r}"), key="ev_reason")
        trip = next((t for t in (view.published_plan or view.plan).trips if cid in t.cases), None) \
            if view.plan else None
        legs = list(trip.outbound) if trip and reason in ("refused_gate", "captain_refused") else []
        event = Event("case", (cid, reason), {"legs": legs} if legs else {})
else:
    day = st.date_input(tr("ev.now"), value=start_day, key="ev_now", format="DD-MM-YYYY")
    moment = datetime.combine(day, s.planning_start.timetz().replace(tzinfo=None), s.planning_start.tzinfo)
    event = Event("now", (max(moment, s.planning_start),))

limit = st.number_input(tr("ev.time_limit"), min_value=3, max_value=120, value=10, step=1, key="ev_limit")
if st.button(tr("ev.preview"), key="ev_preview", type="primary", disabled=event is None) and event is not None:
    with st.spinner(tr("ev.computing")):
        try:
            impact = p.preview_events(view, [event], float(limit))
        except (InputError, ValueError) as exc:
            st.session_state.pop("ev_impact", None)
            st.error(tr("ev.error", error=illegal_text(exc, lang()) if isinstance(exc, IllegalTransition) else exc))
        else:
            st.session_state["ev_impact"] = {"revision": view.revision, "impact": impact}

held = st.session_state.get("ev_impact")
if held and held["revision"] == view.revision:
    impact = held["impact"]
    with st.container(border=True):
        st.markdown(tr("ev.pending", what="; ".join(event_text(e, s, lang()) for e in impact.events)))
        if impact.base_plan_id is not None:
            base = p.plan_version(impact.base_plan_id)
            st.caption(tr("ev.base", number=base.number, status=tr(f"status.{base.status}")))
        held = p.held_changes(view, impact.changes)  # trips already announced or booked (issue 11)
        if held:
            named = ", ".join(f"{case} ({tr(f'life.state.{state}')})" for case, state in held.items())
            st.warning(tr("life.held_changed", cases=named))
        c1, c2, c3 = st.columns(3)
        c1.metric(tr("ev.hit"), len(impact.hit))
        c2.metric(tr("ev.disruption"), impact.disruption)
        c3.metric(tr("ev.violations"), impact.violations)
        hit, collateral = impact_tables(impact, lang())
        st.markdown(f"**{tr('ev.hit')}**")
        if hit.empty:
            st.caption(tr("ev.none_hit") if not impact.hit else plain(", ".join(impact.hit)))
        else:
            st.dataframe(hit, hide_index=True, key="ev_hit_table")
        st.markdown(f"**{tr('ev.collateral')}**")
        if collateral.empty:
            st.caption(tr("ev.none_collateral"))
        else:
            st.dataframe(collateral, hide_index=True, key="ev_collateral_table")
        a, b = st.columns(2)
        if a.button(tr("ev.accept"), key="ev_accept", type="primary", disabled=view.stale):
            try:
                saved = p.accept_events(view, impact, username())
            except ConflictError as exc:
                st.error(tr("adj.conflict", by=exc.by, actual=exc.actual))
            except IllegalTransition as exc:  # a colleague changed the case's state meanwhile
                st.error(illegal_text(exc, lang()))
            else:
                set_seen(view.scenario_id, saved.revision, saved.plan_id)
                st.session_state.pop("ev_impact", None)
                st.session_state["ev_saved"] = tr("ev.saved", number=saved.plan_number, revision=saved.revision)
                st.rerun()
        if b.button(tr("ev.discard"), key="ev_discard"):
            st.session_state.pop("ev_impact", None)
            st.rerun()

recent = [r for r in p.audit_rows(view.scenario_id, limit=200) if r.action.startswith("event.")][:10]
if recent:
    st.subheader(tr("ev.recent"))
    st.dataframe(views.audit_table(recent, lang()), hide_index=True, key="ev_recent")
