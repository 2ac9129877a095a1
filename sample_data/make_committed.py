"""Regenerate the committed scenarios: `python -m sample_data.make_committed`.

- demo.json  — 25 cases, 14 days, seed 1, staffing 0.8: the one to show.
- small.json — 6 cases, 5 days, staffing 1.5: quick to solve, for smoke tests.
- rules.json — 10 cases, 7 days, staffing 1.5: every rule of FORMAT.md has something to bite on.
  Generated, then edited on purpose (listed in `x_generator.edits`) so that it certainly holds a
  group, an unaccompanied minor, a stretcher+oxygen case, a WCHC case, a forced case, a same-gender-escort
  case, a case without travel document, a case whose fit-to-fly expired, locations with pickup
  windows, a staff member with excluded countries and leave, and a forbid of a case and a staff.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sample_data.generator import generate_scenario
from sample_data.places import HOME_TZ
from sample_data.schedule import local_iso, zone

SCENARIOS_DIR = Path(__file__).parent / "scenarios"

RULES_PROFILES = ["family", "uam", "stretcher", "wchc", "forced", "forced", "medical", "voluntary"]


def _midnight(day: date) -> str:
    return local_iso(datetime.combine(day, time(0, 0), tzinfo=zone(HOME_TZ)), HOME_TZ)


def demo() -> dict:
    return generate_scenario(25, 14, seed=1, staffing=0.8)


def small() -> dict:
    return generate_scenario(6, 5, seed=2, staffing=1.5,
                             profiles=["forced", "medical", "uam", "wchc", "voluntary", "forced"])


class _Unsuitable(Exception):
    """This seed's draw lacks an example the rules scenario needs."""


def rules() -> dict:
    """The first seed from 3 on that has every example, each plannable before the edits."""
    for seed in range(3, 200):
        try:
            return _rules(seed)
        except _Unsuitable:
            continue
    raise AssertionError("no seed gives a complete rules scenario; change RULES_PROFILES")


def _rules(seed: int) -> dict:
    s = generate_scenario(10, 7, seed=seed, staffing=1.5, profiles=RULES_PROFILES)
    s["id"] = "rules-10c-7d"
    gen = s["x_generator"]
    blocked = set(gen["unplannable_by_design"]) | set(gen["no_itinerary_found"])
    edits: list[str] = []
    cases = s["cases"]
    start_day = date.fromisoformat(s["planning_start"][:10])

    def first(pred, what):
        for c in cases:
            if pred(c) and c["id"] not in blocked:
                return c
        raise _Unsuitable(what)

    first(lambda c: c.get("group"), "a group")
    first(lambda c: c["minor"] and c["unaccompanied"], "an unaccompanied minor")
    first(lambda c: c["fit_to_fly"]["stretcher"] and c["fit_to_fly"]["oxygen"], "a stretcher+oxygen case")
    first(lambda c: c["fit_to_fly"]["wheelchair"] == "WCHC", "a WCHC case")
    forced = first(lambda c: c["departure_type"] == "forced" and not c.get("group") and c["gender"] != "X",
                   "a forced case")

    if not any(c["same_gender_escort"] for c in cases):
        forced["same_gender_escort"] = True
        edits.append(f"{forced['id']}: same_gender_escort set")
    for c in cases:
        if c["same_gender_escort"]:
            roles = list(c["escorts"])
            if not any(p["gender"] == c["gender"] and set(p["roles"]) & set(roles) for p in s["staff"]):
                raise _Unsuitable(f"a {c['gender']} escort for {c['id']}")

    no_doc = first(lambda c: c["departure_type"] == "voluntary" and not c.get("group")
                   and c["fit_to_fly"]["status"] == "fit" and not c["minor"], "a voluntary adult")
    if no_doc["travel_document"] is not None:
        no_doc["travel_document"] = None
        edits.append(f"{no_doc['id']}: travel_document null (laissez-passer not issued)")

    expired = first(lambda c: c["fit_to_fly"]["status"] == "fit_with_conditions" and c is not no_doc
                    and not c["fit_to_fly"]["stretcher"] and c["fit_to_fly"]["wheelchair"] != "WCHC",
                    "a medical case")
    until = start_day - timedelta(days=2)
    expired["fit_to_fly"]["valid_from"] = (until - timedelta(days=10)).isoformat()
    expired["fit_to_fly"]["valid_until"] = until.isoformat()
    edits.append(f"{expired['id']}: fit-to-fly expired on {until.isoformat()}")

    assert any(loc.get("pickup_windows") for loc in s["locations"])

    kmar = next(p for p in s["staff"] if "kmar" in p["roles"])
    if not kmar["excluded_countries"]:
        kmar["excluded_countries"] = ["IR", "TR"]
        edits.append(f"{kmar['id']}: excluded_countries IR, TR (TR excludes transit via Istanbul)")
    if not kmar["unavailable"]:
        a, b = start_day + timedelta(days=2), start_day + timedelta(days=4)
        kmar["unavailable"] = [{"from": _midnight(a), "to": _midnight(b)}]
        edits.append(f"{kmar['id']}: unavailable {a.isoformat()} to {b.isoformat()}")

    other_kmar = [p["id"] for p in s["staff"] if "kmar" in p["roles"] and p["id"] != kmar["id"]]
    forbid_staff = other_kmar[0] if other_kmar else kmar["id"]
    s["forbids"] = [{"case": forced["id"], "staff": forbid_staff}]
    edits.append(f"forbid {forced['id']} with {forbid_staff}")

    gen = s["x_generator"]
    gen["edits"] = edits
    gen["unplannable_by_design"] = sorted(set(gen["unplannable_by_design"]) | {no_doc["id"], expired["id"]})
    return s


def write(name: str, scenario: dict) -> Path:
    path = SCENARIOS_DIR / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(scenario, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def main() -> None:
    for name, build in (("demo.json", demo), ("small.json", small), ("rules.json", rules)):
        scenario = build()
        path = write(name, scenario)
        print(f"{path}: {len(scenario['cases'])} cases, {len(scenario['flights'])} legs, "
              f"{len(scenario['staff'])} staff, {len(scenario['vehicles'])} vehicles")


if __name__ == "__main__":
    main()
