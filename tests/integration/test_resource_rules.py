"""Rules 4–8 in the solver: vehicles, care, escorts, locks, forbids and groups."""

from tests.builders import add_case, add_staff, case_dict, scenario_dict, staff_dict, vehicle_dict
from tests.integration.helpers import planned_cases, reasons, solve_dict, trip_of


def test_vehicle_must_fit_the_trip():
    # no role joins at the airport: both KMar escorts ride along (rule 5)
    checked = solve_dict(scenario_dict(settings={"airport_report_roles": None}, vehicles=[vehicle_dict(seats=2)]))
    assert planned_cases(checked) == set()
    assert "too small" in reasons(checked, "BV-1")
    wchc = scenario_dict(cases=[case_dict(fit_to_fly={"wheelchair": "WCHC"})],
                         vehicles=[vehicle_dict(wheelchair_places=0)])
    assert planned_cases(solve_dict(wchc)) == set()


def test_vehicle_availability_window():
    scn = scenario_dict(vehicles=[vehicle_dict(available=[{"from": "2026-12-10T00:00:00+01:00",
                                                           "to": "2026-12-20T00:00:00+01:00"}])])
    checked = solve_dict(scn)
    assert planned_cases(checked) == {"BV-1"}
    assert checked.plan.trips[0].pickup.date().isoformat() >= "2026-12-10"


def test_pickup_inside_pickup_windows():
    scn = scenario_dict()
    scn["locations"][3]["pickup_windows"] = [{"from": "06:00", "to": "06:20"}]
    checked = solve_dict(scn)
    trip = checked.plan.trips[0]
    assert "06:00" <= trip.pickup.strftime("%H:%M") <= "06:20"


def test_care_needs_a_confirmed_open_option():
    unconfirmed = scenario_dict(cases=[case_dict(care={"required": True})])
    for option in unconfirmed["cases"][0]["care"]["options"]:
        option["confirmed"] = False
    checked = solve_dict(unconfirmed)
    assert planned_cases(checked) == set()
    assert "care option" in reasons(checked, "BV-1")
    confirmed = scenario_dict(cases=[case_dict(care={"required": True})])
    for option in confirmed["cases"][0]["care"]["options"]:
        option["confirmed"] = True
    checked = solve_dict(confirmed)
    assert planned_cases(checked) == {"BV-1"}
    assert set(checked.plan.trips[0].care) == {"BV-1"}


def test_same_gender_escort():
    scn = scenario_dict(cases=[case_dict(gender="F", same_gender_escort=True)],
                        staff=[staff_dict("S-1", "M"), staff_dict("S-2", "M"), staff_dict("S-3", "M")])
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    add_staff(scn, "S-4", "F")
    checked = solve_dict(scn)
    assert "S-4" in {e.staff for e in checked.plan.trips[0].escorts}


def test_excluded_country_and_unavailability():
    scn = scenario_dict(staff=[staff_dict("S-1", "F", excluded_countries=["TR"]), staff_dict("S-2", "M"),
                               staff_dict("S-3", "F")])
    checked = solve_dict(scn)
    assert {e.staff for e in checked.plan.trips[0].escorts} == {"S-2", "S-3"}
    scn["staff"][2]["unavailable"] = [{"from": "2026-12-07T00:00:00+01:00", "to": "2026-12-31T00:00:00+01:00"}]
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()


def test_escort_rest_and_max_trips_between_two_cases():
    scn = scenario_dict()
    add_case(scn, "BV-2", priority=5)
    checked = solve_dict(scn)
    assert planned_cases(checked) == {"BV-1", "BV-2"}  # same two escorts, trips apart with rest
    a, b = sorted(checked.plan.trips, key=lambda t: t.pickup)
    assert a.outbound != b.outbound
    for s in scn["staff"]:
        s["max_trips"] = 1
    checked = solve_dict(scn)
    assert planned_cases(checked) == {"BV-2"}


def test_lock_and_forbid():
    scn = scenario_dict(locks=[{"case": "BV-1", "flights": ["TK1952-1211"]}])
    checked = solve_dict(scn)
    assert trip_of(checked, "BV-1").outbound == ("TK1952-1211",)
    scn = scenario_dict(forbids=[{"case": "BV-1", "flight": "TK1952-1209"}, {"case": "BV-1", "flight": "KL1763-1209"}])
    checked = solve_dict(scn)
    assert not {"TK1952-1209", "KL1763-1209"} & set(trip_of(checked, "BV-1").outbound)
    scn = scenario_dict(staff=[staff_dict("S-1", "F"), staff_dict("S-2", "M"), staff_dict("S-3", "M")],
                        forbids=[{"case": "BV-1", "staff": "S-1"}])
    assert "S-1" not in {e.staff for e in trip_of(solve_dict(scn), "BV-1").escorts}


def test_impossible_lock_leaves_case_unplanned_with_a_note():
    scn = scenario_dict(locks=[{"case": "BV-1", "flights": ["TK1951-1210"]}])  # a return leg
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "locked flights" in reasons(checked, "BV-1")


def test_group_travels_together_with_summed_escorts():
    scn = scenario_dict(cases=[case_dict("BV-1", group="FAM-1", departure_type="voluntary", escorts={"kmar": 1})])
    add_case(scn, "BV-2", group="FAM-1", departure_type="voluntary", escorts={"kmar": 1})
    checked = solve_dict(scn)
    trip = trip_of(checked, "BV-1")
    assert set(trip.cases) == {"BV-1", "BV-2"} and len(trip.escorts) == 2
