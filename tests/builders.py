"""A tiny valid scenario and plan, as plain dicts, for rule and solver tests.

The default world (planning start Monday 2026-12-07 08:00 Amsterdam):
- airports AMS (NL), IST (TR) and the hub FRA (DE); hospital HOSP (The Hague, pickup 05:00-22:00)
  and DV&O depot DEPOT near Schiphol;
- outbound AMS->IST direct (TK1952, 9, 10 and 11 Dec; 10 Dec has stretcher and oxygen) and via FRA
  (KL1763 + LH1300, 9 Dec); returns IST->AMS (TK1951, 10, 11 and 12 Dec) and via FRA (LH1301 + LH992,
  10 Dec);
- one forced case BV-1 with two KMar escorts, staff S-1 (F) and S-2 (M), one van V-1.

`plan_dict()` is a valid plan for `scenario_dict()`: BV-1 on TK1952-1209, picked up 9 Dec 06:30,
both escorts back on TK1951-1210. Tests mutate one thing and check the rule that breaks.
Dict-valued overrides of `fit_to_fly`, `care`, `travel_document`, `settings` merge into the
default; everything else replaces.
"""

from __future__ import annotations

import copy
from typing import Any

from models import Plan, Scenario, plan_from_dict, scenario_from_dict

PLANNING_START = "2026-12-07T08:00:00+01:00"
PICKUP = "2026-12-09T06:30:00+01:00"

_NESTED = ("fit_to_fly", "care", "travel_document", "settings", "road")


def _merged(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in overrides.items():
        if key in _NESTED and isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


# -- parts -------------------------------------------------------------------
def location_dict(location_id: str, kind: str, lat: float, lon: float, **overrides: Any) -> dict[str, Any]:
    base = {"id": location_id, "name": location_id, "kind": kind, "lat": lat, "lon": lon,
            "tz": "Europe/Amsterdam", "country": "NL"}
    return _merged(base, overrides)


def default_locations() -> list[dict[str, Any]]:
    return [
        location_dict("AMS", "airport", 52.3086, 4.7639, name="Amsterdam Schiphol", iata="AMS"),
        location_dict("IST", "airport", 41.2753, 28.7519, name="Istanbul", iata="IST",
                      tz="Europe/Istanbul", country="TR"),
        location_dict("FRA", "airport", 50.0379, 8.5622, name="Frankfurt", iata="FRA",
                      tz="Europe/Berlin", country="DE"),
        location_dict("HOSP", "hospital", 52.1045, 4.2830, name="JCvSZ Scheveningen",
                      pickup_windows=[{"from": "05:00", "to": "22:00"}]),
        location_dict("DEPOT", "depot", 52.3000, 4.8000, name="DV&O Schiphol-Oost"),
    ]


def flight_dict(flight_id: str, carrier: str, number: str, from_: str, to: str, departure: str, arrival: str,
                **overrides: Any) -> dict[str, Any]:
    base = {"id": flight_id, "carrier": carrier, "number": number, "from": from_, "to": to,
            "departure": departure, "arrival": arrival, "seats": 6, "max_forced": 2, "stretcher": False,
            "oxygen": False, "medif_lead_hours": 48, "fare_eur": 350.0}
    return _merged(base, overrides)


def default_flights() -> list[dict[str, Any]]:
    return [
        flight_dict("TK1952-1209", "TK", "1952", "AMS", "IST", "2026-12-09T11:00:00+01:00",
                    "2026-12-09T15:35:00+03:00"),
        flight_dict("TK1952-1210", "TK", "1952", "AMS", "IST", "2026-12-10T11:00:00+01:00",
                    "2026-12-10T15:35:00+03:00", stretcher=True, oxygen=True),
        flight_dict("TK1952-1211", "TK", "1952", "AMS", "IST", "2026-12-11T11:00:00+01:00",
                    "2026-12-11T15:35:00+03:00"),
        flight_dict("KL1763-1209", "KL", "1763", "AMS", "FRA", "2026-12-09T09:00:00+01:00",
                    "2026-12-09T10:10:00+01:00", seats=9, stretcher=True, oxygen=True, fare_eur=120.0),
        flight_dict("LH1300-1209", "LH", "1300", "FRA", "IST", "2026-12-09T11:45:00+01:00",
                    "2026-12-09T16:45:00+03:00", seats=9, stretcher=True, oxygen=True, fare_eur=230.0),
        flight_dict("TK1951-1210", "TK", "1951", "IST", "AMS", "2026-12-10T08:00:00+03:00",
                    "2026-12-10T10:45:00+01:00", fare_eur=300.0),
        flight_dict("TK1951-1211", "TK", "1951", "IST", "AMS", "2026-12-11T08:00:00+03:00",
                    "2026-12-11T10:45:00+01:00", fare_eur=300.0),
        flight_dict("TK1951-1212", "TK", "1951", "IST", "AMS", "2026-12-12T08:00:00+03:00",
                    "2026-12-12T10:45:00+01:00", fare_eur=300.0),
        flight_dict("LH1301-1210", "LH", "1301", "IST", "FRA", "2026-12-10T15:00:00+03:00",
                    "2026-12-10T17:00:00+01:00", seats=9, fare_eur=200.0),
        flight_dict("LH992-1210", "LH", "992", "FRA", "AMS", "2026-12-10T19:00:00+01:00",
                    "2026-12-10T20:10:00+01:00", seats=9, fare_eur=90.0),
    ]


def case_dict(case_id: str = "BV-1", **overrides: Any) -> dict[str, Any]:
    """A forced adult departure to Istanbul with two KMar escorts and one (unused) care option."""
    base = {
        "id": case_id, "pseudonym": f"P-{case_id}", "group": None, "departure_type": "forced", "gender": "M",
        "minor": False, "unaccompanied": False, "nationality": "TR", "destination_country": "TR",
        "destination_airports": ["IST"], "location": "HOSP",
        "available_from": "2026-12-08T09:00:00+01:00", "deadline": "2026-12-20T23:59:00+01:00",
        "travel_document": {"valid_from": "2026-12-01", "valid_until": "2027-06-01"},
        "fit_to_fly": {"status": "fit", "valid_from": "2026-12-01", "valid_until": "2026-12-31",
                       "max_travel_hours": None, "max_legs": None, "stretcher": False, "oxygen": False,
                       "wheelchair": None},
        "escorts": {"kmar": 2}, "same_gender_escort": False, "languages": ["tr"],
        "care": {"required": False, "options": [
            {"id": f"CARE-{case_id}", "facility": "Family Yilmaz", "kind": "family", "airport": "IST",
             "transfer_minutes": 90, "confirmed": True,
             "windows": [{"from": "2026-12-08T00:00:00+03:00", "to": "2026-12-14T00:00:00+03:00"}]},
        ]},
        "priority": 3, "daily_cost_eur": 100.0,
    }
    return _merged(base, overrides)


def staff_dict(staff_id: str, gender: str = "F", **overrides: Any) -> dict[str, Any]:
    base = {"id": staff_id, "name": f"Escort {staff_id}", "email": f"{staff_id.lower()}@example.org",
            "roles": ["kmar"], "gender": gender, "languages": ["nl", "en"], "base": "DEPOT", "unavailable": [],
            "max_trips": 2, "excluded_countries": [], "hour_cost_eur": 25.0}
    return _merged(base, overrides)


def vehicle_dict(vehicle_id: str = "V-1", **overrides: Any) -> dict[str, Any]:
    base = {"id": vehicle_id, "name": f"Van {vehicle_id}", "kind": "van", "seats": 8, "wheelchair_places": 1,
            "stretcher_places": 0, "depot": "DEPOT",
            "available": [{"from": "2026-12-07T00:00:00+01:00", "to": "2026-12-14T00:00:00+01:00"}]}
    return _merged(base, overrides)


# -- the scenario ----------------------------------------------------------------
def scenario_dict(**overrides: Any) -> dict[str, Any]:
    """The default valid scenario; top-level keys in `overrides` replace (settings merge)."""
    base = {
        "format": "bv-scenario/1", "id": "tiny", "planning_start": PLANNING_START, "home_country": "NL",
        "settings": {}, "locations": default_locations(), "flights": default_flights(), "cases": [case_dict()],
        "staff": [staff_dict("S-1", "F"), staff_dict("S-2", "M")], "vehicles": [vehicle_dict()],
        "locks": [], "forbids": [],
    }
    return _merged(base, overrides)


def _replace_or_append(items: list[dict[str, Any]], item: dict[str, Any]) -> dict[str, Any]:
    for i, existing in enumerate(items):
        if existing["id"] == item["id"]:
            items[i] = item
            return item
    items.append(item)
    return item


def add_case(scn: dict[str, Any], case_id: str, **overrides: Any) -> dict[str, Any]:
    """Add (or replace) a case in `scn`; returns the case dict."""
    return _replace_or_append(scn["cases"], case_dict(case_id, **overrides))


def add_flight(scn: dict[str, Any], flight_id: str, carrier: str, number: str, from_: str, to: str,
               departure: str, arrival: str, **overrides: Any) -> dict[str, Any]:
    return _replace_or_append(scn["flights"], flight_dict(flight_id, carrier, number, from_, to, departure, arrival,
                                                          **overrides))


def add_staff(scn: dict[str, Any], staff_id: str, gender: str = "F", **overrides: Any) -> dict[str, Any]:
    return _replace_or_append(scn["staff"], staff_dict(staff_id, gender, **overrides))


def add_vehicle(scn: dict[str, Any], vehicle_id: str, **overrides: Any) -> dict[str, Any]:
    return _replace_or_append(scn["vehicles"], vehicle_dict(vehicle_id, **overrides))


def add_location(scn: dict[str, Any], location_id: str, kind: str, lat: float, lon: float,
                 **overrides: Any) -> dict[str, Any]:
    return _replace_or_append(scn["locations"], location_dict(location_id, kind, lat, lon, **overrides))


def item(scn: dict[str, Any], list_name: str, item_id: str) -> dict[str, Any]:
    """The dict with `item_id` in `scn[list_name]`, for mutating in place."""
    return next(x for x in scn[list_name] if x["id"] == item_id)


# -- the plan ------------------------------------------------------------------------
def escort_dict(staff: str, role: str = "kmar", returns: tuple[str, ...] | list[str] = ("TK1951-1210",)
                ) -> dict[str, Any]:
    return {"staff": staff, "role": role, "return": list(returns)}


def trip_dict(cases: tuple[str, ...] | list[str] = ("BV-1",),
              outbound: tuple[str, ...] | list[str] = ("TK1952-1209",),
              pickup: str = PICKUP, vehicle: str = "V-1",
              escorts: list[dict[str, Any]] | None = None, care: dict[str, str] | None = None) -> dict[str, Any]:
    """A trip; by default BV-1's valid trip with S-1 and S-2 as KMar escorts."""
    if escorts is None:
        escorts = [escort_dict("S-1"), escort_dict("S-2")]
    return {"cases": list(cases), "outbound": list(outbound), "pickup": pickup, "vehicle": vehicle,
            "escorts": copy.deepcopy(escorts), "care": dict(care or {})}


def second_day_trip(cases: tuple[str, ...] | list[str] = ("BV-1",), **overrides: Any) -> dict[str, Any]:
    """The same trip a day later: TK1952-1210 (stretcher and oxygen legs), escorts back on TK1951-1211."""
    base = dict(cases=cases, outbound=["TK1952-1210"], pickup="2026-12-10T06:30:00+01:00",
                escorts=[escort_dict("S-1", returns=["TK1951-1211"]), escort_dict("S-2", returns=["TK1951-1211"])])
    return trip_dict(**{**base, **overrides})


def third_day_trip(cases: tuple[str, ...] | list[str] = ("BV-1",), **overrides: Any) -> dict[str, Any]:
    """TK1952-1211 on 11 Dec, escorts back on TK1951-1212."""
    base = dict(cases=cases, outbound=["TK1952-1211"], pickup="2026-12-11T06:30:00+01:00",
                escorts=[escort_dict("S-1", returns=["TK1951-1212"]), escort_dict("S-2", returns=["TK1951-1212"])])
    return trip_dict(**{**base, **overrides})


def via_hub_trip(cases: tuple[str, ...] | list[str] = ("BV-1",), **overrides: Any) -> dict[str, Any]:
    """Via Frankfurt on 9 Dec: KL1763-1209 + LH1300-1209 (95 min connection), pickup 05:00."""
    base = dict(cases=cases, outbound=["KL1763-1209", "LH1300-1209"], pickup="2026-12-09T05:00:00+01:00")
    return trip_dict(**{**base, **overrides})


def plan_dict(trips: list[dict[str, Any]] | None = None, unplanned: list[str] | tuple[str, ...] = (),
              scenario: str = "tiny", notes: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """A plan; by default the valid plan of `scenario_dict()`. `unplanned` lists case ids."""
    return {
        "format": "bv-plan/1", "scenario": scenario,
        "trips": [trip_dict()] if trips is None else copy.deepcopy(trips),
        "unplanned": [{"case": c, "reasons": ["test"]} for c in unplanned],
        "objective": None, "notes": list(notes or []), "solver": {},
    }


def build(scn: dict[str, Any]) -> Scenario:
    return scenario_from_dict(scn)


def build_plan(plan: dict[str, Any]) -> Plan:
    return plan_from_dict(plan)


def violations(scn: dict[str, Any], plan: dict[str, Any], previous: dict[str, Any] | None = None) -> list:
    """find_violations on dicts (imported late: builders stay usable without the rule checker)."""
    from models.rules import find_violations

    return find_violations(build(scn), build_plan(plan), build_plan(previous) if previous is not None else None)


def codes(scn: dict[str, Any], plan: dict[str, Any], previous: dict[str, Any] | None = None) -> set[str]:
    """The rule codes `plan` breaks."""
    return {v.rule for v in violations(scn, plan, previous)}
