"""Accounts: who may sign in and with which roles (password hashes never leave the store)."""

from __future__ import annotations

from sqlalchemy import select

from planner.store.engine import Database
from planner.store.records import User
from planner.store.schema import AuditRow, UserRow, user_record, utcnow


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
