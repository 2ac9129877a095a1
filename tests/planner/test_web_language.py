"""Dutch throughout, below the pages: numbers, audit actions and import errors in the reader's language."""

from __future__ import annotations

import copy
import json

import pytest

from models import InputError
from models.io import parse_model
from models.scenario import Scenario
from planner.web.actions import action_text, object_text, record_text, version_action
from planner.web.input_text import problem_rows, problem_text
from planner.web.locale import money, number, role_name
from tests.webfixtures import DEMO


def test_numbers_and_money_use_the_languages_separators():
    assert money(109536.4, "nl") == "€ 109.536"
    assert money(109536.4, "en") == "€ 109,536"
    assert number(1234.5, "nl", 1) == "1.234,5"
    assert number(1234.5, "en", 1) == "1,234.5"
    assert role_name("psychiatric_nurse", "nl") == "psychiatrisch verpleegkundige"


@pytest.mark.parametrize("code", ["plan.publish", "plan.publish_diff", "event.cancel_flight", "trip.swap_escort",
                                  "scenario.import", "version.restore", "logout.idle", "solve.finish"])
def test_audit_actions_read_as_words_in_both_languages(code):
    for lang in ("nl", "en"):
        text = action_text(code, lang)
        assert "." not in text and "_" not in text, (code, lang, text)
    assert action_text(code, "nl") != action_text(code, "en") or code == "scenario.import"


def test_audit_records_and_versions_in_dutch():
    assert record_text("draft; 18 planned, 7 unplanned, 1 violations", "nl") == \
        "concept; 18 ingepland, 7 niet ingepland, 1 regels geschonden"
    assert record_text("cancel-flight TK202-20261209", "nl") == "Vlucht geannuleerd TK202-20261209"
    assert record_text("19 planned, 6 unplanned", "en") == "19 planned, 6 unplanned"
    assert version_action("replan", "nl") == "opnieuw gepland na gebeurtenis"
    assert object_text("plan_version", "1/v2", "nl") == "planversie 1/v2"


def test_import_errors_are_dutch_per_error_kind_and_keep_the_field_path():
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    strict = copy.deepcopy(data)
    strict["cases"][0]["priority"] = "high"  # the strict reader refuses this before pydantic runs
    with pytest.raises(InputError) as caught:
        parse_model(Scenario, strict, "demo.json")
    assert dict(problem_rows(caught.value.problems, "nl"))["cases[0].priority"] == \
        "verwacht een getal, gegeven de tekst 'high' (schrijf getallen zonder aanhalingstekens)"
    bad = copy.deepcopy(data)
    bad["cases"][1]["fit_to_fly"]["status"] = "maybe"
    bad["cases"][2]["surprise"] = 1
    del bad["cases"][3]["deadline"]
    with pytest.raises(InputError) as caught:
        parse_model(Scenario, bad, "demo.json")
    rows = problem_rows(caught.value.problems, "nl")
    by_path = dict(rows)
    assert by_path["cases[1].fit_to_fly.status"].startswith("moet 'fit', ")
    assert "gegeven: 'maybe'" in by_path["cases[1].fit_to_fly.status"]
    assert by_path["cases[2]"] == "onbekend veld 'surprise' (eigen velden beginnen met 'x_')"
    assert by_path["cases[3].deadline"] == "verplicht veld ontbreekt"
    assert not any("Input should" in m or "Field required" in m for _, m in rows), rows
    assert problem_text("Input should be greater than or equal to 0", "nl") == "moet minstens 0 zijn"
    assert problem_text("Input should be a valid integer", "en") == "Input should be a valid integer"
