"""The case lifecycle on the pages, for the roles that see them: the Zaken column and filter
(coordinator and viewer; only the coordinator books and aborts), the Overzicht departures and
abort chart, the export's version line (issue 11 items 2 and 4)."""

from __future__ import annotations

import pytest

from planner.web import Event
from tests.ui.apptest import open_page, signed_in, texts

RAW = {"draft", "announced", "booked", "departed", "aborted", "flight_cancelled", "absconded", "other"}


def _lived(ws):
    """Published, one trip booked, one case departed and one absconded (recorded as events)."""
    p = ws.planner
    p.publish(p.view(ws.scenario_id), "alice")
    view = p.view(ws.scenario_id)
    first, second = (t.cases[0] for t in view.plan.trips[:2])
    p.mark_booked(view, [first], "alice")
    impact = p.preview_events(view, [Event("case", (first, "departed")), Event("case", (second, "absconded"))],
                              time_limit_s=5)
    p.accept_events(view, impact, "alice")
    return first, second


def _table(at, column: str):
    """The first table on the page with this column (AppTest exposes keys only for selectable tables)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _cells(frame) -> set[str]:
    return {str(v) for v in frame.to_numpy().ravel()}


@pytest.mark.parametrize("user", ["alice", "vera"])
def test_cases_page_shows_the_departure_state_in_words_and_filters_on_it(workspace, user):
    p = workspace.planner
    p.publish(p.view(workspace.scenario_id), "alice")
    view = p.view(workspace.scenario_id)
    planned = sorted({c for t in view.plan.trips for c in t.cases})
    at = open_page(signed_in(user), "cases")
    table = _table(at, "Vertrekstatus")
    assert set(table["Vertrekstatus"]) <= {"Aangekondigd", "Concept"} and "Aangekondigd" in set(table["Vertrekstatus"])
    assert not RAW & _cells(table[["Vertrekstatus"]])
    at.multiselect(key="cases_life_keys").set_value(["announced"]).run()
    assert sorted(_table(at, "Vertrekstatus")["Zaak"]) == planned
    booking = [b for b in at.button if b.key in ("life_book_all", "life_abort")]
    assert bool(booking) == (user == "alice")  # the viewer reads the state, never changes it


def test_coordinator_marks_all_announced_booked_and_aborts_one_with_a_reason(workspace):
    p = workspace.planner
    p.publish(p.view(workspace.scenario_id), "alice")
    at = open_page(signed_in("alice"), "cases")
    at.button(key="life_book_all").click().run()
    assert any("gemarkeerd als geboekt" in s for s in texts(at, "success"))
    view = p.view(workspace.scenario_id)
    assert {s.state for s in p.case_states(view).values()} == {"booked"}
    case = at.selectbox(key="cases_pick").value
    at.selectbox(key="life_abort_reason").set_value("captain_refused").run()
    at.button(key="life_abort").click().run()
    state = p.case_states(view)[case]
    assert (state.state, state.reason) == ("aborted", "captain_refused")
    assert any("Gezagvoerder weigerde" in s for s in texts(at, "success"))
    # a second abort of the same case is refused in Dutch words, not a traceback
    at.button(key="life_abort").click().run()
    assert any("kan niet Afgebroken worden" in s for s in texts(at, "error"))


@pytest.mark.parametrize(("user", "lang"), [("alice", "nl"), ("vera", "nl"), ("aud", "en")])
def test_overview_shows_realised_and_aborted_departures_and_the_reasons_per_week(workspace, user, lang):
    first, second = _lived(workspace)
    at = open_page(signed_in(user, lang), "overview")
    metrics = {m.label: m.value for m in at.metric}
    departed, aborted = ("Vertrokken", "Afgebroken") if lang == "nl" else ("Departed", "Aborted")
    assert metrics[departed] == "1" and metrics[aborted] == "1"
    outcomes = _table(at, "Vertrekstatus" if lang == "nl" else "Departure state")
    assert set(outcomes.iloc[:, 0]) == {first, second}
    assert not RAW & _cells(outcomes)
    chart = next(c for c in at.get("plotly_chart") if "Onttrokken" in c.proto.spec or "Absconded" in c.proto.spec)
    assert ("ISO-week" in chart.proto.spec) == (lang == "nl")


def test_overview_says_so_when_nothing_departed_yet(workspace):
    at = open_page(signed_in("vera"), "overview")
    assert "Nog geen vertrek gerealiseerd of afgebroken." in [c.value for c in at.caption]


def test_export_page_names_the_version_and_warns_on_a_draft(workspace):
    at = open_page(signed_in("vera"), "export_data")
    assert any(s.startswith("Deze export is versie v1 (concept)") for s in texts(at, "info"))
    assert any("u exporteert een concept (v1)" in s for s in texts(at, "warning"))
    p = workspace.planner
    p.publish(p.view(workspace.scenario_id), "bob")
    at = open_page(signed_in("alice"), "export_data")
    assert any(s.startswith("Deze export is versie v2, gepubliceerd op") and "bob" in s for s in texts(at, "info"))
    assert not any("u exporteert een concept" in s for s in texts(at, "warning"))
