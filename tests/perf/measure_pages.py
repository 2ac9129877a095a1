"""Page render times with the L-tier demo (150 cases, 28 days), server side and in Chromium.

    python -m tests.perf.measure_pages [--scenario S.json --plan P.json] [--browser]

Without files it generates `generate_scenario(cases=150, days=28, seed=0, staffing=0.6)` and solves
it with a 60 s limit first. Server side = one AppTest script run of the page (what the server
spends); browser = click in the sidebar until the page's heading is shown and the script is idle.
Also measures the solve round trip from the page (start -> new version shown).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

PAGES = ["overview", "cases", "timeline", "flights", "map", "adjust", "publish", "import_data", "export_data",
         "audit", "events"]
TITLES = {"overview": "Overzicht", "cases": "Zaken", "timeline": "Tijdlijn", "flights": "Vluchten", "map": "Kaart",
          "adjust": "Aanpassen", "publish": "Publiceren", "import_data": "Import", "export_data": "Export",
          "audit": "Audit", "events": "Gebeurtenissen"}
ROOT = Path(__file__).resolve().parents[2]


def scenario_and_plan(args):
    from models import plan_from_dict, scenario_from_dict
    from planner.service import solve_scenario
    from planner.web import SolveParams
    from sample_data import generate_scenario

    if args.scenario:
        data = json.loads(Path(args.scenario).read_text())
    else:
        data = generate_scenario(cases=150, days=28, seed=0, staffing=0.6)
    if args.plan:
        plan = plan_from_dict(json.loads(Path(args.plan).read_text()))
    else:
        t = time.perf_counter()
        plan = solve_scenario(scenario_from_dict(data), SolveParams(time_limit_s=60, workers=2)).plan
        print(f"solved L tier in {time.perf_counter() - t:.1f} s")
    return data, plan


def seed(folder: Path, data: dict, plan) -> None:
    from planner.store import Store
    from planner.web import Planner, auth

    store = Store(f"sqlite:///{folder / 'planner.db'}")
    auth.add_user(store, "alice", "pw", ["coordinator", "auditor"], actor="measure", policy=False)
    Planner(store).add_scenario_dict(data, "alice", plan)
    store.dispose()


def server_side(folder: Path, repeats: int) -> dict[str, list[float]]:
    from streamlit.testing.v1 import AppTest

    os.environ["BV_DATA_DIR"] = str(folder)
    at = AppTest.from_file(str(ROOT / "ui" / "app.py"), default_timeout=120)
    at.session_state["user"] = {"username": "alice", "roles": ["coordinator", "auditor"]}
    at.session_state["last_seen"] = datetime.now(UTC)
    t = time.perf_counter()
    at.run()
    first = time.perf_counter() - t
    times: dict[str, list[float]] = {"(first run, cold caches)": [first]}
    for _ in range(repeats):
        for page in PAGES:
            at.switch_page(f"pages/{page}.py")
            t = time.perf_counter()
            at.run()
            times.setdefault(page, []).append(time.perf_counter() - t)
            assert not at.exception, (page, at.exception)
    return times


def browser(folder: Path, repeats: int, solve: bool = True) -> tuple[dict[str, list[float]], float | None]:
    import socket
    import subprocess
    import sys
    import urllib.request

    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, BV_DATA_DIR=str(folder))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "ui" / "app.py"),
                             "--server.headless", "true", "--server.port", str(port), "--server.address",
                             "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
                             "--server.enableStaticServing", "true"], cwd=str(ROOT), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.3)
    times: dict[str, list[float]] = {}
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync"])
            page = b.new_page(viewport={"width": 1440, "height": 1000})
            page.set_default_timeout(120_000)
            page.goto(url)
            page.get_by_label("Gebruikersnaam").fill("alice")
            page.get_by_label("Wachtwoord").fill("pw")
            page.get_by_role("button", name="Inloggen").click()
            page.get_by_role("heading", name="Overzicht").wait_for()
            idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
            page.wait_for_selector(idle)
            for _ in range(repeats):
                for key in PAGES:
                    title = TITLES[key]
                    t = time.perf_counter()
                    page.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
                    page.get_by_role("heading", name=title).first.wait_for()
                    page.wait_for_selector(idle)
                    times.setdefault(key, []).append(time.perf_counter() - t)
            if not solve:
                b.close()
                return times, None
            page.locator("[data-testid='stSidebarNav']").get_by_text("Aanpassen", exact=True).click()
            page.get_by_role("heading", name="Aanpassen").first.wait_for()
            page.wait_for_selector(idle)
            limit = page.locator(".st-key-adj_limit input")
            limit.fill("60")
            limit.press("Enter")
            page.wait_for_selector(idle)
            t = time.perf_counter()
            page.locator(".st-key-adj_solve button").click()
            page.get_by_text("Klaar: v2:").wait_for(timeout=300_000)
            round_trip = time.perf_counter() - t
            b.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    return times, round_trip


def report(title: str, times: dict[str, list[float]]) -> None:
    print(f"\n{title}")
    print(f"{'page':28s} {'median s':>9s} {'max s':>7s}")
    for page, values in times.items():
        print(f"{page:28s} {statistics.median(values):9.2f} {max(values):7.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario")
    parser.add_argument("--plan")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also measure in headless Chromium")
    parser.add_argument("--pages", help="comma list of pages (default: all)")
    parser.add_argument("--no-solve", action="store_true", help="skip the solve round trip")
    args = parser.parse_args()
    if args.pages:
        PAGES[:] = [p for p in PAGES if p in args.pages.split(",")]
    data, plan = scenario_and_plan(args)
    print(f"scenario {data['id']}: {len(data['cases'])} cases, {len(data['flights'])} legs; plan "
          f"{len(plan.trips)} trips, {len(plan.unplanned)} unplanned")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed(folder, data, plan)
        report("server side (AppTest script run)", server_side(folder, args.repeats))
        if args.browser:
            times, round_trip = browser(folder, args.repeats, solve=not args.no_solve)
            report("browser (click -> heading shown, script idle)", times)
            if round_trip is not None:
                print(f"\nsolve round trip from the page, 60 s limit: {round_trip:.1f} s")


if __name__ == "__main__":
    main()
