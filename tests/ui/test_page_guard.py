"""Typed addresses (issue 11 item 7): a known page the role may not see says "Geen toegang", an unknown
address says "Pagina niet gevonden" — our own words in the user's language, never Streamlit's English."""

from __future__ import annotations

import pytest
from streamlit.util import calc_hash

from tests.ui.apptest import signed_in, texts, titles


def _typed(at, url_path: str):
    """What a typed address does: the session asks for that page (AppTest only switches to page files)."""
    at._page_hash = calc_hash(url_path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(("lang", "title", "body"), [
    ("nl", "Geen toegang", "Deze pagina is er niet voor uw rol."),
    ("en", "No access", "This page is not available for your role."),
])
def test_a_known_page_the_role_may_not_see_says_no_access(workspace, lang, title, body):
    at = _typed(signed_in("vera", lang), "aanpassen")      # a viewer typing the coordinator's page
    assert titles(at) == [title]
    assert any(w.startswith(body) for w in texts(at, "warning"))
    assert not workspace.store.audit_rows(action="lock.add")


def test_the_coordinators_events_page_is_no_access_for_an_auditor(workspace):
    at = _typed(signed_in("aud"), "gebeurtenissen")
    assert titles(at) == ["Geen toegang"]


@pytest.mark.parametrize(("lang", "title"), [("nl", "Pagina niet gevonden"), ("en", "Page not found")])
def test_an_unknown_address_says_not_found_in_our_words(workspace, monkeypatch, lang, title):
    monkeypatch.setattr("ui.page_guard.requested_page", lambda: "bestaat-niet")
    at = _typed(signed_in("alice", lang), "bestaat-niet")
    assert titles(at) == [title]
    assert texts(at, "info")[-1] in ("Deze pagina bestaat niet. Kies een pagina in het menu.",
                                     "This page does not exist. Choose a page in the menu.")


def test_an_allowed_page_still_opens_normally(workspace):
    at = _typed(signed_in("vera"), "zaken")
    assert titles(at) == ["Zaken"]
