"""Events as immutable scenario operations, their CLI syntax, and the `event` command."""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from models import InputError, load_scenario
from planner.cli import main
from planner.events import (
    Event,
    add_case,
    advance_clock,
    apply_events,
    cancel_flight,
    cut_windows,
    events_from_args,
    set_care_window,
    set_fit_to_fly,
    staff_unavailable,
    vehicle_unavailable,
)
from tests.builders import build, case_dict, scenario_dict

AMS = ZoneInfo("Europe/Amsterdam")


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=AMS)


@pytest.fixture
def scenario():
    return build(scenario_dict(locks=[{"case": "BV-1", "flights": ["TK1952-1209"]}],
                               forbids=[{"case": "BV-1", "flight": "TK1952-1210"}]))


def test_cancel_flight_removes_the_leg_and_what_names_it(scenario):
    new = cancel_flight(scenario, "TK1952-1209")
    assert "TK1952-1209" not in new.flight_by_id
    assert new.locks == ()
    assert len(new.forbids) == 1
    assert "TK1952-1209" in scenario.flight_by_id and scenario.locks  # the input is untouched
    assert cancel_flight(new, "TK1952-1210").forbids == ()


def test_unknown_ids_raise_input_errors_that_name_them(scenario):
    with pytest.raises(InputError, match="unknown flight 'NOPE'"):
        cancel_flight(scenario, "NOPE")
    with pytest.raises(InputError, match="unknown staff member 'S-9'"):
        staff_unavailable(scenario, "S-9", at(8), at(9))
    with pytest.raises(InputError, match="unknown vehicle 'V-9'"):
        vehicle_unavailable(scenario, "V-9", at(8), at(9))
    with pytest.raises(InputError, match="unknown case 'BV-9'"):
        set_fit_to_fly(scenario, "BV-9", "fit")
    with pytest.raises(InputError, match="unknown care option 'C-9'"):
        set_care_window(scenario, "BV-1", "C-9", confirmed=True)


def test_staff_unavailable_adds_a_window(scenario):
    new = staff_unavailable(scenario, "S-1", at(8), at(10))
    (window,) = new.staff_by_id["S-1"].unavailable
    assert (window.from_, window.to) == (at(8), at(10))
    with pytest.raises(InputError, match="must be after"):
        staff_unavailable(scenario, "S-1", at(10), at(8))
    with pytest.raises(InputError, match="UTC offset"):
        staff_unavailable(scenario, "S-1", datetime(2026, 12, 8), at(10))


def test_cut_windows():
    windows = [(at(7), at(14))]
    assert cut_windows(windows, at(9), at(10)) == [(at(7), at(9)), (at(10), at(14))]
    assert cut_windows(windows, at(6), at(9)) == [(at(9), at(14))]
    assert cut_windows(windows, at(6), at(15)) == []
    assert cut_windows(windows, at(15), at(16)) == windows


def test_vehicle_unavailable_cuts_its_availability(scenario):
    new = vehicle_unavailable(scenario, "V-1", at(9), at(10))
    assert [(w.from_, w.to) for w in new.vehicle_by_id["V-1"].available] == [(at(7), at(9)), (at(10), at(14))]


def test_fit_to_fly_and_care_window(scenario):
    new = set_fit_to_fly(scenario, "BV-1", "pending", date(2026, 12, 10), date(2026, 12, 12))
    ftf = new.case_by_id["BV-1"].fit_to_fly
    assert (ftf.status.value, ftf.valid_from, ftf.valid_until) == ("pending", date(2026, 12, 10), date(2026, 12, 12))
    with pytest.raises(InputError, match="unknown fit-to-fly status"):
        set_fit_to_fly(scenario, "BV-1", "maybe")
    new = set_care_window(scenario, "BV-1", "CARE-BV-1", [(at(9), at(11))], confirmed=False)
    option = new.case_by_id["BV-1"].care.options[0]
    assert not option.confirmed and [(w.from_, w.to) for w in option.windows] == [(at(9), at(11))]


def test_add_case_and_advance_clock(scenario):
    new = add_case(scenario, case_dict("BV-7"))
    assert "BV-7" in new.case_by_id and "BV-7" not in scenario.case_by_id
    with pytest.raises(InputError, match="already exists"):
        add_case(scenario, case_dict("BV-1"))
    with pytest.raises(InputError) as err:
        add_case(scenario, case_dict("BV-8", location="NOWHERE"))
    assert "unknown location 'NOWHERE'" in str(err.value)
    later = advance_clock(scenario, at(8, 9))
    assert later.planning_start == at(8, 9)
    with pytest.raises(InputError, match="before the current planning start"):
        advance_clock(scenario, at(6))


def test_events_apply_in_order(scenario):
    events = [Event("add_case", (case_dict("BV-7"),)), Event("fit_to_fly", ("BV-7", "unfit"))]
    new = apply_events(scenario, events)
    assert new.case_by_id["BV-7"].fit_to_fly.status.value == "unfit"
    assert events[1].text == "fit-to-fly BV-7 unfit"


def test_cli_syntax_dates_are_whole_local_days(scenario, tmp_path):
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case_dict("BV-7")), encoding="utf-8")
    raw = [
        ("--staff-unavailable", ["S-1", "2026-12-08", "2026-12-09"]),
        ("--vehicle-unavailable", ["V-1", "2026-12-09T06:00:00+01:00", "2026-12-09T12:00:00+01:00"]),
        ("--add-case", [str(case_file)]),
        ("--fit-to-fly", ["BV-7", "fit", "2026-12-01", "2026-12-31"]),
        ("--confirm-care", ["BV-7", "CARE-BV-7"]),
        ("--care-window", ["BV-1", "CARE-BV-1", "2026-12-09", "2026-12-12", "unconfirmed"]),
        ("--cancel-flight", ["KL1763-1209"]),
    ]
    new, events = events_from_args(scenario, raw)
    assert [e.kind for e in events] == ["staff_unavailable", "vehicle_unavailable", "add_case", "fit_to_fly",
                                        "care_window", "care_window", "cancel_flight"]
    (window,) = new.staff_by_id["S-1"].unavailable
    assert (window.from_, window.to) == (at(8), at(10))
    assert len(new.vehicle_by_id["V-1"].available) == 2
    option = new.case_by_id["BV-1"].care.options[0]
    assert not option.confirmed  # dates are whole days at the care option's airport (Istanbul)
    assert option.windows[0].to == datetime(2026, 12, 13, tzinfo=ZoneInfo("Europe/Istanbul"))
    assert "KL1763-1209" not in new.flight_by_id and "BV-7" in new.case_by_id


def test_cli_syntax_errors(scenario):
    with pytest.raises(InputError, match="expects CASE STATUS"):
        events_from_args(scenario, [("--fit-to-fly", ["BV-1", "fit", "2026-12-01"])])
    with pytest.raises(InputError, match="expected a date"):
        events_from_args(scenario, [("--staff-unavailable", ["S-1", "tomorrow", "2026-12-09"])])
    with pytest.raises(InputError, match="UTC offset"):
        events_from_args(scenario, [("--staff-unavailable", ["S-1", "2026-12-08T10:00", "2026-12-09"])])


def test_event_command_writes_the_new_scenario(tmp_path, capsys):
    src, out = tmp_path / "s.json", tmp_path / "s2.json"
    src.write_text(json.dumps(scenario_dict()), encoding="utf-8")
    code = main(["event", str(src), "-o", str(out), "--cancel-flight", "TK1952-1209",
                 "--staff-unavailable", "S-2", "2026-12-08", "2026-12-08"])
    assert code == 0
    new = load_scenario(out)
    assert "TK1952-1209" not in new.flight_by_id and len(new.staff_by_id["S-2"].unavailable) == 1
    assert "cancel-flight TK1952-1209" in capsys.readouterr().out


def test_event_command_bad_id_exits_2_without_traceback(tmp_path, capsys):
    src, out = tmp_path / "s.json", tmp_path / "s2.json"
    src.write_text(json.dumps(scenario_dict()), encoding="utf-8")
    assert main(["event", str(src), "-o", str(out), "--vehicle-unavailable", "V-9", "2026-12-08", "2026-12-09"]) == 2
    err = capsys.readouterr().err
    assert "unknown vehicle 'V-9'" in err and "Traceback" not in err
    assert not out.exists()
