"""GDPR retention and backups of the store.

`purge_older_than`: workspaces untouched since the cut-off keep their ids, plan versions and every
audit row, but the personal data the audit rows point to is pseudonymised in place: escorts' names
and e-mail addresses become their staff ids, and every `x_` field (names, V-numbers, BSN, diagnoses,
phone numbers) is removed. Plan versions hold ids only and stay as they are (insert-only). The purge
itself is audited, one row per workspace. `backup_sqlite`: an online, consistent copy through SQLite's
backup API while the planner runs.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256
from pathlib import Path
from typing import Any

from sqlalchemy import select

from planner.store.permissions import FILE_MODE, private_folder
from planner.store.repository import Store
from planner.store.schema import AuditRow, ScenarioRow, aware, dumps, utcnow

PURGED_MARK = "x_purged_at"


def pseudonymise(data: dict[str, Any], when: datetime) -> dict[str, Any]:
    """The scenario without personal data: no `x_` fields, staff names/e-mails replaced by ids."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if not str(k).startswith("x_")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    out = strip(data)
    for person in out.get("staff", []) or []:
        if isinstance(person, dict) and "id" in person:
            person["name"] = str(person["id"])
            person["email"] = f"{person['id']}@purged.invalid"
    out[PURGED_MARK] = when.isoformat(timespec="seconds")
    return out


@dataclass(frozen=True)
class PurgeReport:
    scenarios: tuple[int, ...]
    job_logs: int


def purge_older_than(store: Store, cutoff: datetime, actor: str, data_folder: Path | None = None,
                     dry_run: bool = False) -> PurgeReport:
    """Pseudonymise workspaces last changed before `cutoff`; delete job logs older than it."""
    now = utcnow()
    purged: list[int] = []
    with store._write() as s:
        for row in s.scalars(select(ScenarioRow).order_by(ScenarioRow.id)):
            updated = aware(row.updated_at)
            if updated is None or updated >= cutoff:
                continue
            data = json.loads(row.data)
            if PURGED_MARK in data:
                continue
            purged.append(row.id)
            if dry_run:
                continue
            payload = dumps(pseudonymise(data, now))
            row.data = payload
            row.sha256 = sha256(payload.encode("utf-8")).hexdigest()
            row.revision += 1  # an open editor with the old revision cannot write the old data back
            row.updated_at, row.updated_by = now, actor
            s.add(AuditRow(at=now, actor=actor, action="purge", object_type="scenario", object_id=str(row.id),
                           scenario_id=row.id, before=f"last change {updated.date().isoformat()}",
                           after=f"personal data pseudonymised (cut-off {cutoff.date().isoformat()})"))
    logs = 0
    if data_folder is not None and (data_folder / "jobs").is_dir():
        for log in (data_folder / "jobs").glob("job-*.log"):
            if datetime.fromtimestamp(log.stat().st_mtime, tz=cutoff.tzinfo) < cutoff:
                logs += 1
                if not dry_run:
                    log.unlink()
    database = store.engine.url.database  # None for an in-memory SQLite store: nothing to scrub
    if purged and not dry_run and store.is_sqlite and database:
        _scrub_free_pages(Path(database))
    if not dry_run:
        store.audit(actor, "purge.run", "store", "retention", after=f"cut-off {cutoff.isoformat(timespec='seconds')}; "
                    f"workspaces {','.join(map(str, purged)) or 'none'}; job logs {logs}")
    return PurgeReport(tuple(purged), logs)


def _scrub_free_pages(database: Path) -> None:
    """The old text must not survive in free pages or the WAL: checkpoint, then VACUUM."""
    con = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("VACUUM")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def backup_sqlite(database: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite database (backup API), private (0600)."""
    private_folder(target.parent)
    if target.exists():
        raise FileExistsError(target)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(target)
        try:
            target.chmod(FILE_MODE)
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    target.chmod(FILE_MODE)
    return target


__all__ = ["PURGED_MARK", "PurgeReport", "backup_sqlite", "pseudonymise", "purge_older_than"]
