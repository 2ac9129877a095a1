"""Zero-length windows are valid input (FORMAT.md does not forbid them) and the checker reads them
strictly: an absolute window [t, t] holds the instant t, a daily window HH:MM–HH:MM exactly that
minute. A window that ends before it starts is bad input, named by its field path."""

from datetime import time

import pytest

from models import InputError
from models.common import DailyWindow
from tests.builders import build, codes, escort_dict, item, plan_dict, scenario_dict, trip_dict

# the default trip: pickup 9 Dec 06:30 at HOSP, TK1952-1209 lands 15:35+03:00, escorts back 10 Dec
# 10:45+01:00 (+ 660 min rest), vehicle V-1 from DEPOT


def test_zero_length_absolute_windows_are_accepted():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["unavailable"] = [{"from": "2026-12-20T10:00:00+01:00",
                                                 "to": "2026-12-20T10:00:00+01:00"}]
    assert build(scn).staff_by_id["S-1"].unavailable[0].from_ == build(scn).staff_by_id["S-1"].unavailable[0].to


def test_window_ending_before_it_starts_names_the_field():
    scn = scenario_dict()
    item(scn, "vehicles", "V-1")["available"] = [{"from": "2026-12-12T00:00:00+01:00",
                                                  "to": "2026-12-11T00:00:00+01:00"}]
    with pytest.raises(InputError, match=r"vehicles\[0\]\.available\[0\]: window 'to' .* is before 'from'"):
        build(scn)


def test_zero_length_daily_window_holds_exactly_its_minute():
    w = DailyWindow.model_validate({"from": "06:30", "to": "06:30"})
    assert w.contains(time(6, 30))
    assert not w.contains(time(6, 31)) and not w.contains(time(6, 29)) and not w.contains(time(6, 30, 30))


def test_wrapping_daily_window_still_runs_past_midnight():
    w = DailyWindow.model_validate({"from": "22:00", "to": "03:30"})
    assert w.contains(time(23, 0)) and w.contains(time(3, 30)) and not w.contains(time(12, 0))


@pytest.mark.parametrize(("window", "ok"), [("06:30", True), ("06:31", False), ("06:29", False)])
def test_pickup_in_a_zero_length_daily_window(window, ok):
    scn = scenario_dict()
    item(scn, "locations", "HOSP")["pickup_windows"] = [{"from": window, "to": window}]
    assert codes(scn, plan_dict()) == (set() if ok else {"rule5.pickup_window"})


@pytest.mark.parametrize(("at", "ok"), [("2026-12-09T17:05:00+03:00", True), ("2026-12-09T17:06:00+03:00", False)])
def test_care_received_in_a_zero_length_window(at, ok):
    # TK1952-1209 lands 15:35+03:00, transfer 90 minutes: the facility receives at 17:05+03:00
    scn = scenario_dict()
    scn["cases"][0]["care"]["required"] = True
    scn["cases"][0]["care"]["options"][0]["windows"] = [{"from": at, "to": at}]
    plan = plan_dict([trip_dict(care={"BV-1": "CARE-BV-1"})])
    assert codes(scn, plan) == (set() if ok else {"rule6.window"})


@pytest.mark.parametrize(("at", "ok"), [
    ("2026-12-09T07:00:00+01:00", True),   # the KMar escort reports at AMS at 07:00: touching is fine
    ("2026-12-09T07:01:00+01:00", False),  # inside the escort trip
    ("2026-12-10T21:45:00+01:00", True),   # the end of the rest after the return (10:45 + 660 min)
])
def test_zero_length_unavailability(at, ok):
    scn = scenario_dict()
    item(scn, "staff", "S-1")["unavailable"] = [{"from": at, "to": at}]
    assert codes(scn, plan_dict()) == (set() if ok else {"rule7.unavailable"})


def test_zero_length_vehicle_window_cannot_hold_a_real_trip():
    scn = scenario_dict()
    item(scn, "vehicles", "V-1")["available"] = [{"from": "2026-12-09T06:00:00+01:00",
                                                  "to": "2026-12-09T06:00:00+01:00"}]
    assert codes(scn, plan_dict([trip_dict(escorts=[escort_dict("S-1"),
                                                    escort_dict("S-2")])])) == {"rule5.availability"}
