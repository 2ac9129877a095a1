"""Storage: optimistic locking (a second save on the same revision is a conflict, nothing is lost)
and crash safety (a process killed during a save leaves the last committed version intact)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planner.store import AuditEntry, Change, ConflictError, NewPlan, Store
from planner.web import ForbidPair, Pin

ROOT = Path(__file__).resolve().parents[2]


def _scenario(store: Store) -> int:
    return store.add_scenario({"id": "crash", "format": "bv-scenario/1"}, "test",
                              plan=NewPlan(data={"format": "bv-plan/1", "scenario": "crash"}, action="import"))


def _save(store: Store, scenario_id: int, revision: int, actor: str, lock_case: str):
    return store.save(scenario_id, revision, actor, Change(
        audit=[AuditEntry("lock.add", "case", lock_case)], add_locks=[{"case": lock_case, "vehicle": "v"}]))


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_second_save_on_the_same_revision_is_a_conflict(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    sid = _scenario(store)
    seen_by_a = seen_by_b = store.scenario_info(sid).revision
    assert _save(store, sid, seen_by_a, "alice", "case-a").revision == 1
    with pytest.raises(ConflictError) as err:
        _save(store, sid, seen_by_b, "bob", "case-b")
    assert (err.value.expected, err.value.actual, err.value.by) == (0, 1, "alice")
    assert [lk["case"] for lk in store.locks(sid)] == ["case-a"]          # alice's edit intact
    assert [r.action for r in store.audit_rows(sid, actor="bob")] == ["save.conflict"]
    # bob reloads and saves again: both edits are there
    assert _save(store, sid, store.scenario_info(sid).revision, "bob", "case-b").revision == 2
    assert [lk["case"] for lk in store.locks(sid)] == ["case-a", "case-b"]


def test_two_sessions_editing_the_same_plan_version_lose_nothing(workspace):
    """Planner level: both sessions look at revision 0; the second save conflicts; its edit,
    kept by the session, is re-applied on the reloaded view."""
    p, sid = workspace.planner, workspace.scenario_id
    view_a, view_b = p.view(sid), p.view(sid)
    trip_a, trip_b = workspace.plan.trips[0], workspace.plan.trips[1]
    edit_a = Pin(cases=trip_a.cases)
    edit_b = ForbidPair(case=trip_b.cases[0], target_kind="staff",
                        target=next(s.id for s in view_b.scenario.staff
                                    if s.id not in {e.staff for e in trip_b.escorts}))
    p.save_edit(view_a, edit_a, "alice")
    with pytest.raises(ConflictError):
        p.save_edit(view_b, edit_b, "bob")
    p.save_edit(p.view(sid), edit_b, "bob")
    now = p.view(sid)
    assert [lk.case for lk in now.scenario.locks] == [trip_a.cases[0]]
    assert any(f.case == trip_b.cases[0] and f.staff == edit_b.target for f in now.scenario.forbids)
    assert now.revision == 2


def test_concurrent_writers_on_one_revision_exactly_one_wins(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    sid = _scenario(store)
    results: list[str] = []
    barrier = threading.Barrier(6)

    def writer(i: int) -> None:
        barrier.wait()
        try:
            _save(store, sid, 0, f"user{i}", f"case-{i}")
            results.append("ok")
        except ConflictError:
            results.append("conflict")

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict"] * 5 + ["ok"]
    assert store.scenario_info(sid).revision == 1 and len(store.locks(sid)) == 1


def test_audit_rows_and_plan_versions_cannot_be_changed(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    _scenario(store)
    with sqlite3.connect(tmp_path / "p.db") as conn:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE audit SET actor = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("DELETE FROM audit")
        with pytest.raises(sqlite3.DatabaseError, match="immutable"):
            conn.execute("UPDATE plan_versions SET data = '{}'")


def _worker(url: str, sid: int, mode: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.planner.crash_worker", url, str(sid), mode],
                            cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _counts(path: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(path) as conn:
        return (conn.execute("SELECT revision FROM scenarios").fetchone()[0],
                conn.execute("SELECT count(*) FROM plan_versions").fetchone()[0],
                conn.execute("SELECT count(*) FROM audit WHERE action = 'test.save'").fetchone()[0],
                conn.execute("SELECT count(*) FROM locks").fetchone()[0])


def _assert_consistent(store: Store, sid: int) -> None:
    assert store.integrity_problems() == []
    info = store.scenario_info(sid)
    head = store.plan_version(info.head_plan_id)
    assert head.number == max(v.number for v in store.plan_versions(sid))   # head = newest committed
    json.dumps(head.data)                                                    # and it is whole


def test_sigkill_inside_a_save_leaves_the_last_committed_version(tmp_path):
    db = tmp_path / "p.db"
    url = f"sqlite:///{db}"
    store = Store(url)
    sid = _scenario(store)
    _save(store, sid, 0, "alice", "case-x")
    before = _counts(db)
    proc = _worker(url, sid, "hang")
    line = proc.stdout.readline()
    assert line.strip() == "IN_TX", proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)                     # killed between the writes and COMMIT
    proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert _counts(db) == before                          # nothing of the killed save is visible
    _assert_consistent(store, sid)
    assert store.plan_version(store.scenario_info(sid).head_plan_id).action == "import"
    # the database is not left locked: the next save goes through at once
    assert _save(store, sid, 1, "alice", "case-y").revision == 2


def test_sigkill_during_a_stream_of_saves_keeps_the_database_consistent(tmp_path):
    db = tmp_path / "p.db"
    url = f"sqlite:///{db}"
    store = Store(url)
    sid = _scenario(store)
    for delay in (0.0, 0.13, 0.31):
        proc = _worker(url, sid, "loop")
        committed = 0
        deadline = time.monotonic() + 30
        while committed < 3 and time.monotonic() < deadline:       # let it commit a few saves
            line = proc.stdout.readline()
            if line.startswith("COMMITTED"):
                committed = int(line.split()[1])
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate(timeout=10)
        printed = [int(x.split()[1]) for x in rest.splitlines() if x.startswith("COMMITTED")]
        last_printed = max([committed] + printed)
        revision, versions, saves, _locks = _counts(db)
        # The save in flight either committed whole (revision = printed + 1) or not at all.
        assert revision in (last_printed, last_printed + 1)
        assert versions == revision + 1          # the imported version plus one per save
        assert saves == revision                 # one audit row per committed save, no more
        _assert_consistent(store, sid)
