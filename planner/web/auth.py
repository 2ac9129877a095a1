"""Local users, roles and session timeout.

Passwords are hashed with scrypt (stdlib `hashlib.scrypt`, random salt) and kept in the database.
When OIDC is configured (`st.login`), the identity provider says who someone is and the users
table still says what they may do: an OIDC user needs a row whose username is their e-mail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from planner.store import Store, User
from planner.web import passwords
from planner.web.throttle import THROTTLE, Throttle

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



class AuthError(ValueError):
    pass


def hash_password(password: str) -> str:
    """'scrypt$N$r$p$salt$hash' with a fresh 16-byte salt (`planner.web.passwords`)."""
    if not password:
        raise AuthError("empty password")
    return passwords.hash_password(password)


verify_password = passwords.verify_password


def check_roles(roles: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise AuthError(f"unknown role(s) {', '.join(bad) or '(none)'}; choose from {', '.join(ROLES)}")
    return tuple(dict.fromkeys(roles))


def add_user(store: Store, username: str, password: str | None, roles: tuple[str, ...] | list[str],
             display_name: str = "", actor: str = "cli", policy: bool = True) -> None:
    """Create or update a local user. `password=None` makes an OIDC-only account.

    The password must pass `passwords.check_policy` (>= 12 characters, not a common password);
    `policy=False` only for the throw-away demo accounts."""
    username = username.strip()
    if not username:
        raise AuthError("empty username")
    if password is not None and policy:
        try:
            passwords.check_policy(password, username)
        except passwords.PolicyError as exc:
            raise AuthError(str(exc)) from None
    store.put_user(username, hash_password(password) if password is not None else None, check_roles(roles),
                   display_name or username, actor)


MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
"""The longest a name waits after repeated failures (back-off cap); failures older than this are forgotten."""
FIRST_WAIT = timedelta(seconds=30)
_SCAN = 200


class LockedOut(Exception):
    """Too many failures: wait `retry_after` before trying again (a back-off, never a permanent lock)."""

    def __init__(self, name: str, retry_after: timedelta = timedelta(0)):
        super().__init__(name)
        self.retry_after = retry_after


def _client_of(after: str) -> str:
    return after.split("client=", 1)[1].split(";", 1)[0].strip() if "client=" in after else ""


def _name_wait(store: Store, username: str, client: str, now: datetime) -> timedelta:
    """Back-off for this name from the audit log: failures since its last success within LOCKOUT.

    Failures from every client count, except for a client this name signed in from before (the real
    user's workstation), where only that client's own failures count: an attacker elsewhere can slow
    the name down but not keep its owner out. Refused ('locked') tries do not extend the wait."""
    rows = [r for r in store.audit_rows(actor=username, action="login", limit=_SCAN)]
    known = {_client_of(r.after) for r in rows if r.result == "ok"}
    failures: list[datetime] = []
    for row in rows:  # newest first
        if row.result == "ok" or now - row.at > LOCKOUT:
            break
        if row.result == "denied" and (client not in known or _client_of(row.after) == client):
            failures.append(row.at)
    if len(failures) < MAX_FAILED_LOGINS:
        return timedelta(0)
    wait = min(LOCKOUT, FIRST_WAIT * 2 ** min(len(failures) - MAX_FAILED_LOGINS, 20))
    return max(timedelta(0), failures[0] + wait - now)


def authenticate(store: Store, username: str, password: str, now: datetime | None = None,
                 client: str | None = None, totp_code: str | None = None,
                 throttle: Throttle = THROTTLE) -> User | None:
    """The active user with this password (and TOTP code, when set up), else None; every attempt audited.

    Constant time: an unknown, disabled or OIDC-only name still costs one scrypt (a dummy hash).
    Limits (back-off, see `_name_wait` and `planner.web.throttle`): per name, per client and for the
    whole server; a try during a back-off raises LockedOut without checking the password."""
    name = username.strip() or "?"
    now = now or datetime.now(UTC)
    where = f"local password; client={client or 'local'}"
    wait = max(_name_wait(store, name, client or "local", now), throttle.wait(client, now))
    if wait > timedelta(0):
        store.audit(name, "login", "user", name, result="locked", after=f"{where}; back-off {wait.seconds} s")
        raise LockedOut(name, wait)
    user = store.get_user(name)
    if user is not None and user.active and user.password_hash:
        ok = passwords.verify_password(password, user.password_hash)
    else:
        ok = passwords.verify_dummy(password)
    secret = store.totp_secret(name) if ok else None
    if ok and secret is not None:
        ok = totp_ok(secret, totp_code, now)
        where += "; totp"
    store.audit(name, "login", "user", name, result="ok" if ok else "denied", after=where)
    if not ok or user is None:  # user is None: the dummy hash never verifies
        throttle.failed(client, now)
        return None
    throttle.reset_client(client)
    if passwords.needs_rehash(user.password_hash):
        store.set_password_hash(name, passwords.hash_password(password), "system", "re-hashed with scrypt N=2^17")
    return user


def totp_ok(secret: str, code: str | None, now: datetime) -> bool:
    """A 6-digit RFC 6238 code for `now`, one 30 s step of clock drift either way."""
    import pyotp

    code = (code or "").strip().replace(" ", "")
    return code.isdigit() and pyotp.TOTP(secret).verify(code, for_time=now, valid_window=1)


def enable_totp(store: Store, username: str, actor: str = "cli") -> str:
    """Set up a TOTP second factor for a coordinator; returns the otpauth:// URI for the authenticator app."""
    import pyotp

    user = store.get_user(username)
    if user is None:
        raise AuthError(f"no user {username}")
    if COORDINATOR not in user.roles:
        raise AuthError("the second factor is for coordinators")
    secret = pyotp.random_base32()
    store.set_totp_secret(username, secret, actor)
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name="BV-planner")


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
