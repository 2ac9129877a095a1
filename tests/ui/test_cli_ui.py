"""`bv-planner user add` and `bv-planner ui --demo` as a person would run them."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from planner.store import Store
from planner.web import auth


def test_user_add_with_password_from_stdin_then_list(tmp_path):
    run = [sys.executable, "-m", "planner", "user"]
    done = subprocess.run(run + ["add", "carla", "--role", "coordinator", "--role", "auditor", "--name", "Carla",
                                 "--password-stdin", "--data-dir", str(tmp_path)],
                          input="Reis-naar-Paramaribo-7\n", capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(run + ["list", "--data-dir", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert "carla" in listed.stdout and "coordinator,auditor" in listed.stdout
    store = Store.open(tmp_path)
    user = auth.authenticate(store, "carla", "Reis-naar-Paramaribo-7")
    assert user is not None and user.roles == ("coordinator", "auditor")
    assert auth.authenticate(store, "carla", "wrong") is None
    assert "Reis-naar-Paramaribo-7" not in (tmp_path / "planner.db").read_bytes().decode("latin-1")
    bad = subprocess.run(run + ["add", "x", "--role", "admin", "--password-stdin", "--data-dir", str(tmp_path)],
                         input="pw\n", capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0
    weak = subprocess.run(run + ["add", "dirk", "--role", "viewer", "--password-stdin", "--data-dir", str(tmp_path)],
                          input="wachtwoord123\n", capture_output=True, text=True, timeout=60)
    assert weak.returncode == 2 and "password" in weak.stderr


def test_ui_command_starts_on_the_demo(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ)
    env.pop("BV_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "planner", "ui", "--demo", "--port", str(port), "--data-dir",
                             str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.3)
        else:
            raise AssertionError("the web planner did not start")
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
        assert b"<html" in page.lower()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        output, _ = proc.communicate(timeout=30)
    assert "Demo-accounts (alleen om uit te proberen), wachtwoord 'demo': demo (coordinator)" in output
    assert "het demoscenario is geladen" in output
    store = Store.open(tmp_path)
    assert [s.name for s in store.list_scenarios()] == ["generated-25c-14d-seed1-staffing0.8"]
    assert auth.authenticate(store, "demo", "demo").roles == ("coordinator",)
