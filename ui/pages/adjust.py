"""Aanpassen: solve in the background, pin, forbid, swap an escort, move a case; each edit checked at once."""

import streamlit as st

from planner.web import (
    JOB_CONFLICT,
    JOB_DONE,
    JOB_FAILED,
    Allow,
    ConflictError,
    ForbidPair,
    MoveItinerary,
    Pin,
    Preview,
    SwapEscort,
    Unpin,
    edit_from_dict,
)
from planner.web.locale import role_name
from ui.common import (
    Markdown,
    lang,
    need_view,
    plain,
    planner,
    reload_workspace,
    set_seen,
    show_violations,
    tr,
    username,
)
from ui.undo import undo_control

st.title(tr("page.adjust"))
view = need_view()
p = planner()
scenario, plan = view.scenario, view.plan
if view.version is not None and not view.is_head:
    st.warning(tr("ws.old_version"))
undo_control(view, "adj_undo")  # issue 11: undo exactly the last edit, or say why not


# -- solving ------------------------------------------------------------------------------------
@st.fragment(run_every=1.0)
def job_status(job_id: int) -> None:
    progress = p.job_progress(job_id)
    job = progress.job
    if progress.running:
        st.progress(progress.fraction, text=tr("adj.solving", elapsed=progress.elapsed_s, limit=job.time_limit_s))
        if progress.best_priority is None:
            st.caption(tr("adj.searching"))
        else:  # the best so far, live: it only ever goes up
            st.caption(tr("adj.best", priority=progress.best_priority, n=progress.solutions))
        if st.button(tr("adj.cancel"), key="adj_cancel"):
            p.cancel_job(job_id, username())
            st.session_state.pop("job_id", None)
            st.session_state["job_result"] = {"status": "cancelled", "message": "", "plan_id": None}
            st.rerun()
        return
    st.session_state.pop("job_id", None)
    state = st.session_state.get("ws_seen") or {}
    if job.status == JOB_DONE and state.get("revision") == job.base_revision:
        set_seen(job.scenario_id, job.base_revision + 1, job.plan_id)
    st.session_state["job_result"] = {"status": job.status, "message": job.message, "plan_id": job.plan_id}
    st.rerun()


with st.container(border=True):
    st.subheader(tr("adj.resolve") if plan is not None else tr("adj.solve"))
    st.caption(tr("adj.solve_help"))
    running_other = p.active_job(view.scenario_id)
    own_job = st.session_state.get("job_id")
    left, right = st.columns([1, 2])
    limit = left.number_input(tr("adj.time_limit"), min_value=5, max_value=600, value=20, step=5, key="adj_limit")
    busy = own_job is not None or running_other is not None
    if right.button(tr("adj.start_solve"), key="adj_solve", type="primary", disabled=busy or view.stale):
        st.session_state["job_id"] = p.start_solve(view, username(), float(limit), workers=1)
        st.session_state.pop("job_result", None)
        st.rerun()
    if own_job is not None:
        job_status(own_job)
    elif running_other is not None:
        st.info(tr("adj.solve_running_other", by=running_other.actor))
    result = st.session_state.get("job_result")
    if result:
        if result["status"] == JOB_DONE:
            made = p.plan_version(result["plan_id"])
            st.success(tr("adj.solve_done", number=made.number, planned=made.planned, unplanned=made.unplanned))
            dropped = p.pinned_unplanned(result["plan_id"], view.scenario)
            if dropped:
                st.warning(tr("adj.locked_dropped", cases=", ".join(dropped)))
        elif result["status"] == JOB_CONFLICT:
            st.warning(tr("adj.solve_conflict", message=result["message"]))
            version = p.plan_version(result["plan_id"])
            if st.button(tr("adj.adopt", number=version.number), key="adj_adopt", disabled=view.stale):
                try:
                    saved = p.adopt(view, result["plan_id"], username())
                    set_seen(view.scenario_id, saved.revision, result["plan_id"])
                    st.session_state.pop("job_result", None)
                    st.rerun()
                except ConflictError as exc:
                    st.error(tr("adj.conflict", by=exc.by, actual=exc.actual))
        elif result["status"] == JOB_FAILED:
            st.error(tr("adj.solve_failed", message=result["message"]))
        else:
            st.info(tr("adj.cancelled"))

standing = p.clashes(scenario)
if standing:
    st.error(tr("conflict.standing"))
    for clash in standing:
        st.error(clash.text(tr))

if plan is None:
    st.info(tr("adj.need_plan"))
    st.stop()

# -- choosing an edit ---------------------------------------------------------------------------------
pseudo = {c.id: c.pseudonym for c in scenario.cases}
trip_keys = {trip.cases[0]: trip for trip in plan.trips}


def trip_label(key: str) -> str:
    trip = trip_keys[key]
    codes = " + ".join(scenario.flight_by_id[x].code for x in trip.outbound)
    first = scenario.flight_by_id[trip.outbound[0]]
    when = first.departure.astimezone(scenario.location_by_id[first.from_].zone).strftime("%d-%m %H:%M")
    return f"{'+'.join(trip.cases)} · {', '.join(pseudo[c] for c in trip.cases)} · {codes} {when}"


def marked(option) -> str:
    """' ✓' or ' ✗ <the broken rules in words>' after an option's label (the rule checker decides)."""
    return " ✓" if option.ok else f" ✗ {option.why(lang(), tr)}"


def propose(edit) -> None:
    st.session_state["pending_edit"] = edit.to_dict()
    st.session_state.pop("conflict", None)
    st.session_state.pop("saved_msg", None)


tab_pin, tab_forbid, tab_swap, tab_move = st.tabs([tr("adj.pin"), tr("adj.forbid"), tr("adj.swap"), tr("adj.move")])
parts = ["flights", "staff", "vehicle", "care"]

with tab_pin:
    st.caption(tr("adj.pin_help") + " " + tr("opt.legend"))
    pin_marks = {o.value: o for o in p.pin_options(view)}
    key = st.selectbox(tr("adj.trip"), list(trip_keys), key="pin_trip",
                       format_func=lambda k: trip_label(k) + (marked(pin_marks[k]) if k in pin_marks else ""))
    chosen = st.multiselect(tr("adj.parts"), parts, default=parts, format_func=lambda x: tr(f"adj.part_{x}"),
                            key="pin_parts")
    if st.button(tr("adj.check"), key="pin_check"):
        propose(Pin(cases=tuple(trip_keys[key].cases), flights="flights" in chosen, staff="staff" in chosen,
                    vehicle="vehicle" in chosen, care="care" in chosen))
    with st.expander(f"{tr('adj.locks')} ({len(scenario.locks)})"):
        if not scenario.locks:
            st.caption(tr("adj.none"))
        for lock in scenario.locks:
            c1, c2 = st.columns([4, 1])
            bits = [f"{tr('adj.part_flights')}: {plain(' + '.join(lock.flights))}" if lock.flights else "",
                    f"{tr('adj.part_staff')}: {plain(', '.join(lock.staff))}" if lock.staff is not None else "",
                    f"{tr('adj.part_vehicle')}: {plain(lock.vehicle)}" if lock.vehicle else "",
                    f"{tr('adj.part_care')}: {plain(lock.care)}" if lock.care else ""]
            c1.markdown(f"**{plain(lock.case)}** ({plain(pseudo.get(lock.case, ''))}) · "
                        + " · ".join(b for b in bits if b))
            if c2.button(tr("adj.unpin"), key=f"unpin_{lock.case}"):
                propose(Unpin(case=lock.case))

with tab_forbid:
    st.caption(tr("adj.forbid_help"))
    case_id = st.selectbox(tr("adj.case"), [c.id for c in scenario.cases], format_func=lambda c: f"{c} · {pseudo[c]}",
                           key="forbid_case")
    kind = st.radio(tr("adj.target_kind"), ["staff", "flight", "vehicle"], format_func=lambda k: tr(f"kind.{k}"),
                    horizontal=True, key="forbid_kind")
    if kind == "staff":
        targets = {s.id: f"{s.name} ({', '.join(role_name(r, lang()) for r in s.roles)})" for s in scenario.staff}
    elif kind == "vehicle":
        targets = {v.id: f"{v.name} ({v.kind.value})" for v in scenario.vehicles}
    else:
        trip = view.trip_of(case_id)
        targets = {x: scenario.flight_by_id[x].code + " " + x for x in (trip.outbound if trip else ())}
        for option in p.itinerary_choices(scenario, case_id, limit=20):
            for leg_id in option.ids:
                targets.setdefault(leg_id, f"{scenario.flight_by_id[leg_id].code} {leg_id}")
    forbid_marks = {o.value: o for o in p.forbid_options(view, case_id, kind, list(targets))}
    target = st.selectbox(tr("adj.target"), list(targets), key=f"forbid_target_{kind}",
                          format_func=lambda x: (targets.get(x) or x) + marked(forbid_marks[x]))
    if st.button(tr("adj.check"), key="forbid_check", disabled=target is None):
        propose(ForbidPair(case=case_id, target_kind=kind, target=target))
    with st.expander(f"{tr('adj.forbids')} ({len(scenario.forbids)})"):
        if not scenario.forbids:
            st.caption(tr("adj.none"))
        for i, fb in enumerate(scenario.forbids):
            fkind = "staff" if fb.staff else ("flight" if fb.flight else "vehicle")
            ftarget = fb.staff or fb.flight or fb.vehicle
            c1, c2 = st.columns([4, 1])
            c1.markdown(f"**{plain(fb.case)}** ({plain(pseudo.get(fb.case, ''))}) ✕ {tr('kind.' + fkind)} "
                        f"{plain(ftarget)}")
            if c2.button(tr("adj.allow"), key=f"allow_{i}") and ftarget is not None:
                propose(Allow(case=fb.case, target_kind=fkind, target=ftarget))

with tab_swap:
    with_escorts = [k for k, trip in trip_keys.items() if trip.escorts]
    if not with_escorts:
        st.caption(tr("adj.none"))
    else:
        key = st.selectbox(tr("adj.trip"), with_escorts, format_func=trip_label, key="swap_trip")
        trip = trip_keys[key]
        names = {s.id: s.name for s in scenario.staff}
        old = st.selectbox(tr("adj.old_escort"), [e.staff for e in trip.escorts],
                           format_func=lambda s: f"{names.get(s, s)} ({s})", key=f"swap_old_{key}")
        show_all = st.toggle(tr("opt.show_all"), key="swap_all")
        swap_marks = {o.value: o for o in p.escort_options(view, key, old, show_all=show_all)}
        if not swap_marks:
            st.caption(tr("opt.none_available"))
        new = st.selectbox(tr("adj.new_escort"), list(swap_marks), key=f"swap_new_{key}_{old}_{show_all}",
                           format_func=lambda s: f"{names.get(s, s)} ({s})" + marked(swap_marks[s]))
        if st.button(tr("adj.check"), key="swap_check", disabled=new is None):
            propose(SwapEscort(case=key, old_staff=old, new_staff=new))

with tab_move:
    case_id = st.selectbox(tr("adj.case"), [c.id for c in scenario.cases], format_func=lambda c: f"{c} · {pseudo[c]}",
                           key="move_case")
    labels = {",".join(o.ids): o.label for o in p.itinerary_choices(scenario, case_id)}
    move_marks = {o.value: o for o in p.itinerary_options(view, case_id)}
    if not move_marks:
        st.caption(tr("adj.no_itinerary"))
    else:
        choice = st.selectbox(tr("adj.itinerary"), list(move_marks), key=f"move_to_{case_id}",
                              format_func=lambda x: (labels.get(x) or x) + marked(move_marks[x]))
        if st.button(tr("adj.check"), key="move_check") and choice is not None:
            propose(MoveItinerary(case=case_id, outbound=tuple(choice.split(","))))

# -- the pending edit: checked, then saved or discarded ----------------------------------------------------------
if st.session_state.get("saved_msg"):
    st.success(st.session_state["saved_msg"])


def save_now(edit) -> None:
    """Save the pending edit; a colleague's newer save keeps it pending with the conflict shown."""
    try:
        saved = p.save_edit(view, edit, username())
    except ConflictError as exc:
        st.session_state["conflict"] = {"by": exc.by, "actual": exc.actual}
    except ValueError as exc:
        st.session_state["save_error"] = str(exc)
    else:
        set_seen(view.scenario_id, saved.revision,
                 saved.plan_id if saved.plan_id is not None else (view.version.id if view.version else None))
        st.session_state.pop("pending_edit", None)
        st.session_state["saved_msg"] = tr("adj.saved", revision=saved.revision)
    st.session_state.pop("confirm_deviation", None)
    st.rerun()


def close_confirmation() -> None:
    st.session_state.pop("confirm_deviation", None)


@st.dialog(tr("dev.title"), on_dismiss=close_confirmation)
def confirm_deviation(edit, broken) -> None:
    """A rule-breaking edit is saved only on purpose; the audit then says "bewust afgeweken"."""
    st.markdown(plain(p.describe_edit(view, edit, lang())))
    st.warning(tr("dev.body", n=len(broken)))
    show_violations(broken)
    c1, c2 = st.columns(2)
    if c1.button(tr("dev.confirm"), key="dev_confirm", type="primary"):
        save_now(edit)
    if c2.button(tr("dev.cancel"), key="dev_cancel"):
        close_confirmation()
        st.rerun()


pending = st.session_state.get("pending_edit")
if pending:
    edit = edit_from_dict(pending)
    with st.container(border=True):
        preview: Preview | None = None
        try:
            st.markdown(tr("adj.pending", what=Markdown(f"**{plain(p.describe_edit(view, edit, lang()))}**")))
            preview = p.preview(view, edit)
        except ValueError as exc:
            st.error(tr("adj.error", error=exc))
        if preview is not None and preview.clashes:
            st.error(tr("conflict.blocked"))
            for clash in preview.clashes:
                st.error(clash.text(tr))
        elif preview is not None:
            if preview.ok:
                st.success(tr("adj.ok"))
            else:
                st.warning(tr("adj.broken", n=len(preview.new_violations)))
                show_violations(preview.new_violations)
        if st.session_state.get("save_error"):
            st.error(tr("adj.error", error=st.session_state.pop("save_error")))
        conflict = st.session_state.get("conflict")
        if conflict:
            st.error(tr("adj.conflict", by=conflict["by"], actual=conflict["actual"]))
            if st.button(tr("adj.reapply"), key="adj_reapply", type="primary"):
                reload_workspace()
                st.session_state.pop("conflict", None)
                st.rerun()
        c1, c2 = st.columns(2)
        blocked = preview is None or bool(preview.clashes) or bool(conflict)
        if c1.button(tr("adj.save"), key="adj_save", type="primary", disabled=blocked):
            if preview is not None and preview.new_violations:
                st.session_state["confirm_deviation"] = True
            else:
                save_now(edit)
        if preview is not None and preview.new_violations and st.session_state.get("confirm_deviation"):
            confirm_deviation(edit, preview.new_violations)
        if c2.button(tr("adj.discard"), key="adj_discard"):
            st.session_state.pop("pending_edit", None)
            st.session_state.pop("conflict", None)
            close_confirmation()
            st.rerun()
