"""Rules 2 and 3 in the solver: itinerary shape, stretcher, oxygen, seats and forced places."""

from tests.builders import add_case, add_staff, add_vehicle, case_dict, scenario_dict, vehicle_dict
from tests.integration.helpers import planned_cases, reasons, solve_dict


def _flights(checked, trip):
    by_id = {f.id: f for f in checked.result.trace.index.scenario.flights}
    return [by_id[i] for i in trip.outbound]


def test_stretcher_case_only_on_stretcher_legs():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"stretcher": True})],
                        vehicles=[vehicle_dict(stretcher_places=1)])
    for f in scn["flights"]:
        f["seats"] = 9
    checked = solve_dict(scn)
    assert planned_cases(checked) == {"BV-1"}
    assert all(f.stretcher for f in _flights(checked, checked.plan.trips[0]))
    for f in scn["flights"]:
        f["stretcher"] = False
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "stretcher" in reasons(checked, "BV-1")


def test_oxygen_case_only_on_oxygen_legs():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"oxygen": True})])
    for f in scn["flights"]:
        f["medif_lead_hours"] = 0
    checked = solve_dict(scn)
    assert all(f.oxygen for f in _flights(checked, checked.plan.trips[0]))
    for f in scn["flights"]:
        f["oxygen"] = False
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "oxygen" in reasons(checked, "BV-1")


def test_max_legs_and_travel_hours():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"max_legs": 1})])
    for f in scn["flights"]:
        f["medif_lead_hours"] = 0
    checked = solve_dict(scn)
    assert len(checked.plan.trips[0].outbound) == 1
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"max_travel_hours": 2})])
    for f in scn["flights"]:
        f["medif_lead_hours"] = 0
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "travel hours" in reasons(checked, "BV-1")


def test_seats_shared_between_two_trips():
    scn = scenario_dict()
    add_case(scn, "BV-2", priority=5)
    for sid, g in (("S-3", "F"), ("S-4", "M")):
        add_staff(scn, sid, g)
    add_vehicle(scn, "V-2")
    for f in scn["flights"]:
        if f["from"] == "AMS":
            f["seats"] = 3
    kept = ("TK1952-1209", "TK1951-1210", "TK1951-1211", "TK1951-1212")
    scn["flights"] = [f for f in scn["flights"] if f["id"] in kept]
    checked = solve_dict(scn)
    assert planned_cases(checked) == {"BV-2"}  # one seat set only; the urgent case wins
    assert "seat" in reasons(checked, "BV-1")


def test_forced_places_per_leg():
    scn = scenario_dict()
    for f in scn["flights"]:
        f["max_forced"] = 0
    checked = solve_dict(scn)
    assert planned_cases(checked) == set()
    assert "forced-departure" in reasons(checked, "BV-1")
    scn["cases"][0]["departure_type"] = "voluntary"
    assert planned_cases(solve_dict(scn)) == {"BV-1"}
