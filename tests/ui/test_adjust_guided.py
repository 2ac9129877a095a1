"""Aanpassen, guided (issue 11 item 5): ✓/✗ options, the edit in words, the deviation dialog; nl and en."""

from __future__ import annotations

import pytest

from tests.ui.apptest import open_page, signed_in, texts

WORDS = {
    "nl": {"case": "Zaak", "forbid": "uitsluiten", "rule": "Uitgesloten vervoer ingezet", "confirm": "Toch opslaan"},
    "en": {"case": "Case", "forbid": "forbid", "rule": "Excluded vehicle used", "confirm": "Save anyway"},
}


def _forbid_used_vehicle(workspace, lang, monkeypatch):
    # AppTest formats option labels again in the test process, outside the session: same language there
    monkeypatch.setattr("ui.common.lang", lambda: lang)
    trip = workspace.plan.trips[0]
    at = open_page(signed_in("alice", lang), "adjust")
    at.selectbox(key="forbid_case").set_value(trip.cases[0]).run()
    at.radio(key="forbid_kind").set_value("vehicle").run()
    return at, trip, at.selectbox(key="forbid_target_vehicle")


def _choose_used_vehicle(at, trip):
    at.selectbox(key="forbid_target_vehicle").set_value(trip.vehicle).run()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_options_are_marked_and_the_pending_edit_is_said_in_words(workspace, lang, monkeypatch):
    at, trip, box = _forbid_used_vehicle(workspace, lang, monkeypatch)
    words = WORDS[lang]
    used = next(label for label in box.options if "✗" in label)
    assert words["rule"] in used                                  # the rule's own words, in the page language
    assert sum("✗" in label for label in box.options) == 1        # only the vehicle the trip uses
    assert any(label.endswith(" ✓") for label in box.options)     # another vehicle is free to forbid
    _choose_used_vehicle(at, trip)
    at.button(key="forbid_check").click().run()
    pending = " ".join(texts(at, "markdown"))
    assert f"{words['case']} {trip.cases[0]}:" in pending and words["forbid"] in pending


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_saving_a_rule_breaking_edit_needs_confirmation_and_is_audited(workspace, lang, monkeypatch):
    at, trip, box = _forbid_used_vehicle(workspace, lang, monkeypatch)
    _choose_used_vehicle(at, trip)
    at.button(key="forbid_check").click().run()
    before = workspace.store.forbids(workspace.scenario_id)
    at.button(key="adj_save").click().run()
    assert workspace.store.forbids(workspace.scenario_id) == before  # nothing saved before the confirmation
    confirm = at.button(key="dev_confirm")
    assert confirm.label == WORDS[lang]["confirm"]
    confirm.click().run()
    assert {"case": trip.cases[0], "vehicle": trip.vehicle} in workspace.store.forbids(workspace.scenario_id)
    rows = workspace.store.audit_rows(action="edit.deviate")
    assert [(r.actor, r.object_id) for r in rows] == [("alice", trip.cases[0])]
    assert rows[0].after.startswith("deviation: rule8.forbid_vehicle")  # codes in the store, words on the page
    assert "pending_edit" not in at.session_state


def test_going_back_from_the_dialog_saves_nothing(workspace, monkeypatch):
    at, trip, box = _forbid_used_vehicle(workspace, "nl", monkeypatch)
    _choose_used_vehicle(at, trip)
    at.button(key="forbid_check").click().run()
    before = workspace.store.forbids(workspace.scenario_id)
    at.button(key="adj_save").click().run()
    at.button(key="dev_cancel").click().run()
    assert not any(b.key == "dev_confirm" for b in at.button)
    assert workspace.store.forbids(workspace.scenario_id) == before
    assert not workspace.store.audit_rows(action="edit.deviate")
    assert at.session_state["pending_edit"]["kind"] == "forbid"   # still there to change or discard


def test_a_valid_edit_saves_without_a_dialog(workspace):
    trip = workspace.plan.trips[0]
    at = open_page(signed_in("alice"), "adjust")
    at.selectbox(key="pin_trip").set_value(trip.cases[0]).run()
    assert all(label.endswith(" ✓") for label in at.selectbox(key="pin_trip").options)
    at.button(key="pin_check").click().run()
    at.button(key="adj_save").click().run()
    assert not any(b.key == "dev_confirm" for b in at.button)
    assert [lk["case"] for lk in workspace.store.locks(workspace.scenario_id)] == [trip.cases[0]]


def test_unavailable_escorts_are_hidden_until_asked_for_and_then_say_why(workspace):
    p = workspace.planner
    view = p.view(workspace.scenario_id)
    trip, escort, hidden = next(
        (t, e, o) for t in view.plan.trips for e in t.escorts
        for o in p.escort_options(view, t.cases[0], e.staff, show_all=True) if not o.available)
    at = open_page(signed_in("alice"), "adjust")
    at.selectbox(key="swap_trip").set_value(trip.cases[0]).run()
    at.selectbox(key=f"swap_old_{trip.cases[0]}").set_value(escort.staff).run()
    box = at.selectbox(key=f"swap_new_{trip.cases[0]}_{escort.staff}_False")
    assert hidden.value not in box.options and all(hidden.value not in label for label in box.options)
    at.toggle(key="swap_all").set_value(True).run()
    box = at.selectbox(key=f"swap_new_{trip.cases[0]}_{escort.staff}_True")
    label = next(label for label in box.options if f"({hidden.value})" in label)
    assert "✗" in label and hidden.why("nl") in label
