"""The browser side of the session cookie (planner.web.session): restore on reload, refresh, clear.

Kept apart from ui/app.py so sign-in hardening (issue 13) and sessions (issue 11) merge cleanly.
"""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from planner.web import session
from ui import common


def _cookie() -> str | None:
    try:
        value = st.context.cookies.get(session.COOKIE)
    except Exception:  # no browser context (bare mode)
        return None
    return value if isinstance(value, str) else None  # AppTest hands out a mock context


def restore() -> bool:
    """A reload starts a new Streamlit session: sign the user in again from a valid cookie."""
    if "user" in st.session_state or st.session_state.get("logged_out") or st.session_state.get("timed_out"):
        return False
    token = _cookie()
    if not token:
        return False
    found = common.planner().session_user(token, common.idle_minutes())
    if found is None:
        st.session_state["_clear_cookie"] = True
        return False
    user, token_data = found
    st.session_state["user"] = {"username": user.username, "roles": list(user.roles)}
    st.session_state["last_seen"] = datetime.now(UTC)
    st.session_state["_cookie_issued"] = token_data.issued
    return True


def keep() -> None:
    """Signed in locally: (re)write the cookie with the time of this activity, at most once a minute."""
    if st.session_state.get("_oidc"):
        return
    now = datetime.now(UTC)
    last = st.session_state.get("_cookie_at")
    if last is not None and now - last < session.REFRESH_AFTER:
        return
    issued = st.session_state.setdefault("_cookie_issued", now)
    token = common.planner().session_token(common.username(), issued=issued)
    st.html(session.set_cookie_script(token), unsafe_allow_javascript=True)
    st.session_state["_cookie_at"] = now


def clear_if_needed() -> None:
    """Signed out, timed out or a cookie that is no longer valid: remove it from the browser."""
    if st.session_state.pop("_clear_cookie", False) or st.session_state.get("logged_out") \
            or st.session_state.get("timed_out") or _cookie():
        st.html(session.clear_cookie_script(), unsafe_allow_javascript=True)
