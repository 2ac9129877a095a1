"""Rule 2, outbound legs: origin, destination, connections, limits, stretcher, oxygen, MEDIF."""

from tests.builders import (
    add_flight,
    case_dict,
    codes,
    item,
    plan_dict,
    scenario_dict,
    second_day_trip,
    trip_dict,
    vehicle_dict,
    via_hub_trip,
)


def test_via_hub_is_valid():
    assert codes(scenario_dict(), plan_dict([via_hub_trip()])) == set()


def test_first_leg_must_leave_from_home_country():
    scn = scenario_dict()
    assert "rule2.origin" in codes(scn, plan_dict([trip_dict(outbound=["LH1300-1209"])]))
    assert "rule2.origin" not in codes(scn, plan_dict())


def test_last_leg_must_land_at_a_destination_airport():
    scn = scenario_dict(cases=[case_dict(destination_airports=["FRA"])])
    assert codes(scn, plan_dict()) == {"rule2.destination"}


def test_legs_must_connect_at_the_same_airport():
    scn = scenario_dict()
    add_flight(scn, "TK1958-1209", "TK", "1958", "AMS", "IST", "2026-12-09T11:45:00+01:00",
               "2026-12-09T16:20:00+03:00")
    assert codes(scn, plan_dict([via_hub_trip(outbound=["KL1763-1209", "TK1958-1209"])])) == {
        "rule2.connection_airport"
    }


def test_connection_time_at_least_min_connection_minutes():
    exact = scenario_dict(settings={"min_connection_minutes": 95})
    short = scenario_dict(settings={"min_connection_minutes": 96})
    assert codes(exact, plan_dict([via_hub_trip()])) == set()
    assert codes(short, plan_dict([via_hub_trip()])) == {"rule2.connection_time"}


def test_max_legs():
    two = scenario_dict(cases=[case_dict(fit_to_fly={"max_legs": 2})])
    one = scenario_dict(cases=[case_dict(fit_to_fly={"max_legs": 1})])
    assert codes(two, plan_dict([via_hub_trip()])) == set()
    assert codes(one, plan_dict([via_hub_trip()])) == {"rule2.max_legs"}


def test_max_travel_hours_from_first_departure_to_last_arrival():
    # 09:00+01:00 to 16:45+03:00 is 5.75 h
    ok = scenario_dict(cases=[case_dict(fit_to_fly={"max_travel_hours": 5.75})])
    too_long = scenario_dict(cases=[case_dict(fit_to_fly={"max_travel_hours": 5.5})])
    assert codes(ok, plan_dict([via_hub_trip()])) == set()
    assert codes(too_long, plan_dict([via_hub_trip()])) == {"rule2.max_travel_hours"}


def _stretcher_scenario() -> dict:
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"stretcher": True})],
                        vehicles=[vehicle_dict(stretcher_places=1)])
    for leg in ("TK1952-1209", "TK1952-1210"):
        item(scn, "flights", leg)["seats"] = 9
    return scn


def test_stretcher_case_only_on_stretcher_legs():
    scn = _stretcher_scenario()
    assert codes(scn, plan_dict([second_day_trip()])) == set()
    assert codes(scn, plan_dict()) == {"rule2.stretcher_leg"}


def test_oxygen_case_only_on_oxygen_legs():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"oxygen": True})])
    assert codes(scn, plan_dict([second_day_trip()])) == set()
    assert codes(scn, plan_dict()) == {"rule2.oxygen_leg"}


def test_medical_case_respects_medif_lead_of_each_leg():
    # TK1952-1209 departs 51 h after planning start
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"wheelchair": "WCHR"})])
    item(scn, "flights", "TK1952-1209")["medif_lead_hours"] = 51
    assert codes(scn, plan_dict()) == set()
    item(scn, "flights", "TK1952-1209")["medif_lead_hours"] = 52
    assert codes(scn, plan_dict()) == {"rule2.medif"}


def test_medif_lead_does_not_apply_to_non_medical_case():
    scn = scenario_dict()
    item(scn, "flights", "TK1952-1209")["medif_lead_hours"] = 72
    assert codes(scn, plan_dict()) == set()


def test_medical_escort_makes_a_case_medical():
    scn = scenario_dict(cases=[case_dict(escorts={"kmar": 1, "nurse": 1})])
    item(scn, "staff", "S-2")["roles"] = ["nurse"]
    item(scn, "flights", "TK1952-1209")["medif_lead_hours"] = 72
    plan = plan_dict([trip_dict(escorts=[{"staff": "S-1", "role": "kmar", "return": ["TK1951-1210"]},
                                         {"staff": "S-2", "role": "nurse", "return": ["TK1951-1210"]}])])
    assert codes(scn, plan) == {"rule2.medif"}


def test_a_leg_may_not_appear_twice():
    assert "rule2.repeated_leg" in codes(scenario_dict(), plan_dict([trip_dict(outbound=["TK1952-1209"] * 2)]))
