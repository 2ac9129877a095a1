"""A signed, expiring session cookie for local users, so a refresh (F5) or a deep link keeps the login.

A Streamlit reload starts a new session and forgets `st.session_state`; the browser keeps this
cookie. The token names only the user and two times (issued, last activity), signed with
HMAC-SHA256 under a server secret ($BV_SESSION_SECRET, else a random key kept in the data folder
with mode 0600). Roles are never taken from the cookie: they are read from the users table each
time a cookie is accepted. The idle timeout applies to the cookie too (last activity), and a
token is never accepted longer than MAX_AGE after it was issued. OIDC users use `st.login`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

log = logging.getLogger(__name__)

COOKIE = "bv_session"
MAX_AGE = timedelta(hours=12)
REFRESH_AFTER = timedelta(seconds=60)
"""Re-issue the cookie (new last-activity time) at most this often."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,400}\.[0-9a-f]{64}$")


@dataclass(frozen=True)
class SessionToken:
    username: str
    issued: datetime
    seen: datetime


def _secret(data_dir: Path | None = None) -> bytes:
    env = os.environ.get("BV_SESSION_SECRET")
    if env:
        return env.encode("utf-8")
    from planner.store import data_dir as default_dir

    folder = Path(data_dir or default_dir())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "session.key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # racing creators: one wins
        try:
            os.write(fd, secrets.token_hex(32).encode("ascii"))
        finally:
            os.close(fd)
    return path.read_bytes().strip()


def _sign(payload: str, key: bytes) -> str:
    return hmac.new(key, payload.encode("ascii"), hashlib.sha256).hexdigest()


def issue(username: str, now: datetime | None = None, issued: datetime | None = None, key: bytes | None = None) -> str:
    """A token for `username`, last active `now` (issued `issued`, default now)."""
    now = now or datetime.now(UTC)
    body = json.dumps({"u": username, "iat": int((issued or now).timestamp()), "seen": int(now.timestamp())},
                      separators=(",", ":"))
    payload = base64.urlsafe_b64encode(body.encode("utf-8")).decode("ascii").rstrip("=")
    return f"{payload}.{_sign(payload, key or _secret())}"


def read(token: str | None, idle: timedelta, now: datetime | None = None,
         key: bytes | None = None) -> SessionToken | None:
    """The token's user when it is well-formed, correctly signed, not idle too long and not too old."""
    if not token or not _TOKEN.match(token):
        return None
    now = now or datetime.now(UTC)
    payload, signature = token.split(".")
    if not hmac.compare_digest(signature, _sign(payload, key or _secret())):
        log.info("session cookie with a bad signature ignored")
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        found = SessionToken(str(data["u"]), datetime.fromtimestamp(int(data["iat"]), UTC),
                             datetime.fromtimestamp(int(data["seen"]), UTC))
    except (ValueError, KeyError, TypeError):
        return None
    if now - found.seen > idle or now - found.issued > MAX_AGE or found.seen > now + timedelta(minutes=5):
        return None
    return found


def set_cookie_script(token: str, max_age: timedelta = MAX_AGE) -> str:
    """A script that stores the token in the browser (SameSite=Strict; Secure on https)."""
    if not _TOKEN.match(token):
        raise ValueError("not a session token")
    seconds = int(max_age.total_seconds())
    return ("<script>document.cookie = '" + COOKIE + "=" + token + "; path=/; max-age=" + str(seconds)
            + "; SameSite=Strict' + (location.protocol === 'https:' ? '; Secure' : '');</script>")


def clear_cookie_script() -> str:
    return "<script>document.cookie = '" + COOKIE + "=; path=/; max-age=0; SameSite=Strict';</script>"
