"""The web planner shows an unplanned case's reasons in the page's language: `x_reasons` when the plan
has them (text_nl / text_en), the contract's English `reasons` otherwise."""

from __future__ import annotations

from models.plan import Unplanned
from planner.reasons import reasons_by_case, reasons_in
from planner.web import views
from tests.builders import build, build_plan, case_dict, plan_dict, scenario_dict

RICH = [
    {"code": "rule4.excluded_country", "text_nl": "geen begeleider mag naar Syrië reizen",
     "text_en": "no escort may travel to Syria", "data": {"country": "SY"}},
    {"code": "static.no_document", "text_nl": "nog geen reisdocument", "text_en": "no travel document issued yet",
     "data": {}},
]


def _plans():
    scn = scenario_dict()
    scn["cases"].append(case_dict("BV-2"))
    plain = plan_dict(unplanned=["BV-2"])
    plain["unplanned"][0]["reasons"] = ["no escort may travel to Syria", "no travel document issued yet"]
    rich = plan_dict(unplanned=["BV-2"])
    rich["unplanned"][0].update(reasons=plain["unplanned"][0]["reasons"], x_reasons=RICH)
    return build(scn), build_plan(plain), build_plan(rich)


def test_x_reasons_give_dutch_and_english():
    _, _, rich = _plans()
    assert reasons_by_case(rich, "nl") == {"BV-2": ("geen begeleider mag naar Syrië reizen", "nog geen reisdocument")}
    assert reasons_by_case(rich, "en") == {"BV-2": ("no escort may travel to Syria", "no travel document issued yet")}


def test_a_plan_without_x_reasons_falls_back_to_reasons_in_both_languages():
    _, plain, _ = _plans()
    expected = {"BV-2": ("no escort may travel to Syria", "no travel document issued yet")}
    assert reasons_by_case(plain, "nl") == expected
    assert reasons_by_case(plain, "en") == expected
    assert reasons_by_case(None, "nl") == {}


def test_malformed_x_reasons_fall_back_too():
    for bad in ([], [{"code": "x"}], [{"text_nl": ""}], "text", [RICH[0], "text"]):
        entry = Unplanned.model_validate({"case": "BV-2", "reasons": ["english"], "x_reasons": bad})
        assert reasons_in(entry, "nl") == ("english",)


def test_case_table_and_detail_show_the_page_language():
    scenario, plain, rich = _plans()
    nl = views.case_table(scenario, rich, (), "nl")
    reason_nl = nl.loc[nl.iloc[:, 0] == "BV-2"].iloc[0]["Reden"]
    assert reason_nl == "geen begeleider mag naar Syrië reizen; nog geen reisdocument"
    en = views.case_table(scenario, rich, (), "en")
    assert en.loc[en.iloc[:, 0] == "BV-2"].iloc[0]["Reason"].startswith("no escort may travel to Syria")
    assert views.case_detail(scenario, rich, "BV-2", "nl").reasons == (
        "geen begeleider mag naar Syrië reizen", "nog geen reisdocument")
    assert views.case_detail(scenario, plain, "BV-2", "nl").reasons[0] == "no escort may travel to Syria"
