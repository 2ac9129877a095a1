"""Each unplanned entry carries x_reasons: the checker's code and Dutch and English words, one per
English reason, in the same order (the contract's `reasons` stays as it was)."""

import json

from models.rules import RULES
from solver import SolveParams, solve
from solver.explain import from_english, x_reasons
from tests.builders import build, case_dict, item, scenario_dict

FAST = SolveParams(time_limit_s=5, workers=1, seed=0)
CHECKER = {r.code for r in RULES}


def _unplanned(scn: dict):
    return solve(build(scn), FAST).plan.unplanned


def _check_entry(u) -> None:
    extra = u.model_dump(mode="json")["x_reasons"]
    assert [x["text_en"] for x in extra] == list(u.reasons)
    for x in extra:
        assert x["code"] in CHECKER or x["code"].startswith("static."), x
        assert x["text_nl"] and json.dumps(x["data"])


def test_core_explained_case_gets_the_rule_code_and_dutch_words():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["excluded_countries"] = ["TR"]
    [u] = _unplanned(scn)
    _check_entry(u)
    [x] = u.model_dump(mode="json")["x_reasons"]
    assert x["code"] == "rule4.excluded_country"
    assert "uitgesloten" in x["text_nl"] and x["data"]["staff"] == ["S-1"]


def test_case_without_options_gets_a_code_from_its_english_words():
    [u] = _unplanned(scenario_dict(cases=[case_dict(travel_document=None)]))
    _check_entry(u)
    [x] = u.model_dump(mode="json")["x_reasons"]
    assert x["code"] == "rule1.document_missing"
    assert x["text_nl"] == "nog geen reisdocument (laissez-passer) afgegeven"


def test_known_english_texts_get_dutch_words():
    assert (
        from_english("TK1952 09 Dec: 1 seat(s) left, 3 needed").text_nl == "TK1952 9 dec: nog 1 stoel(en) vrij, 3 nodig"
    )
    assert from_english("lock cannot be kept: no travel document issued yet").code == "rule8.lock_unplanned"
    unknown = from_english("something new")
    assert unknown.code == "static.other" and unknown.data == {"untranslated": True}


def test_x_reasons_keep_the_order_of_the_english_reasons():
    texts = ["no feasible combination found", "not planned"]
    assert [x["text_en"] for x in x_reasons(texts, [])] == texts
