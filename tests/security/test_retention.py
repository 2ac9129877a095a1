"""Finding 5 (backup and retention): `bv-planner backup` and `bv-planner purge --older-than`."""

from __future__ import annotations

import sqlite3
import stat

from sqlalchemy import text

from models import Scenario
from planner.cli.app import main
from tests.webfixtures import make_workspace


def keys(node) -> list[str]:
    if isinstance(node, dict):
        return [k for k in node] + [k2 for v in node.values() for k2 in keys(v)]
    if isinstance(node, list):
        return [k for v in node for k in keys(v)]
    return []


def test_purge_pseudonymises_old_workspaces_and_keeps_the_audit(tmp_path, demo_plan):
    data = tmp_path / "data"
    data.mkdir()
    ws = make_workspace(data, demo_plan)
    names = [s.name for s in ws.planner.view(ws.scenario_id).scenario.staff]
    recent = ws.store.scenario_body(ws.scenario_id) | {"id": "fresh"}
    recent["staff"] = [dict(p, name=f"Recent Person {i}") for i, p in enumerate(recent["staff"])]
    fresh = ws.planner.add_scenario_dict(recent, "alice")
    with ws.store.engine.begin() as c:
        c.execute(text("UPDATE scenarios SET updated_at = '2020-01-01 00:00:00' WHERE id = :i"), {"i": ws.scenario_id})
    audit_before = [(r.id, r.action, r.object_id, r.after) for r in ws.store.audit_rows(limit=10_000)]
    versions_before = [(v.id, v.number) for v in ws.store.plan_versions(ws.scenario_id)]
    ws.store.dispose()

    assert main(["purge", "--older-than", "30", "--data-dir", str(data)]) == 0

    from planner.store import Store

    store = Store.open(data)
    body = store.scenario_body(ws.scenario_id)
    assert not any(name in str(body) for name in names)
    assert [k for k in keys(body) if k.startswith("x_")] == ["x_purged_at"]
    Scenario.model_validate(body)  # still a valid scenario: the workspace opens
    assert "Recent Person 0" in str(store.scenario_body(fresh))  # a recent workspace is untouched
    after = {(r.id, r.action, r.object_id, r.after) for r in store.audit_rows(limit=10_000)}
    assert set(audit_before) <= after  # every audit row kept as it was
    actions = [r.action for r in store.audit_rows(limit=10_000)]
    assert "purge" in actions and "purge.run" in actions
    assert [(v.id, v.number) for v in store.plan_versions(ws.scenario_id)] == versions_before
    store.dispose()
    raw = b"".join(p.read_bytes() for p in data.glob("planner.db*"))
    assert not any(name.encode() in raw for name in names)  # no copy left in free pages or the WAL


def test_backup_is_an_online_private_copy(tmp_path, demo_plan):
    data = tmp_path / "data"
    data.mkdir()
    ws = make_workspace(data, demo_plan)  # the store stays open: an online backup
    target = tmp_path / "b" / "copy.db"
    assert main(["backup", "--data-dir", str(data), "-o", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    con = sqlite3.connect(target)
    assert con.execute("SELECT count(*) FROM scenarios").fetchone()[0] == 1
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert main(["backup", "--data-dir", str(data), "-o", str(target)]) == 2  # never overwrites
    assert ws.store.audit_rows(action="backup")
    ws.store.dispose()
