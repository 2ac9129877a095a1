"""Rule 9, ground time, at each limit and one minute past it, and each `null` switching it off.

Default world: the trip reaches AMS at 07:24, check-in for TK1952 (11:00) closes at 08:00: 36 min
of waiting before check-in. `via_hub_trip()` lands at FRA 10:10 (Europe/Berlin, CET) and leaves at
11:45: a 95 min connection; it departs AMS 9 Dec 09:00, 49 h after planning start.
"""

import pytest

from tests.builders import case_dict, codes, plan_dict, scenario_dict, trip_dict, via_hub_trip, violations

MINOR = {"minor": True}
MEDICAL = {"fit_to_fly": {"status": "fit_with_conditions"}}


def _scn(case: dict | None = None, **settings) -> dict:
    return scenario_dict(cases=[case_dict(**(case or {}))], settings=settings)


def _hub() -> dict:
    return plan_dict([via_hub_trip()])


# -- airport wait -------------------------------------------------------------------------
def test_airport_wait_at_the_limit_and_one_minute_past():
    assert codes(_scn(max_airport_wait_minutes=36), plan_dict()) == set()
    assert codes(_scn(max_airport_wait_minutes=35), plan_dict()) == {"rule9.airport_wait"}


def test_airport_wait_default_and_null():
    day_early = plan_dict([trip_dict(pickup="2026-12-08T20:00:00+01:00")])  # at AMS 20:54, 11h06 before check-in
    assert codes(_scn(), day_early) == {"rule9.airport_wait"}
    assert codes(_scn(max_airport_wait_minutes=None), day_early) == set()


def test_airport_wait_message_names_the_rule_airport_and_limit():
    [v] = violations(_scn(max_airport_wait_minutes=35), plan_dict())
    assert v.label_nl == "Te lang wachten op de luchthaven"
    assert v.message.startswith("rule 9: trip BV-1 reaches AMS at 2026-12-09 07:24+01:00, 36 min before check-in")
    assert "max airport wait 35 min" in v.message and v.cases == ("BV-1",)


# -- connections ------------------------------------------------------------------------------
def test_connection_at_the_limit_and_one_minute_past():
    assert codes(_scn(max_connection_minutes=95), _hub()) == set()
    assert codes(_scn(max_connection_minutes=94), _hub()) == {"rule9.connection"}
    assert codes(_scn(max_connection_minutes=None), _hub()) == set()


@pytest.mark.parametrize("vulnerable", [MINOR, MEDICAL], ids=["minor", "medical"])
def test_vulnerable_connection_at_the_limit_and_one_minute_past(vulnerable):
    assert codes(_scn(vulnerable, vulnerable_max_connection_minutes=95), _hub()) == set()
    assert codes(_scn(vulnerable, vulnerable_max_connection_minutes=94), _hub()) == {"rule9.vulnerable_connection"}
    assert codes(_scn(vulnerable, vulnerable_max_connection_minutes=None), _hub()) == set()


def test_vulnerable_limit_does_not_apply_to_other_cases():
    assert codes(_scn(vulnerable_max_connection_minutes=94), _hub()) == set()


def test_direct_flight_has_no_connection():
    assert codes(_scn(MINOR, max_connection_minutes=0, vulnerable_max_connection_minutes=0,
                      night_connection={"from": "00:00", "to": "23:59"}), plan_dict()) == set()


# -- night connection (FRA local time, CET in December; connection 10:10-11:45) -------------------
@pytest.mark.parametrize(("window", "ok"), [
    (("00:00", "05:00"), True),   # the default
    (("11:45", "12:00"), True),   # the connection ends as the window opens: touching
    (("11:44", "12:00"), False),  # one minute past
    (("09:00", "10:10"), True),   # the window closes as the connection begins: touching
    (("09:00", "10:11"), False),
    (("11:45", "10:10"), True),   # wraps midnight and leaves exactly 10:10-11:45 free
    (("11:44", "10:10"), False),
    (("11:45", "10:11"), False),
    (("11:00", "11:00"), False),  # from == to: that minute, strictly inside the connection
    (("10:10", "10:10"), True),   # ... or only touching it
])
def test_night_connection_boundaries(window, ok):
    night = {"from": window[0], "to": window[1]}
    assert codes(_scn(MINOR, night_connection=night), _hub()) == (set() if ok else {"rule9.night_connection"})


def test_night_connection_only_for_vulnerable_cases_and_null_switches_it_off():
    night = {"from": "11:00", "to": "12:00"}
    assert codes(_scn(MEDICAL, night_connection=night), _hub()) == {"rule9.night_connection"}
    assert codes(_scn(night_connection=night), _hub()) == set()
    assert codes(_scn(MINOR, night_connection=None), _hub()) == set()


def test_night_window_is_read_in_the_hub_time_zone():
    """The connection is 10:10-11:45 CET = 09:10-10:45 UTC."""
    berlin = _scn(MINOR, night_connection={"from": "10:50", "to": "11:00"})
    assert codes(berlin, _hub()) == {"rule9.night_connection"}
    assert codes(_scn(MINOR, night_connection={"from": "09:20", "to": "09:30"}), _hub()) == set()
    for window, ok in ((("10:50", "11:00"), True), (("09:20", "09:30"), False)):
        scn = _scn(MINOR, night_connection={"from": window[0], "to": window[1]})
        next(loc for loc in scn["locations"] if loc["id"] == "FRA")["tz"] = "UTC"
        assert codes(scn, _hub()) == (set() if ok else {"rule9.night_connection"})


# -- transit ----------------------------------------------------------------------------------
def test_transit_excluded_country():
    assert codes(_scn({"transit_excluded_countries": ["DE"]}), _hub()) == {"rule9.transit_country"}
    assert codes(_scn({"transit_excluded_countries": ["DE"]}), plan_dict()) == set()  # direct
    assert codes(_scn({"transit_excluded_countries": ["TR"]}), _hub()) == set()  # the destination is no transit


def test_transit_request_at_the_limit_and_one_minute_past():
    assert codes(_scn(transit_request_hours=49), _hub()) == set()
    assert codes(_scn(transit_request_hours=49 + 1 / 60), _hub()) == {"rule9.transit_request"}
    assert codes(_scn(transit_request_hours=None), _hub()) == set()


def test_transit_request_only_for_forced_cases_in_a_third_country():
    assert codes(_scn({"departure_type": "voluntary"}, transit_request_hours=50), _hub()) == set()
    assert codes(_scn({"destination_country": "DE"}, transit_request_hours=50), _hub()) == set()
    assert codes(_scn(transit_request_hours=50), plan_dict()) == set()  # direct


def test_transit_request_kept_when_the_outbound_is_that_of_the_previous_plan():
    scn = _scn(transit_request_hours=50)
    assert codes(scn, _hub(), previous=_hub()) == set()
    assert codes(scn, _hub(), previous=plan_dict()) == {"rule9.transit_request"}
