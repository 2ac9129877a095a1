"""Where the database is and how it is opened: data folder, URL, SQLite pragmas, sessions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from planner.store.permissions import harden, private_folder
from planner.store.schema import SQLITE_AUDIT_TRIGGERS, Base

DATA_DIR_ENV = "BV_DATA_DIR"
DATABASE_URL_ENV = "BV_DATABASE_URL"
DB_FILENAME = "planner.db"


def data_dir(path: str | Path | None = None) -> Path:
    """The data folder: `path`, else $BV_DATA_DIR, else ./data. Created on first use."""
    folder = Path(path or os.environ.get(DATA_DIR_ENV) or "data").expanduser().resolve()
    return private_folder(folder)


def database_url(data_folder: str | Path | None = None) -> str:
    """$BV_DATABASE_URL (e.g. postgresql+psycopg://...) or SQLite in the data folder."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{data_dir(data_folder) / DB_FILENAME}"


def sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's begin event issue BEGIN itself (pysqlite's own handling defers it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # Writes read the revision and then write: take the write lock at BEGIN so two writers
        # serialise instead of failing on lock upgrade. Reads use a plain deferred BEGIN.
        immediate = conn.get_execution_options().get("bv_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """One engine and its sessions. Thread-safe: one engine, one session per unit of work."""

    def __init__(self, url: str):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 5}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            sqlite_pragmas(self.engine)
        self._write_engine = self.engine.execution_options(bv_write=True)
        self.before_commit: Callable[[], None] | None = None
        """Fault-injection hook for crash tests: called inside a save just before COMMIT."""
        self.create_all()
        if self.is_sqlite and self.engine.url.database not in (None, "", ":memory:"):
            harden(Path(self.engine.url.database).resolve().parent)  # DB 0600: SQLite gives WAL/SHM its mode

    @classmethod
    def open(cls, data_folder: str | Path | None = None) -> Self:
        return cls(database_url(data_folder))

    def create_all(self) -> None:
        Base.metadata.create_all(self.engine)
        if self.is_sqlite:
            with self._write_engine.begin() as conn:
                for statement in SQLITE_AUDIT_TRIGGERS:
                    conn.exec_driver_sql(statement)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def _write(self) -> Iterator[Session]:
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session
