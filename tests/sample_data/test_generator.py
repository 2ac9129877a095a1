"""The scenario generator: deterministic, FORMAT.md-shaped, referentially whole, plannable."""

from __future__ import annotations

import bisect
import json
import re
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sample_data import DEFAULT_START, SCENARIOS_DIR, generate_scenario, make_committed, write_scenario
from sample_data.__main__ import main as cli_main

DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")
WITH_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COMMITTED = ("demo.json", "small.json", "rules.json")


@pytest.fixture(scope="module")
def large() -> tuple[dict, float]:
    began = time.perf_counter()
    scenario = generate_scenario(150, 28, seed=0)
    return scenario, time.perf_counter() - began


@pytest.fixture(scope="module")
def committed() -> dict[str, dict]:
    return {name: json.loads((SCENARIOS_DIR / name).read_text(encoding="utf-8")) for name in COMMITTED}


def all_scenarios(large, committed) -> list[tuple[str, dict]]:
    return [("L", large[0])] + list(committed.items())


def walk(value, path=""):
    """Every (path, scalar) in a JSON tree."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}[{i}]")
    else:
        yield path, value


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- shape ---------------------------------------------------------------------------------


def test_same_seed_same_scenario_other_seed_other_scenario():
    a = generate_scenario(12, 3, seed=7, staffing=0.8)
    b = generate_scenario(12, 3, seed=7, staffing=0.8)
    assert a == b
    assert json.dumps(a) == json.dumps(b)
    assert generate_scenario(12, 3, seed=8, staffing=0.8)["cases"] != a["cases"]


def test_top_level_follows_format(large):
    s = large[0]
    assert s["format"] == "bv-scenario/1"
    assert s["planning_start"] == "2026-12-07T08:00:00+01:00" == DEFAULT_START.isoformat()
    assert s["home_country"] == "NL"
    allowed = {"format", "id", "planning_start", "home_country", "settings", "locations", "flights",
               "cases", "staff", "vehicles", "locks", "forbids"}
    assert {k for k in s if not k.startswith("x_")} <= allowed
    assert len(s["cases"]) == 150


def test_every_datetime_carries_an_offset_and_dates_are_plain(large, committed):
    for name, s in all_scenarios(large, committed):
        for path, value in walk(s):
            if isinstance(value, str) and DATETIME.match(value):
                assert WITH_OFFSET.match(value), f"{name}: {path} = {value!r}"
            if path.endswith(("valid_from", "valid_until")):
                assert DATE.match(value), f"{name}: {path} = {value!r}"


def test_ids_are_unique(large, committed):
    for name, s in all_scenarios(large, committed):
        for key in ("locations", "flights", "cases", "staff", "vehicles"):
            ids = [x["id"] for x in s[key]]
            assert len(ids) == len(set(ids)), f"{name}: duplicate id in {key}"
        care = [o["id"] for c in s["cases"] for o in c["care"]["options"]]
        assert len(care) == len(set(care)), f"{name}: duplicate care option id"
        pseudonyms = [c["pseudonym"] for c in s["cases"]]
        assert len(pseudonyms) == len(set(pseudonyms))


def test_every_reference_resolves(large, committed):
    for name, s in all_scenarios(large, committed):
        locations = {x["id"]: x for x in s["locations"]}
        airports = {k for k, v in locations.items() if v["kind"] == "airport"}
        staff = {x["id"] for x in s["staff"]}
        for f in s["flights"]:
            assert f["from"] in airports and f["to"] in airports, f["id"]
        for c in s["cases"]:
            assert c["location"] in locations and locations[c["location"]]["kind"] != "airport"
            assert set(c["destination_airports"]) <= airports
            assert {locations[a]["country"] for a in c["destination_airports"]} == {c["destination_country"]}
            for o in c["care"]["options"]:
                assert o["airport"] in c["destination_airports"], (c["id"], o["id"])
            for role in c["escorts"]:
                assert any(role in p["roles"] for p in s["staff"]), f"{name}: nobody holds {role}"
        for p in s["staff"]:
            assert p["base"] in locations
        for v in s["vehicles"]:
            assert locations[v["depot"]]["kind"] == "depot"
        cases = {c["id"] for c in s["cases"]}
        flights = {f["id"] for f in s["flights"]}
        vehicles = {v["id"] for v in s["vehicles"]}
        for fb in s.get("forbids") or []:
            assert fb["case"] in cases
            assert fb.get("staff") in staff or fb.get("flight") in flights or fb.get("vehicle") in vehicles


def test_groups_travel_together(large):
    groups: dict[str, list[dict]] = {}
    for c in large[0]["cases"]:
        if c.get("group"):
            groups.setdefault(c["group"], []).append(c)
    assert groups
    share = sum(len(m) for m in groups.values()) / len(large[0]["cases"])
    assert 0.1 <= share <= 0.35  # families are one of a Bijzonder Vertrek team's main case kinds
    for members in groups.values():
        assert 2 <= len(members) <= 4
        for key in ("location", "destination_airports", "available_from", "deadline", "deadline_kind"):
            assert len({json.dumps(m[key]) for m in members}) == 1, key
        span = parse(members[0]["deadline"]) - parse(members[0]["available_from"])
        if members[0]["deadline_kind"] == "legal":  # a family in detention: at most 14 days
            assert span <= timedelta(days=14)


def test_case_mix_is_realistic(large):
    cases = large[0]["cases"]
    forced = sum(c["departure_type"] == "forced" for c in cases) / len(cases)
    assert 0.15 <= forced <= 0.4  # details in tests/sample_data/test_realism.py
    assert any(c["minor"] and c["unaccompanied"] for c in cases)
    assert any(c["fit_to_fly"]["stretcher"] for c in cases)
    assert any(c["fit_to_fly"]["wheelchair"] == "WCHC" for c in cases)
    assert any(c["travel_document"] is None for c in cases)
    for c in cases:
        assert parse(c["available_from"]) <= parse(c["deadline"])
        assert 1 <= c["priority"] <= 5
        if c["minor"] and c["unaccompanied"]:
            assert c["care"]["required"] and c["care"]["options"]


# --- flights -------------------------------------------------------------------------------


def test_flight_times_are_local_and_blocks_plausible(large):
    tz = {x["id"]: ZoneInfo(x["tz"]) for x in large[0]["locations"]}
    for f in large[0]["flights"][::7]:
        dep, arr = parse(f["departure"]), parse(f["arrival"])
        assert dep.utcoffset() == dep.astimezone(tz[f["from"]]).utcoffset(), f["id"]
        assert arr.utcoffset() == arr.astimezone(tz[f["to"]]).utcoffset(), f["id"]
        assert timedelta(minutes=40) <= arr - dep <= timedelta(hours=14), f["id"]
        assert 120 <= f["fare_eur"] <= 1500


def test_offsets_follow_dst_changes():
    s = generate_scenario(3, 10, seed=1, start=datetime.fromisoformat("2027-03-24T08:00:00+01:00"))
    offsets = {f["departure"][-6:] for f in s["flights"] if f["from"] == "AMS"}
    assert offsets == {"+01:00", "+02:00"}  # summer time starts on 28 March 2027


def test_large_tier_size_and_speed(large):
    scenario, seconds = large
    legs = scenario["flights"]
    assert 8000 <= len(legs) <= 10000
    assert seconds < 5
    share = sum(f["stretcher"] for f in legs) / len(legs)
    assert 0.08 <= share <= 0.25


def _itinerary_exists(case: dict, by_pair: dict, nl: set[str], start: datetime) -> bool:
    """Independent check from the JSON: 1-2 legs home→destination inside the case's limits."""
    earliest = max(parse(case["available_from"]) + timedelta(hours=3), start + timedelta(hours=36))
    latest = parse(case["deadline"])
    limit = timedelta(hours=case["fit_to_fly"]["max_travel_hours"] or 48)
    max_legs = case["fit_to_fly"]["max_legs"] or 2
    dests = set(case["destination_airports"])
    for (a, b), legs in by_pair.items():
        if a not in nl:
            continue
        for dep, arr, _ in legs:
            if not earliest <= dep <= latest or arr - dep > limit:
                continue
            if b in dests:
                return True
            if max_legs < 2:
                continue
            for d in dests:
                onward = by_pair.get((b, d), [])
                i = bisect.bisect_left(onward, (arr + timedelta(minutes=90),))
                if i < len(onward) and onward[i][1] - dep <= limit:
                    return True
    return False


def test_most_cases_have_flights_within_their_limits(large):
    s = large[0]
    by_pair: dict = {}
    for f in s["flights"]:
        by_pair.setdefault((f["from"], f["to"]), []).append((parse(f["departure"]), parse(f["arrival"]), f["id"]))
    for legs in by_pair.values():
        legs.sort()
    nl = {x["id"] for x in s["locations"] if x["kind"] == "airport" and x["country"] == "NL"}
    gen = s["x_generator"]
    skipped = set(gen["unplannable_by_design"]) | set(gen["no_itinerary_found"])
    assert len(skipped) <= 0.15 * len(s["cases"])
    start = parse(s["planning_start"])
    missing = [c["id"] for c in s["cases"]
               if c["id"] not in skipped and not _itinerary_exists(c, by_pair, nl, start)]
    assert missing == []


# --- staff and vehicles --------------------------------------------------------------------


def test_lower_staffing_gives_fewer_staff_and_same_cases():
    scarce = generate_scenario(80, 14, seed=0, staffing=0.6)
    ample = generate_scenario(80, 14, seed=0, staffing=1.0)
    assert len(scarce["staff"]) < len(ample["staff"])
    assert len(scarce["vehicles"]) <= len(ample["vehicles"])
    assert scarce["cases"] == ample["cases"]
    assert scarce["flights"] == ample["flights"]


def test_staff_and_vehicles_are_plausible(large):
    s = large[0]
    emails = [p["email"] for p in s["staff"]]
    assert len(emails) == len(set(emails)) and all(e.endswith("@example.org") for e in emails)
    assert {r for p in s["staff"] for r in p["roles"]} == {"doctor", "nurse", "psychiatric_nurse", "kmar",
                                                           "coordinator"}
    for p in s["staff"]:
        assert 2 <= p["max_trips"] <= 8
        for w in p["unavailable"]:
            assert parse(w["from"]) < parse(w["to"])
    assert any(p["excluded_countries"] for p in s["staff"])
    kinds = {v["kind"] for v in s["vehicles"]}
    assert "patient_transport" in kinds
    assert any(v["wheelchair_places"] for v in s["vehicles"])
    for v in s["vehicles"]:
        assert v["available"]
        for w in v["available"]:
            assert parse(w["from"]) < parse(w["to"])


# --- committed files, CLI, models ----------------------------------------------------------


def test_committed_scenarios_are_reproducible(committed):
    assert committed["demo.json"] == make_committed.demo()
    assert committed["small.json"] == make_committed.small()
    assert committed["rules.json"] == make_committed.rules()


def test_rules_scenario_exercises_every_rule(committed):
    s = committed["rules.json"]
    cases = s["cases"]
    start = date.fromisoformat(s["planning_start"][:10])
    assert any(c.get("group") for c in cases)
    assert any(c["minor"] and c["unaccompanied"] for c in cases)
    assert any(c["fit_to_fly"]["stretcher"] and c["fit_to_fly"]["oxygen"] for c in cases)
    assert any(c["fit_to_fly"]["wheelchair"] == "WCHC" for c in cases)
    assert any(c["departure_type"] == "forced" for c in cases)
    assert any(c["same_gender_escort"] for c in cases)
    assert any(c["travel_document"] is None for c in cases)
    assert any(date.fromisoformat(c["fit_to_fly"]["valid_until"]) < start for c in cases)
    assert any(loc.get("pickup_windows") for loc in s["locations"])
    assert any(p["excluded_countries"] and p["unavailable"] for p in s["staff"])
    assert any(fb.get("staff") for fb in s["forbids"])


def test_write_scenario_and_cli(tmp_path, capsys):
    path = tmp_path / "s.json"
    written = write_scenario(path, cases=3, days=2, seed=4)
    assert json.loads(path.read_text(encoding="utf-8")) == written
    out = tmp_path / "cli.json"
    assert cli_main(["-o", str(out), "--cases", "3", "--days", "2", "--seed", "4"]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == written


def test_models_accept_generated_scenarios(large, committed):
    models = pytest.importorskip("models")
    if not hasattr(models, "scenario_from_dict"):
        pytest.skip("models has no scenario_from_dict yet")
    for name, s in all_scenarios(large, committed):
        scenario = models.scenario_from_dict(s, source=name)
        assert len(scenario.cases) == len(s["cases"])
