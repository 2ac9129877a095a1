"""Publiceren: what changed since the last published version; publishing makes a new version."""

import streamlit as st

from planner.web import ConflictError, PublishBlocked, views
from planner.web.views.lifecycle import state_column
from ui.common import lang, need_plan, need_view, planner, set_seen, show_violations, tr, username
from ui.undo import undo_control

st.title(tr("page.publish"))
view = need_view()
p = planner()
plan = need_plan(view)
if st.session_state.get("published_msg"):
    st.success(st.session_state.pop("published_msg"))

st.subheader(tr("pub.changes"))
if view.published is None:
    st.info(tr("pub.first"))
changes = p.diff(view.scenario, view.published_plan, plan, lang())
if changes:
    states = p.case_states(view)
    held = p.held_changes(view, changes)  # announced or booked trips this version moves (issue 11)
    if held:
        st.warning(tr("life.held_changed", cases=", ".join(f"{c} ({s})" for c, s in
                                                           zip(held, state_column(held, states, lang()), strict=True))))
    diff = views.diff_table(changes, lang())
    diff.insert(2, tr("life.col.state"), state_column(diff[tr("col.case")], states, lang()))
    st.dataframe(diff, hide_index=True, key="pub_diff")
else:
    st.caption(tr("pub.none"))

already = view.version is not None and view.version.status == "published"
if already:
    st.info(tr("pub.already"))
if view.violations:
    st.error(tr("pub.blocked", reason=f"{len(view.violations)} {tr('ov.violations').lower()}"))
    show_violations(view.violations, limit=10)
note = st.text_input(tr("pub.note"), key="pub_note")
blocked = bool(view.violations) or already or not view.is_head or view.stale
if st.button(tr("pub.publish"), key="pub_publish", type="primary", disabled=blocked):
    try:
        saved = p.publish(view, username(), note)
    except PublishBlocked as exc:
        st.error(tr("pub.blocked", reason=exc))
    except ConflictError as exc:
        st.error(tr("adj.conflict", by=exc.by, actual=exc.actual))
    else:
        set_seen(view.scenario_id, saved.revision, saved.plan_id)
        st.session_state["published_msg"] = tr("pub.done", number=saved.plan_number)
        st.rerun()

st.subheader(tr("pub.versions"))
st.dataframe(views.versions_table(p.plan_versions(view.scenario_id), lang()), hide_index=True,
             key="pub_versions")

# -- a way back: restore an old version or undo the last change, always as a new draft (issue 11) --
st.subheader(tr("back.title"))
if st.session_state.get("back_msg"):
    st.success(st.session_state.pop("back_msg"))
versions = p.plan_versions(view.scenario_id)
numbers = {v.id: f"v{v.number} · {tr(f'status.{v.status}')} · {v.created_by} · {v.created_at:%d-%m %H:%M}"
           for v in versions}
c1, c2 = st.columns([3, 2])
chosen = c1.selectbox(tr("back.pick"), list(numbers), format_func=lambda i: numbers[i], key="back_version")


def _restore(plan_id: int) -> None:
    try:
        saved = p.restore_version(view, plan_id, username())
    except ConflictError as exc:
        st.error(tr("adj.conflict", by=exc.by, actual=exc.actual))
        return
    set_seen(view.scenario_id, saved.revision, saved.plan_id)
    st.session_state["back_msg"] = tr("back.done", number=saved.plan_number)
    st.rerun()


if c2.button(tr("back.restore"), key="back_restore", disabled=chosen is None or view.stale) and chosen is not None:
    _restore(chosen)
undo_control(view, "back_undo")  # exactly the last edit (pin, forbid, swap, move), or why not
