"""`bv-planner ical|transport|handover` through the main CLI (in-process)."""

from __future__ import annotations

import json

from planner.cli import main
from tests.builders import plan_dict, scenario_dict, trip_dict
from tests.planner.exports import icstools


def _files(tmp_path, plan=None):
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(scenario_dict()), encoding="utf-8")
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan or plan_dict()), encoding="utf-8")
    return str(scenario), str(plan_path)


def test_ical_then_reexport_into_the_same_folder(tmp_path, capsys):
    scenario, plan = _files(tmp_path)
    out = tmp_path / "cal"
    assert main(["ical", scenario, plan, "-o", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["S-1.ics", "S-2.ics", "V-1.ics"]
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    # Move the pickup and publish again over the previous export.
    moved = tmp_path / "moved.json"
    moved.write_text(json.dumps(plan_dict(trips=[trip_dict(pickup="2026-12-09T06:00:00+01:00")])), encoding="utf-8")
    assert main(["ical", scenario, str(moved), "-o", str(out), "--previous-export", str(out),
                 "--published-at", "2026-12-08T10:00:00+01:00"]) == 0
    second = {p.name: p.read_bytes() for p in out.iterdir()}
    seqs = {int(ev["SEQUENCE"]) for ev in icstools.events(second["S-1.ics"])}
    assert seqs == {0, 1} and second != first
    assert not list(out.glob(".*.tmp"))
    capsys.readouterr()
    # Without --previous-export over existing calendars: a warning.
    assert main(["ical", scenario, plan, "-o", str(out)]) == 0
    assert "--previous-export" in capsys.readouterr().err


def test_transport_and_handover(tmp_path):
    scenario, plan = _files(tmp_path)
    assert main(["transport", scenario, plan, "-o", str(tmp_path / "tr")]) == 0
    assert sorted(p.name for p in (tmp_path / "tr").iterdir()) == ["transport-2026-12-09.csv",
                                                                   "transport-2026-12-09.xlsx"]
    assert main(["handover", scenario, plan, "-o", str(tmp_path / "ho")]) == 0
    names = sorted(p.name for p in (tmp_path / "ho").iterdir())
    assert len(names) == 2 and names[0].endswith("-dvo.html") and names[1].endswith("-kmar.html")
    assert main(["handover", scenario, plan, "-o", str(tmp_path / "ho2"), "--role", "kmar"]) == 0
    assert [p.name[-9:] for p in (tmp_path / "ho2").iterdir()] == ["kmar.html"]


def test_bad_input_is_a_message_not_a_traceback(tmp_path, capsys):
    scenario, _ = _files(tmp_path)
    bad = plan_dict(trips=[trip_dict(outbound=["NOPE"], vehicle="V-9")])
    _, plan = _files(tmp_path, bad)
    for argv in (["ical", scenario, plan, "-o", str(tmp_path / "x")],
                 ["transport", scenario, plan, "-o", str(tmp_path / "x")],
                 ["handover", scenario, plan, "-o", str(tmp_path / "x")]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "trips[0].outbound[0]: unknown flight 'NOPE'" in err and "trips[0].vehicle" in err
        assert "Traceback" not in err
    _, good = _files(tmp_path)
    assert main(["ical", scenario, good, "-o", str(tmp_path / "y"), "--previous-export", str(tmp_path / "nope")]) == 2
    assert main(["ical", scenario, good, "-o", str(tmp_path / "y"), "--published-at", "2026-12-08 10:00"]) == 2
    assert "UTC offset" in capsys.readouterr().err
    other = tmp_path / "other.json"
    other.write_text(json.dumps(plan_dict(scenario="someone-else")), encoding="utf-8")
    assert main(["ical", scenario, str(other), "-o", str(tmp_path / "z")]) == 2
    assert "plan is for scenario 'someone-else'" in capsys.readouterr().err
