"""Zaken: the departure state (lifecycle) controls for coordinators: mark booked, abort with a reason.

Departed, absconded, refused at the gate and the like come from the Gebeurtenissen page; here the
coordinator records what happens outside the planner (tickets bought, a departure called off).
"""

from __future__ import annotations

import streamlit as st

from planner.web import View
from planner.web.lifecycle import ABORT_REASONS, ANNOUNCED, IllegalTransition, illegal_text
from planner.web.views.lifecycle import reason_label, state_column
from ui.common import lang, planner, tr, username


def _done(message: str) -> None:
    st.session_state["life_msg"] = message
    st.rerun()


def lifecycle_message() -> None:
    """What the last booking or abort did, shown once at the top of the page."""
    if st.session_state.get("life_msg"):
        st.success(st.session_state.pop("life_msg"))


def booking_panel(view: View) -> None:
    """Mark announced cases booked (chosen ones or all of them)."""
    p = planner()
    states = p.case_states(view)
    announced = sorted(c for c, s in states.items() if s.state == ANNOUNCED)
    st.markdown(f"**{tr('life.book')}**")
    if not announced:
        st.caption(tr("life.none_announced"))
        return
    pseudo = {c.id: c.pseudonym for c in view.scenario.cases}
    chosen = st.multiselect(tr("life.book_pick"), announced, format_func=lambda c: f"{c} · {pseudo.get(c, '')}",
                            key="life_book_pick")
    a, b = st.columns(2)
    try:
        if a.button(tr("life.book"), key="life_book", disabled=not chosen):
            _done(tr("life.booked_done", n=len(p.mark_booked(view, chosen, username()))))
        if b.button(tr("life.book_all"), key="life_book_all"):
            _done(tr("life.booked_done", n=len(p.mark_all_booked(view, username()))))
    except IllegalTransition as exc:
        st.error(illegal_text(exc, lang()))


def case_panel(view: View, case_id: str, can_edit: bool) -> None:
    """One case's state, and for coordinators an abort with a reason code."""
    p = planner()
    states = p.case_states(view)
    st.markdown(tr("life.current", case=case_id, state=state_column([case_id], states, lang())[0]))
    if not can_edit:
        return
    with st.expander(tr("life.abort")):
        st.caption(tr("life.abort_help"))
        reason = st.selectbox(tr("life.abort_reason"), ABORT_REASONS, index=len(ABORT_REASONS) - 1,
                              format_func=lambda r: reason_label(r, lang()), key="life_abort_reason")
        note = st.text_input(tr("life.abort_note"), key="life_abort_note", max_chars=200)
        if st.button(tr("life.abort"), key="life_abort"):
            try:
                p.abort_case(view, case_id, reason, username(), note)
            except IllegalTransition as exc:
                st.error(illegal_text(exc, lang()))
            else:
                _done(tr("life.aborted_done", case=case_id, reason=reason_label(reason, lang())))
