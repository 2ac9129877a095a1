"""Hypothesis strategies for valid but unusual scenarios, as FORMAT.md allows them.

Two sources: small subsets of the committed scenarios (small, rules, demo), and the tiny hand-made
world of `tests.builders` grown from scratch. Both then get the shapes our own generator never
writes: overlapping, touching, duplicated and zero-length windows of every kind; codeshare copies and
legs at identical times; seats and forced places of 0; optional fields left out; empty staff or
vehicle lists; a pickup location a day's drive away; the whole world moved onto a DST change;
locks that can be kept and locks that cannot.
"""

from __future__ import annotations

import copy
import json
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from tests.builders import add_case, add_location, add_staff, add_vehicle, scenario_dict
from tests.solver.codeshare import with_codeshares

SCENARIOS = Path(__file__).resolve().parents[2] / "sample_data" / "scenarios"
START = datetime(2026, 12, 7, 8, 0, tzinfo=timezone(timedelta(hours=1)))
"""planning_start of the committed scenarios and of the builders' world."""
FAR_FUTURE = "9999-12-31T23:59:00+00:00"
DAY = 24 * 60

DST_SHIFTS = {"none": 0, "spring": 109, "autumn": -45}
"""Days to move the builders' world so its flights (9-12 Dec) fall on 28-31 Mar 2027 (clocks go
forward on the 28th) or on 25-28 Oct 2026 (clocks go back on the 25th), in Europe/Amsterdam."""


@cache
def _committed(name: str) -> str:
    return (SCENARIOS / f"{name}.json").read_text(encoding="utf-8")


def iso(moment: datetime) -> str:
    return moment.isoformat()


# -- windows ---------------------------------------------------------------------------
@st.composite
def absolute_windows(draw, base: datetime = START, days: int = 12, max_size: int = 4) -> list[dict[str, str]]:
    """Windows that overlap, touch, repeat, have zero length, start before planning or never end."""
    out: list[tuple[datetime, datetime | str]] = []
    for _ in range(draw(st.integers(0, max_size))):
        kind = draw(st.sampled_from(["free", "free", "zero", "copy", "touch", "overlap", "before", "forever"]))
        if kind in ("copy", "touch", "overlap") and out and isinstance(out[-1][1], datetime):
            a, b = out[-1]
            if kind == "copy":
                out.append((a, b))
                continue
            start = b if kind == "touch" else a + (b - a) / 2
        elif kind == "before":
            start = base - timedelta(days=draw(st.integers(1, 400)))
        else:
            start = base + timedelta(minutes=draw(st.integers(-DAY, days * DAY)))
        if kind == "forever":
            out.append((start, FAR_FUTURE))
            continue
        length = 0 if kind == "zero" else draw(st.sampled_from([1, 45, 8 * 60, DAY, 3 * DAY, 9 * DAY]))
        out.append((start, start + timedelta(minutes=length)))
    return [{"from": iso(a), "to": b if isinstance(b, str) else iso(b)} for a, b in out]


@st.composite
def daily_windows(draw) -> list[dict[str, str]] | None:
    """Pickup hours: normal, past midnight, zero-length (exactly one minute), duplicated."""
    if draw(st.booleans()):
        return None
    times = ["00:00", "02:30", "05:00", "06:30", "07:00", "12:00", "20:00", "22:00", "23:59"]
    out = []
    for _ in range(draw(st.integers(1, 3))):
        a = draw(st.sampled_from(times))
        b = a if draw(st.integers(0, 4)) == 0 else draw(st.sampled_from(times))
        out.append({"from": a, "to": b})
    if draw(st.booleans()):
        out.append(dict(out[0]))
    return out


# -- mutations -----------------------------------------------------------------------------
def _shift(data: Any, days: int) -> Any:
    """Every datetime and date in the scenario moved by `days` (offsets kept: still valid instants)."""
    if isinstance(data, dict):
        return {k: _shift(v, days) for k, v in data.items()}
    if isinstance(data, list):
        return [_shift(v, days) for v in data]
    if isinstance(data, str) and len(data) >= 10 and data[4] == "-" and data[7] == "-" and data[:4].isdigit():
        if data.startswith("9999"):
            return data
        if len(data) == 10:
            return (date.fromisoformat(data) + timedelta(days=days)).isoformat()
        if "T" in data:
            return (datetime.fromisoformat(data) + timedelta(days=days)).isoformat()
    return data


@st.composite
def mutate_windows(draw, scn: dict[str, Any]) -> None:
    base = datetime.fromisoformat(scn["planning_start"])
    for staff in scn["staff"]:
        if draw(st.booleans()):
            staff["unavailable"] = staff.get("unavailable", []) + draw(absolute_windows(base))
    for vehicle in scn["vehicles"]:
        if draw(st.booleans()):
            keep = vehicle["available"] if draw(st.integers(0, 3)) else []
            vehicle["available"] = keep + draw(absolute_windows(base, max_size=3))
    for case in scn["cases"]:
        for option in case["care"]["options"]:
            if draw(st.booleans()):
                option["windows"] = option["windows"] + draw(absolute_windows(base, max_size=3))
    for location in scn["locations"]:
        if location["kind"] != "airport" and draw(st.integers(0, 3)) == 0:
            location["pickup_windows"] = draw(daily_windows())


@st.composite
def mutate_flights(draw, scn: dict[str, Any]) -> dict[str, Any]:
    flights = scn["flights"]
    if draw(st.integers(0, 3)) == 0:
        scn = with_codeshares(scn, draw(st.integers(2, 4)))
        flights = scn["flights"]
    for f in draw(st.lists(st.sampled_from(flights), max_size=4, unique_by=lambda f: f["id"])):
        change = draw(st.sampled_from(["seats", "forced", "twin_route"]))
        if change == "seats":
            f["seats"] = 0
        elif change == "forced":
            f["max_forced"] = 0
        else:  # another leg at exactly the same times, on the reverse route
            twin = copy.deepcopy(f)
            twin.update({"id": f["id"] + "-TWIN", "from": f["to"], "to": f["from"]})
            if all(x["id"] != twin["id"] for x in flights):
                flights.append(twin)
    return scn


@st.composite
def drop_optional_fields(draw, scn: dict[str, Any]) -> None:
    """Every optional field absent (or null) somewhere."""
    for key in ("settings", "locks", "forbids"):
        if key in scn and not scn[key] and draw(st.booleans()):
            del scn[key]
    for case in scn["cases"]:
        if draw(st.booleans()):
            for key in ("group", "languages"):
                case.pop(key, None)
            for key in ("max_travel_hours", "max_legs"):
                case["fit_to_fly"].pop(key, None)
    for staff in scn["staff"]:
        if draw(st.booleans()):
            for key in ("languages", "unavailable", "excluded_countries", "hour_cost_eur"):
                staff.pop(key, None)
    for location in scn["locations"]:
        if draw(st.integers(0, 4)) == 0:
            location.pop("pickup_windows", None)
            if location["kind"] != "airport":
                location.pop("iata", None)


def _without_staff(scn: dict[str, Any]) -> None:
    scn["staff"] = []
    scn["forbids"] = [f for f in scn.get("forbids") or [] if not f.get("staff")]
    scn["locks"] = [lk for lk in scn.get("locks") or [] if not lk.get("staff")]


def _without_vehicles(scn: dict[str, Any]) -> None:
    scn["vehicles"] = []
    scn["forbids"] = [f for f in scn.get("forbids") or [] if not f.get("vehicle")]
    scn["locks"] = [lk for lk in scn.get("locks") or [] if not lk.get("vehicle")]


@st.composite
def add_locks(draw, scn: dict[str, Any]) -> None:
    """Locks on random legs, escorts and vehicles: some can be kept, some cannot."""
    locks = []
    for case in draw(st.lists(st.sampled_from(scn["cases"]), max_size=2, unique_by=lambda c: c["id"])):
        lock: dict[str, Any] = {"case": case["id"]}
        dests = set(case["destination_airports"])
        legs = [f for f in scn["flights"] if f["to"] in dests]
        if legs and draw(st.booleans()):
            lock["flights"] = [draw(st.sampled_from(legs))["id"]]
        if scn["staff"] and draw(st.booleans()):
            lock["staff"] = [s["id"] for s in draw(st.lists(st.sampled_from(scn["staff"]), max_size=2,
                                                             unique_by=lambda s: s["id"]))]
        if scn["vehicles"] and draw(st.booleans()):
            lock["vehicle"] = draw(st.sampled_from(scn["vehicles"]))["id"]
        locks.append(lock)
    scn["locks"] = locks


# -- whole scenarios ----------------------------------------------------------------------------
@st.composite
def committed_subset(draw) -> dict[str, Any]:
    """1-3 cases of a committed scenario, everything else kept."""
    scn = json.loads(_committed(draw(st.sampled_from(["small", "rules", "demo"]))))
    keep = draw(st.lists(st.sampled_from(scn["cases"]), min_size=1, max_size=3, unique_by=lambda c: c["id"]))
    ids = {c["id"] for c in keep}
    scn["cases"] = [c for c in scn["cases"] if c["id"] in ids]
    scn["forbids"] = [f for f in scn.get("forbids") or [] if f["case"] in ids]
    # legs from a day before the first pickup to four days after the last deadline (returns included)
    first = min(datetime.fromisoformat(c["available_from"]) for c in keep) - timedelta(days=1)
    last = max(datetime.fromisoformat(c["deadline"]) for c in keep) + timedelta(days=4)
    scn["flights"] = [f for f in scn["flights"] if first <= datetime.fromisoformat(f["departure"]) <= last]
    return scn


@st.composite
def from_scratch(draw) -> dict[str, Any]:
    """The builders' tiny world (AMS, IST via FRA, one hospital, one depot), grown at random."""
    scn = scenario_dict()
    for i in range(2, draw(st.integers(1, 3)) + 1):
        add_case(scn, f"BV-{i}", departure_type=draw(st.sampled_from(["forced", "voluntary"])),
                 escorts={"kmar": draw(st.integers(0, 2))}, priority=draw(st.integers(1, 5)),
                 same_gender_escort=draw(st.booleans()), gender=draw(st.sampled_from(["F", "M", "X"])))
    for i in range(3, draw(st.integers(2, 4)) + 1):
        add_staff(scn, f"S-{i}", draw(st.sampled_from(["F", "M"])), max_trips=draw(st.integers(0, 2)))
    if draw(st.booleans()):
        add_vehicle(scn, "V-2", seats=draw(st.integers(0, 8)))
    if draw(st.integers(0, 3)) == 0:  # a pickup location a day's drive away (Naples)
        add_location(scn, "FAR", "reception_centre", 40.85, 14.27, name="Far away", tz="Europe/Rome", country="IT")
        scn["cases"][-1]["location"] = "FAR"
    # a night leg: moved onto a DST change it departs and lands on different sides of it
    night = {"id": "TK1954-NIGHT", "carrier": "TK", "number": "1954", "from": "AMS", "to": "IST",
             "departure": "2026-12-09T01:30:00+01:00", "arrival": "2026-12-09T06:05:00+03:00", "seats": 6,
             "max_forced": 2, "stretcher": False, "oxygen": False, "medif_lead_hours": 48, "fare_eur": 300.0}
    scn["flights"].append(night)
    shift = DST_SHIFTS[draw(st.sampled_from(sorted(DST_SHIFTS)))]
    return _shift(scn, shift) if shift else scn


@st.composite
def scenarios(draw, locks: bool = False) -> dict[str, Any]:
    """A valid, unusual scenario as a dict; with `locks`, some locks too."""
    scn = draw(st.one_of(committed_subset(), from_scratch()))
    draw(mutate_windows(scn))
    scn = draw(mutate_flights(scn))
    if draw(st.integers(0, 6)) == 0:
        _without_staff(scn)
    if draw(st.integers(0, 8)) == 0:
        _without_vehicles(scn)
    if locks:
        draw(add_locks(scn))
    else:
        scn["locks"] = []
    draw(drop_optional_fields(scn))
    return scn
