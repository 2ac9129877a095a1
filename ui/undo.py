"""The "undo the last edit" control, shared by Aanpassen and Publiceren: a button that is disabled,
with the reason in words, when there is nothing to undo (planner.web.undo)."""

from __future__ import annotations

import streamlit as st

from planner.web import ConflictError, View
from ui.common import planner, set_seen, tr, username


def undo_control(view: View, key: str) -> None:
    p = planner()
    if st.session_state.get("undo_msg"):
        st.success(st.session_state.pop("undo_msg"))
    state = p.undo_state(view)
    label = tr("undo.button", kind=tr(f"edit.kind.{state.kind}")) if state.possible else tr("undo.button_off")
    if st.button(label, key=key, disabled=not state.possible, help=tr(state.why_key)):
        try:
            saved = p.undo_last_edit(view, username())
        except ConflictError as exc:
            st.error(tr("adj.conflict", by=exc.by, actual=exc.actual))
            return
        set_seen(view.scenario_id, saved.revision, saved.plan_id if saved.plan_id else view.info.head_plan_id)
        st.session_state["undo_msg"] = tr("undo.done_msg")
        st.rerun()
    st.caption(tr(state.why_key))
