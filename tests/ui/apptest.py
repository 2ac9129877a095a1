"""Helpers to drive ui/app.py with Streamlit's AppTest."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.webfixtures import USERS

APP = Path(__file__).resolve().parents[2] / "ui" / "app.py"
PAGES = {
    # page file -> (Dutch title, English title)
    "overview": ("Overzicht", "Overview"),
    "cases": ("Zaken", "Cases"),
    "timeline": ("Tijdlijn", "Timeline"),
    "flights": ("Vluchten", "Flights"),
    "map": ("Kaart", "Map"),
    "adjust": ("Aanpassen", "Adjust"),
    "publish": ("Publiceren", "Publish"),
    "import_data": ("Import", "Import"),
    "export_data": ("Export", "Export"),
    "audit": ("Audit", "Audit"),
    "capacity": ("Capaciteit", "Capacity"),
    "events": ("Gebeurtenissen", "Events"),
}
ROLE_PAGES = {
    "coordinator": {"overview", "cases", "timeline", "flights", "map", "adjust", "publish", "import_data",
                    "export_data", "capacity", "events"},
    "viewer": {"overview", "cases", "timeline", "flights", "map", "export_data"},
    "auditor": {"overview", "audit"},
}


def signed_in(username: str, lang: str | None = None) -> AppTest:
    """An app session already past the login (the login form itself has its own test)."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.session_state["user"] = {"username": username, "roles": list(USERS[username])}
    at.session_state["last_seen"] = datetime.now(UTC)
    if lang:
        at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def texts(at: AppTest, kind: str) -> list[str]:
    return [str(e.value) for e in getattr(at, kind)]


def known_pages(at: AppTest) -> set[str]:
    """The page files registered for this session: AppTest refuses to switch to any other."""
    known = set()
    for name in PAGES:
        try:
            at.switch_page(f"pages/{name}.py")
        except ValueError:
            continue
        known.add(name)
    return known


def wait_for_job(at: AppTest, timeout_s: float = 90.0) -> AppTest:
    """Rerun the page (as the fragment's run_every would) until the background solve has finished."""
    deadline = time.monotonic() + timeout_s
    while "job_id" in at.session_state and time.monotonic() < deadline:
        time.sleep(0.5)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    assert "job_id" not in at.session_state, "solve did not finish in time"
    return at
