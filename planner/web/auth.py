"""Local users, roles and session timeout.

Passwords are hashed with scrypt (stdlib `hashlib.scrypt`, random salt) and kept in the database.
When OIDC is configured (`st.login`), the identity provider says who someone is and the users
table still says what they may do: an OIDC user needs a row whose username is their e-mail.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from planner.store import Store, User

COORDINATOR, VIEWER, AUDITOR = "coordinator", "viewer", "auditor"
ROLES = (COORDINATOR, VIEWER, AUDITOR)

PAGES_BY_ROLE: dict[str, tuple[str, ...]] = {
    COORDINATOR: ("overview", "cases", "timeline", "flights", "map", "adjust", "publish", "import", "export",
                  "capacity", "events"),
    VIEWER: ("overview", "cases", "timeline", "flights", "map", "export"),
    AUDITOR: ("overview", "audit"),
}
"""Which pages exist for a role; a page not listed does not exist for that role."""

PAGE_ORDER = ("overview", "cases", "timeline", "flights", "map", "adjust", "publish", "import", "export", "audit",
              "capacity", "events")

DEFAULT_IDLE_MINUTES = 30

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2 ** 14, 8, 1


class AuthError(ValueError):
    pass


def hash_password(password: str) -> str:
    """'scrypt$N$r$p$salt$hash' with a fresh 16-byte salt."""
    if not password:
        raise AuthError("empty password")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    enc = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${enc(salt).decode()}${enc(digest).decode()}"


def verify_password(password: str, stored: str | None) -> bool:
    if not stored or not password:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def check_roles(roles: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise AuthError(f"unknown role(s) {', '.join(bad) or '(none)'}; choose from {', '.join(ROLES)}")
    return tuple(dict.fromkeys(roles))


def add_user(store: Store, username: str, password: str | None, roles: tuple[str, ...] | list[str],
             display_name: str = "", actor: str = "cli") -> None:
    """Create or update a local user. `password=None` makes an OIDC-only account."""
    username = username.strip()
    if not username:
        raise AuthError("empty username")
    store.put_user(username, hash_password(password) if password is not None else None, check_roles(roles),
                   display_name or username, actor)


MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


class LockedOut(Exception):
    """Too many wrong passwords in a row: the account waits LOCKOUT before it may try again."""


def _recent_failures(store: Store, username: str, now: datetime) -> int:
    """Denied logins since the last successful one, within the lock-out window (from the audit log)."""
    count = 0
    for row in store.audit_rows(actor=username, action="login", limit=MAX_FAILED_LOGINS + 1):
        if row.result == "ok" or now - row.at > LOCKOUT:
            break
        if row.result in ("denied", "locked"):  # hammering a locked name keeps it locked
            count += 1
    return count


def authenticate(store: Store, username: str, password: str, now: datetime | None = None) -> User | None:
    """The active user with this password, else None; every attempt is audited (no password).

    After MAX_FAILED_LOGINS wrong passwords in a row the name is locked for LOCKOUT (LockedOut), so a
    password cannot be guessed by trying many."""
    name = username.strip() or "?"
    now = now or datetime.now(timezone.utc)
    if _recent_failures(store, name, now) >= MAX_FAILED_LOGINS:
        store.audit(name, "login", "user", name, result="locked", after="local password; too many failures")
        raise LockedOut(name)
    user = store.get_user(username.strip())
    ok = user is not None and user.active and verify_password(password, user.password_hash)
    store.audit(name, "login", "user", name, result="ok" if ok else "denied", after="local password")
    return user if ok else None


def oidc_user(store: Store, email: str | None) -> User | None:
    """The roles of someone the identity provider vouched for: their users row (username = e-mail)."""
    if not email:
        return None
    user = store.get_user(email.strip().lower()) or store.get_user(email.strip())
    return user if user is not None and user.active else None


def pages_for(roles: tuple[str, ...] | list[str]) -> list[str]:
    """Page keys for a set of roles, in menu order."""
    allowed = {page for role in roles for page in PAGES_BY_ROLE.get(role, ())}
    return [page for page in PAGE_ORDER if page in allowed]


def can(roles: tuple[str, ...] | list[str], page: str) -> bool:
    return page in pages_for(roles)


@dataclass(frozen=True)
class IdlePolicy:
    """Idle sessions time out: no interaction for `minutes` ends the login."""

    minutes: float = DEFAULT_IDLE_MINUTES

    def expired(self, last_seen: datetime | None, now: datetime) -> bool:
        return last_seen is not None and now - last_seen > timedelta(minutes=self.minutes)
