"""The store on PostgreSQL: the same conflict and audit behaviour as on SQLite.

Runs when BV_TEST_POSTGRES_URL points at an empty test database (`.ci/run` starts one from
Debian's postgresql package); skipped otherwise.
"""

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from planner.store import AuditEntry, Change, ConflictError, NewPlan, Store

URL = os.environ.get("BV_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(not URL, reason="BV_TEST_POSTGRES_URL not set (no PostgreSQL server)")


@pytest.fixture
def store():
    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in URL else "?"
    store = Store(f"{URL}{sep}options=-csearch_path%3D{schema}")
    yield store
    store.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _save(store, scenario_id, revision, actor, case):
    return store.save(scenario_id, revision, actor, Change(
        audit=[AuditEntry("lock.add", "case", case)], add_locks=[{"case": case, "vehicle": "v"}]))


def test_conflict_and_audit_on_postgres(store):
    sid = store.add_scenario({"id": "pg", "format": "bv-scenario/1"}, "test",
                             plan=NewPlan(data={"format": "bv-plan/1", "scenario": "pg"}, action="import"))
    seen = store.scenario_info(sid).revision
    assert _save(store, sid, seen, "alice", "case-a").revision == seen + 1
    with pytest.raises(ConflictError):
        _save(store, sid, seen, "bob", "case-b")
    assert [lk["case"] for lk in store.locks(sid)] == ["case-a"]
    assert [r.action for r in store.audit_rows(sid, actor="bob")] == ["save.conflict"]
    assert len(store.plan_versions(sid)) == 1
