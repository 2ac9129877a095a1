"""Rules 4 and 7: group, escort team, excluded countries, returns, per-person bookings."""

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
    third_day_trip,
    trip_dict,
    via_hub_trip,
)


def _family() -> dict:
    scn = scenario_dict(cases=[case_dict("BV-1", group="FAM-1"), case_dict("BV-2", group="FAM-1", escorts={})])
    return scn


# -- rule 4: group -------------------------------------------------------------
def test_group_travels_as_one_trip():
    assert codes(_family(), plan_dict([trip_dict(["BV-1", "BV-2"])])) == set()


def test_group_member_left_behind():
    assert codes(_family(), plan_dict([trip_dict(["BV-1"])], unplanned=["BV-2"])) == {"rule4.group"}


def test_cases_without_group_do_not_share_a_trip():
    scn = scenario_dict(cases=[case_dict("BV-1"), case_dict("BV-2", escorts={})])
    assert codes(scn, plan_dict([trip_dict(["BV-1", "BV-2"])])) == {"rule4.group"}


# -- rule 4: escort team ---------------------------------------------------------
def test_escorts_per_role_match_sum_of_members():
    assert codes(scenario_dict(), plan_dict([trip_dict(escorts=[escort_dict("S-1")])])) == {"rule4.escort_count"}
    scn = scenario_dict()
    add_staff(scn, "S-3")
    three = [escort_dict("S-1"), escort_dict("S-2"), escort_dict("S-3")]
    assert codes(scn, plan_dict([trip_dict(escorts=three)])) == {"rule4.escort_count"}


def test_escort_must_hold_the_role():
    scn = scenario_dict()
    item(scn, "staff", "S-2")["roles"] = ["nurse"]
    assert codes(scn, plan_dict()) == {"rule4.role"}


def test_one_person_fills_one_place():
    twice = [escort_dict("S-1"), escort_dict("S-1")]
    assert codes(scenario_dict(), plan_dict([trip_dict(escorts=twice)])) == {"rule4.staff_twice"}


def test_same_gender_escort():
    female = scenario_dict(cases=[case_dict(gender="F", same_gender_escort=True)])
    assert codes(female, plan_dict()) == set()
    item(female, "staff", "S-1")["gender"] = "M"
    assert codes(female, plan_dict()) == {"rule4.same_gender"}


def test_same_gender_not_needed_without_escorts():
    scn = scenario_dict(cases=[case_dict(gender="X", same_gender_escort=True, escorts={})])
    assert codes(scn, plan_dict([trip_dict(escorts=[])])) == set()


def test_escort_excluded_from_destination_country():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["excluded_countries"] = ["TR"]
    assert codes(scn, plan_dict()) == {"rule4.excluded_country"}


def test_escort_excluded_from_transit_country():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["excluded_countries"] = ["DE"]
    assert codes(scn, plan_dict()) == set()
    assert codes(scn, plan_dict([via_hub_trip()])) == {"rule4.excluded_country"}


def test_escort_excluded_from_country_of_own_return_legs():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["excluded_countries"] = ["DE"]
    via_fra = [escort_dict("S-1", returns=["LH1301-1210", "LH992-1210"]), escort_dict("S-2")]
    assert codes(scn, plan_dict([trip_dict(escorts=via_fra)])) == {"rule4.excluded_country"}
    item(scn, "staff", "S-1")["excluded_countries"] = []
    item(scn, "staff", "S-2")["excluded_countries"] = ["DE"]
    assert codes(scn, plan_dict([trip_dict(escorts=via_fra)])) == set()


# -- rule 7: return legs ---------------------------------------------------------
def _returns(first: list[str], second: list[str] = ("TK1951-1210",)) -> dict:
    return plan_dict([trip_dict(escorts=[escort_dict("S-1", returns=first), escort_dict("S-2", returns=second)])])


def test_every_escort_flies_back():
    assert codes(scenario_dict(), _returns([])) == {"rule7.no_return"}


def test_return_starts_at_the_outbound_arrival_airport():
    assert codes(scenario_dict(), _returns(["LH992-1210"])) == {"rule7.return_origin"}


def test_return_ends_in_home_country():
    assert codes(scenario_dict(), _returns(["LH1301-1210"])) == {"rule7.return_home"}


def test_return_legs_connect():
    assert codes(scenario_dict(), _returns(["LH1301-1210", "LH992-1210"])) == set()
    assert codes(scenario_dict(), _returns(["TK1951-1210", "LH992-1210"])) == {"rule7.connection_airport"}
    short = scenario_dict(settings={"min_connection_minutes": 121})  # 120 min at FRA
    assert codes(short, _returns(["LH1301-1210", "LH992-1210"])) == {"rule7.connection_time"}


def test_return_not_before_handover_end_plus_return_min():
    # TK1952-1209 lands 9 Dec 15:35+03:00, TK1951-1210 leaves 10 Dec 08:00+03:00: 985 min later
    # = handover 120 + return_min 865
    assert codes(scenario_dict(settings={"return_min_minutes": 865}), plan_dict()) == set()
    assert codes(scenario_dict(settings={"return_min_minutes": 866}), plan_dict()) == {"rule7.return_early"}


def test_handover_end_includes_longest_chosen_care_transfer():
    # CARE-BV-1 takes 90 min: 90 + 120 + 775 = 985
    with_care = plan_dict([trip_dict(care={"BV-1": "CARE-BV-1"})])
    assert codes(scenario_dict(settings={"return_min_minutes": 775}), with_care) == set()
    assert codes(scenario_dict(settings={"return_min_minutes": 776}), with_care) == {"rule7.return_early"}


def test_return_not_after_return_max_hours():
    # TK1951-1211 leaves 40 h 25 min after TK1952-1209 lands
    late = _returns(["TK1951-1211"], ["TK1951-1211"])
    assert codes(scenario_dict(), late) == set()
    assert codes(scenario_dict(settings={"return_max_hours": 40}), late) == {"rule7.return_late"}


# -- rule 7: per person ----------------------------------------------------------------
def _two_trips(rest_minutes: int = 660, second_day: bool = False, **settings) -> tuple[dict, dict]:
    """BV-1 on 9 Dec with S-1 + S-2; BV-2 on 11 Dec (or 10 Dec) with S-1 + S-3."""
    scn = scenario_dict(settings={"rest_minutes": rest_minutes, **settings})
    add_case(scn, "BV-2")
    add_staff(scn, "S-3", "M")
    add_vehicle(scn, "V-2")
    if second_day:
        later = trip_dict(["BV-2"], outbound=["TK1952-1210"], pickup="2026-12-10T06:30:00+01:00", vehicle="V-2",
                          escorts=[escort_dict("S-1", returns=["TK1951-1211"]),
                                   escort_dict("S-3", returns=["TK1951-1211"])])
    else:
        later = third_day_trip(["BV-2"], vehicle="V-2", escorts=[escort_dict("S-1", returns=["TK1951-1212"]),
                                                                 escort_dict("S-3", returns=["TK1951-1212"])])
    return scn, plan_dict([trip_dict(), later])


def test_trips_of_one_person_do_not_overlap():
    assert codes(*_two_trips()) == set()
    assert codes(*_two_trips(second_day=True)) == {"rule7.overlap"}


def test_rest_after_return_counts_and_touching_is_fine():
    # S-1 (KMar, joins at the airport) lands 10 Dec 10:45 and reports again at AMS on 11 Dec at
    # 07:00 (TK1952 11:00 - checkin 180 - airport report 60): 1215 min later
    assert codes(*_two_trips(rest_minutes=1215)) == set()
    assert codes(*_two_trips(rest_minutes=1216)) == {"rule7.overlap"}


def test_airport_report_start_decides_overlap_not_the_riding_start():
    """Rule 7 amended: with the riding start (pickup 06:30 - 30 = 06:00) rest 1156 would overlap;
    from the airport report time (07:00) it does not. Switching the roles off restores the old start."""
    assert codes(*_two_trips(rest_minutes=1156)) == set()
    assert codes(*_two_trips(rest_minutes=1155, airport_report_roles=None)) == set()
    assert codes(*_two_trips(rest_minutes=1156, airport_report_roles=None)) == {"rule7.overlap"}
    assert codes(*_two_trips(rest_minutes=1156, airport_report_roles=["coordinator"])) == {"rule7.overlap"}
    # a longer airport report lead moves the start earlier: 11:00 - 180 - 121 = 06:59
    assert codes(*_two_trips(rest_minutes=1215, airport_report_minutes=61)) == {"rule7.overlap"}


def test_escort_unavailable():
    scn = scenario_dict()
    # S-1 is taken 9 Dec 07:00 (airport report) to 10 Dec 21:45 (10:45 return + 11 h rest)
    item(scn, "staff", "S-1")["unavailable"] = [{"from": "2026-12-10T21:45:00+01:00",
                                                  "to": "2026-12-11T12:00:00+01:00"}]
    assert codes(scn, plan_dict()) == set()
    item(scn, "staff", "S-1")["unavailable"] = [{"from": "2026-12-10T21:44:00+01:00",
                                                  "to": "2026-12-11T12:00:00+01:00"}]
    assert codes(scn, plan_dict()) == {"rule7.unavailable"}


def test_escort_unavailable_from_the_airport_report_time():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["unavailable"] = [{"from": "2026-12-09T05:00:00+01:00",
                                                  "to": "2026-12-09T07:00:00+01:00"}]
    assert codes(scn, plan_dict()) == set()  # KMar S-1 reports at AMS at 07:00, not at HOSP at 06:00
    item(scn, "staff", "S-1")["unavailable"][0]["to"] = "2026-12-09T07:01:00+01:00"
    assert codes(scn, plan_dict()) == {"rule7.unavailable"}
    item(scn, "staff", "S-1")["unavailable"][0]["to"] = "2026-12-09T06:01:00+01:00"
    assert codes(scenario_dict(settings={"airport_report_roles": None}, staff=scn["staff"]),
                 plan_dict()) == {"rule7.unavailable"}  # riding, S-1 would report at 06:00


def test_max_trips_per_person():
    scn, plan = _two_trips()
    item(scn, "staff", "S-1")["max_trips"] = 1
    assert codes(scn, plan) == {"rule7.max_trips"}
