"""End to end in headless Chromium: log in, load the demo, solve, pin a trip, re-solve, publish.

Then the database must show the pinned trip kept and the audit rows written. Screenshots of every
page go to test-artifacts/ (the CI keeps them). Needs Debian's chromium (.ci/run installs it);
skipped cleanly without it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from planner.store import Store
from planner.web import auth
from tests.security.serving import CHROMIUM, CHROMIUM_ARGS, running_server, wait_idle

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


@pytest.fixture
def server(tmp_path):
    """The server `bv-planner ui` starts (ui/server.py behind the security front) on a free port, with an
    empty data folder and two seeded users."""
    data = tmp_path / "data"
    store = Store.open(data)
    auth.add_user(store, "alice", "geheim-1", ["coordinator"], actor="test", policy=False)
    auth.add_user(store, "aud", "geheim-2", ["auditor"], actor="test", policy=False)
    store.dispose()
    with running_server(data, tmp_path / "streamlit.log") as url:
        yield url, data


_idle = wait_idle  # the name the other browser tests import


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for grid in page.locator("[data-testid='stDataFrame']").all():  # tables draw on a canvas, lazily
        grid.locator("canvas").first.wait_for(state="attached", timeout=20_000)
    page.wait_for_timeout(1500)  # let charts and tables finish drawing
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _login(page, url: str, user: str, password: str) -> None:
    page.goto(url)
    page.get_by_label("Gebruikersnaam").fill(user)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Overzicht").wait_for(timeout=60_000)
    _idle(page)


def _nav(page, title: str) -> None:
    started = time.monotonic()
    page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
    page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
    _idle(page)
    print(f"page {title}: {time.monotonic() - started:.2f} s")


def _click(page, key: str) -> None:
    page.locator(f".st-key-{key} button").click()


def _solve(page, seconds: int, version: int) -> None:
    limit = page.locator(".st-key-adj_limit input")
    limit.fill(str(seconds))
    limit.press("Enter")
    _idle(page)
    started = time.monotonic()
    _click(page, "adj_solve")
    page.get_by_text(f"Klaar: v{version}:").wait_for(timeout=120_000)
    _idle(page)
    print(f"solve round trip ({seconds} s limit): {time.monotonic() - started:.2f} s")


def test_login_load_solve_pin_resolve_publish(server):
    from playwright.sync_api import sync_playwright

    url, data = server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.set_default_timeout(60_000)
        try:
            _flow(page, url)
        except Exception:
            _shot(page, "failure")
            raise
        auditor = browser.new_page(viewport={"width": 1440, "height": 1000})
        _login(auditor, url, "aud", "geheim-2")
        _nav(auditor, "Audit")
        _shot(auditor, "10-audit")
        browser.close()
    _assert_stored(data)


def _flow(page, url: str) -> None:
    page.goto(url)
    page.get_by_label("Gebruikersnaam").wait_for()
    _shot(page, "00-inloggen")
    _login(page, url, "alice", "geheim-1")

    _nav(page, "Import")                               # load the demo scenario
    _click(page, "imp_demo")
    page.get_by_text("Scenario geïmporteerd als werkruimte").wait_for()
    _idle(page)

    _nav(page, "Aanpassen")                            # first solve
    _solve(page, 5, 1)

    _click(page, "pin_check")                          # pin the first trip, as proposed
    page.get_by_text("Geen regel geschonden.").wait_for()
    _click(page, "adj_save")
    page.get_by_text("Opgeslagen (revisie").wait_for()
    _idle(page)
    _shot(page, "06-aanpassen")

    _solve(page, 5, 2)                                 # re-solve with the pin

    _nav(page, "Publiceren")
    _shot(page, "07-publiceren")
    _click(page, "pub_publish")
    page.get_by_text("Gepubliceerd als versie").wait_for()
    _idle(page)

    for number, title in ((1, "Overzicht"), (2, "Zaken"), (3, "Tijdlijn"), (4, "Vluchten"), (5, "Kaart"),
                          (8, "Import"), (9, "Export")):
        _nav(page, title)
        _shot(page, f"{number:02d}-{title.lower()}")


def _assert_stored(data: Path) -> None:
    store = Store.open(data)
    try:
        info = store.list_scenarios()[0]
        locks = store.locks(info.id)
        assert len(locks) == 1
        lock = locks[0]
        head = store.plan_version(info.head_plan_id)
        assert head.status == "published" and info.published_plan_id == head.id
        trip = next(t for t in head.data["trips"] if lock["case"] in t["cases"])
        assert trip["outbound"] == lock["flights"]
        assert sorted(e["staff"] for e in trip["escorts"]) == lock["staff"]
        assert trip["vehicle"] == lock["vehicle"]
        versions = store.plan_versions(info.id)
        assert [v.action for v in versions] == ["publish", "solve", "solve"]
        actions = [(r.actor, r.action) for r in store.audit_rows()]
        for expected in (("alice", "login"), ("alice", "scenario.import"), ("alice", "solve.start"),
                         ("alice", "plan.solve"), ("alice", "lock.add"), ("alice", "plan.publish"),
                         ("aud", "login")):
            assert expected in actions, expected
    finally:
        store.dispose()
