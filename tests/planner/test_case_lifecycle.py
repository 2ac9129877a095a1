"""Case lifecycle in the store: legal steps only, audited, kept per case across plan versions,
and older databases gain the table (issue 11 item 2)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from planner.store import (
    ABORTED,
    ANNOUNCED,
    BOOKED,
    DEPARTED,
    DRAFT_CASE,
    AuditEntry,
    Change,
    IllegalTransition,
    Store,
    Transition,
)
from planner.store.lifecycle import LEGAL

SCENARIO = {"id": "lc", "cases": [{"id": "c1"}, {"id": "c2"}], "flights": []}


@pytest.fixture
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'planner.db'}")
    yield s
    s.dispose()


def test_a_case_walks_draft_announced_booked_departed_with_an_audit_row_per_step(store):
    sid = store.add_scenario(SCENARIO, "alice")
    assert store.case_states(sid) == {}
    for state in (ANNOUNCED, BOOKED, DEPARTED):
        store.transition(sid, [Transition("c1", state)], "alice")
    states = store.case_states(sid)
    assert states["c1"].state == DEPARTED and states["c1"].previous == BOOKED and states["c1"].by == "alice"
    assert "c2" not in states
    assert [r.action for r in store.audit_rows(sid, action="case.")][::-1] == [
        "case.announced", "case.booked", "case.departed"]
    assert [(h.previous, h.state) for h in store.case_history(sid)] == [
        (DRAFT_CASE, ANNOUNCED), (ANNOUNCED, BOOKED), (BOOKED, DEPARTED)]


@pytest.mark.parametrize("old", list(LEGAL))
def test_every_step_the_table_does_not_allow_is_refused_and_nothing_is_written(store, old):
    sid = store.add_scenario(SCENARIO, "alice")
    path = {DRAFT_CASE: [], ANNOUNCED: [ANNOUNCED], BOOKED: [ANNOUNCED, BOOKED], DEPARTED: [ANNOUNCED, DEPARTED],
            ABORTED: [ABORTED]}[old]
    for state in path:
        store.transition(sid, [Transition("c1", state, "other" if state == ABORTED else "")], "alice")
    for new in (DRAFT_CASE, ANNOUNCED, BOOKED, DEPARTED, ABORTED):
        if new in LEGAL[old]:
            continue
        before = len(store.case_history(sid))
        with pytest.raises(IllegalTransition, match="c1"):
            # the legal step for c2 in the same call is rolled back with it
            store.transition(sid, [Transition("c2", ANNOUNCED), Transition("c1", new, "other")], "alice")
        assert len(store.case_history(sid)) == before
        assert "c2" not in store.case_states(sid)


def test_abort_needs_a_known_reason_code_and_departed_is_final(store):
    sid = store.add_scenario(SCENARIO, "alice")
    with pytest.raises(IllegalTransition, match="reason code"):
        store.transition(sid, [Transition("c1", ABORTED)], "alice")
    with pytest.raises(IllegalTransition, match="reason code"):
        store.transition(sid, [Transition("c1", ABORTED, "bored")], "alice")
    store.transition(sid, [Transition("c1", ABORTED, "absconded")], "alice",
                     audit=[AuditEntry("case.abort_note", "case", "c1", after="seen leaving")])
    assert store.case_states(sid)["c1"].reason == "absconded"
    with pytest.raises(IllegalTransition, match="unknown case state"):
        store.transition(sid, [Transition("c1", "lost")], "alice")


def test_states_survive_new_plan_versions_and_ride_along_with_a_save(store):
    from planner.store import NewPlan

    sid = store.add_scenario(SCENARIO, "alice")
    info = store.scenario_info(sid)
    saved = store.save(sid, info.revision, "alice", Change(
        audit=[], new_plan=NewPlan(data={"trips": []}, action="solve"), transitions=[Transition("c1", ANNOUNCED)]))
    store.save(sid, saved.revision, "bob", Change(audit=[], new_plan=NewPlan(data={"trips": []}, action="solve")))
    assert store.case_states(sid)["c1"].state == ANNOUNCED
    # an illegal step in a save rolls back the whole save: no version, no revision bump
    versions = len(store.plan_versions(sid))
    revision = store.scenario_info(sid).revision
    with pytest.raises(IllegalTransition):
        store.save(sid, revision, "bob", Change(audit=[], new_plan=NewPlan(data={"trips": []}, action="solve"),
                                                transitions=[Transition("c2", DEPARTED)]))
    assert len(store.plan_versions(sid)) == versions and store.scenario_info(sid).revision == revision


def test_a_database_from_before_the_lifecycle_gains_its_tables(tmp_path):
    path = tmp_path / "planner.db"
    old = Store(f"sqlite:///{path}")
    sid = old.add_scenario(SCENARIO, "alice")
    old.dispose()
    with sqlite3.connect(path) as conn:  # as an older release left it: no lifecycle, no journal
        conn.execute("DROP TABLE case_transitions")
        conn.execute("DROP TABLE edit_journal")
    store = Store(f"sqlite:///{path}")
    try:
        assert json.loads(json.dumps(store.scenario_body(sid)))["id"] == "lc"
        store.transition(sid, [Transition("c1", ANNOUNCED)], "alice")
        assert store.case_states(sid)["c1"].state == ANNOUNCED
        assert store.last_edit(sid) is None
    finally:
        store.dispose()
