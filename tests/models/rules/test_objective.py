"""The objective, hand-computed on the default world.

Default plan: BV-1 (priority 3, 100 EUR/day, available 8 Dec) on TK1952-1209 (350 EUR) on 9 Dec
with S-1 and S-2 (25 EUR/h) back on TK1951-1210 (300 EUR), van V-1 from DEPOT.
"""

import pytest
from geopy.distance import geodesic

from models.rules import evaluate_objective, trip_cost_breakdown
from tests.builders import (
    add_case,
    add_staff,
    add_vehicle,
    build,
    build_plan,
    case_dict,
    escort_dict,
    flight_dict,
    item,
    plan_dict,
    scenario_dict,
    second_day_trip,
    trip_dict,
    vehicle_dict,
)

POINTS = {"DEPOT": (52.3000, 4.8000), "HOSP": (52.1045, 4.2830), "AMS": (52.3086, 4.7639)}


def _breakdown(scn: dict, trip: dict) -> dict[str, float]:
    return trip_cost_breakdown(build(scn), build_plan(plan_dict([trip])).trips[0])


def _objective(scn: dict, plan: dict, previous: dict | None = None):
    return evaluate_objective(build(scn), build_plan(plan), build_plan(previous) if previous else None)


def test_default_plan_cost_parts():
    parts = _breakdown(scenario_dict(), trip_dict())
    assert set(parts) == {"fares", "waiting", "vehicle", "escort_hours"}
    assert parts["fares"] == 3 * 350 + 2 * 300  # BV-1 and two escorts out, two escorts back
    assert parts["waiting"] == 1 * 100  # 8 Dec -> 9 Dec
    # KMar report at AMS 9 Dec 07:00 (11:00 - 180 - 60), back 10 Dec 10:45: 27.75 h each
    assert parts["escort_hours"] == pytest.approx(2 * 27.75 * 25)
    riding = scenario_dict(settings={"airport_report_roles": None})  # report at HOSP 06:00: 28.75 h
    assert _breakdown(riding, trip_dict())["escort_hours"] == pytest.approx(2 * 28.75 * 25)


def test_vehicle_km_depot_location_airport_depot():
    km = 1.3 * sum(geodesic(POINTS[a], POINTS[b]).km for a, b in (("DEPOT", "HOSP"), ("HOSP", "AMS"), ("AMS", "DEPOT")))
    assert km == pytest.approx(109.33, abs=0.01)
    assert _breakdown(scenario_dict(), trip_dict())["vehicle"] == pytest.approx(1.2 * km)
    cheaper = scenario_dict(settings={"vehicle_km_eur": 0.5})
    assert _breakdown(cheaper, trip_dict())["vehicle"] == pytest.approx(0.5 * km)


def test_objective_of_default_plan():
    objective = _objective(scenario_dict(), plan_dict())
    assert objective.planned_priority == 3
    assert objective.disruption is None
    assert objective.cost_eur == round(1650 + 100 + 1.2 * 109.3348 + 1387.5, 2)  # 3268.70


def test_unplanned_plan_costs_nothing():
    objective = _objective(scenario_dict(), plan_dict(trips=[], unplanned=["BV-1"]))
    assert (objective.planned_priority, objective.cost_eur) == (0, 0)


def test_fares_stretcher_takes_stretcher_seats():
    scn = scenario_dict(cases=[case_dict(fit_to_fly={"stretcher": True})], vehicles=[vehicle_dict(stretcher_places=1)])
    assert _breakdown(scn, second_day_trip())["fares"] == (6 + 2) * 350 + 2 * 300


def test_fares_two_legs_and_mixed_returns():
    trip = trip_dict(outbound=["KL1763-1209", "LH1300-1209"], pickup="2026-12-09T05:00:00+01:00",
                     escorts=[escort_dict("S-1", returns=["LH1301-1210", "LH992-1210"]), escort_dict("S-2")])
    assert _breakdown(scenario_dict(), trip)["fares"] == 3 * 120 + 3 * 230 + (200 + 90) + 300


def test_waiting_days_use_local_date_of_available_from():
    # 23:30 UTC on 8 Dec is already 9 Dec in Amsterdam: no waiting day
    just_after = scenario_dict(cases=[case_dict(available_from="2026-12-08T23:30:00+00:00")])
    just_before = scenario_dict(cases=[case_dict(available_from="2026-12-08T22:59:00+00:00")])
    assert _breakdown(just_after, trip_dict())["waiting"] == 0
    assert _breakdown(just_before, trip_dict())["waiting"] == 100


def test_waiting_days_use_local_date_of_departure_at_origin():
    scn = scenario_dict(cases=[case_dict(available_from="2026-12-07T12:00:00+01:00", daily_cost_eur=40)])
    # departs 00:30 on 10 Dec in Amsterdam, which is 9 Dec in UTC: 3 days, not 2
    scn["flights"].append(flight_dict("TK1954-1210", "TK", "1954", "AMS", "IST", "2026-12-09T23:30:00+00:00",
                                      "2026-12-10T05:05:00+03:00"))
    trip = trip_dict(outbound=["TK1954-1210"], pickup="2026-12-09T20:30:00+01:00")
    assert _breakdown(scn, trip)["waiting"] == 3 * 40


def test_escort_hours_per_staff_rate():
    scn = scenario_dict()
    item(scn, "staff", "S-1")["hour_cost_eur"] = 40
    item(scn, "staff", "S-2")["hour_cost_eur"] = 0
    # S-1 comes back a day later: 9 Dec 07:00 -> 11 Dec 10:45 = 51.75 h
    trip = trip_dict(escorts=[escort_dict("S-1", returns=["TK1951-1211"]), escort_dict("S-2")])
    assert _breakdown(scn, trip)["escort_hours"] == pytest.approx(51.75 * 40)


def test_group_trip_priority_and_fares():
    scn = scenario_dict(cases=[case_dict("BV-1", group="FAM-1", priority=5),
                               case_dict("BV-2", group="FAM-1", escorts={}, priority=2, daily_cost_eur=10)])
    plan = plan_dict([trip_dict(["BV-1", "BV-2"])])
    assert _objective(scn, plan).planned_priority == 7
    parts = _breakdown(scn, trip_dict(["BV-1", "BV-2"]))
    assert parts["fares"] == 4 * 350 + 2 * 300
    assert parts["waiting"] == 100 + 10


# -- disruption ------------------------------------------------------------------
def _two_cases() -> dict:
    scn = scenario_dict()
    add_case(scn, "BV-2")
    add_staff(scn, "S-3", "M")
    add_staff(scn, "S-4", "F")
    add_vehicle(scn, "V-2")
    return scn


PREVIOUS = plan_dict([trip_dict(), second_day_trip(["BV-2"], vehicle="V-2", escorts=[
    escort_dict("S-3", returns=["TK1951-1211"]), escort_dict("S-4", returns=["TK1951-1211"])])])


def _changed_bv2(**changes) -> dict:
    base = dict(vehicle="V-2", escorts=[escort_dict("S-3", returns=["TK1951-1211"]),
                                        escort_dict("S-4", returns=["TK1951-1211"])])
    return plan_dict([trip_dict(), second_day_trip(["BV-2"], **{**base, **changes})])


def test_disruption_none_without_previous_and_zero_when_unchanged():
    assert _objective(_two_cases(), PREVIOUS).disruption is None
    assert _objective(_two_cases(), PREVIOUS, PREVIOUS).disruption == 0


def test_disruption_ignores_pickup_care_and_role_changes():
    plan = _changed_bv2(pickup="2026-12-10T06:00:00+01:00", care={"BV-2": "CARE-BV-2"},
                        escorts=[escort_dict("S-3", returns=["TK1951-1211"]),
                                 escort_dict("S-4", role="coordinator", returns=["TK1951-1211"])])
    assert _objective(_two_cases(), plan, PREVIOUS).disruption == 0


def test_disruption_counts_a_changed_escort_return():
    """Revision 2: any escort's return legs differing disrupts the case, even with the same staff."""
    one_return_changed = [escort_dict("S-3", returns=["TK1951-1211"]), escort_dict("S-4", returns=["TK1951-1212"])]
    assert _objective(_two_cases(), _changed_bv2(escorts=one_return_changed), PREVIOUS).disruption == 1
    swapped_order = [escort_dict("S-4", returns=["TK1951-1211"]), escort_dict("S-3", returns=["TK1951-1211"])]
    assert _objective(_two_cases(), _changed_bv2(escorts=swapped_order), PREVIOUS).disruption == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"vehicle": "V-1"},
        {"outbound": ["TK1952-1211"], "pickup": "2026-12-11T06:30:00+01:00"},
        {"escorts": [escort_dict("S-3", returns=["TK1951-1211"]), escort_dict("S-2", returns=["TK1951-1211"])]},
    ],
)
def test_disruption_counts_changed_outbound_vehicle_or_escorts(changes):
    assert _objective(_two_cases(), _changed_bv2(**changes), PREVIOUS).disruption == 1


def test_disruption_counts_dropped_cases_not_new_ones():
    scn = _two_cases()
    dropped = plan_dict([trip_dict()], unplanned=["BV-2"])
    assert _objective(scn, dropped, PREVIOUS).disruption == 1
    previous_without_bv2 = plan_dict([trip_dict()], unplanned=["BV-2"])
    assert _objective(scn, PREVIOUS, previous_without_bv2).disruption == 0


def test_disruption_ignores_cases_no_longer_in_scenario():
    assert _objective(scenario_dict(), plan_dict(), PREVIOUS).disruption == 0


def test_cost_is_rounded_to_cents():
    objective = _objective(scenario_dict(), plan_dict())
    assert objective.cost_eur == round(objective.cost_eur, 2)


# -- language mismatch (level 3) ------------------------------------------------------
def test_language_mismatch_counts_cases_whose_escorts_share_no_language():
    scn = scenario_dict()  # BV-1 prefers ["tr"]; S-1 and S-2 speak nl, en
    assert _objective(scn, plan_dict()).language_mismatch == 1
    item(scn, "staff", "S-2")["languages"] = ["nl", "tr"]
    assert _objective(scn, plan_dict()).language_mismatch == 0  # one escort speaking one language is enough


def test_language_mismatch_needs_preferred_languages_and_escorts():
    for languages in (None, []):
        assert _objective(scenario_dict(cases=[case_dict(languages=languages)]), plan_dict()).language_mismatch == 0
    unescorted = scenario_dict(cases=[case_dict(escorts={})])
    assert _objective(unescorted, plan_dict([trip_dict(escorts=[])])).language_mismatch == 0
    assert _objective(scenario_dict(), plan_dict(trips=[], unplanned=["BV-1"])).language_mismatch == 0


def test_language_mismatch_counts_each_case_of_a_group():
    scn = scenario_dict(cases=[case_dict("BV-1", group="FAM-1", languages=["ar", "en"]),
                               case_dict("BV-2", group="FAM-1", escorts={}, languages=["ar"]),
                               case_dict("BV-3", group="FAM-1", escorts={}, languages=None)])
    item(scn, "staff", "S-1")["languages"] = None  # speaks nothing on record
    # S-2 speaks en: BV-1 is understood, BV-2 (ar only) is not, BV-3 states no preference
    assert _objective(scn, plan_dict([trip_dict(["BV-1", "BV-2", "BV-3"])])).language_mismatch == 1
