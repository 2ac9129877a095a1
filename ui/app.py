"""Entrypoint: sign in, then the pages the user's roles allow (a page not listed does not exist).

Run with `bv-planner ui` (or `python -m streamlit run ui/app.py`).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run ui/app.py` puts ui/ on the path, not the repo
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from planner.web import auth  # noqa: E402
from ui import common, page_guard, session_cookie  # noqa: E402
from ui.common import tr  # noqa: E402

PAGES_DIR = Path(__file__).resolve().parent / "pages"
FAVICON = Path(__file__).resolve().parent / "static" / "favicon.png"

PAGES: dict[str, tuple[str, str, str]] = {
    # key: (file, icon, url path)
    "overview": ("overview.py", ":material/dashboard:", "overzicht"),
    "cases": ("cases.py", ":material/folder_shared:", "zaken"),
    "timeline": ("timeline.py", ":material/view_timeline:", "tijdlijn"),
    "flights": ("flights.py", ":material/flight:", "vluchten"),
    "map": ("map.py", ":material/public:", "kaart"),
    "adjust": ("adjust.py", ":material/tune:", "aanpassen"),
    "publish": ("publish.py", ":material/publish:", "publiceren"),
    "import": ("import_data.py", ":material/upload:", "import"),
    "export": ("export_data.py", ":material/download:", "export"),
    "audit": ("audit.py", ":material/policy:", "audit"),
    "capacity": ("capacity.py", ":material/insights:", "capaciteit"),
    "events": ("events.py", ":material/event_note:", "gebeurtenissen"),
}
SECTIONS = {
    "section.plan": ("overview", "cases", "timeline", "flights", "map"),
    "section.work": ("events", "adjust", "publish", "capacity"),
    "section.data": ("import", "export"),
    "section.control": ("audit",),
}


def oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file at all
        return False


def login_page() -> None:
    st.title(tr("app.title"))
    if st.session_state.pop("timed_out", False):
        st.warning(tr("login.timeout"))
    if oidc_configured():
        if not st.user.is_logged_in:
            st.button(tr("login.oidc"), on_click=st.login, type="primary")
        else:
            st.error(tr("login.oidc_unknown"))
            st.button(tr("login.logout"), on_click=st.logout)
        return
    with st.form("login"):
        name = st.text_input(tr("login.username"), key="login_username")
        password = st.text_input(tr("login.password"), type="password", key="login_password")
        code = st.text_input(tr("login.totp"), key="login_totp", max_chars=8)
        submitted = st.form_submit_button(tr("login.submit"), type="primary")
    if submitted:
        try:
            found = common.planner().authenticate(name, password, client=common.client_address(),
                                                  totp_code=code)
        except auth.LockedOut as exc:
            st.error(tr("login.locked", seconds=max(1, int(exc.retry_after.total_seconds()))))
            found = None
            submitted = False
        if submitted and found is None:
            st.error(tr("login.failed"))
        elif found is not None:
            st.session_state["user"] = {"username": found.username, "roles": list(found.roles)}
            st.session_state["last_seen"] = datetime.now(UTC)
            for key in ("logged_out", "_cookie_at", "_cookie_issued"):
                st.session_state.pop(key, None)
            st.rerun()
    common.language_picker()


def signed_in() -> bool:
    """Local login state, or the OIDC identity mapped to a user row with roles."""
    if "user" in st.session_state:
        return True
    if oidc_configured() and st.user.is_logged_in:
        email = st.user.get("email")
        found = common.planner().oidc_user(email if isinstance(email, str) else None)
        if found is not None:
            st.session_state["user"] = {"username": found.username, "roles": list(found.roles)}
            st.session_state["last_seen"] = datetime.now(UTC)
            st.session_state["_oidc"] = True
            common.planner().audit(found.username, "login", "user", found.username, after="oidc")
            return True
    return False


def pages_for(roles: list[str]) -> dict[str, list]:
    allowed = set(auth.pages_for(roles))
    out: dict[str, list] = {}
    first = True
    for section, keys in SECTIONS.items():
        pages = []
        for key in keys:
            if key not in allowed:
                continue
            file, icon, url = PAGES[key]
            pages.append(st.Page(str(PAGES_DIR / file), title=tr(f"page.{key}"), icon=icon, url_path=url,
                                 default=first))
            first = False
        if pages:
            out[tr(section)] = pages
    # a typed address of a page these roles may not see, or of no page at all: our own words
    hidden = page_guard.hidden_pages(roles, {key: url for key, (_, _, url) in PAGES.items()})
    if hidden and out:
        out[next(iter(out))] += hidden
    return out


def login_pages() -> list:
    """The login page, also under every known page's address: a deep link or a reload while signed
    out shows the login (never Streamlit's "Page not found"), and after signing in the same
    address opens that page."""
    pages = [st.Page(login_page, title=tr("login.title"), url_path="login", default=True)]
    for _, _, url in PAGES.values():
        pages.append(st.Page(login_page, title=tr("login.title"), url_path=url))
    return pages + page_guard.unknown_address_page(login_page, {url for _, _, url in PAGES.values()})


def main() -> None:
    # A local icon: a :material/...: page icon makes every browser fetch it from fonts.gstatic.com.
    st.set_page_config(page_title="Bijzonder Vertrek", page_icon=str(FAVICON), layout="wide")
    if not common.touch() and oidc_configured() and st.user.is_logged_in:
        st.logout()
    if not oidc_configured():
        session_cookie.restore()  # a refresh or a deep link keeps the login (signed cookie)
    if not signed_in():
        session_cookie.clear_if_needed()
        common.download_pass(False)
        st.navigation(login_pages(), position="hidden").run()
        return
    if not oidc_configured():
        session_cookie.keep()
    common.download_pass(True)
    common.planner().reap_dead_jobs()  # a dead solve worker shows as failed on every page, not "running"
    view = common.current_view()
    st.session_state["_view"] = view
    common.sidebar(view)
    common.optimiser_banner(view)
    st.navigation(pages_for(st.session_state["user"]["roles"])).run()


main()
