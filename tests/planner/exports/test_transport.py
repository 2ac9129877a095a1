"""DV&O transport orders: one CSV and one Excel file per day, formulas neutralised."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from planner.exports import transport_orders, transport_orders_csv, transport_orders_xlsx
from planner.exports.privacy import LABELS
from planner.exports.transport import COLUMNS, neutralise
from tests.builders import (
    add_case,
    build,
    build_plan,
    item,
    plan_dict,
    scenario_dict,
    second_day_trip,
    trip_dict,
    violations,
)
from tests.planner.exports.fixtures import dst_plan_dict, dst_scenario_dict


@pytest.mark.parametrize("text", ["=1+1", "+31 6 1234", "-2", "@SUM(A1)", "\tx", "\rx", "  =HYPERLINK(\"x\")"])
def test_formula_starts_are_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["JCvSZ Scheveningen", "2026-12-09 06:30 (UTC+01:00)", "WCHC", "a=b", "", "2"])
def test_harmless_text_is_left_alone(text):
    assert neutralise(text) == text


def _hostile():
    scn = scenario_dict()
    item(scn, "vehicles", "V-1")["name"] = '=HYPERLINK("http://evil.example","klik")'
    item(scn, "locations", "HOSP")["name"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    item(scn, "locations", "AMS")["name"] = "-Schiphol"
    scn["cases"][0]["pseudonym"] = "+31-BV-1"
    add_case(scn, "BV-2", pseudonym="BV-2", fit_to_fly={"wheelchair": "WCHC"})
    plan = plan_dict(trips=[trip_dict(), second_day_trip(cases=["BV-2"])])
    return build(scn), build_plan(plan)


def test_csv_cells_cannot_become_formulas():
    scenario, plan = _hostile()
    files = transport_orders_csv(scenario, plan)
    assert list(files) == ["transport-2026-12-09.csv", "transport-2026-12-10.csv"]
    table = pd.read_csv(io.BytesIO(files["transport-2026-12-09.csv"]), dtype=str, keep_default_na=False,
                        na_values=[""])
    assert list(table.columns) == [LABELS[f] for f in COLUMNS]
    row = table.iloc[0]
    assert row["Voertuig"] == "'=HYPERLINK(\"http://evil.example\",\"klik\") (V-1)"
    assert row["Ophaallocatie"].startswith("'@SUM")
    assert row["Luchthaven"] == "'-Schiphol (AMS)"
    assert row["Zaak (pseudoniem)"] == "'+31-BV-1"
    for cell in row.dropna():
        assert not cell.startswith(("=", "+", "-", "@"))


def test_xlsx_has_no_formula_cells_and_numbers_as_numbers():
    scenario, plan = _hostile()
    files = transport_orders_xlsx(scenario, plan)
    assert list(files) == ["transport-2026-12-09.xlsx", "transport-2026-12-10.xlsx"]
    ws = load_workbook(io.BytesIO(files["transport-2026-12-10.xlsx"])).active
    rows = list(ws.iter_rows())
    assert [c.value for c in rows[0]] == [LABELS[f] for f in COLUMNS]
    for row in rows[1:]:
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@"))
    values = dict(zip((f.value for f in COLUMNS), (c.value for c in rows[1]), strict=True))
    assert values["vehicle"].startswith("'=HYPERLINK")
    assert values["wheelchair"] == "WCHC" and values["stretcher"] == "nee"
    assert values["escort_count"] == 0 and values["persons"] == 1  # KMar joins at Schiphol: no DV&O seat
    assert values["airport_escorts"].startswith("KMar-escort (2); melden ")
    assert values["pickup_time"] == "2026-12-10 06:30 (UTC+01:00)"
    assert values["checkin_time"] == "2026-12-10 08:00 (UTC+01:00)"


def test_a_trip_belongs_to_the_local_date_of_its_pickup():
    # Pickups: 25 Oct 2026 02:05 CET (the repeated hour) and 27 Mar 2027 17:30 CET.
    scenario, plan = build(dst_scenario_dict()), build_plan(dst_plan_dict())
    days = transport_orders(scenario, plan)
    assert list(days) == ["2026-10-25", "2027-03-27"]
    assert days["2026-10-25"][0][COLUMNS[2]] == "2026-10-25 02:05 (UTC+01:00)"


def test_midnight_pickup_uses_the_local_date():
    scn = scenario_dict(settings={"max_airport_wait_minutes": None})  # 00:30 pickup for an 11:00 flight: rule 9 off
    scn["locations"][3]["pickup_windows"] = None
    plan = plan_dict(trips=[trip_dict(pickup="2026-12-09T00:30:00+01:00")])  # 8 Dec 23:30 UTC
    assert violations(scn, plan) == []
    assert list(transport_orders_csv(build(scn), build_plan(plan))) == ["transport-2026-12-09.csv"]


def test_no_trips_no_files():
    plan = plan_dict(trips=[], unplanned=["BV-1"])
    assert transport_orders_csv(build(scenario_dict()), build_plan(plan)) == {}
    assert transport_orders_xlsx(build(scenario_dict()), build_plan(plan)) == {}
