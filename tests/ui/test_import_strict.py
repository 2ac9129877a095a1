"""The Import page reads uploads with the command line's strict reader: the same problems, the same paths."""

from __future__ import annotations

import json

import pytest

from models import InputError, load_scenario
from planner.web.input_text import problem_rows
from tests.ui.apptest import open_page, signed_in
from tests.webfixtures import DEMO


def _upload(workspace, name: str, raw: bytes):
    at = open_page(signed_in("alice"), "import_data")
    at.get("file_uploader")[0].set_value((name, raw, "application/json"))
    at.run()
    at.button(key="imp_scenario_btn").click().run()
    return at


def test_strict_json_errors_on_upload_match_the_command_line(workspace, tmp_path):
    text = DEMO.read_text(encoding="utf-8")
    data = json.loads(text)
    first = data["cases"][0]
    data["cases"][0] = {"x_dup": 1, **first}
    raw = json.dumps(data).replace('"x_dup": 1, "id"', '"id": "again", "id"', 1)
    raw = raw.replace(f'"pseudonym": "{first["pseudonym"]}"', '"pseudonym": "P\\ud800"', 1)
    raw = raw.replace(f'"priority": {first["priority"]}', f'"priority": "{first["priority"]}"', 1)
    path = tmp_path / "bad.json"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(InputError) as cli:
        load_scenario(path)
    at = _upload(workspace, "bad.json", raw.encode("utf-8"))
    shown = [tuple(row) for row in at.dataframe[0].value.itertuples(index=False)]
    assert shown == problem_rows(cli.value.problems, "nl")  # the same paths, the messages in Dutch
    assert ("cases[0]", 'dubbele sleutel(s) "id"') in shown and any("losse surrogaat" in m for _, m in shown)
    assert len(workspace.store.list_scenarios()) == 1  # nothing saved


def test_a_number_written_as_a_string_is_refused_on_upload(workspace):
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    data["flights"][0]["seats"] = "9"
    at = _upload(workspace, "strings.json", json.dumps(data).encode("utf-8"))
    problems = at.dataframe[0].value
    assert list(problems.iloc[:, 0]) == ["flights[0].seats"]
    assert "gegeven de tekst '9'" in problems.iloc[0, 1]
