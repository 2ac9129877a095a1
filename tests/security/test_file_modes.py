"""Finding 5 (modes): the data folder is 0700 and the database, WAL, SHM and job logs 0600,
even when the process started with a permissive umask and the files were world-readable before."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from planner.store import Store
from planner.store.permissions import harden

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_store_makes_an_old_world_readable_data_folder_private(tmp_path):
    data = tmp_path / "data"
    old = os.umask(0o022)
    try:
        store = Store.open(data)
        store.audit("t", "x", "y", "z")
        store.dispose()
        (data / "jobs").mkdir()
        (data / "jobs" / "job-1.log").write_text("old log")
        for p in (data, data / "jobs"):
            p.chmod(0o755)
        for p in data.rglob("*"):
            if p.is_file():
                p.chmod(0o644)
        store = Store.open(data)  # start again: everything private
        store.audit("t", "x", "y", "z")
        files = {p.name: mode(p) for p in data.rglob("*") if p.is_file()}
        assert {"planner.db", "planner.db-wal", "planner.db-shm", "job-1.log"} <= set(files)
        assert set(files.values()) == {0o600}, files
        assert mode(data) == 0o700 and mode(data / "jobs") == 0o700
        store.dispose()
    finally:
        os.umask(old)


def test_harden_reports_what_it_changed(tmp_path):
    (tmp_path / "a").mkdir(mode=0o755)
    (tmp_path / "a" / "f.csv").write_text("x")
    (tmp_path / "a" / "f.csv").chmod(0o644)
    changed = harden(tmp_path)
    assert tmp_path / "a" / "f.csv" in changed and mode(tmp_path / "a" / "f.csv") == 0o600
    assert harden(tmp_path) == []


def test_cli_writes_private_files_under_a_permissive_umask(tmp_path):
    """`bv-planner user add` (any subcommand) sets umask 077: the new database and its folder are private,
    and so are exports written by the CLI. (`user list` on an empty folder creates nothing at all.)"""
    script = ("import os, sys; os.umask(0o022); from planner.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, "user", "add", "alice", "--role", "viewer", "--password-stdin",
                           "--data-dir", str(tmp_path / "d")], input="a-long-enough-passphrase-42\n",
                          cwd=str(ROOT), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert mode(tmp_path / "d") == 0o700 and mode(tmp_path / "d" / "planner.db") == 0o600
    out = tmp_path / "demo-plan"
    done = subprocess.run([sys.executable, "-c", script, "generate", "--cases", "3", "--days", "3", "--seed", "0",
                           "-o", str(out) + ".json"], cwd=str(ROOT), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert mode(Path(str(out) + ".json")) == 0o600
