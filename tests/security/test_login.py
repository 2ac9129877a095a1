"""Finding 4: login timing, rate limits with back-off, scrypt cost and re-hash, password policy, TOTP."""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

import pyotp
import pytest

from planner.store import Store
from planner.web import auth, passwords
from planner.web.throttle import Throttle

GOOD = "Vliegtuig-Schiphol-42"


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    auth.add_user(store, "carla", GOOD, ["coordinator"], actor="test")
    yield store
    store.dispose()


def test_unknown_and_existing_names_take_the_same_time(store):
    """Medians of 20 wrong-password tries each, interleaved: within 10 % (an unknown name used to skip scrypt)."""
    known, unknown = [], []
    for i in range(20):
        throttle = Throttle()  # no back-off in the way: this measures the check itself
        for name, bucket in (("carla", known), (f"nobody-{i}", unknown)):
            start = time.perf_counter()
            assert auth.authenticate(store, name, "wrong-password-x", client=f"c{i}", throttle=throttle) is None
            bucket.append(time.perf_counter() - start)
        store.audit("carla", "login", "user", "carla", result="ok", after="test reset")  # keep the per-name limit away
    a, b = statistics.median(known), statistics.median(unknown)
    print(f"login medians: existing {a * 1000:.0f} ms, unknown {b * 1000:.0f} ms")
    assert abs(a - b) / max(a, b) < 0.10


def test_scrypt_cost_is_owasp_and_old_hashes_are_rehashed_at_login(store):
    stored = store.get_user("carla").password_hash
    assert stored.startswith(f"scrypt${2 ** 17}$8$1$") and passwords.SCRYPT_N >= 2 ** 17
    import base64
    import hashlib
    import secrets

    salt = secrets.token_bytes(16)
    old = hashlib.scrypt(GOOD.encode(), salt=salt, n=2 ** 14, r=8, p=1, dklen=32)
    store.set_password_hash("carla", f"scrypt${2 ** 14}$8$1${base64.b64encode(salt).decode()}$"
                                     f"{base64.b64encode(old).decode()}", "test", "old")
    assert passwords.needs_rehash(store.get_user("carla").password_hash)
    assert auth.authenticate(store, "carla", GOOD, throttle=Throttle()) is not None
    new = store.get_user("carla").password_hash
    assert new.startswith(f"scrypt${2 ** 17}$") and passwords.verify_password(GOOD, new)


@pytest.mark.parametrize("bad", ["x", "kort-wachtw", "password1234", "Welkom2026!", "aaaaaaaaaaaaaaaa",
                                 "carla-is-de-beste"])
def test_password_policy_refuses_weak_passwords(store, bad):
    with pytest.raises(auth.AuthError):
        auth.add_user(store, "carla", bad, ["coordinator"], actor="test")
    assert passwords.verify_password(GOOD, store.get_user("carla").password_hash)


def test_spraying_from_one_client_is_slowed_over_many_names(store):
    throttle = Throttle()
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    for i in range(10):  # ten names, one failure each: the per-name limit never triggers
        assert auth.authenticate(store, f"user{i}", "Zomer2026!", now=now, client="10.0.0.9", throttle=throttle) is None
    with pytest.raises(auth.LockedOut) as err:
        auth.authenticate(store, "user99", "Zomer2026!", now=now, client="10.0.0.9", throttle=throttle)
    assert err.value.retry_after > timedelta(0)
    # another client is not affected, and the back-off ends by itself
    assert auth.authenticate(store, "carla", GOOD, now=now, client="10.0.0.7", throttle=throttle) is not None
    later = now + err.value.retry_after + timedelta(seconds=1)
    assert auth.authenticate(store, "user99", "x", now=later, client="10.0.0.9", throttle=throttle) is None


def test_global_limit_slows_a_storm_from_many_clients(store):
    throttle = Throttle()
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    for i in range(throttle.limits["global"].free):
        throttle.failed(f"10.1.{i // 250}.{i % 250}", now)
    with pytest.raises(auth.LockedOut) as err:
        auth.authenticate(store, "carla", GOOD, now=now, client="10.9.9.9", throttle=throttle)
    assert timedelta(0) < err.value.retry_after <= throttle.limits["global"].cap


def test_an_attacker_cannot_keep_the_real_user_out(store):
    """Failures from elsewhere slow the name down, but carla's own workstation can still sign in;
    and hammering a locked name does not extend its wait (back-off, not a permanent lock)."""
    now = datetime.now(UTC)  # the audit log stamps real time
    assert auth.authenticate(store, "carla", GOOD, now=now, client="10.0.0.1", throttle=Throttle()) is not None
    for k in range(auth.MAX_FAILED_LOGINS):
        auth.authenticate(store, "carla", "guess", now=now + timedelta(seconds=k), client=f"6.6.6.{k}",
                          throttle=Throttle())
    with pytest.raises(auth.LockedOut) as err:  # a new client must wait
        auth.authenticate(store, "carla", GOOD, now=now + timedelta(seconds=6), client="6.6.6.99", throttle=Throttle())
    first_wait = err.value.retry_after
    for _ in range(20):  # hammering while locked
        with pytest.raises(auth.LockedOut):
            auth.authenticate(store, "carla", "guess", now=now + timedelta(seconds=7), client="6.6.6.99",
                              throttle=Throttle())
    with pytest.raises(auth.LockedOut) as again:
        auth.authenticate(store, "carla", GOOD, now=now + timedelta(seconds=8), client="6.6.6.99", throttle=Throttle())
    assert again.value.retry_after <= first_wait
    # the real user at her own workstation is let in
    assert auth.authenticate(store, "carla", GOOD, now=now + timedelta(seconds=9), client="10.0.0.1",
                             throttle=Throttle()) is not None


def test_totp_second_factor_for_coordinators(store):
    uri = auth.enable_totp(store, "carla", actor="test")
    assert uri.startswith("otpauth://totp/")
    secret = store.totp_secret("carla")
    now = datetime.now(UTC)
    assert auth.authenticate(store, "carla", GOOD, now=now, throttle=Throttle()) is None  # no code
    assert auth.authenticate(store, "carla", GOOD, now=now, totp_code="000000" if pyotp.TOTP(secret).at(now) != "000000"
                             else "111111", throttle=Throttle()) is None
    code = pyotp.TOTP(secret).at(now)
    assert auth.authenticate(store, "carla", GOOD, now=now, totp_code=code, throttle=Throttle()) is not None
    auth.add_user(store, "vera", GOOD + "!", ["viewer"], actor="test")
    with pytest.raises(auth.AuthError):
        auth.enable_totp(store, "vera")
