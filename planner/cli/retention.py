"""`bv-planner backup` (online SQLite backup; pg_dump for PostgreSQL) and `bv-planner purge --older-than`."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from planner.cli.argtypes import int_range, output_file

PG_DUMP_HELP = """PostgreSQL: back up with the database's own tool, e.g.
  umask 077 && pg_dump --format=custom --file=bv-planner-$(date +%F).dump "$BV_DATABASE_URL_WITHOUT_DRIVER"
(the URL as postgresql://user@host/db, without '+psycopg'); restore with pg_restore --clean --dbname=...
Keep the dump as private as the database (0600, encrypted at rest)."""


def _store(data_dir: str | None):
    from planner.store import DATA_DIR_ENV, Store, database_url
    from planner.store import data_dir as resolve

    folder = resolve(data_dir)
    os.environ[DATA_DIR_ENV] = str(folder)
    return Store(database_url()), folder


def cmd_backup(args) -> int:
    from planner.store.retention import backup_sqlite

    store, folder = _store(args.data_dir)
    try:
        if not store.is_sqlite:
            print(PG_DUMP_HELP, file=sys.stderr)
            return 2
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = Path(args.output) if args.output else folder / "backups" / f"planner-{stamp}.db"
        try:
            backup_sqlite(Path(store.engine.url.database), target)
        except FileExistsError:
            print(f"error: {target} exists; choose another name", file=sys.stderr)
            return 2
        store.audit(args.actor, "backup", "store", str(target.name), after="sqlite online backup")
        print(f"Backup written to {target} (mode 600).")
        return 0
    finally:
        store.dispose()


def cmd_purge(args) -> int:
    from planner.store.retention import purge_older_than

    if args.older_than < 1:
        print("error: --older-than must be at least 1 day", file=sys.stderr)
        return 2
    store, folder = _store(args.data_dir)
    try:
        cutoff = datetime.now(UTC) - timedelta(days=args.older_than)
        report = purge_older_than(store, cutoff, args.actor, folder, dry_run=args.dry_run)
        verb = "Would pseudonymise" if args.dry_run else "Pseudonymised"
        print(f"{verb} {len(report.scenarios)} workspace(s) unchanged since {cutoff.date()}: "
              f"{', '.join(map(str, report.scenarios)) or 'none'}; job logs removed: {report.job_logs}.")
        return 0
    finally:
        store.dispose()


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `backup` and `purge` subcommands."""
    p = sub.add_parser("backup", help="online backup of the SQLite database (PostgreSQL: prints pg_dump steps)")
    p.add_argument("-o", "--output", type=output_file,
                   help="backup file (none: DATA_DIR/backups/planner-<UTC time>.db)")
    p.add_argument("--data-dir", help="data folder with the SQLite database (none: ./data or $BV_DATA_DIR)")
    p.add_argument("--actor", default="cli", help="name written to the audit log")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("purge", help="GDPR retention: pseudonymise workspaces unchanged for N days (audit kept)")
    p.add_argument("--older-than", type=int_range(1, 36600), required=True, metavar="DAYS",
                   help="purge workspaces unchanged for at least this many days")
    p.add_argument("--dry-run", action="store_true", help="only list what would be purged")
    p.add_argument("--data-dir", help="data folder with the SQLite database (none: ./data or $BV_DATA_DIR)")
    p.add_argument("--actor", default="cli", help="name written to the audit log")
    p.set_defaults(func=cmd_purge)
