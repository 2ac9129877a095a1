"""Rules 9 and 10 in the solver (FORMAT.md revision 2): in each scenario the plan the solver makes with
the limit switched off (`null`) breaks it, and with the limit on it chooses a valid alternative.

The assertions recompute the limit from the plan itself, so they do not depend on the checker."""

from __future__ import annotations

from datetime import datetime, timedelta

from models.geo import road_minutes
from tests.builders import add_flight, add_staff, build, case_dict, item, scenario_dict, staff_dict, vehicle_dict
from tests.integration.helpers import planned_cases, reasons, solve_dict, trip_of


def _flights(scn: dict, keep: set[str]) -> dict:
    scn["flights"] = [f for f in scn["flights"] if f["id"] in keep]
    return scn


def _dep(scn: dict, flight_id: str) -> datetime:
    return datetime.fromisoformat(item(scn, "flights", flight_id)["departure"])


def _arr(scn: dict, flight_id: str) -> datetime:
    return datetime.fromisoformat(item(scn, "flights", flight_id)["arrival"])


def _off(scn: dict, **settings) -> dict:
    out = scenario_dict(**{k: v for k, v in scn.items() if k != "settings"})
    out["settings"] = {**scn.get("settings", {}), **settings}
    return out


# -- rule 9: airport wait -------------------------------------------------------------------------
def _wait_scenario() -> dict:
    """Pickups only 12:00-20:00: the 11:00 flight needs a pickup the evening before (a night at the
    airport); a dearer 18:00 flight the same day can be reached in the afternoon."""
    scn = _flights(scenario_dict(), {"TK1952-1209", "TK1951-1210", "TK1951-1211"})
    item(scn, "locations", "HOSP")["pickup_windows"] = [{"from": "12:00", "to": "20:00"}]
    add_flight(scn, "TK1954-1209", "TK", "1954", "AMS", "IST", "2026-12-09T18:00:00+01:00",
               "2026-12-09T22:35:00+03:00", fare_eur=600.0)
    return scn


def test_no_pickup_that_waits_the_night_at_the_airport():
    scn = _wait_scenario()
    blind = solve_dict(_off(scn, max_airport_wait_minutes=None))
    assert trip_of(blind, "BV-1").outbound == ("TK1952-1209",)  # picked up the evening before
    checked = solve_dict(scn)
    trip = trip_of(checked, "BV-1")
    assert trip.outbound == ("TK1954-1209",)
    s = build(scn)
    arrival = trip.pickup + timedelta(minutes=road_minutes(s.location_by_id["HOSP"], s.location_by_id["AMS"],
                                                           s.settings.road))
    assert arrival >= _dep(scn, "TK1954-1209") - timedelta(minutes=180 + 180)


def test_airport_wait_alone_explains_the_unplanned_case():
    scn = _wait_scenario()
    scn["flights"] = [f for f in scn["flights"] if f["id"] != "TK1954-1209"]
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "airport" in reasons(checked, "BV-1")


# -- rule 9: connections ---------------------------------------------------------------------------
def _via_fra(scn: dict, suffix: str, arrive_fra: str, leave_fra: str, arrive_ist: str, fare: float = 100.0) -> None:
    add_flight(scn, f"KL-{suffix}", "KL", "17" + suffix, "AMS", "FRA", _minus(arrive_fra, 70), arrive_fra,
               seats=9, fare_eur=fare, stretcher=True, oxygen=True)
    add_flight(scn, f"LH-{suffix}", "LH", "13" + suffix, "FRA", "IST", leave_fra, arrive_ist, seats=9, fare_eur=fare,
               stretcher=True, oxygen=True)


def _minus(moment: str, minutes: int) -> str:
    return (datetime.fromisoformat(moment) - timedelta(minutes=minutes)).isoformat()


def _minor(scn: dict) -> dict:
    item(scn, "cases", "BV-1").update(case_dict(minor=True, departure_type="voluntary", escorts={"coordinator": 1}))
    for sid in ("S-1", "S-2"):
        item(scn, "staff", sid)["roles"] = ["coordinator"]
    return scn


def test_vulnerable_case_avoids_a_long_connection():
    scn = _minor(_flights(scenario_dict(), {"TK1951-1211", "TK1951-1212"}))
    _via_fra(scn, "01", "2026-12-09T12:10:00+01:00", "2026-12-09T18:40:00+01:00", "2026-12-09T23:40:00+03:00")  # 6.5 h
    _via_fra(scn, "02", "2026-12-10T12:10:00+01:00", "2026-12-10T14:10:00+01:00", "2026-12-10T19:10:00+03:00",
             fare=400.0)  # 2 h, dear
    blind = solve_dict(_off(scn, vulnerable_max_connection_minutes=None))
    assert trip_of(blind, "BV-1").outbound == ("KL-01", "LH-01")  # a day less of waiting
    checked = solve_dict(scn)
    assert trip_of(checked, "BV-1").outbound == ("KL-02", "LH-02")
    # an adult may wait the 6.5 h (within max_connection_minutes 720)
    adult = solve_dict(_flights(_off(scn), {f["id"] for f in scn["flights"]}) | {
        "cases": [case_dict(departure_type="voluntary", escorts={"coordinator": 1})]})
    assert trip_of(adult, "BV-1").outbound == ("KL-01", "LH-01")


def test_vulnerable_case_never_changes_planes_at_night():
    scn = _minor(_flights(scenario_dict(), {"TK1951-1211", "TK1951-1212"}))
    # 23:30-01:30 at FRA: short, but overlapping 00:00-05:00 Frankfurt time
    _via_fra(scn, "01", "2026-12-09T23:30:00+01:00", "2026-12-10T01:30:00+01:00", "2026-12-10T06:30:00+03:00")
    _via_fra(scn, "02", "2026-12-10T12:10:00+01:00", "2026-12-10T14:10:00+01:00", "2026-12-10T19:10:00+03:00",
             fare=400.0)
    blind = solve_dict(_off(scn, night_connection=None))
    assert trip_of(blind, "BV-1").outbound == ("KL-01", "LH-01")
    checked = solve_dict(scn)
    assert trip_of(checked, "BV-1").outbound == ("KL-02", "LH-02")
    only_night = [f for f in scn["flights"] if not f["id"].endswith("-02")]
    blocked = solve_dict(scn | {"flights": only_night})
    assert planned_cases(blocked) == set()
    assert "night" in reasons(blocked, "BV-1")


def test_no_connection_in_a_transit_excluded_country():
    scn = scenario_dict()
    item(scn, "flights", "KL1763-1209")["fare_eur"] = 10.0
    item(scn, "flights", "LH1300-1209")["fare_eur"] = 10.0
    for fid in ("TK1952-1209", "TK1952-1210"):
        scn["flights"].remove(item(scn, "flights", fid))
    blind = solve_dict(scn)
    assert trip_of(blind, "BV-1").outbound == ("KL1763-1209", "LH1300-1209")
    item(scn, "cases", "BV-1")["transit_excluded_countries"] = ["DE"]
    checked = solve_dict(scn)
    assert trip_of(checked, "BV-1").outbound == ("TK1952-1211",)


def test_forced_case_connecting_in_a_third_country_waits_for_the_transit_request():
    scn = scenario_dict(settings={"transit_request_hours": 72})  # planning start 7 Dec 08:00: from 10 Dec 08:00
    item(scn, "flights", "KL1763-1209")["fare_eur"] = 10.0
    item(scn, "flights", "LH1300-1209")["fare_eur"] = 10.0
    blind = solve_dict(_off(scn, transit_request_hours=None))
    assert trip_of(blind, "BV-1").outbound == ("KL1763-1209", "LH1300-1209")
    checked = solve_dict(scn)
    trip = trip_of(checked, "BV-1")
    assert trip.outbound != ("KL1763-1209", "LH1300-1209")
    assert len(trip.outbound) == 1  # the direct flight needs no transit request


# -- rule 10: duty and rest --------------------------------------------------------------------------
def test_outbound_duty_limit_rules_out_the_long_itinerary():
    # KMar start = first departure - checkin - airport report (4 h); handover end = IST arrival + 2 h
    # direct TK1952-1209: 07:00 -> 15:35 = 515 min; via FRA: 05:00 -> 16:45 = 705 min
    scn = scenario_dict(settings={"max_duty_minutes": 600})
    for fid in ("KL1763-1209", "LH1300-1209"):
        item(scn, "flights", fid)["fare_eur"] = 10.0
    blind = solve_dict(_off(scn, max_duty_minutes=None))
    assert trip_of(blind, "BV-1").outbound == ("KL1763-1209", "LH1300-1209")
    checked = solve_dict(scn)
    trip = trip_of(checked, "BV-1")
    assert trip.outbound == ("TK1952-1209",)
    start = _dep(scn, "TK1952-1209") - timedelta(minutes=240)
    assert _arr(scn, "TK1952-1209") + timedelta(minutes=120) - start <= timedelta(minutes=600)


def test_next_day_return_after_rest_when_the_duty_was_long():
    # a same-day return 19:00 CET; outbound duty 515 min > long_duty 480 needs 600 min rest after 15:35
    scn = _flights(scenario_dict(settings={"long_duty_minutes": 480}), {"TK1952-1209", "TK1951-1210"})
    add_flight(scn, "TK1953-1209", "TK", "1953", "IST", "AMS", "2026-12-09T21:00:00+03:00",
               "2026-12-09T23:45:00+01:00", fare_eur=100.0)
    blind = solve_dict(_off(scn, rest_abroad_minutes=None))
    assert {tuple(e.return_) for e in trip_of(blind, "BV-1").escorts} == {("TK1953-1209",)}
    checked = solve_dict(scn)
    trip = trip_of(checked, "BV-1")
    assert {tuple(e.return_) for e in trip.escorts} == {("TK1951-1210",)}
    handover_end = _arr(scn, "TK1952-1209") + timedelta(minutes=120)
    assert _dep(scn, "TK1951-1210") >= handover_end + timedelta(minutes=600)


def test_no_return_after_rest_is_explained():
    scn = _flights(scenario_dict(settings={"long_duty_minutes": 480}), {"TK1952-1209"})
    add_flight(scn, "TK1953-1209", "TK", "1953", "IST", "AMS", "2026-12-09T21:00:00+03:00",
               "2026-12-09T23:45:00+01:00", fare_eur=100.0)
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "rest" in reasons(checked, "BV-1")


def test_return_duty_limit_prunes_the_long_way_home():
    # via FRA home: 15:00+03 -> 20:10 CET = 310 min + 120 check-in = 430; direct next morning 285
    scn = _flights(scenario_dict(settings={"max_duty_minutes": 600}),
                   {"TK1952-1209", "TK1951-1211", "LH1301-1210", "LH992-1210"})
    blind = solve_dict(_off(scn, max_duty_minutes=None))
    assert {tuple(e.return_) for e in trip_of(blind, "BV-1").escorts} == {("LH1301-1210", "LH992-1210")}
    scn["settings"]["max_duty_minutes"] = 400  # outbound duty of the direct flight: 515 > 400 -> no plan
    assert planned_cases(solve_dict(scn)) == set()


# -- amended rules 5 and 7 -------------------------------------------------------------------------------
def test_kmar_escorts_take_no_vehicle_seat():
    scn = scenario_dict(vehicles=[vehicle_dict(seats=1)])
    checked = solve_dict(scn)
    assert planned_cases(checked) == {"BV-1"}
    riding = scenario_dict(vehicles=[vehicle_dict(seats=1)], cases=[case_dict(escorts={"coordinator": 1})],
                           staff=[staff_dict("S-1", roles=["coordinator"])])
    assert planned_cases(solve_dict(riding)) == set()


def test_kmar_trip_starts_at_the_airport_report_time():
    """Both KMar escorts are busy until 07:00 on 9 Dec: riding along (report 30 min before the pickup,
    ~06:25) they could not make the 11:00 flight; joining at the airport (11:00 - 3 h - 1 h) they can."""
    scn = _flights(scenario_dict(), {"TK1952-1209", "TK1951-1210"})
    busy = [{"from": "2026-12-08T00:00:00+01:00", "to": "2026-12-09T07:00:00+01:00"}]
    for sid in ("S-1", "S-2"):
        item(scn, "staff", sid)["unavailable"] = busy
    assert planned_cases(solve_dict(_off(scn, airport_report_roles=None))) == set()
    checked = solve_dict(scn)
    assert planned_cases(checked) == {"BV-1"}


# -- objective level 3 ----------------------------------------------------------------------------------
def test_escort_who_speaks_the_language_is_preferred():
    scn = scenario_dict()
    add_staff(scn, "S-3", "M", languages=["tr", "nl"])
    add_staff(scn, "S-4", "F")
    for strategy in ("cpsat", "greedy"):
        checked = solve_dict(scn, strategy=strategy)
        assert "S-3" in {e.staff for e in trip_of(checked, "BV-1").escorts}, strategy


# -- what it would take --------------------------------------------------------------------------------
def test_what_if_never_moves_a_legal_deadline():
    from planner.service import solve_scenario
    from planner.whatif import what_it_would_take
    from tests.integration.helpers import FAST
    from tests.solver.blocked_cases import deadline

    for kind, proposed in (("target", True), ("legal", False)):
        scn = deadline()
        item(scn, "cases", "BV-1")["deadline_kind"] = kind
        scenario = build(scn)
        plan = solve_scenario(scenario, FAST).plan
        kinds = [r.kind for r in what_it_would_take(scenario, plan, "BV-1", FAST)]
        assert ("move_deadline" in kinds) is proposed, (kind, kinds)
