"""Tiny scenarios where exactly one rule family keeps case BV-1 out of the plan.

Each `FIXTURES[family]()` returns a scenario dict (tests/builders.py world). Where another case
takes the scarce resource it is BV-2, with priority 5 so the solver prefers it over BV-1 (3).
`FIXES[family]` is the what-if kind that plans BV-1 again (None: no single change does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.builders import add_case, add_flight, add_location, add_vehicle, case_dict, item, scenario_dict, staff_dict

OUTBOUND = ("TK1952-1209", "TK1952-1210", "TK1952-1211", "KL1763-1209", "LH1300-1209")


def only_outbound(scn: dict[str, Any], *keep: str) -> dict[str, Any]:
    """Drop every outbound leg except `keep` (returns stay)."""
    scn["flights"] = [f for f in scn["flights"] if f["id"] in keep or f["id"] not in OUTBOUND]
    return scn


def rival(scn: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    """BV-2: a voluntary case without escorts at the same hospital, priority 5."""
    base = dict(departure_type="voluntary", escorts={}, priority=5, gender="F")
    return add_case(scn, "BV-2", **{**base, **overrides})


def documents() -> dict[str, Any]:
    return scenario_dict(cases=[case_dict(travel_document=None)])


def fit_to_fly() -> dict[str, Any]:
    return scenario_dict(cases=[case_dict(fit_to_fly={"valid_until": "2026-12-08"})])


def fit_to_fly_pending() -> dict[str, Any]:
    return scenario_dict(cases=[case_dict(fit_to_fly={"status": "pending"})])


def deadline() -> dict[str, Any]:
    return scenario_dict(cases=[case_dict(deadline="2026-12-09T08:00:00+01:00", deadline_kind="target")])


def itinerary() -> dict[str, Any]:
    scn = scenario_dict()
    add_location(scn, "ADD", "airport", 8.9779, 38.7993, name="Addis Ababa", iata="ADD", tz="Africa/Addis_Ababa",
                 country="ET")
    item(scn, "cases", "BV-1").update(destination_airports=["ADD"], destination_country="ET")
    return scn


def care() -> dict[str, Any]:
    scn = scenario_dict()
    c = item(scn, "cases", "BV-1")
    c["care"]["required"] = True
    c["care"]["options"][0]["confirmed"] = False
    return scn


def seats() -> dict[str, Any]:
    scn = only_outbound(scenario_dict(), "TK1952-1209")
    item(scn, "flights", "TK1952-1209")["seats"] = 3
    rival(scn)
    add_vehicle(scn, "V-2")
    return scn


def forced() -> dict[str, Any]:
    scn = only_outbound(scenario_dict(), "TK1952-1209")
    item(scn, "flights", "TK1952-1209")["max_forced"] = 1
    rival(scn, departure_type="forced")
    add_vehicle(scn, "V-2")
    return scn


def stretcher() -> dict[str, Any]:
    """One stretcher leg before the deadline, taken by BV-2; a later one on 13 Dec."""
    scn = only_outbound(scenario_dict(), "TK1952-1210")
    item(scn, "flights", "TK1952-1210")["seats"] = 20
    add_flight(scn, "TK1952-1213", "TK", "1952", "AMS", "IST", "2026-12-13T11:00:00+01:00",
               "2026-12-13T15:35:00+03:00", seats=20, stretcher=True)
    add_flight(scn, "TK1951-1214", "TK", "1951", "IST", "AMS", "2026-12-14T08:00:00+03:00",
               "2026-12-14T10:45:00+01:00", fare_eur=300.0)
    on_stretcher = {"status": "fit_with_conditions", "stretcher": True}
    item(scn, "cases", "BV-1").update(case_dict(fit_to_fly=on_stretcher, deadline="2026-12-12T23:00:00+01:00",
                                                deadline_kind="target"))
    rival(scn, fit_to_fly=on_stretcher, deadline="2026-12-12T23:00:00+01:00")
    scn["vehicles"] = []
    for vid in ("PT-1", "PT-2"):
        add_vehicle(scn, vid, kind="patient_transport", stretcher_places=1,
                    available=[{"from": "2026-12-07T00:00:00+01:00", "to": "2026-12-15T00:00:00+01:00"}])
    for person in scn["staff"]:
        person["max_trips"] = 3
    return scn


def vehicle() -> dict[str, Any]:
    scn = scenario_dict()
    item(scn, "vehicles", "V-1")["available"] = [
        {"from": "2026-12-12T00:00:00+01:00", "to": "2026-12-14T00:00:00+01:00"}
    ]
    return scn


def staff() -> dict[str, Any]:
    """The only psychiatric nurse escorts BV-2 on 9 Dec; BV-1 can only go 9 or 10 Dec."""
    scn = only_outbound(scenario_dict(), "TK1952-1209", "TK1952-1210")
    scn["staff"] = [staff_dict("PSY-1", "F", roles=["psychiatric_nurse"])]
    item(scn, "cases", "BV-1").update(departure_type="voluntary", escorts={"psychiatric_nurse": 1})
    rival(scn, escorts={"psychiatric_nurse": 1})
    add_vehicle(scn, "V-2")
    return scn


def same_gender() -> dict[str, Any]:
    scn = scenario_dict(staff=[staff_dict("S-1", "M"), staff_dict("S-2", "M")])
    item(scn, "cases", "BV-1").update(gender="F", same_gender_escort=True)
    return scn


def excluded_country() -> dict[str, Any]:
    """S-1 may not travel to Turkey; S-2 alone cannot fill both KMar places."""
    return scenario_dict(staff=[staff_dict("S-1", "F", excluded_countries=["TR"]), staff_dict("S-2", "M")])


def lock() -> dict[str, Any]:
    """Locked to S-1 alone, but two KMar escorts are needed."""
    return scenario_dict(locks=[{"case": "BV-1", "staff": ["S-1"]}])


def seats_then_no_vehicle() -> dict[str, Any]:
    """Two rules together: 9 Dec has too few seats left, on 10 Dec no vehicle is available."""
    scn = only_outbound(scenario_dict(), "TK1952-1209", "TK1952-1210")
    item(scn, "flights", "TK1952-1209")["seats"] = 3
    rival(scn)
    add_vehicle(scn, "V-2")
    for v in scn["vehicles"]:
        v["available"] = [{"from": "2026-12-07T00:00:00+01:00", "to": "2026-12-10T00:00:00+01:00"}]
    return scn


FIXTURES: dict[str, Callable[[], dict[str, Any]]] = {
    "documents": documents,
    "fit_to_fly": fit_to_fly,
    "deadline": deadline,
    "itinerary": itinerary,
    "care": care,
    "seats": seats,
    "forced": forced,
    "stretcher": stretcher,
    "vehicle": vehicle,
    "staff": staff,
    "same_gender": same_gender,
    "excluded_country": excluded_country,
    "lock": lock,
}

FIXES: dict[str, str | None] = {
    "documents": "issue_document",
    "fit_to_fly": "extend_fit_to_fly",
    "deadline": "move_deadline",
    "itinerary": None,
    "care": "confirm_care",
    "seats": "extra_seats",
    "forced": "extra_forced",
    "stretcher": "move_deadline",
    "vehicle": "extra_vehicle",
    "staff": "extra_staff",
    "same_gender": "extra_staff",
    "excluded_country": "extra_staff",
    "lock": "release_lock",
}
