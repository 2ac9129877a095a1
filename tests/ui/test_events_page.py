"""Gebeurtenissen page: a coordinator cancels a flight of the published plan, sees the impact, accepts a draft."""

from __future__ import annotations

from tests.ui.apptest import known_pages, open_page, signed_in, texts


def test_cancel_a_published_flight_preview_then_accept(workspace):
    p = workspace.planner
    p.publish(p.view(workspace.scenario_id), "alice")
    view = p.view(workspace.scenario_id)
    trip = view.plan.trips[0]
    leg = trip.outbound[0]
    at = open_page(signed_in("alice"), "events")
    at.selectbox(key="ev_kind").set_value("cancel_flight").run()
    at.selectbox(key="ev_flight").set_value(leg).run()
    at.number_input(key="ev_limit").set_value(5).run()
    at.button(key="ev_preview").click().run()
    assert not at.exception
    assert "ev_impact" in at.session_state
    impact = at.session_state["ev_impact"]["impact"]
    assert set(trip.cases) <= set(impact.hit)
    shown = {c for frame in at.dataframe for c in (frame.value["Zaak"] if "Zaak" in frame.value else ())}
    assert set(trip.cases) <= shown, shown
    assert any("Vlucht geannuleerd" in m for m in texts(at, "markdown"))
    assert p.view(workspace.scenario_id).revision == view.revision
    at.button(key="ev_accept").click().run()
    assert any(s.startswith("Opgeslagen als concept") for s in texts(at, "success"))
    after = p.view(workspace.scenario_id)
    assert after.version.status == "draft" and leg not in after.scenario.flight_by_id
    assert [r.action for r in workspace.store.audit_rows(action="event.cancel_flight")] == ["event.cancel_flight"]


def test_events_page_is_for_coordinators_only(workspace):
    assert "events" not in known_pages(signed_in("vera"))
    assert "events" not in known_pages(signed_in("aud"))
