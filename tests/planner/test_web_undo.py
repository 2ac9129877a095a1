"""Undo of the last edit: exactly that edit is taken back, audited, and only while it is the last save
(issue 11 item 4); the export says which version it holds and warns on a draft."""

from __future__ import annotations

import pytest

from planner.web import Allow, ForbidPair, Pin, SwapEscort, Unpin
from planner.web.exporting import plan_files, version_lines


def _swap(view):
    trip, other = next((t, s.id) for t in view.plan.trips if t.escorts for s in view.scenario.staff
                       if t.escorts[0].role in s.roles and s.id not in {e.staff for e in t.escorts})
    return SwapEscort(case=trip.cases[0], old_staff=trip.escorts[0].staff, new_staff=other)


def test_nothing_to_undo_on_a_fresh_workspace(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    state = p.undo_state(view)
    assert not state.possible and state.why_key == "undo.none"
    with pytest.raises(ValueError, match="nothing to undo"):
        p.undo_last_edit(view, "alice")


def test_undo_a_pin_takes_back_only_that_pin(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    a, b = view.plan.trips[0].cases[0], view.plan.trips[1].cases[0]
    p.save_edit(view, Pin(cases=(a,)), "alice")
    view = p.view(workspace.scenario_id)
    p.save_edit(view, Pin(cases=(b,), staff=False), "alice")
    view = p.view(workspace.scenario_id)
    assert {lk.case for lk in view.scenario.locks} == {a, b}
    state = p.undo_state(view)
    assert state.possible and state.kind == "pin"
    p.undo_last_edit(view, "alice")
    after = p.view(workspace.scenario_id)
    assert {lk.case for lk in after.scenario.locks} == {a}
    assert after.version.id == view.version.id               # a pin makes no plan version, nor does its undo
    rows = workspace.store.audit_rows(workspace.scenario_id, action="edit.undo")
    assert [(r.actor, r.before) for r in rows] == [("alice", "pin")]
    assert p.undo_state(after).why_key == "undo.done"


def test_undo_a_re_pin_restores_the_lock_as_it_was_and_an_unpin_brings_it_back(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    case = view.plan.trips[0].cases[0]
    p.save_edit(view, Pin(cases=(case,)), "alice")
    view = p.view(workspace.scenario_id)
    full = next(lk for lk in view.scenario.locks if lk.case == case)
    p.save_edit(view, Pin(cases=(case,), staff=False, vehicle=False), "alice")
    p.undo_last_edit(p.view(workspace.scenario_id), "alice")
    assert next(lk for lk in p.view(workspace.scenario_id).scenario.locks if lk.case == case) == full
    view = p.view(workspace.scenario_id)
    p.save_edit(view, Unpin(case=case), "alice")
    p.undo_last_edit(p.view(workspace.scenario_id), "alice")
    assert next(lk for lk in p.view(workspace.scenario_id).scenario.locks if lk.case == case) == full


def test_undo_a_forbid_and_an_allow(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    case = view.plan.trips[0].cases[0]
    leg = view.scenario.flights[-1].id
    p.save_edit(view, ForbidPair(case=case, target_kind="flight", target=leg), "alice")
    p.undo_last_edit(p.view(workspace.scenario_id), "alice")
    assert not any(fb.case == case and fb.flight == leg for fb in p.view(workspace.scenario_id).scenario.forbids)
    p.save_edit(p.view(workspace.scenario_id), ForbidPair(case=case, target_kind="flight", target=leg), "alice")
    p.save_edit(p.view(workspace.scenario_id), Allow(case=case, target_kind="flight", target=leg), "alice")
    p.undo_last_edit(p.view(workspace.scenario_id), "alice")
    assert any(fb.case == case and fb.flight == leg for fb in p.view(workspace.scenario_id).scenario.forbids)


def test_undo_a_plan_edit_makes_a_new_draft_equal_to_the_version_before(workspace):
    p = workspace.planner
    first = p.view(workspace.scenario_id)
    p.save_edit(first, _swap(first), "alice")
    edited = p.view(workspace.scenario_id)
    assert p.undo_state(edited).kind == "swap"
    p.undo_last_edit(edited, "alice")
    now = p.view(workspace.scenario_id)
    assert now.version.id not in (first.version.id, edited.version.id) and now.version.status == "draft"
    assert now.version.action == "undo" and now.plan.trips == first.plan.trips


def test_a_save_after_the_edit_means_there_is_nothing_to_undo_and_a_stale_view_cannot_undo(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    p.save_edit(view, Pin(cases=(view.plan.trips[0].cases[0],)), "alice")
    old = view
    view = p.view(workspace.scenario_id)
    assert p.undo_state(old).why_key == "undo.stale"
    p.publish(view, "bob")
    after = p.view(workspace.scenario_id)
    assert p.undo_state(after).why_key == "undo.later"
    with pytest.raises(ValueError):
        p.undo_last_edit(after, "alice")


def test_export_names_its_version_and_warns_on_a_draft(workspace):
    p = workspace.planner
    draft = p.view(workspace.scenario_id)
    line, warning = version_lines(draft.version, draft.published, "nl")
    assert line.startswith("Deze export is versie v1 (concept)") and "alice" in line
    assert warning is not None and "concept (v1)" in warning and "nog niets gepubliceerd" in warning
    assert all(f.filename.endswith(("-v1-concept.json", "-v1-concept.csv", "-v1-concept.xlsx"))
               for f in plan_files(draft.scenario, draft.plan, 1, draft=True))
    p.publish(draft, "bob")
    published = p.view(workspace.scenario_id)
    line, warning = version_lines(published.version, published.published, "en")
    assert line.startswith("This export is version v2, published on") and "bob" in line and warning is None
    p.save_edit(published, _swap(published), "alice")
    again = p.view(workspace.scenario_id)
    _, warning = version_lines(again.version, again.published, "nl")
    assert "De gepubliceerde versie is v2" in warning and "bob" in warning
