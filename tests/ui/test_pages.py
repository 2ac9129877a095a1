"""Every page for every role renders from ui/app.py; a page a role may not see does not exist for it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from tests.ui.apptest import APP, PAGES, ROLE_PAGES, known_pages, open_page, signed_in, texts, titles

ROLE_USER = {"coordinator": "alice", "viewer": "vera", "auditor": "aud"}


@pytest.mark.parametrize("role", sorted(ROLE_PAGES))
def test_each_role_sees_exactly_its_pages_and_each_renders(workspace, role):
    at = signed_in(ROLE_USER[role])
    assert known_pages(at) == ROLE_PAGES[role]
    for page in sorted(ROLE_PAGES[role]):
        open_page(at, page)
        assert PAGES[page][0] in titles(at), (page, titles(at))
        assert not texts(at, "exception")


@pytest.mark.parametrize("page", sorted(PAGES))
def test_every_page_in_english(workspace, page):
    user = "aud" if page == "audit" else "alice"
    at = signed_in(user, lang="en")
    open_page(at, page)
    assert PAGES[page][1] in titles(at)


def test_login_form_rejects_a_wrong_password_and_admits_the_right_one(workspace):
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    assert titles(at) == ["Bijzonder Vertrek – planner"]
    assert known_pages(at) == set()  # before login no planner page exists
    at.text_input(key="login_username").set_value("alice")
    at.text_input(key="login_password").set_value("wrong")
    at.button[0].click().run()
    assert "Onbekende gebruiker of onjuist wachtwoord." in texts(at, "error")
    at.text_input(key="login_password").set_value("pw")
    at.button[0].click().run()
    assert "Overzicht" in titles(at)
    logins = [(r.actor, r.result) for r in workspace.store.audit_rows(action="login")]
    assert ("alice", "ok") in logins and ("alice", "denied") in logins


def test_idle_session_times_out(workspace, monkeypatch):
    monkeypatch.setenv("BV_IDLE_MINUTES", "30")
    at = signed_in("alice")
    at.session_state["last_seen"] = datetime.now(UTC) - timedelta(minutes=31)
    at.run()
    assert "user" not in at.session_state
    assert "U was te lang inactief en bent uitgelogd." in texts(at, "warning")
    assert any(r.action == "logout.idle" for r in workspace.store.audit_rows())


def test_logout_ends_the_session(workspace):
    at = signed_in("vera")
    at.button(key="logout").click().run()
    assert "user" not in at.session_state
    assert titles(at) == ["Bijzonder Vertrek – planner"]


def test_overview_shows_counts_and_warnings(workspace):
    at = signed_in("alice")
    metrics = {m.label: m.value for m in at.metric}
    planned = sum(len(t.cases) for t in workspace.plan.trips)
    assert metrics["Ingepland"] == str(planned)
    assert metrics["Niet ingepland"] == str(len(workspace.plan.unplanned))
    assert metrics["Regels geschonden"] == "0"
    assert any(h == "Aandachtspunten" for h in texts(at, "subheader"))


def test_cases_filters_and_detail(workspace):
    at = open_page(signed_in("alice"), "cases")
    table = at.dataframe[0].value
    assert len(table) == 25
    at.multiselect(key="cases_status_keys").set_value(["unplanned"]).run()
    unplanned = at.dataframe[0].value
    assert len(unplanned) == len(workspace.plan.unplanned)
    assert set(unplanned["Status"]) == {"niet ingepland"}
    assert all(unplanned["Reden"].str.len() > 0)
    planned_case = workspace.plan.trips[0].cases[0]
    at.multiselect(key="cases_status_keys").set_value(["planned", "unplanned"]).run()
    at.selectbox(key="cases_pick").set_value(planned_case).run()
    legs = at.dataframe[2].value  # [0] cases, [1] the work-list of unplanned cases, [2] the trip's legs
    assert len(legs) == len(workspace.plan.trips[0].outbound)


def test_viewer_sees_no_health_data(workspace):
    at = open_page(signed_in("vera"), "cases")
    assert "Reisvoorwaarden" not in at.dataframe[0].value.columns


@pytest.mark.parametrize("by", ["escort", "vehicle", "case"])
def test_timeline_modes(workspace, by):
    at = open_page(signed_in("alice"), "timeline")
    at.radio(key="gantt_by").set_value(by).run()
    assert not at.exception
    assert "Tijden op de as in UTC; de tooltip toont lokale tijden." in texts(at, "caption")


def test_flights_page_lists_booked_legs(workspace):
    at = open_page(signed_in("alice"), "flights")
    frame = at.dataframe[0].value
    booked = {leg for t in workspace.plan.trips for leg in t.outbound}
    assert len(frame) >= len(booked)
    at.toggle(key="flights_full").set_value(True).run()
    assert len(at.dataframe[0].value) <= len(frame)


def test_export_offers_plan_and_tables_and_audits_nothing_until_clicked(workspace):
    at = open_page(signed_in("vera"), "export_data")
    labels = [b.proto.label for b in at.get("download_button")]
    assert {"Plan (JSON)", "Zaken (CSV)", "Vluchten (CSV)", "Begeleiders (CSV)", "Alle tabellen (Excel)"} <= set(labels)


def test_audit_page_lists_rows_and_filters(workspace):
    at = open_page(signed_in("aud"), "audit")
    frame = at.dataframe[0].value
    assert {"scenario geïmporteerd", "plan: geïmporteerd"} <= set(frame["Actie"])  # codes in words
    at.toggle(key="audit_all").set_value(True).run()
    at.text_input(key="audit_action").set_value("user.").run()
    frame = at.dataframe[0].value
    assert set(frame["Actie"]) == {"gebruiker vastgelegd"}  # the filter still takes the stored code
    assert not frame["Na"].str.contains("scrypt").any()  # no password hashes in the log
