"""Import (scenario JSON, case lists with per-row errors) and the export downloads."""

from __future__ import annotations

import io
import json

import pandas as pd

from planner.web.caselist import case_rows
from tests.ui.apptest import open_page, signed_in, texts
from tests.webfixtures import DEMO


def test_import_scenario_json_makes_a_new_workspace(workspace):
    at = open_page(signed_in("alice"), "import_data")
    small = DEMO.with_name("small.json")
    at.get("file_uploader")[0].set_value((small.name, small.read_bytes(), "application/json"))
    at.run()
    at.button(key="imp_scenario_btn").click().run()
    assert any(s.startswith("Scenario geïmporteerd als werkruimte") for s in texts(at, "success"))
    names = [s.name for s in workspace.store.list_scenarios()]
    assert names[0] == json.loads(small.read_text())["id"]
    assert at.session_state["ws_id"] == workspace.store.list_scenarios()[0].id


def test_import_bad_scenario_names_the_field(workspace):
    at = open_page(signed_in("alice"), "import_data")
    data = json.loads(DEMO.read_text())
    data["cases"][0]["deadline"] = "2026-12-10T10:00"
    at.get("file_uploader")[0].set_value(("bad.json", json.dumps(data).encode(), "application/json"))
    at.run()
    at.button(key="imp_scenario_btn").click().run()
    problems = at.dataframe[0].value
    assert "cases[0].deadline" in set(problems.iloc[:, 0])
    assert len(workspace.store.list_scenarios()) == 1


def test_case_list_with_errors_reports_rows_and_saves_nothing(workspace):
    scenario = workspace.planner.scenario(workspace.scenario_id)
    frame = case_rows(scenario).astype(str)
    frame.loc[1, "location"] = "nowhere"
    frame.loc[3, "minor"] = "misschien"
    at = open_page(signed_in("alice"), "import_data")
    at.get("file_uploader")[2].set_value(("zaken.csv", frame.to_csv(index=False).encode(), "text/csv"))
    at.run()
    at.button(key="imp_cases_btn").click().run()
    assert "2 fout(en); er is niets opgeslagen." in texts(at, "error")
    errors = at.dataframe[0].value
    assert list(zip(errors["Rij"], errors["Kolom"], strict=True)) == [(3, "location"), (5, "minor")]
    assert workspace.store.scenario_info(workspace.scenario_id).revision == 0


def test_case_list_from_excel_upserts_cases(workspace):
    scenario = workspace.planner.scenario(workspace.scenario_id)
    frame = case_rows(scenario).head(2).copy()
    frame.loc[0, "priority"] = 1
    frame.loc[1, "id"] = "case-new"
    frame.loc[1, "pseudonym"] = "BV-NEW"
    frame.loc[1, "group"] = ""
    frame.loc[1, "destination_country"] = "NA"  # Namibia, not a missing value
    frame.loc[1, "care_options"] = ""  # care option ids are unique in a scenario
    frame.loc[1, "care_required"] = False
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    at = open_page(signed_in("alice"), "import_data")
    at.get("file_uploader")[2].set_value(("zaken.xlsx", buffer.getvalue(),
                                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    at.run()
    at.button(key="imp_cases_btn").click().run()
    assert "2 zaken geïmporteerd (revisie 1)." in texts(at, "success"), texts(at, "error")
    updated = workspace.planner.scenario(workspace.scenario_id)
    assert len(updated.cases) == 26
    assert updated.case_by_id[frame.loc[0, "id"]].priority == 1
    assert updated.case_by_id["case-new"].destination_country == "NA"
    assert workspace.store.audit_rows(action="cases.import")[0].after.startswith("added case-new")


def test_demo_button_loads_the_demo(workspace):
    at = open_page(signed_in("alice"), "import_data")
    at.button(key="imp_demo").click().run()
    assert len(workspace.store.list_scenarios()) == 2


def test_export_files_carry_no_names(workspace):
    from planner.web import exporting

    view = workspace.planner.view(workspace.scenario_id)
    files = {f.key: f.make() for f in exporting.plan_files(view.scenario, view.plan, 1)}
    names = [s.name for s in view.scenario.staff]
    for key in ("cases_csv", "legs_csv", "escorts_csv", "plan_json"):
        text = files[key].decode("utf-8")
        assert not any(name in text for name in names), key
    plan = json.loads(files["plan_json"])
    assert plan["format"] == "bv-plan/1" and len(plan["trips"]) == len(workspace.plan.trips)
    sheets = pd.read_excel(io.BytesIO(files["xlsx"]), sheet_name=None)
    assert set(sheets) == {"cases", "flights", "escorts"}
