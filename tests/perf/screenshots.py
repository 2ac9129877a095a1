"""Screenshots of the coordinator's desk on a large plan, for the issue note (not committed).

    python -m tests.perf.screenshots --scenario S.json --plan P.json [--out /tmp/s17shots]

Publishes the plan, then in headless Chromium: Gebeurtenissen with the impact preview of cancelling
the first flight the plan uses, the Zaken work-list with reason categories, and "Waarom?" on the
first unplanned case. Prints each file with the figures shown next to it.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from tests.e2e.test_browser import CHROMIUM, CHROMIUM_ARGS, _idle, _login, _nav
from tests.security.serving import running_server

ROOT = Path(__file__).resolve().parents[2]


def seed(folder: Path, data: dict, plan) -> str:
    """A workspace with the plan published, and its first unplanned case."""
    from planner.store import Store
    from planner.web import Planner, auth

    store = Store(f"sqlite:///{folder / 'planner.db'}")
    auth.add_user(store, "alice", "geheim-1", ["coordinator", "auditor"], actor="screenshots", policy=False)
    p = Planner(store)
    sid = p.add_scenario_dict(data, "alice", plan)
    p.publish(p.view(sid), "alice")
    store.dispose()
    return plan.unplanned[0].case


def shoot(page, path: Path) -> None:
    page.wait_for_timeout(2500)  # tables and charts draw after the script is idle
    page.screenshot(path=str(path), full_page=True)
    print(f"wrote {path}")


def main() -> None:
    from playwright.sync_api import sync_playwright

    from models import plan_from_dict

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--out", default="/tmp/s17shots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = json.loads(Path(args.scenario).read_text())
    plan = plan_from_dict(json.loads(Path(args.plan).read_text()))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        unplanned = seed(folder, data, plan)
        with running_server(folder, folder / "server.log") as url:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                page.set_default_timeout(180_000)
                _login(page, url, "alice", "geheim-1")
                _nav(page, "Gebeurtenissen")                 # default: cancel the first flight the plan uses
                page.locator(".st-key-ev_preview button").click()
                page.get_by_text("Direct geraakt").first.wait_for()
                _idle(page)
                shoot(page, out / "gebeurtenissen-impact.png")
                _nav(page, "Zaken")
                page.get_by_text("Niet ingepland", exact=False).first.wait_for()
                shoot(page, out / "zaken-werklijst.png")
                picker = page.locator(".st-key-cases_pick")
                picker.click()
                page.keyboard.type(unplanned)
                page.get_by_role("option").filter(has_text=unplanned).first.click()
                _idle(page)
                started = time.monotonic()
                page.locator(f".st-key-why_{unplanned} button").click()
                page.get_by_text("Wat deze zaak tegenhoudt").wait_for()
                _idle(page)
                print(f"Waarom? for {unplanned}: {time.monotonic() - started:.1f} s")
                page.get_by_text("Wat deze zaak tegenhoudt").scroll_into_view_if_needed()
                shoot(page, out / "waarom.png")
                browser.close()


if __name__ == "__main__":
    main()
