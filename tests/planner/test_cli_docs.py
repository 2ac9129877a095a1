"""docs/ stays true: the committed JSON Schemas are what the models generate, `bv-planner schema`
prints them, the examples in docs/format.md are a valid scenario and plan with the objective the
checker computes, and every settings key of the models is described (issue 12, item 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from models import plan_from_dict, scenario_from_dict
from models.rules import evaluate_objective, find_violations
from models.settings import Settings
from planner.cli import main
from planner.schema import SCHEMAS, schema_text

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_committed_schema_is_current(kind, capsys):
    committed = (DOCS / "schema" / f"{kind}.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), f"regenerate: bv-planner schema {kind} > docs/schema/{kind}.json"
    assert main(["schema", kind]) == 0
    assert capsys.readouterr().out == committed
    assert json.loads(committed)["$schema"].startswith("https://json-schema.org/")


def test_format_examples_are_a_valid_scenario_and_plan():
    blocks = re.findall(r"```json\n(.*?)```", (DOCS / "format.md").read_text(encoding="utf-8"), re.S)
    scenario = scenario_from_dict(json.loads(blocks[0]))
    plan = plan_from_dict(json.loads(blocks[1]))
    assert find_violations(scenario, plan) == []
    assert evaluate_objective(scenario, plan, None) == plan.objective


def test_format_describes_every_setting_and_rule():
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`{name}`" not in text]
    assert not missing
    for n in range(1, 11):
        assert re.search(rf"^{n}\. \*\*", text, re.M), f"hard rule {n}"


def test_the_dutch_summary_writes_amounts_and_option_caps_in_dutch():
    from planner.summary import CAP_WORDS, money
    from solver.pruning import ALL_REASONS

    assert money(135850.87) == "135.850,87" and money(135850.87, "en") == "135,850.87"
    assert all(word.isascii() and "cap" not in word for word in CAP_WORDS.values())
    assert set(CAP_WORDS) == set(ALL_REASONS), "every reason the index can give has its Dutch words"
