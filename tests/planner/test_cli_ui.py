"""`bv-planner ui` and `user` on a data folder (issue 12, item 6): demo accounts are marked, a later
start without --demo disables them and the audit says so; `user list` on an empty folder creates
nothing; a busy port is reported first, with a --port hint. The web server itself is replaced by a
stand-in process that exits at once."""

from __future__ import annotations

import socket

import pytest

import planner.cli.ui as ui
from planner.cli import main


class _Server:
    def __init__(self, *args, **kwargs):
        pass

    def wait(self, timeout=None):
        return 0

    def terminate(self):
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.delenv("BV_DATABASE_URL", raising=False)
    monkeypatch.delenv("BV_DATA_DIR", raising=False)
    monkeypatch.setattr(ui.subprocess, "Popen", _Server)
    return tmp_path / "data"


def _store(folder):
    from planner.store import Store, database_url

    return Store(database_url(folder))


def test_demo_accounts_are_marked_and_disabled_without_demo(data, capsys):
    port = _free_port()
    assert main(["ui", "--demo", "--port", str(port), "--data-dir", str(data)]) == 0
    store = _store(data)
    try:
        demo = store.get_user("demo")
        assert demo.active and demo.display_name.startswith(ui.DEMO_MARK)
    finally:
        store.dispose()
    capsys.readouterr()
    assert main(["user", "list", "--data-dir", str(data)]) == 0
    assert "(demo account)" in capsys.readouterr().out

    assert main(["ui", "--port", str(port), "--data-dir", str(data)]) == 0
    err = capsys.readouterr().err
    assert "waarschuwing: demo-account(s) demo, demo-viewer, demo-auditor" in err and "uitgezet" in err
    store = _store(data)
    try:
        assert not any(store.get_user(name).active for name, _ in ui.DEMO_USERS)
        rows = store.audit_rows(action="user.demo_disabled")
        assert sorted(r.object_id for r in rows) == sorted(name for name, _ in ui.DEMO_USERS)
    finally:
        store.dispose()
    assert main(["ui", "--port", str(port), "--data-dir", str(data), "--lang", "en"]) == 0  # nothing left to disable
    assert "warning" not in capsys.readouterr().err
    assert main(["ui", "--demo", "--port", str(port), "--data-dir", str(data)]) == 0  # --demo brings them back
    store = _store(data)
    try:
        assert store.get_user("demo").active
    finally:
        store.dispose()


def test_user_list_on_an_empty_folder_creates_nothing(data, capsys):
    assert main(["user", "list", "--data-dir", str(data)]) == 0
    assert "No users" in capsys.readouterr().out
    assert not data.exists()


@pytest.mark.parametrize(("lang", "start"), [("nl", "fout: poort {port} op 127.0.0.1 is niet beschikbaar"),
                                             ("en", "error: port {port} on 127.0.0.1 is not available")])
def test_a_busy_port_is_the_first_thing_said(data, capsys, lang, start):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["ui", "--port", str(port), "--data-dir", str(data), "--lang", lang]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith(start.format(port=port))
    assert f"--port {port + 1}" in out.err and not data.exists()
