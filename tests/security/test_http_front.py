"""Finding 3: downloads need a session, security headers, no public metrics — real HTTP against the
server `bv-planner ui` starts (ui/server.py: ui/app.py behind `planner.web.front`)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from planner.web.front import COOKIE, DOWNLOADS
from tests.security.serving import CHROMIUM, CHROMIUM_ARGS, download, running_server
from tests.webfixtures import PASSWORD, make_workspace

HEADERS = {"x-frame-options": "DENY", "content-security-policy": "frame-ancestors 'none'",
           "x-content-type-options": "nosniff", "referrer-policy": "same-origin"}


def get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Cookie": f"{COOKIE}={cookie}"} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


@pytest.fixture
def server(tmp_path, demo_plan):
    (tmp_path / "data").mkdir()
    ws = make_workspace(tmp_path / "data", demo_plan)
    ws.store.dispose()
    with running_server(tmp_path / "data", tmp_path / "server.log") as url:
        yield url


def test_headers_metrics_and_media_without_session(server):
    for path in ("/", "/_stcore/health", "/_stcore/host-config", "/media/x.zip", "/_stcore/metrics"):
        status, headers, _ = get(server + path)
        assert {k: headers.get(k) for k in HEADERS} == HEADERS, path
    status, headers, _ = get(server + "/")
    assert status == 200 and f"{COOKIE}=" in headers.get("set-cookie", "")
    assert "httponly" in headers["set-cookie"].lower() and "samesite=strict" in headers["set-cookie"].lower()
    assert get(server + "/_stcore/metrics")[0] == 403
    assert get(server + "/media/0123456789abcdef.zip")[0] == 403
    assert get(server + "/media/0123456789abcdef.zip", cookie="made-up")[0] == 403


def test_download_pass_grants_and_revokes():
    DOWNLOADS.grant("t1", 60)
    assert DOWNLOADS.valid("t1") and not DOWNLOADS.valid("t2") and not DOWNLOADS.valid(None)
    DOWNLOADS.revoke("t1")
    assert not DOWNLOADS.valid("t1")
    DOWNLOADS.grant("t3", -1)
    assert not DOWNLOADS.valid("t3")


@pytest.mark.e2e
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_an_export_url_is_refused_without_the_session_and_after_logout(server):
    """The signed-in browser downloads; the same /media URL without its cookie gets 403, and after logout too."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(accept_downloads=True)
        page.goto(server)
        page.get_by_label("Gebruikersnaam").fill("alice")
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.get_by_role("heading", name="Overzicht").wait_for(timeout=60_000)
        page.locator("[data-testid='stSidebarNav']").get_by_text("Export", exact=True).click()
        page.get_by_role("heading", name="Export").first.wait_for(timeout=60_000)
        media: list[str] = []
        page.on("request", lambda r: media.append(r.url) if "/media/" in r.url else None)
        page.locator(".st-key-exp_cases_csv button").wait_for(timeout=60_000)
        file = download(page, "exp_cases_csv")
        assert file.suggested_filename.endswith(".csv")
        assert media, "the download did not come from /media"
        url = media[-1]
        cookie = next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE)
        assert get(url, cookie)[0] == 200            # the signed-in session may fetch it
        assert get(url)[0] == 403                    # anyone else may not
        assert get(url, "someone-elses-cookie")[0] == 403
        page.get_by_role("button", name="Uitloggen").click()
        page.get_by_label("Gebruikersnaam").wait_for(timeout=60_000)
        assert get(url, cookie)[0] == 403            # nor the browser after logout
        browser.close()
