"""Overzicht under load: N concurrent browser sessions on the 150-case L tier (finding 7).

    python -m tests.perf.measure_load [--sessions 10] [--rounds 5] [--solve-seconds 20]

Seeds a data folder with `generate_scenario(cases=150, days=28, seed=0, staffing=0.6)` and a plan,
starts the server as `bv-planner ui` does, then runs the browsers in a child process in its own
process group (so the server and the browsers are separate groups). Every session signs in and then,
`rounds` times, goes to Zaken and back to Overzicht; a sample is the time from the click on
Overzicht until its heading is shown and the script is idle; the rounds start when every session
has signed in. Prints median and p95 of all samples,
the same for one session alone, and `uptime` before and after (the machine is shared).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def seed(folder: Path, solve_seconds: float) -> None:
    from models import scenario_from_dict
    from planner.service import solve_scenario
    from planner.store import Store
    from planner.web import Planner, SolveParams, auth
    from sample_data import generate_scenario

    data = generate_scenario(cases=150, days=28, seed=0, staffing=0.6)
    plan = solve_scenario(scenario_from_dict(data), SolveParams(time_limit_s=solve_seconds, workers=1, seed=0)).plan
    store = Store(f"sqlite:///{folder / 'planner.db'}")
    auth.add_user(store, "alice", "pw", ["coordinator"], actor="measure", policy=False)
    Planner(store).add_scenario_dict(data, "alice", plan)
    store.dispose()


async def _session(browser, url: str, rounds: int, samples: list[float], ready: asyncio.Barrier) -> None:
    context = await browser.new_context()
    page = await context.new_page()
    idle = "[data-testid='stApp'][data-test-script-state='notRunning']"
    await page.goto(url)
    await page.get_by_label("Gebruikersnaam").fill("alice")
    await page.get_by_label("Wachtwoord").fill("pw")
    await page.get_by_role("button", name="Inloggen").click()
    await page.get_by_role("heading", name="Overzicht").wait_for(timeout=120_000)
    await page.wait_for_selector(idle, timeout=120_000)
    nav = page.locator("[data-testid='stSidebarNav']")
    await ready.wait()  # every session signed in (scrypt is not what this measures): then all render at once
    for _ in range(rounds):
        await nav.get_by_text("Zaken", exact=True).click()
        await page.get_by_role("heading", name="Zaken").first.wait_for(timeout=120_000)
        await page.wait_for_selector(idle, timeout=120_000)
        start = time.perf_counter()
        await nav.get_by_text("Overzicht", exact=True).click()
        await page.get_by_role("heading", name="Overzicht").first.wait_for(timeout=120_000)
        await page.locator("[data-testid='stPlotlyChart']").first.wait_for(timeout=120_000)
        await page.wait_for_selector(idle, timeout=120_000)
        samples.append(time.perf_counter() - start)
    await context.close()


async def _browsers(url: str, sessions: int, rounds: int) -> list[float]:
    from playwright.async_api import async_playwright

    from tests.security.serving import CHROMIUM, CHROMIUM_ARGS

    samples: list[float] = []
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        ready = asyncio.Barrier(sessions)
        await asyncio.gather(*(_session(browser, url, rounds, samples, ready) for _ in range(sessions)))
        await browser.close()
    return samples


def browsers_main(url: str, sessions: int, rounds: int) -> None:
    """Child process: print the samples as JSON."""
    print(json.dumps(asyncio.run(_browsers(url, sessions, rounds))))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def run_browsers(url: str, sessions: int, rounds: int) -> list[float]:
    done = subprocess.run([sys.executable, "-m", "tests.perf.measure_load", "--child", url, "--sessions",
                           str(sessions), "--rounds", str(rounds)], cwd=str(ROOT), capture_output=True, text=True,
                          start_new_session=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--solve-seconds", type=float, default=20)
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        browsers_main(args.child, args.sessions, args.rounds)
        return
    from tests.security.serving import running_server

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        seed(folder, args.solve_seconds)
        with running_server(folder, Path(tmp) / "server.log") as url:
            print("uptime before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
            one = run_browsers(url, 1, args.rounds)
            many = run_browsers(url, args.sessions, args.rounds)
            print("uptime after: ", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print(f"1 session:  n={len(one)} median {statistics.median(one):.2f} s  p95 {p95(one):.2f} s")
    print(f"{args.sessions} sessions: n={len(many)} median {statistics.median(many):.2f} s  p95 {p95(many):.2f} s  "
          f"errors 0")


if __name__ == "__main__":
    main()
