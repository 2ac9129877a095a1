"""Chromium: F5 on Zaken stays signed in on Zaken (B4), and a deep link while signed out shows the
login (not "Page not found") and then opens the linked page. Skipped without Debian's chromium."""

from __future__ import annotations

import pytest

from tests.e2e.test_browser import CHROMIUM, CHROMIUM_ARGS, _idle, _login, _nav, server  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]


def test_reload_on_zaken_keeps_login_and_page_and_deep_link_signs_in_to_it(server):  # noqa: F811
    from playwright.sync_api import sync_playwright

    url, _ = server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(60_000)
        _login(page, url, "alice", "geheim-1")
        _nav(page, "Zaken")
        assert page.url.endswith("/zaken")
        page.reload()                                           # F5
        page.get_by_role("heading", name="Zaken").first.wait_for()
        _idle(page)
        assert page.url.endswith("/zaken")
        assert page.get_by_label("Wachtwoord").count() == 0
        assert "Page not found" not in page.content()
        page.goto(f"{url}/tijdlijn")                            # a typed URL: still signed in, on that page
        page.get_by_role("heading", name="Tijdlijn").first.wait_for()
        _idle(page)
        assert page.get_by_label("Wachtwoord").count() == 0
        page.locator("[data-testid='stSidebar']").get_by_role("button", name="Uitloggen").click()
        _idle(page)
        page.goto(f"{url}/zaken")                               # signed out: the cookie is gone
        page.get_by_label("Wachtwoord").wait_for()
        assert "Page not found" not in page.content()

        fresh = browser.new_context().new_page()                # another browser: deep link, then login
        fresh.set_default_timeout(60_000)
        fresh.goto(f"{url}/zaken")
        fresh.get_by_label("Gebruikersnaam").fill("alice")
        fresh.get_by_label("Wachtwoord").fill("geheim-1")
        fresh.get_by_role("button", name="Inloggen").click()
        fresh.get_by_role("heading", name="Zaken").first.wait_for()
        assert "Page not found" not in fresh.content()
        browser.close()
