"""The session cookie's token: signed, expiring with inactivity and age, never trusted when altered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from planner.web import session

KEY = b"k" * 32
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
IDLE = timedelta(minutes=30)


def test_a_fresh_token_names_its_user():
    token = session.issue("alice", NOW, key=KEY)
    found = session.read(token, IDLE, NOW + timedelta(minutes=5), key=KEY)
    assert found is not None and found.username == "alice"


def test_idle_too_long_or_too_old_is_refused():
    token = session.issue("alice", NOW, key=KEY)
    assert session.read(token, IDLE, NOW + timedelta(minutes=31), key=KEY) is None
    refreshed = session.issue("alice", NOW + timedelta(hours=12, minutes=1), issued=NOW, key=KEY)
    assert session.read(refreshed, IDLE, NOW + timedelta(hours=12, minutes=2), key=KEY) is None


def test_altered_or_foreign_tokens_are_refused():
    token = session.issue("alice", NOW, key=KEY)
    payload, sig = token.split(".")
    forged = session.issue("bob", NOW, key=b"other-key-000000000000000000000000").split(".")[0] + "." + sig
    assert session.read(forged, IDLE, NOW, key=KEY) is None
    assert session.read(token, IDLE, NOW, key=b"x" * 32) is None
    assert session.read("'; alert(1)//", IDLE, NOW, key=KEY) is None
    assert session.read(None, IDLE, NOW, key=KEY) is None


def test_the_cookie_script_only_takes_a_token():
    token = session.issue("alice", NOW, key=KEY)
    assert token in session.set_cookie_script(token)
    try:
        session.set_cookie_script("x'; alert(1)//.00")
    except ValueError:
        pass
    else:
        raise AssertionError("a non-token went into a script")


def test_the_secret_file_is_private(tmp_path, monkeypatch):
    monkeypatch.delenv("BV_SESSION_SECRET", raising=False)
    key = session._secret(tmp_path)
    assert len(key) == 64 and (tmp_path / "session.key").stat().st_mode & 0o777 == 0o600
    assert session._secret(tmp_path) == key


def test_signing_out_revokes_earlier_cookies(workspace, monkeypatch):
    monkeypatch.setenv("BV_SESSION_SECRET", "test-secret")
    p = workspace.planner
    issued = datetime.now(UTC) - timedelta(minutes=1)
    token = session.issue("alice", issued=issued)
    found = p.session_user(token, 30)
    assert found is not None and found[0].roles == ("coordinator",)
    p.audit("alice", "logout", "user", "alice")
    assert p.session_user(token, 30) is None
    assert p.session_user(session.issue("vera"), 30)[0].username == "vera"
