"""Rule 3, per leg across all trips: seats, forced cases, one stretcher."""

from tests.builders import (
    add_case,
    add_staff,
    add_vehicle,
    case_dict,
    codes,
    escort_dict,
    item,
    plan_dict,
    scenario_dict,
    second_day_trip,
    trip_dict,
    vehicle_dict,
    via_hub_trip,
)


def test_seats_count_person_and_escorts():
    scn = scenario_dict()
    item(scn, "flights", "TK1952-1209")["seats"] = 3
    assert codes(scn, plan_dict()) == set()
    item(scn, "flights", "TK1952-1209")["seats"] = 2
    assert codes(scn, plan_dict()) == {"rule3.seats"}


def test_return_legs_take_a_seat_per_escort():
    scn = scenario_dict()
    item(scn, "flights", "TK1951-1210")["seats"] = 1
    assert codes(scn, plan_dict()) == {"rule3.seats"}


def test_stretcher_takes_stretcher_seats():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"stretcher": True})], vehicles=[vehicle_dict(stretcher_places=1)])
    item(scn, "flights", "TK1952-1210")["seats"] = 8  # 6 for the stretcher + 2 escorts
    assert codes(scn, plan_dict([second_day_trip()])) == set()
    item(scn, "flights", "TK1952-1210")["seats"] = 7
    assert codes(scn, plan_dict([second_day_trip()])) == {"rule3.seats"}


def _two_cases_same_flight(escorts_each: int) -> tuple[dict, dict]:
    scn = scenario_dict(cases=[case_dict("BV-1", escorts={"kmar": escorts_each})])
    add_case(scn, "BV-2", escorts={"kmar": escorts_each})
    add_staff(scn, "S-3", "F")
    add_staff(scn, "S-4", "M")
    add_vehicle(scn, "V-2")
    staff = [["S-1", "S-2"], ["S-3", "S-4"]]
    trips = [trip_dict([case], vehicle=vehicle, escorts=[escort_dict(s) for s in team[:escorts_each]])
             for case, vehicle, team in zip(("BV-1", "BV-2"), ("V-1", "V-2"), staff, strict=True)]
    return scn, plan_dict(trips)


def test_seats_are_counted_across_trips():
    scn, plan = _two_cases_same_flight(escorts_each=2)
    assert codes(scn, plan) == set()  # 6 of 6 seats
    item(scn, "flights", "TK1952-1209")["seats"] = 5
    assert codes(scn, plan) == {"rule3.seats"}


def test_forced_cases_per_leg():
    scn, plan = _two_cases_same_flight(escorts_each=1)
    assert codes(scn, plan) == set()
    item(scn, "flights", "TK1952-1209")["max_forced"] = 1
    assert codes(scn, plan) == {"rule3.forced"}


def test_voluntary_cases_do_not_count_as_forced():
    scn, plan = _two_cases_same_flight(escorts_each=1)
    for case in scn["cases"]:
        case["departure_type"] = "voluntary"
    item(scn, "flights", "TK1952-1209")["max_forced"] = 0
    assert codes(scn, plan) == set()


def test_at_most_one_stretcher_case_per_leg():
    stretcher = {"stretcher": True}
    scn = scenario_dict(cases=[case_dict("BV-1", fit_to_fly=stretcher, escorts={}),
                               case_dict("BV-2", fit_to_fly=stretcher, escorts={})],
                        vehicles=[vehicle_dict("V-1", stretcher_places=1), vehicle_dict("V-2", stretcher_places=1)])
    item(scn, "flights", "TK1952-1210")["seats"] = 20
    apart = plan_dict([second_day_trip(["BV-1"], escorts=[]), via_hub_trip(["BV-2"], vehicle="V-2", escorts=[])])
    together = plan_dict([second_day_trip(["BV-1"], escorts=[]),
                          second_day_trip(["BV-2"], vehicle="V-2", escorts=[])])
    assert codes(scn, apart) == set()
    assert codes(scn, together) == {"rule3.stretcher"}
