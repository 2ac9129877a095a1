"""Aanpassen and Publiceren: edits checked at once, saved with conflict detection, re-solved, published."""

from __future__ import annotations

from models.rules.context import trip_by_case
from tests.ui.apptest import open_page, signed_in, texts, wait_for_job


def save(at):
    """Save the pending edit, confirming the deviation dialog when the edit breaks a rule."""
    at.button(key="adj_save").click().run()
    if any(b.key == "dev_confirm" for b in at.button):
        at.button(key="dev_confirm").click().run()
    return at


def _pin_first_trip(at, trip):
    at.selectbox(key="pin_trip").set_value(trip.cases[0]).run()
    at.button(key="pin_check").click().run()
    assert "Geen regel geschonden." in texts(at, "success")
    return at


def test_pin_is_checked_then_saved_with_an_audit_row(workspace):
    trip = workspace.plan.trips[0]
    at = _pin_first_trip(open_page(signed_in("alice"), "adjust"), trip)
    at.button(key="adj_save").click().run()
    assert any(s.startswith("Opgeslagen (revisie 1)") for s in texts(at, "success"))
    locks = workspace.store.locks(workspace.scenario_id)
    assert locks == [{"case": trip.cases[0], "flights": list(trip.outbound),
                      "staff": sorted(e.staff for e in trip.escorts), "vehicle": trip.vehicle}
                     | ({"care": trip.care[trip.cases[0]]} if trip.cases[0] in trip.care else {})]
    rows = workspace.store.audit_rows(action="lock.add")
    assert [(r.actor, r.object_id) for r in rows] == [("alice", trip.cases[0])]


def test_forbidding_a_pairing_in_use_shows_the_broken_rule_in_words(workspace):
    trip = workspace.plan.trips[0]
    at = open_page(signed_in("alice"), "adjust")
    at.selectbox(key="forbid_case").set_value(trip.cases[0]).run()
    at.radio(key="forbid_kind").set_value("vehicle").run()
    at.selectbox(key="forbid_target_vehicle").set_value(trip.vehicle).run()
    at.button(key="forbid_check").click().run()
    assert any("Uitgesloten vervoer ingezet" in e and trip.vehicle in e for e in texts(at, "error"))
    at.button(key="adj_discard").click().run()
    assert "pending_edit" not in at.session_state
    assert {"case": trip.cases[0], "vehicle": trip.vehicle} not in workspace.store.forbids(workspace.scenario_id)


def test_second_save_on_the_same_version_gets_a_conflict_and_loses_nothing(workspace):
    trip_a, trip_b = workspace.plan.trips[0], workspace.plan.trips[1]
    alice = _pin_first_trip(open_page(signed_in("alice"), "adjust"), trip_a)
    bob = open_page(signed_in("bob"), "adjust")
    bob.selectbox(key="forbid_case").set_value(trip_b.cases[0]).run()
    bob.radio(key="forbid_kind").set_value("vehicle").run()
    other = next(v.id for v in workspace.planner.scenario(workspace.scenario_id).vehicles if v.id != trip_b.vehicle)
    bob.selectbox(key="forbid_target_vehicle").set_value(other).run()
    bob.button(key="forbid_check").click().run()

    alice.button(key="adj_save").click().run()           # alice saves first: revision 0 -> 1
    bob.button(key="adj_save").click().run()             # bob saved on revision 0 too
    assert any("Iemand anders (alice) heeft intussen opgeslagen" in e for e in texts(bob, "error"))
    assert bob.session_state["pending_edit"]["kind"] == "forbid"     # bob's edit is kept
    forbids = workspace.store.forbids(workspace.scenario_id)
    assert {"case": trip_b.cases[0], "vehicle": other} not in forbids  # and nothing was written

    bob.button(key="adj_reapply").click().run()          # reload: bob now sees alice's pin
    assert bob.session_state["ws_seen"]["revision"] == 1
    bob.button(key="adj_save").click().run()
    assert any(s.startswith("Opgeslagen (revisie 2)") for s in texts(bob, "success"))
    assert {"case": trip_b.cases[0], "vehicle": other} in workspace.store.forbids(workspace.scenario_id)
    assert [lk["case"] for lk in workspace.store.locks(workspace.scenario_id)] == [trip_a.cases[0]]
    conflicts = workspace.store.audit_rows(action="save.conflict")
    assert [(r.actor, r.result) for r in conflicts] == [("bob", "conflict")]


def test_stale_session_is_told_and_can_reload(workspace):
    bob = open_page(signed_in("bob"), "overview")
    alice = _pin_first_trip(open_page(signed_in("alice"), "adjust"), workspace.plan.trips[0])
    alice.button(key="adj_save").click().run()
    bob.run()
    assert any("Er is een nieuwere stand" in w for w in texts(bob, "warning"))
    bob.button(key="sidebar_reload").click().run()
    assert not any("Er is een nieuwere stand" in w for w in texts(bob, "warning"))


def test_swap_escort_makes_a_checked_draft_version(workspace):
    view = workspace.planner.view(workspace.scenario_id)
    # a trip escort someone available for the whole trip could replace (else there is no one to swap in)
    trip, escort = next((t, e) for t in workspace.plan.trips for e in t.escorts
                        if workspace.planner.escort_options(view, t.cases[0], e.staff))
    at = open_page(signed_in("alice"), "adjust")
    at.selectbox(key="swap_trip").set_value(trip.cases[0]).run()
    at.selectbox(key=f"swap_old_{trip.cases[0]}").set_value(escort.staff).run()
    at.button(key="swap_check").click().run()
    assert texts(at, "success") or texts(at, "error")  # either no rule broken, or the rules in words
    save(at)
    versions = workspace.store.plan_versions(workspace.scenario_id)
    assert [v.action for v in versions] == ["swap", "import"]
    assert workspace.store.audit_rows(action="trip.swap_escort")[0].object_id == "+".join(trip.cases)


def test_move_to_another_itinerary(workspace):
    trip = workspace.plan.trips[0]
    at = open_page(signed_in("alice"), "adjust")
    at.selectbox(key="move_case").set_value(trip.cases[0]).run()
    choice = at.selectbox(key=f"move_to_{trip.cases[0]}").value
    at.button(key="move_check").click().run()
    save(at)
    head = workspace.planner.view(workspace.scenario_id)
    assert head.trip_of(trip.cases[0]).outbound == tuple(choice.split(","))
    assert head.version.action == "move"


def test_pin_resolve_publish_keeps_the_pinned_trip(workspace):
    """The issue's flow on AppTest: pin, re-solve in the background, publish; the pin holds."""
    trip = workspace.plan.trips[0]
    at = _pin_first_trip(open_page(signed_in("alice"), "adjust"), trip)
    at.button(key="adj_save").click().run()
    at.number_input(key="adj_limit").set_value(5).run()
    at.button(key="adj_solve").click().run()
    assert "job_id" in at.session_state
    wait_for_job(at)
    assert any(s.startswith("Klaar: v2") for s in texts(at, "success")), texts(at, "success") + texts(at, "error")
    view = workspace.planner.view(workspace.scenario_id)
    assert view.version.number == 2 and view.version.action == "solve"
    kept = trip_by_case(view.plan)[trip.cases[0]]
    assert (kept.outbound, kept.vehicle, sorted(e.staff for e in kept.escorts)) == \
        (trip.outbound, trip.vehicle, sorted(e.staff for e in trip.escorts))

    open_page(at, "publish")
    at.text_input(key="pub_note").set_value("eerste publicatie").run()
    at.button(key="pub_publish").click().run()
    assert "Gepubliceerd als versie v3." in texts(at, "success")
    view = workspace.planner.view(workspace.scenario_id)
    assert view.version.status == "published" and view.published.number == 3
    assert "Deze versie is al gepubliceerd." in texts(at, "info")
    actions = [r.action for r in workspace.store.audit_rows(workspace.scenario_id)]
    for action in ("lock.add", "solve.start", "plan.solve", "solve.finish", "plan.publish", "plan.publish_diff"):
        assert action in actions


def test_publish_is_refused_while_rules_are_broken(workspace):
    trip = workspace.plan.trips[0]
    view = workspace.planner.view(workspace.scenario_id)
    from planner.web import ForbidPair

    workspace.planner.save_edit(view, ForbidPair(case=trip.cases[0], target_kind="vehicle", target=trip.vehicle),
                                "alice")
    at = open_page(signed_in("alice"), "publish")
    assert any("Publiceren kan niet" in e for e in texts(at, "error"))
    assert at.button(key="pub_publish").disabled


def test_viewer_follows_the_newest_version(workspace):
    vera = signed_in("vera")
    alice = _pin_first_trip(open_page(signed_in("alice"), "adjust"), workspace.plan.trips[0])
    alice.button(key="adj_save").click().run()
    vera.run()
    assert vera.session_state["ws_seen"]["revision"] == 1


def test_pages_stay_usable_during_a_solve_and_pick_up_its_result(workspace):
    import time

    at = open_page(signed_in("alice"), "adjust")
    at.number_input(key="adj_limit").set_value(5).run()
    at.button(key="adj_solve").click().run()
    job_id = at.session_state["job_id"]
    open_page(at, "cases")                                   # the solve runs in its own process
    assert len(at.dataframe[0].value) == 25
    deadline = time.monotonic() + 90
    while not workspace.store.job(job_id).finished and time.monotonic() < deadline:
        time.sleep(0.5)
    at.run()
    assert "job_id" not in at.session_state
    assert at.session_state["ws_seen"]["plan_id"] == workspace.store.job(job_id).plan_id
    assert not any("Er is een nieuwere stand" in w for w in texts(at, "warning"))
    open_page(at, "adjust")
    assert any(s.startswith("Klaar: v2") for s in texts(at, "success"))
