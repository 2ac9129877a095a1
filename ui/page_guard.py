"""Typed URLs never meet Streamlit's English "Page not found" (issue 11, item 7).

A known page the user's roles may not see is registered hidden under its own address and says
"Geen toegang"; an unknown address the browser asked for is registered hidden too and says
"Pagina niet gevonden". Both in the user's language, with the menu still there.
"""

from __future__ import annotations

import logging

import streamlit as st

from planner.web import auth
from ui.common import tr

log = logging.getLogger(__name__)


def requested_page() -> str:
    """The page name in the address the browser asked for ('' for the start page or a menu click)."""
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx()
        return str(ctx.pages_manager.intended_page_name or "") if ctx is not None else ""
    except Exception:  # an internal Streamlit detail: without it only the unknown-address page is lost
        log.warning("could not read the requested page name", exc_info=True)
        return ""


def no_access_page() -> None:
    st.title(tr("nav.no_access"))
    st.warning(tr("nav.no_access_body"))


def not_found_page() -> None:
    st.title(tr("nav.not_found"))
    st.info(tr("nav.not_found_body"))


def hidden_pages(roles: list[str], known: dict[str, str], requested: str | None = None) -> list:
    """Hidden pages: "Geen toegang" under each known page address (page key -> url path) the roles
    may not see, and "Pagina niet gevonden" under the requested address when it is no page at all."""
    allowed = set(auth.pages_for(roles))
    pages = [st.Page(no_access_page, title=tr("nav.no_access"), url_path=url, visibility="hidden")
             for key, url in known.items() if key not in allowed]
    name = requested_page() if requested is None else requested
    if name and name not in known.values() and "/" not in name:
        pages.append(st.Page(not_found_page, title=tr("nav.not_found"), url_path=name, visibility="hidden"))
    return pages


def unknown_address_page(page, known_urls: set[str]) -> list:
    """Signed out: the login form (`page`) under an unknown requested address too, never Streamlit's
    English dialog; after signing in that address says "Pagina niet gevonden"."""
    name = requested_page()
    if name and name not in known_urls and name != "login" and "/" not in name:
        return [st.Page(page, title=tr("login.title"), url_path=name, visibility="hidden")]
    return []
