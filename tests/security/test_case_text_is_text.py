"""Finding 2: case text is rendered as text, never Markdown or HTML.

A scenario with Markdown images and links, raw HTML, `<script>`, `javascript:` links, Streamlit
directives and LaTeX in every free-text field is loaded; a coordinator visits every page in Chromium.
Every request leaving 127.0.0.1 is recorded (and aborted), and no script from the data may run.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest

from planner.store import Store
from planner.web import Planner, auth
from tests.security.payloads import MARKUP, poisoned
from tests.security.serving import CHROMIUM, CHROMIUM_ARGS, running_server
from tests.webfixtures import DEMO, PASSWORD, USERS

PAGES = ("Overzicht", "Zaken", "Tijdlijn", "Vluchten", "Kaart", "Aanpassen", "Publiceren", "Import", "Export")


def test_plain_escapes_every_markup_payload():
    from ui.common import plain

    for payload in MARKUP:
        escaped = plain(payload)
        for ch in "[]<>*$`":
            assert ch not in escaped.replace("\\" + ch, ""), (payload, escaped)
        assert not re.search(r"(?<!\\):[a-z]", escaped), escaped  # no :red[...] / :material/...: directive


@pytest.mark.e2e
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_markup_in_case_data_fetches_nothing_and_runs_nothing(tmp_path, demo_plan):
    from playwright.sync_api import sync_playwright

    data = tmp_path / "data"
    data.mkdir()
    store = Store.open(data)
    store.put_user("alice", auth.hash_password(PASSWORD), USERS["alice"], "alice", "test")
    scenario = poisoned(json.loads(DEMO.read_text(encoding="utf-8")), (" ".join(MARKUP),))  # all in every field
    Planner(store).add_scenario_dict(scenario, "alice", demo_plan)
    store.dispose()
    outside: list[str] = []
    dialogs: list[str] = []
    with running_server(data, tmp_path / "server.log") as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()

        def route(r):
            host = urlparse(r.request.url).hostname
            if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(url)
        page.get_by_label("Gebruikersnaam").fill("alice")
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("heading", name="Overzicht").wait_for(timeout=60_000)
        for title in PAGES:
            page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
            page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
            page.wait_for_timeout(500)
            for link in page.locator("a[href^='javascript:' i]").all():
                dialogs.append("javascript link: " + (link.get_attribute("href") or ""))
            assert page.evaluate("window.__pwned === undefined"), title
        payload_img = page.locator("img[src*='img.example']").count()
        browser.close()
    assert outside == [] and dialogs == [] and payload_img == 0
