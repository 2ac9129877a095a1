"""Rule 5, transport: pickup location, capacity, check-in, availability, double booking, pickup hours.

Road minutes in the default world: DEPOT->HOSP 56, HOSP->AMS 54, AMS->DEPOT 18. The default trip
picks up at 06:30, reaches AMS at 07:24 (check-in by 08:00 for TK1952 at 11:00) and keeps the van
busy 05:34-07:42.
"""

from tests.builders import (
    add_case,
    add_location,
    add_staff,
    case_dict,
    codes,
    escort_dict,
    item,
    plan_dict,
    scenario_dict,
    second_day_trip,
    trip_dict,
    vehicle_dict,
    violations,
)


def test_group_members_at_one_pickup_location():
    scn = scenario_dict(cases=[case_dict("BV-1", group="FAM-1"), case_dict("BV-2", group="FAM-1", escorts={})])
    assert codes(scn, plan_dict([trip_dict(["BV-1", "BV-2"])])) == set()
    add_location(scn, "DC-RDAM", "detention_centre", 51.9490, 4.4400)
    item(scn, "cases", "BV-2")["location"] = "DC-RDAM"
    assert codes(scn, plan_dict([trip_dict(["BV-1", "BV-2"])])) == {"rule5.location"}


def test_vehicle_seats_for_persons_and_riding_escorts():
    """Rule 5 amended: KMar (an airport-report role by default) joins at the airport, no seat."""
    assert codes(scenario_dict(vehicles=[vehicle_dict(seats=1)]), plan_dict()) == set()
    assert codes(scenario_dict(vehicles=[vehicle_dict(seats=0)]), plan_dict()) == {"rule5.seats"}
    riding = {"airport_report_roles": None}  # null: nobody joins at the airport
    assert codes(scenario_dict(settings=riding, vehicles=[vehicle_dict(seats=3)]), plan_dict()) == set()
    assert codes(scenario_dict(settings=riding, vehicles=[vehicle_dict(seats=2)]), plan_dict()) == {"rule5.seats"}


def test_vehicle_seats_count_only_the_riding_escort_of_a_mixed_team():
    scn = scenario_dict(cases=[case_dict(escorts={"kmar": 1, "coordinator": 1})], vehicles=[vehicle_dict(seats=2)])
    item(scn, "staff", "S-2")["roles"] = ["coordinator"]
    team = [escort_dict("S-1"), escort_dict("S-2", role="coordinator")]
    assert codes(scn, plan_dict([trip_dict(escorts=team)])) == set()  # BV-1 + the coordinator
    scn["vehicles"] = [vehicle_dict(seats=1)]
    [violation] = violations(scn, plan_dict([trip_dict(escorts=team)]))
    assert violation.rule == "rule5.seats"
    assert "2 seats needed (1 persons + 1 riding escorts; 1 join at the airport)" in violation.message


def test_stretcher_person_takes_no_vehicle_seat():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"stretcher": True})],
                        vehicles=[vehicle_dict(seats=2, stretcher_places=1)])
    item(scn, "flights", "TK1952-1210")["seats"] = 8
    assert codes(scn, plan_dict([second_day_trip()])) == set()
    item(scn, "vehicles", "V-1")["stretcher_places"] = 0
    assert codes(scn, plan_dict([second_day_trip()])) == {"rule5.stretcher"}


def test_wchc_needs_a_wheelchair_place():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"wheelchair": "WCHC"})])
    assert codes(scn, plan_dict()) == set()
    item(scn, "vehicles", "V-1")["wheelchair_places"] = 0
    assert codes(scn, plan_dict()) == {"rule5.wheelchair"}


def test_wchr_needs_no_wheelchair_place():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"wheelchair": "WCHR"})],
                        vehicles=[vehicle_dict(wheelchair_places=0)])
    assert codes(scn, plan_dict()) == set()


def test_at_airport_checkin_minutes_before_first_departure():
    assert codes(scenario_dict(), plan_dict([trip_dict(pickup="2026-12-09T07:06:00+01:00")])) == set()
    assert codes(scenario_dict(), plan_dict([trip_dict(pickup="2026-12-09T07:07:00+01:00")])) == {"rule5.checkin"}


def _available(start: str, end: str) -> dict:
    return scenario_dict(vehicles=[vehicle_dict(available=[{"from": start, "to": end}])])


def test_vehicle_busy_inside_an_available_window():
    assert codes(_available("2026-12-09T05:34:00+01:00", "2026-12-09T07:42:00+01:00"), plan_dict()) == set()
    assert codes(_available("2026-12-09T05:35:00+01:00", "2026-12-09T07:42:00+01:00"), plan_dict()) == {
        "rule5.availability"
    }
    assert codes(_available("2026-12-09T05:34:00+01:00", "2026-12-09T07:41:00+01:00"), plan_dict()) == {
        "rule5.availability"
    }


def _second_trip_same_van(pickup: str) -> tuple[dict, dict]:
    """BV-2 from HOSP for TK1952-1210 in the same van, picked up on 9 Dec at `pickup` (a day early:
    the airport-wait limit of rule 9 is switched off, this test is about the van)."""
    scn = scenario_dict(settings={"max_airport_wait_minutes": None})
    add_case(scn, "BV-2")
    add_staff(scn, "S-3", "F")
    add_staff(scn, "S-4", "M")
    team = [escort_dict("S-3", returns=["TK1951-1211"]), escort_dict("S-4", returns=["TK1951-1211"])]
    second = trip_dict(["BV-2"], outbound=["TK1952-1210"], pickup=pickup, escorts=team)
    return scn, plan_dict([trip_dict(), second])


def test_vehicle_not_on_two_trips_at_once_touching_is_fine():
    # the van is back at 07:42; BV-2's trip leaves the depot 56 min before pickup
    assert codes(*_second_trip_same_van("2026-12-09T08:38:00+01:00")) == set()
    assert codes(*_second_trip_same_van("2026-12-09T08:37:00+01:00")) == {"rule5.overlap"}


def test_pickup_inside_pickup_windows():
    scn = scenario_dict()
    item(scn, "locations", "HOSP")["pickup_windows"] = [{"from": "07:00", "to": "20:00"}]
    assert codes(scn, plan_dict()) == {"rule5.pickup_window"}


def test_pickup_window_wrapping_midnight():
    scn = scenario_dict()
    item(scn, "locations", "HOSP")["pickup_windows"] = [{"from": "22:00", "to": "06:30"}]
    assert codes(scn, plan_dict()) == set()
    assert codes(scn, plan_dict([trip_dict(pickup="2026-12-09T06:31:00+01:00")])) == {"rule5.pickup_window"}


def test_pickup_window_in_local_time_of_the_location():
    scn = scenario_dict()
    item(scn, "locations", "HOSP")["pickup_windows"] = [{"from": "06:30", "to": "07:00"}]
    # 05:30 UTC is 06:30 in Amsterdam
    assert codes(scn, plan_dict([trip_dict(pickup="2026-12-09T05:30:00+00:00")])) == set()
