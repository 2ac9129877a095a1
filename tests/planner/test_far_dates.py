"""Dates up to 9999-12-31 ("no expiry") through every entry point: the solver plans as if they were
absent, and check, exports, what-if, events, re-planning and the web tables never overflow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import load_plan, scenario_from_dict
from planner.cli import main
from planner.service import solve_scenario
from planner.web import views as tables
from planner.web.exporting import extra_files, plan_files
from solver import SolveParams
from tests.builders import scenario_dict

END = "9999-12-31T23:59:00+01:00"
PARAMS = SolveParams(time_limit_s=5, workers=1, seed=0)


def no_expiry(data: dict) -> dict:
    """Every end of a validity or window at the end of the calendar."""
    for case in data["cases"]:
        case["deadline"] = END
        if case["travel_document"]:
            case["travel_document"]["valid_until"] = "9999-12-31"
        case["fit_to_fly"]["valid_until"] = "9999-12-31"
        for option in case["care"]["options"]:
            for window in option["windows"]:
                window["to"] = END
    for vehicle in data["vehicles"]:
        for window in vehicle["available"]:
            window["to"] = END
    data["staff"].append(dict(data["staff"][0], id="S-gone", unavailable=[{"from": "2026-12-01T00:00:00+01:00",
                                                                          "to": "9999-12-31T23:59:59+00:00"}]))
    return data


@pytest.fixture(scope="module")
def solved(tmp_path_factory):
    folder = tmp_path_factory.mktemp("far")
    scenario_path, plan_path = folder / "s.json", folder / "p.json"
    scenario_path.write_text(json.dumps(no_expiry(scenario_dict())), encoding="utf-8")
    assert main(["solve", str(scenario_path), "-o", str(plan_path), "--time-limit", "5", "--workers", "1", "-q"]) == 0
    return folder, scenario_path, plan_path


def test_a_deadline_of_9999_constrains_nothing(solved):
    _, scenario_path, plan_path = solved
    plain = solve_scenario(scenario_from_dict(scenario_dict()), PARAMS).plan
    far = load_plan(plan_path)
    assert far.objective.planned_priority == plain.objective.planned_priority > 0
    assert far.objective.cost_eur == pytest.approx(plain.objective.cost_eur)


@pytest.mark.parametrize("args", [
    ["check", "{s}", "{p}"],
    ["ical", "{s}", "{p}", "-o", "{d}/ics"],
    ["transport", "{s}", "{p}", "-o", "{d}/orders"],
    ["handover", "{s}", "{p}", "-o", "{d}/sheets"],
    ["why", "{s}", "{p}", "BV-1", "--time-limit", "2", "--workers", "1"],
    ["event", "{s}", "-o", "{d}/s2.json", "--staff-unavailable", "S-2", "2026-12-08", "9999-12-31",
     "--vehicle-unavailable", "V-1", "2026-12-20", "9999-12-31"],
    ["replan", "{s}", "{p}", "-o", "{d}/p2.json", "--cancel-flight", "TK1952-1210", "--time-limit", "3",
     "--workers", "1"],
    ["solve", "{s}", "--previous", "{p}", "--time-limit", "3", "--workers", "1", "-q"],
])
def test_every_command_works_on_far_dates(solved, args, capsys):
    folder, scenario_path, plan_path = solved
    code = main([a.format(s=scenario_path, p=plan_path, d=folder) for a in args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "internal error" not in captured.err


def test_a_plan_at_the_end_of_the_calendar_is_checked_not_crashed(solved, tmp_path, capsys):
    _, scenario_path, plan_path = solved
    for pickup in ("9999-12-31T23:59:00+00:00", "0001-01-01T00:01:00+00:00"):
        plan = json.loads(plan_path.read_text(encoding="utf-8"))
        for trip in plan["trips"]:
            trip["pickup"] = pickup
        broken = tmp_path / "broken.json"
        broken.write_text(json.dumps(plan), encoding="utf-8")
        assert main(["check", str(scenario_path), str(broken)]) == 1
        for command in ("ical", "transport", "handover"):
            assert main([command, str(scenario_path), str(broken), "-o", str(tmp_path / command)]) == 0
        assert main(["solve", str(scenario_path), "--previous", str(broken), "--strategy", "greedy", "-q"]) == 0
        assert "internal error" not in capsys.readouterr().err


def test_web_tables_and_downloads_on_far_dates(solved):
    _, scenario_path, plan_path = solved
    scenario = scenario_from_dict(json.loads(Path(scenario_path).read_text(encoding="utf-8")))
    plan = load_plan(plan_path)
    for frame in tables.export_tables(scenario, plan, "en").values():
        assert frame is not None
    for by in ("escort", "vehicle", "case"):
        tables.gantt_frame(scenario, plan, by=by)
    tables.warnings_table(scenario, plan)
    tables.counts_by_week(scenario, plan)
    tables.counts_by_week(scenario, None)
    for c in scenario.cases:
        tables.case_detail(scenario, plan, c.id)
    for export in plan_files(scenario, plan, 1) + extra_files(scenario, plan, 1):
        assert export.make()


def test_why_and_its_what_ifs_near_the_end_of_the_calendar(tmp_path, capsys):
    from tests.builders import case_dict, flight_dict

    data = no_expiry(scenario_dict())
    data["flights"].append(flight_dict("TK1952-9999", "TK", "1952", "AMS", "IST", "9999-12-30T11:00:00+01:00",
                                       "9999-12-30T15:35:00+03:00"))
    data["cases"] += [
        case_dict("BV-late", available_from="9999-12-20T00:00:00+01:00", deadline="9999-12-29T00:00:00+01:00",
                  escorts={}, fit_to_fly={"valid_until": "9999-12-25"}),
        case_dict("BV-expired", escorts={}, deadline=END, fit_to_fly={"valid_until": "2026-12-08"},
                  travel_document=None),
    ]
    scenario, plan = tmp_path / "s.json", tmp_path / "p.json"
    scenario.write_text(json.dumps(data), encoding="utf-8")
    assert main(["solve", str(scenario), "-o", str(plan), "--time-limit", "5", "--workers", "1", "-q"]) == 0
    unplanned = {u.case for u in load_plan(plan).unplanned}
    assert {"BV-late", "BV-expired"} <= unplanned
    for case in ("BV-late", "BV-expired"):
        assert main(["why", str(scenario), str(plan), case, "--time-limit", "2", "--lang", "en"]) == 0
        out = capsys.readouterr().out
        assert "is not planned" in out


def test_calendar_time_zones_cover_a_bounded_span():
    from datetime import date

    from planner.exports.zones import ZONE_SPAN_DAYS, zone_span

    assert zone_span(date(2026, 12, 9), date(2026, 12, 12)) == (date(2026, 12, 8), date(2026, 12, 13))
    first, last = zone_span(date(2026, 12, 9), date(9999, 12, 31))
    assert first == date(2026, 12, 8) and (last - first).days == ZONE_SPAN_DAYS
    assert zone_span(date(9999, 12, 31), date(9999, 12, 31)) == (date(9998, 1, 1), date(9998, 12, 31))
