"""Rule 1, the case: availability, planning start, deadline, documents, fit-to-fly, notice."""

from tests.builders import case_dict, codes, flight_dict, plan_dict, scenario_dict, trip_dict


def test_valid_default_plan_has_no_violations():
    assert codes(scenario_dict(), plan_dict()) == set()


def test_pickup_before_available_from():
    scn = scenario_dict(cases=[case_dict(available_from="2026-12-09T07:00:00+01:00")])
    assert codes(scn, plan_dict()) == {"rule1.available"}


def test_pickup_exactly_at_available_from_is_fine():
    scn = scenario_dict(cases=[case_dict(available_from="2026-12-09T06:30:00+01:00")])
    assert codes(scn, plan_dict()) == set()


def test_escorts_report_before_planning_start():
    scn = scenario_dict(settings={"report_minutes": 3000})
    assert codes(scn, plan_dict()) == {"rule1.planning_start"}


def test_departure_at_deadline_pass_and_after_deadline_fail():
    on_time = scenario_dict(cases=[case_dict(deadline="2026-12-09T11:00:00+01:00")])
    late = scenario_dict(cases=[case_dict(deadline="2026-12-09T10:59:00+01:00")])
    assert codes(on_time, plan_dict()) == set()
    assert codes(late, plan_dict()) == {"rule1.deadline"}


def test_travel_document_not_issued():
    scn = scenario_dict(cases=[case_dict(travel_document=None)])
    assert codes(scn, plan_dict()) == {"rule1.document_missing"}


def test_travel_document_expired_before_departure_day():
    ok = scenario_dict(cases=[case_dict(travel_document={"valid_until": "2026-12-09"})])
    expired = scenario_dict(cases=[case_dict(travel_document={"valid_until": "2026-12-08"})])
    assert codes(ok, plan_dict()) == set()
    assert codes(expired, plan_dict()) == {"rule1.document_validity"}


def _midnight_departure(validity: dict) -> tuple[dict, dict]:
    """A flight leaving AMS at 00:30 local on 9 Dec, which is still 8 Dec in UTC."""
    scn = scenario_dict(cases=[case_dict(travel_document=validity)])
    scn["flights"].append(flight_dict("TK1954-1209", "TK", "1954", "AMS", "IST", "2026-12-08T23:30:00+00:00",
                                      "2026-12-09T05:05:00+03:00"))
    plan = plan_dict([trip_dict(outbound=["TK1954-1209"], pickup="2026-12-08T20:30:00+01:00")])
    return scn, plan


def test_document_validity_uses_local_date_of_origin_airport():
    assert codes(*_midnight_departure({"valid_from": "2026-12-09", "valid_until": "2026-12-09"})) == set()
    assert codes(*_midnight_departure({"valid_from": "2026-12-08", "valid_until": "2026-12-08"})) == {
        "rule1.document_validity"
    }


def test_fit_to_fly_status_must_allow_travel():
    with_conditions = scenario_dict(cases=[case_dict(fit_to_fly={"status": "fit_with_conditions"},
                                                     escorts={"kmar": 2})])
    pending = scenario_dict(cases=[case_dict(fit_to_fly={"status": "pending"})])
    unfit = scenario_dict(cases=[case_dict(fit_to_fly={"status": "unfit"})])
    assert codes(with_conditions, plan_dict()) == set()
    assert codes(pending, plan_dict()) == {"rule1.fit_status"}
    assert codes(unfit, plan_dict()) == {"rule1.fit_status"}


def test_fit_to_fly_validity():
    from_day = scenario_dict(cases=[case_dict(fit_to_fly={"valid_from": "2026-12-09"})])
    too_late = scenario_dict(cases=[case_dict(fit_to_fly={"valid_from": "2026-12-10"})])
    assert codes(from_day, plan_dict()) == set()
    assert codes(too_late, plan_dict()) == {"rule1.fit_validity"}


def _short_notice() -> dict:
    """Planning starts 8 Dec 00:00: TK1952 on 9 Dec 11:00 is 35 h away, notice needs 36 h."""
    return scenario_dict(planning_start="2026-12-08T00:00:00+01:00")


def test_notice_needed_for_new_departure():
    assert codes(scenario_dict(settings={"notice_hours": 51}), plan_dict()) == set()
    assert codes(_short_notice(), plan_dict()) == {"rule1.notice"}


def test_notice_not_needed_when_outbound_unchanged_from_previous_plan():
    previous = plan_dict()
    assert codes(_short_notice(), plan_dict(), previous) == set()


def test_notice_needed_when_outbound_changed_from_previous_plan():
    previous = plan_dict([trip_dict(outbound=["TK1952-1210"], pickup="2026-12-10T06:30:00+01:00")])
    assert codes(_short_notice(), plan_dict(), previous) == {"rule1.notice"}


def test_notice_needed_when_case_was_unplanned_in_previous_plan():
    previous = plan_dict(trips=[], unplanned=["BV-1"])
    assert codes(_short_notice(), plan_dict(), previous) == {"rule1.notice"}


def test_airport_report_time_is_not_before_planning_start():
    """Nothing in a plan starts before planning_start: KMar report at AMS at 07:00 on 9 Dec
    (TK1952 11:00 - checkin 180 - airport report 60), the riding report is at 06:00."""
    at_report = scenario_dict(planning_start="2026-12-09T06:00:00+01:00",
                              settings={"notice_hours": 0, "transit_request_hours": 0})
    for flight in at_report["flights"]:
        flight["medif_lead_hours"] = 0
    assert codes(at_report, plan_dict()) == set()
    at_report["settings"]["airport_report_minutes"] = 121  # 11:00 - 180 - 121 = 05:59
    assert codes(at_report, plan_dict()) == {"rule1.planning_start"}
