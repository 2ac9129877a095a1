"""Repeated wrong passwords lock the name for a while; every attempt stays in the audit log."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.store import Store
from planner.web import auth


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    auth.add_user(store, "carla", "Vliegtuig-Schiphol-42", ["coordinator"], actor="test")
    yield store
    store.dispose()


def test_five_wrong_passwords_lock_the_name(store):
    for _ in range(auth.MAX_FAILED_LOGINS):
        assert auth.authenticate(store, "carla", "wrong") is None
    with pytest.raises(auth.LockedOut):
        auth.authenticate(store, "carla", "Vliegtuig-Schiphol-42")  # even the right password waits
    later = datetime.now(UTC) + auth.LOCKOUT + timedelta(minutes=1)
    assert auth.authenticate(store, "carla", "Vliegtuig-Schiphol-42", now=later).username == "carla"
    results = [r.result for r in store.audit_rows(actor="carla", action="login")]
    assert results.count("denied") == 5 and results.count("locked") == 1 and results[0] == "ok"


def test_a_successful_login_resets_the_count(store):
    for _ in range(auth.MAX_FAILED_LOGINS - 1):
        auth.authenticate(store, "carla", "wrong")
    assert auth.authenticate(store, "carla", "Vliegtuig-Schiphol-42") is not None
    for _ in range(auth.MAX_FAILED_LOGINS - 1):
        auth.authenticate(store, "carla", "wrong")
    assert auth.authenticate(store, "carla", "Vliegtuig-Schiphol-42") is not None
