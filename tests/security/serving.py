"""Start the web planner exactly as `bv-planner ui` does (ui/server.py behind the security front)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from planner.cli.ui import streamlit_command

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(data_dir: Path, log_path: Path) -> Iterator[str]:
    """The server's base URL while it runs; its own process group, stopped afterwards."""
    port = free_port()
    env = dict(os.environ, BV_DATA_DIR=str(data_dir))
    env.pop("BV_DATABASE_URL", None)
    with open(log_path, "w") as log:
        proc = subprocess.Popen(streamlit_command(port, "127.0.0.1"), cwd=str(ROOT), env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError("server did not start: " + log_path.read_text()) from None
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


def wait_idle(page) -> None:
    """Until Streamlit says the page script is not running (its own attribute on the app root)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)


DOWNLOAD_TRIES = 3
"""A download button clicked while Streamlit reruns the page is replaced under the click and the click
is lost (seen once in a full parallel run, though the page had looked idle); a user clicks again."""


def download(page, key: str):
    """Click the download button with widget key `key` until the browser downloads; the Download."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(DOWNLOAD_TRIES):
        wait_idle(page)
        try:
            with page.expect_download(timeout=20_000) as download:
                page.locator(f".st-key-{key} button").click()
            return download.value
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"no download after {DOWNLOAD_TRIES} clicks on {key}")
