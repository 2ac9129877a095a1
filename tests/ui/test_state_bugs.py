"""Regression tests for the state bugs B1, B2, B3, B5 and B6 of issue 11 (B4: tests/e2e)."""

from __future__ import annotations

import time

import pytest

from models import Flight
from planner.store import JOB_RUNNING, utcnow
from planner.web import ForbidPair, Pin
from tests.ui.apptest import open_page, signed_in, texts


def test_b1_sidebar_names_the_workspace_the_demo_just_opened(workspace):
    at = open_page(signed_in("alice"), "import_data")
    assert at.selectbox(key="_ws_widget").value == workspace.scenario_id
    at.button(key="imp_demo").click().run()
    new_id = at.session_state["ws_id"]
    assert new_id != workspace.scenario_id
    assert at.selectbox(key="_ws_widget").value == new_id
    assert at.session_state["ws_seen"]["scenario_id"] == new_id
    at.selectbox(key="_ws_widget").set_value(workspace.scenario_id).run()   # the user goes back by hand
    assert at.session_state["ws_id"] == workspace.scenario_id
    at.button(key="imp_demo").click().run()                                 # and loads the demo again
    newest = at.session_state["ws_id"]
    assert newest not in (workspace.scenario_id, new_id)
    assert at.selectbox(key="_ws_widget").value == newest


def test_b2_pin_on_a_forbidden_flight_is_caught_at_preview_and_names_the_forbid(workspace):
    trip = workspace.plan.trips[0]
    case, flight = trip.cases[0], trip.outbound[0]
    p = workspace.planner
    p.save_edit(p.view(workspace.scenario_id), ForbidPair(case=case, target_kind="flight", target=flight), "alice")
    at = open_page(signed_in("alice"), "adjust")
    at.selectbox(key="pin_trip").set_value(case).run()
    at.button(key="pin_check").click().run()
    errors = texts(at, "error")
    assert any(f"u heeft vlucht {flight} voor deze zaak uitgesloten" in e for e in errors), errors
    assert "Geen regel geschonden." not in texts(at, "success")
    assert at.button(key="adj_save").disabled
    with pytest.raises(ValueError, match="forbidden"):
        p.save_edit(p.view(workspace.scenario_id), Pin(cases=(case,)), "alice")
    assert workspace.store.locks(workspace.scenario_id) == []


def test_b2_forbid_of_a_pinned_flight_is_caught_too(workspace):
    trip = workspace.plan.trips[0]
    case, flight = trip.cases[0], trip.outbound[0]
    p = workspace.planner
    p.save_edit(p.view(workspace.scenario_id), Pin(cases=(case,)), "alice")
    preview = p.preview(p.view(workspace.scenario_id), ForbidPair(case=case, target_kind="flight", target=flight))
    assert [(c.case, c.kind, c.target) for c in preview.clashes] == [(case, "flight", flight)]
    assert not preview.ok


def test_b3_language_switch_keeps_the_cases_filter(workspace):
    at = open_page(signed_in("alice"), "cases")
    at.multiselect(key="cases_status_keys").set_value(["unplanned"]).run()
    assert len(at.dataframe[0].value) == len(workspace.plan.unplanned)
    at.selectbox(key="_lang_widget").set_value("en").run()
    assert at.title[0].value == "Cases"
    assert at.multiselect(key="cases_status_keys").value == ["unplanned"]
    table = at.dataframe[0].value
    assert len(table) == len(workspace.plan.unplanned) > 0
    assert set(table["Status"]) == {"unplanned"}


def test_b5_progress_never_runs_backwards_when_the_worker_starts(workspace):
    store, p = workspace.store, workspace.planner
    job_id = store.create_job(workspace.scenario_id, "alice", 0, None, 20.0, 1)
    time.sleep(0.3)
    queued = p.job_progress(job_id)
    store.update_job(job_id, status=JOB_RUNNING, started_at=utcnow())
    running = p.job_progress(job_id)
    assert running.elapsed_s >= queued.elapsed_s
    assert running.fraction >= queued.fraction


def _flight(carrier: str, number: str) -> Flight:
    return Flight.model_validate({
        "id": "L1", "carrier": carrier, "number": number, "from": "AMS", "to": "DXB",
        "departure": "2026-12-01T10:00:00+01:00", "arrival": "2026-12-01T19:00:00+04:00", "seats": 2,
        "max_forced": 1, "stretcher": False, "oxygen": False, "medif_lead_hours": 0, "fare_eur": 100})


def test_b6_flight_code_is_not_doubled_when_number_holds_the_designator():
    assert _flight("EK", "EK5007").code == "EK5007"
    assert _flight("EK", "5007").code == "EK5007"
    assert _flight("KL", "1234").code == "KL1234"
