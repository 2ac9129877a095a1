"""Accounts: who may sign in and with which roles (password hashes never leave the store)."""

from __future__ import annotations

from sqlalchemy import select

from planner.store.engine import Database
from planner.store.records import User
from planner.store.schema import AuditRow, TotpRow, UserRow, user_record, utcnow


class UsersMixin(Database):
    """The users table of the `Store`."""

    def put_user(self, username: str, password_hash: str | None, roles: tuple[str, ...], display_name: str,
                 actor: str, active: bool = True) -> None:
        """Create or replace a user; audited (without the hash)."""
        with self._write() as s:
            row = s.get(UserRow, username)
            before = "" if row is None else f"roles={row.roles} active={row.active}"
            if row is None:
                row = UserRow(username=username, created_at=utcnow())
                s.add(row)
            row.password_hash = password_hash
            row.roles = ",".join(roles)
            row.display_name = display_name
            row.active = active
            s.add(AuditRow(at=utcnow(), actor=actor, action="user.put", object_type="user", object_id=username,
                           before=before, after=f"roles={row.roles} active={active}"))

    def get_user(self, username: str) -> User | None:
        with self._read() as s:
            row = s.get(UserRow, username)
            return None if row is None else user_record(row)

    def list_users(self) -> list[User]:
        with self._read() as s:
            return [user_record(r) for r in s.scalars(select(UserRow).order_by(UserRow.username))]

    def set_password_hash(self, username: str, password_hash: str, actor: str, reason: str) -> None:
        """Replace a user's hash (e.g. re-hashed with today's scrypt cost); audited, without the hash."""
        with self._write() as s:
            row = s.get(UserRow, username)
            if row is None:
                return
            row.password_hash = password_hash
            s.add(AuditRow(at=utcnow(), actor=actor, action="user.password", object_type="user", object_id=username,
                           before="", after=reason))

    def totp_secret(self, username: str) -> str | None:
        """The user's TOTP secret when the second factor is set up, else None."""
        with self._read() as s:
            row = s.get(TotpRow, username)
            return None if row is None else row.secret

    def set_totp_secret(self, username: str, secret: str | None, actor: str) -> None:
        """Set up (secret) or remove (None) the second factor; audited, without the secret."""
        with self._write() as s:
            row = s.get(TotpRow, username)
            if secret is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(TotpRow(username=username, secret=secret, created_at=utcnow()))
            else:
                row.secret = secret
            s.add(AuditRow(at=utcnow(), actor=actor, action="user.totp", object_type="user", object_id=username,
                           before="", after="on" if secret else "off"))
