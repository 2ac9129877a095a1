"""Scenarios and plans for the export tests.

- `dst_scenario_dict()` / `dst_plan_dict()`: two hand-made trips to Paramaribo (PBM,
  America/Paramaribo). Trip 1 leaves on 25 Oct 2026, the night Europe/Amsterdam falls back: the
  escorts report at 02:35 CEST (first 02:35) and the pickup is at 02:05 CET (second 02:05), both
  in the repeated hour. Trip 2 is the overnight westbound KL713 of 27 Mar 2027 21:30 CET, landing
  03:10 local on 28 Mar while Amsterdam springs forward during the flight; escorts return on
  30 Mar in CEST. S-1 escorts both trips (KMar, then coordinator), so one calendar crosses
  both DST changes.
- `marker_scenario_dict()` / `marker_plan_dict()`: one trip with one escort of every role and a
  marker string in every personal and health field (privacy test).
- `solved(...)`: a generated scenario planned by the solver (cached: solving takes a second).
"""

from __future__ import annotations

import copy
import json
from functools import cache

from tests.builders import (
    add_case,
    add_flight,
    add_staff,
    case_dict,
    escort_dict,
    location_dict,
    plan_dict,
    scenario_dict,
    staff_dict,
    trip_dict,
    vehicle_dict,
)

# -- DST and the overnight westbound flight ---------------------------------------------------------
DST_PLANNING_START = "2026-10-20T08:00:00+02:00"


def dst_scenario_dict() -> dict:
    scn = scenario_dict(
        id="dst", planning_start=DST_PLANNING_START,
        locations=[
            location_dict("AMS", "airport", 52.3086, 4.7639, name="Amsterdam Schiphol", iata="AMS"),
            location_dict("PBM", "airport", 5.4528, -55.1878, name="Paramaribo Johan Adolf Pengel", iata="PBM",
                          tz="America/Paramaribo", country="SR"),
            location_dict("HOSP", "hospital", 52.1045, 4.2830, name="JCvSZ Scheveningen",
                          pickup_windows=[{"from": "05:00", "to": "22:00"}]),
            location_dict("DC", "detention_centre", 52.3080, 4.7700, name="DC Schiphol"),
            location_dict("DEPOT", "depot", 52.3000, 4.8000, name="DV&O Schiphol-Oost"),
        ],
        flights=[], cases=[], staff=[], vehicles=[vehicle_dict("V-1", available=[
            {"from": "2026-10-20T00:00:00+02:00", "to": "2026-11-01T00:00:00+01:00"},
            {"from": "2027-03-20T00:00:00+01:00", "to": "2027-04-05T00:00:00+02:00"},
        ])],
    )
    # Trip 1: 25 Oct 2026, the repeated hour.
    add_flight(scn, "OR365-1025", "OR", "365", "AMS", "PBM", "2026-10-25T06:30:00+01:00",
               "2026-10-25T11:40:00-03:00", fare_eur=650.0)
    add_flight(scn, "OR366-1026", "OR", "366", "PBM", "AMS", "2026-10-26T21:30:00-03:00",
               "2026-10-27T10:40:00+01:00", fare_eur=650.0)
    # Trip 2: overnight westbound, Amsterdam springs forward during the flight.
    add_flight(scn, "KL713-0327", "KL", "713", "AMS", "PBM", "2027-03-27T21:30:00+01:00",
               "2027-03-28T03:10:00-03:00", oxygen=True, fare_eur=720.0)
    add_flight(scn, "KL714-0329", "KL", "714", "PBM", "AMS", "2027-03-29T17:00:00-03:00",
               "2027-03-30T07:10:00+02:00", fare_eur=720.0)
    add_case(scn, "DST-1", pseudonym="BV-2026-0901", location="DC", destination_country="SR",
             destination_airports=["PBM"], nationality="SR",
             available_from="2026-10-21T09:00:00+02:00", deadline="2026-10-31T23:59:00+01:00",
             travel_document={"valid_from": "2026-10-01", "valid_until": "2027-06-01"},
             fit_to_fly={"valid_from": "2026-10-01", "valid_until": "2026-12-31"},
             care={"required": False, "options": []})
    add_case(scn, "DST-2", pseudonym="BV-2027-0113", location="HOSP", destination_country="SR",
             destination_airports=["PBM"], nationality="SR", departure_type="voluntary",
             available_from="2027-03-20T09:00:00+01:00", deadline="2027-03-31T23:59:00+02:00",
             travel_document={"valid_from": "2027-01-01", "valid_until": "2027-12-31"},
             fit_to_fly={"status": "fit_with_conditions", "valid_from": "2027-03-01", "valid_until": "2027-04-30",
                         "oxygen": True, "wheelchair": "WCHS"},
             escorts={"nurse": 1, "coordinator": 1}, same_gender_escort=False,
             care={"required": True, "options": [
                 {"id": "CARE-DST-2", "facility": "Academisch Ziekenhuis Paramaribo", "kind": "hospital",
                  "airport": "PBM", "transfer_minutes": 60, "confirmed": True,
                  "windows": [{"from": "2027-03-27T00:00:00-03:00", "to": "2027-03-29T00:00:00-03:00"}]}]})
    add_staff(scn, "S-1", "F", roles=["kmar", "coordinator"], max_trips=3)
    add_staff(scn, "S-2", "M", max_trips=3)
    add_staff(scn, "S-3", "F", roles=["nurse"], max_trips=3)
    return scn


def dst_plan_dict() -> dict:
    return plan_dict(scenario="dst", trips=[
        trip_dict(cases=["DST-1"], outbound=["OR365-1025"], pickup="2026-10-25T02:05:00+01:00", vehicle="V-1",
                  escorts=[escort_dict("S-1", returns=["OR366-1026"]), escort_dict("S-2", returns=["OR366-1026"])]),
        trip_dict(cases=["DST-2"], outbound=["KL713-0327"], pickup="2027-03-27T17:30:00+01:00", vehicle="V-1",
                  escorts=[escort_dict("S-3", role="nurse", returns=["KL714-0329"]),
                           escort_dict("S-1", role="coordinator", returns=["KL714-0329"])],
                  care={"DST-2": "CARE-DST-2"}),
    ])


# -- privacy markers --------------------------------------------------------------------------------------
ROLES = ("kmar", "coordinator", "doctor", "nurse", "psychiatric_nurse")


def marker(name: str) -> str:
    return f"MARK{name.upper().replace('_', '')}X"


CASE_MARKERS = {
    # field -> where it may show up: never, or only for roles that see it
    "case_id": (), "group": (), "nationality": (), "language": (), "care_option_id": (),
    "x_name": (), "x_v_number": (), "x_diagnosis": (), "x_ftf_diagnosis": (), "x_bsn": (),
    "x_facility_contact": (),
    "facility": ("doctor", "nurse", "psychiatric_nurse"),
    "pseudonym": ROLES + ("dvo",),
}
STAFF_MARKERS = {
    "email": (), "language": (), "x_phone": (),
    "name": ROLES,  # the team: escorts see who they travel with, DV&O only how many
}


def marker_scenario_dict() -> dict:
    scn = scenario_dict(id="markers")
    case = case_dict(
        marker("case_id"), pseudonym=marker("pseudonym"), group=marker("group"), nationality=marker("nationality"),
        languages=[marker("language")], departure_type="voluntary",
        escorts={role: 1 for role in ROLES},
        fit_to_fly={"status": "fit_with_conditions", "oxygen": True, "wheelchair": "WCHC",
                    "x_ftf_diagnosis": marker("x_ftf_diagnosis")},
        care={"required": True, "options": [
            {"id": marker("care_option_id"), "facility": marker("facility"), "kind": "hospital", "airport": "IST",
             "transfer_minutes": 45, "confirmed": True, "x_facility_contact": marker("x_facility_contact"),
             "windows": [{"from": "2026-12-08T00:00:00+03:00", "to": "2026-12-14T00:00:00+03:00"}]}]},
        x_name=marker("x_name"), x_v_number=marker("x_v_number"), x_diagnosis=marker("x_diagnosis"),
        x_bsn=marker("x_bsn"),
    )
    scn["cases"] = [case]
    scn["staff"] = [
        staff_dict(f"S-{role}", "F", roles=[role], name=f"{marker('name')} {role}", email=marker("email"),
                   languages=[marker("language")], x_phone=marker("x_phone"))
        for role in ROLES
    ]
    for flight in scn["flights"]:
        flight["seats"] = 12
    return scn


def marker_plan_dict() -> dict:
    cid = marker("case_id")
    returns = ["TK1951-1211"]
    return plan_dict(scenario="markers", trips=[trip_dict(
        cases=[cid], outbound=["TK1952-1210"], pickup="2026-12-10T06:30:00+01:00", vehicle="V-1",
        escorts=[escort_dict(f"S-{role}", role=role, returns=returns) for role in ROLES],
        care={cid: marker("care_option_id")},
    )])


# -- solver-made plans ------------------------------------------------------------------------------------
@cache
def _solved_json(cases: int, days: int, seed: int, staffing: float, start: str | None) -> tuple[str, str]:
    from datetime import datetime

    from models import scenario_from_dict
    from planner.service import solve_scenario
    from sample_data import generate_scenario
    from solver import SolveParams

    data = generate_scenario(cases=cases, days=days, seed=seed, staffing=staffing,
                             start=datetime.fromisoformat(start) if start else None)
    checked = solve_scenario(scenario_from_dict(data), SolveParams(time_limit_s=5, workers=1, seed=0))
    assert not checked.violations, checked.violations
    return json.dumps(data), json.dumps(checked.plan.to_json_dict())


def solved(cases: int = 8, days: int = 7, seed: int = 3, staffing: float = 1.5, start: str | None = None
           ) -> tuple[dict, dict]:
    """(scenario dict, plan dict) of a generated scenario planned by the solver; fresh copies."""
    scn, plan = _solved_json(cases, days, seed, staffing, start)
    return copy.deepcopy(json.loads(scn)), copy.deepcopy(json.loads(plan))
