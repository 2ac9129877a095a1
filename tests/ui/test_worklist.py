"""Work-list of unplanned cases: categories, latest useful date, a filter, row click opens the case, chart."""

from __future__ import annotations

from models import plan_from_dict
from planner.web.worklist import category_of, work_items
from tests.ui.apptest import open_page, signed_in


def test_reasons_fall_into_categories():
    assert category_of("no travel document issued yet") == "document"
    assert category_of("escorts' outbound duty longer than 18 h (9 itineraries)") == "escort"
    assert category_of("anything", "documents") == "document"
    assert category_of("x", "seats") == "seat"


def test_worklist_on_the_cases_page_with_filter_and_chart(workspace):
    items = work_items(workspace.planner.scenario(workspace.scenario_id), workspace.plan)
    assert len(items) == len(workspace.plan.unplanned) > 0
    assert all(w.act_before.isoformat() < "2027" for w in items)
    at = open_page(signed_in("alice"), "cases")
    table = next(d.value for d in at.dataframe if "Categorie" in d.value)
    assert len(table) == len(items)
    assert table["Actie"].str.contains("vóór").all()
    first = items[0].categories[0]
    at.multiselect(key="wl_categories").set_value([first]).run()
    table = next(d.value for d in at.dataframe if "Categorie" in d.value)
    assert 0 < len(table) <= len(items)
    overview = signed_in("alice")
    assert "Niet ingepland per reden" in [s.value for s in overview.subheader]


def test_x_reasons_family_sets_the_category(workspace):
    data = workspace.plan.to_json_dict()
    entry = data["unplanned"][0]
    entry["x_reasons"] = [{"family": "care", "text_nl": "opvang niet bevestigd", "text_en": "care not confirmed",
                           "data": {}}]
    plan = plan_from_dict(data, "test")
    item = next(w for w in work_items(workspace.planner.scenario(workspace.scenario_id), plan)
                if w.case == entry["case"])
    assert item.categories == ("care",) and item.reasons == ("opvang niet bevestigd",)


def test_why_button_shows_the_core_and_remedies_in_dutch(workspace):
    case_id = workspace.plan.unplanned[0].case
    at = open_page(signed_in("alice"), "cases")
    at.selectbox(key="cases_pick").set_value(case_id).run()
    at.button(key=f"why_{case_id}").click().run()
    shown = [m.value for m in at.markdown]
    assert "**Wat deze zaak tegenhoudt**" in shown
    assert "**Wat zou helpen (makkelijkste eerst)**" in shown


def test_the_checker_codes_of_real_plans_set_the_category(workspace):
    """Plans carry the checker's rule codes in x_reasons (not families); each maps to its category."""
    assert category_of("x", "rule1.document_missing") == "document"
    assert category_of("x", "rule1.fit_validity") == "fit_to_fly"
    assert category_of("x", "rule7.overlap") == "escort"
    assert category_of("x", "rule5.overlap") == "vehicle"
    assert category_of("x", "rule6.unconfirmed") == "care"
    assert category_of("x", "rule3.seats") == "seat"
    assert category_of("x", "rule9.night_connection") == "itinerary"
    items = work_items(workspace.planner.scenario(workspace.scenario_id), workspace.plan)
    coded = [u for u in workspace.plan.unplanned if (u.model_extra or {}).get("x_reasons")]
    assert coded, "the solved demo plan carries no x_reasons"
    assert any(c != "other" for w in items for c in w.categories), [w.categories for w in items]
