"""Accessibility in Chromium (issue 11, item 8), on every page a coordinator sees, in the app's one theme.

- WCAG AA contrast measured in the browser (tests/e2e/a11y.js): text 4.5:1 (large text 3:1) against
  its effective background, chart marks 3:1 against their plot background. The minimum per page
  goes to test-artifacts/contrast.json.
- No icon names read as text: the accessibility tree (what a screen reader gets) holds no Material
  icon ligature name such as "keyboard_arrow_down".
Skipped without Debian's chromium.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner.store import Store
from planner.web import Planner
from tests.e2e.test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _idle, _login, server  # noqa: F401
from tests.webfixtures import DEMO

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
MEASURE = (Path(__file__).parent / "a11y.js").read_text(encoding="utf-8")
ICON_NAME = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
"""A Material Symbols ligature (keyboard_arrow_down, folder_shared, ...) that leaked into the text."""


def measure(page) -> dict:
    """Minimum contrast of the page's text and chart marks, with the failures (what, colours, ratio)."""
    found = page.evaluate(MEASURE)
    text_fail = _distinct([t for t in found["text"] if t["ratio"] < t["need"]])
    graphic_fail = _distinct([g for g in found["graphics"] if g["ratio"] < 3])
    return {"text_min": round(min((t["ratio"] for t in found["text"]), default=21.0), 2),
            "graphics_min": round(min((g["ratio"] for g in found["graphics"]), default=21.0), 2),
            "text_nodes": len(found["text"]), "marks": len(found["graphics"]),
            "failures": text_fail + graphic_fail, "failed": len(text_fail) + len(graphic_fail)}


def _distinct(failures: list[dict]) -> list[dict]:
    """One failure per text (or chart) and colour pair."""
    return list({(f.get("text", f.get("chart")), f["fg"], f["bg"]): f for f in failures}.values())


def spoken_icon_names(page) -> list[str]:
    """Icon names a screen reader would read: an icon ligature not hidden from assistive technology,
    or any ligature-like name (keyboard_arrow_down) left in the accessibility tree."""
    exposed = page.evaluate("""() => [...document.querySelectorAll(
        "[data-testid='stIconMaterial'], [class*='material-symbols'], [class*='material-icons']")]
        .filter((e) => !e.closest("[aria-hidden='true']") && e.checkVisibility())
        .map((e) => e.textContent.trim())""")
    tree = page.locator("body").aria_snapshot()
    return sorted(set(exposed) | set(ICON_NAME.findall(tree)))


def walk(page, url: str) -> dict[str, dict]:
    results = {}
    page.goto(url)
    page.get_by_label("Gebruikersnaam").wait_for()
    _idle(page)
    results["Inloggen"] = measure(page) | {"icon_names": spoken_icon_names(page)}
    _login(page, url, "alice", "geheim-1")
    ARTIFACTS.mkdir(exist_ok=True)
    titles = page.locator("[data-testid='stSidebarNav'] a").all_inner_texts()
    for title in [t.strip().splitlines()[-1] for t in titles if t.strip()]:  # innerText: "icon\n\nTitle"
        page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
        page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
        _idle(page)
        page.wait_for_timeout(1200)  # charts draw after the script is idle
        results[title] = measure(page) | {"icon_names": spoken_icon_names(page)}
        (ARTIFACTS / f"aria-{title.lower()}.yml").write_text(page.locator("body").aria_snapshot(), encoding="utf-8")
    return results


def test_contrast_and_no_spoken_icon_names(server, demo_plan):  # noqa: F811
    from playwright.sync_api import sync_playwright

    url, data = server
    store = Store.open(data)
    p = Planner(store)
    sid = p.add_scenario_dict(json.loads(DEMO.read_text(encoding="utf-8")), "alice", demo_plan)
    p.publish(p.view(sid), "alice")
    store.dispose()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, color_scheme="light")
        page.set_default_timeout(60_000)
        results = walk(page, url)
        # The app offers one theme: the configured light one, also for a browser that prefers dark
        # (toolbarMode "viewer" hides Streamlit's theme switch), so the light pass covers every user.
        dark = browser.new_page(viewport={"width": 1440, "height": 1000}, color_scheme="dark")
        _login(dark, url, "alice", "geheim-1")
        backdrop = dark.locator("[data-testid='stApp']").evaluate("e => getComputedStyle(e).backgroundColor")
        browser.close()
    assert backdrop == "rgb(255, 255, 255)"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "contrast.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    assert len(results) >= 8, sorted(results)
    assert results["Kaart"]["marks"] > 0 and results["Overzicht"]["marks"] > 0, "charts were not measured"
    failing = {page: r["failures"] for page, r in results.items() if r["failed"]}
    assert failing == {}
    spoken = {page: r["icon_names"] for page, r in results.items() if r["icon_names"]}
    assert spoken == {}
