"""The web planner's front door: an ASGI middleware around Streamlit (`ui/server.py`, started by `bv-planner ui`).

Streamlit cannot set response headers or guard its own routes, so this layer
- adds the security headers to every HTTP response (no framing, no MIME sniffing, same-origin referrer);
- refuses `/_stcore/metrics` (server internals) with 403;
- refuses `/media/...` (where Streamlit serves download-button bytes) unless the browser's front cookie
  belongs to a signed-in session: the page grants the cookie at login and revokes it at logout or idle
  time-out (`DOWNLOADS`). A URL copied out of a browser is useless to anyone without that session.
The cookie is random, HttpOnly and SameSite=Strict; it is not a login by itself, only the key the
signed-in Streamlit session vouches for.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any

from planner.store.permissions import private_umask

COOKIE = "bv_front"
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)
BLOCKED_PREFIXES = ("/_stcore/metrics",)
GUARDED_PREFIXES = ("/media/",)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class DownloadPasses:
    """Front cookies of signed-in sessions, each until its expiry (seconds since the epoch); thread-safe."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def grant(self, token: str, seconds: float) -> None:
        with self._lock:
            self._until[token] = time.time() + seconds

    def revoke(self, token: str) -> None:
        with self._lock:
            self._until.pop(token, None)

    def valid(self, token: str | None) -> bool:
        if not token:
            return False
        with self._lock:
            until = self._until.get(token)
            if until is not None and until < time.time():
                del self._until[token]
                until = None
        return until is not None


DOWNLOADS = DownloadPasses()


def _cookie(scope: Scope) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            jar: SimpleCookie = SimpleCookie()
            try:
                jar.load(value.decode("latin-1"))
            except Exception:  # a malformed cookie header is no pass
                return None
            if COOKIE in jar:
                return jar[COOKIE].value
    return None


def _root_path(scope: Scope) -> str:
    return scope.get("path", "")[len(scope.get("root_path", "")):] if scope.get("root_path") else scope.get("path", "")


async def _refuse(send: Send, status: int, text: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-store"),
                            *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": text})


class SecurityFront:
    """ASGI middleware: headers on every response, metrics off, downloads only for signed-in sessions."""

    def __init__(self, app: ASGIApp, passes: DownloadPasses = DOWNLOADS) -> None:
        self.app = app
        self.passes = passes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = _root_path(scope)
        if path.startswith(BLOCKED_PREFIXES):
            await _refuse(send, 403, b"forbidden\n")
            return
        token = _cookie(scope)
        guarded = path.startswith(GUARDED_PREFIXES)
        if guarded and not self.passes.valid(token):
            await _refuse(send, 403, b"sign in to download\n")
            return
        new_cookie = None if token else secrets.token_urlsafe(32)
        secure = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                drop = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in drop]
                headers.extend(SECURITY_HEADERS)
                if guarded:
                    headers.append((b"cache-control", b"no-store"))
                if new_cookie:
                    flags = "; Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
                    headers.append((b"set-cookie", f"{COOKIE}={new_cookie}{flags}".encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def middleware() -> list:
    """The middleware list for `st.App(..., middleware=...)` (Starlette's wrapper around SecurityFront)."""
    from starlette.middleware import Middleware

    return [Middleware(SecurityFront)]


__all__ = ["COOKIE", "DOWNLOADS", "SECURITY_HEADERS", "DownloadPasses", "SecurityFront", "middleware", "private_umask"]
