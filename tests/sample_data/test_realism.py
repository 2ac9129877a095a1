"""Generator realism (issue 10 item 4): the case mix of a Bijzonder Vertrek team, destinations by
departure type, same-gender escorts that the pool can meet, legal vs target deadlines, forced
departures from Schiphol, carrier policies, transit exclusions, the knobs and `--describe`."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta

import pytest

from planner.cli.app import main as bv_main
from sample_data import generate_scenario
from sample_data.describe import category, describe
from sample_data.mix import parse_mix, unit_weights
from sample_data.places import DESTINATION_BY_COUNTRY, detained_at

NO_FORCED = {d.country for d in DESTINATION_BY_COUNTRY.values() if d.forced_weight == 0}


@pytest.fixture(scope="module")
def large() -> dict:
    return generate_scenario(150, 28, seed=0)


def test_mostly_medical_psychiatric_minor_and_family_cases(large):
    counts = Counter(category(c) for c in large["cases"])
    n = len(large["cases"])
    core = sum(counts[k] for k in ("family", "uam", "stretcher", "wchc", "psychiatric", "medical"))
    assert core >= 0.65 * n
    assert counts["kmar_only"] + counts["voluntary_alone"] <= 0.2 * n
    assert counts["kmar_only"] > 0 and counts["uam"] > 0 and counts["family"] > 0


def test_no_forced_return_to_a_country_that_takes_none_and_rare_destinations_rare():
    cases = [c for seed in range(3) for c in generate_scenario(150, 28, seed=seed)["cases"]]
    assert not [c["id"] for c in cases if c["departure_type"] == "forced" and c["destination_country"] in NO_FORCED]
    rare = sum(c["destination_country"] in ("CN", "SO") for c in cases)
    assert rare <= 0.03 * len(cases)
    assert any(c["destination_country"] in NO_FORCED for c in cases)  # voluntary returns there do exist


def test_female_forced_returnees_ask_for_a_woman_and_the_pool_has_women(large):
    women = [c for c in large["cases"] if c["departure_type"] == "forced" and c["gender"] == "F" and c["escorts"]]
    assert women and all(c["same_gender_escort"] for c in women)
    for c in women:
        roles = {r for r, n in c["escorts"].items() if n}
        assert any(p["gender"] == "F" and roles & set(p["roles"]) for p in large["staff"]), c["id"]
    kmar_women = [p for p in large["staff"] if "kmar" in p["roles"] and p["gender"] == "F"]
    assert len(kmar_women) >= 2


def test_legal_deadline_only_in_detention_with_14_days_for_families_and_minors(large):
    for c in large["cases"]:
        assert c["deadline_kind"] == ("legal" if detained_at(c["location"]) else "target"), c["id"]
        span = datetime.fromisoformat(c["deadline"]) - datetime.fromisoformat(c["available_from"])
        if c["deadline_kind"] == "legal" and (c["minor"] or c.get("group")):
            assert span <= timedelta(days=14), c["id"]
    kinds = Counter(c["deadline_kind"] for c in large["cases"])
    assert kinds["legal"] and kinds["target"] > kinds["legal"]


def test_seats_and_forced_places_follow_carrier_policy_and_forced_leave_from_schiphol(large):
    policy: dict[tuple, set] = {}
    for f in large["flights"]:
        policy.setdefault((f["carrier"], f["stretcher"], f["from"] in ("EIN", "RTM")), set()).add(
            (f["seats"], f["max_forced"]))
        if f["from"] in ("EIN", "RTM"):
            assert f["max_forced"] == 0, f["id"]
    assert all(len(v) == 1 for v in policy.values()), {k: v for k, v in policy.items() if len(v) > 1}


def test_some_nationalities_may_not_change_planes_in_schengen_hubs(large):
    excluded = [c for c in large["cases"] if c.get("transit_excluded_countries")]
    assert excluded
    for c in excluded:
        assert set(c["transit_excluded_countries"]) == set(DESTINATION_BY_COUNTRY[c["nationality"]].transit_excluded)


def test_mix_and_forced_share_knobs():
    assert parse_mix("removals")["forced"] > parse_mix(None)["forced"]
    assert parse_mix("medical=1")["medical"] == 1 and parse_mix("medical=1")["forced"] == 0
    for bad in ("nope", "medical=x", "alien=3", "medical=0"):
        with pytest.raises(ValueError):
            parse_mix(bad)
    weights = unit_weights(parse_mix(None), 0.5)
    assert sum(w for (_, forced), w in weights.items() if forced) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        unit_weights(parse_mix("medical=1"), 0.5)  # nothing in that mix can be forced
    few = generate_scenario(80, 14, seed=1, forced_share=0.0)
    many = generate_scenario(80, 14, seed=1, forced_share=0.9)
    share = [sum(c["departure_type"] == "forced" for c in s["cases"]) / 80 for s in (few, many)]
    assert share[0] == 0 and share[1] >= 0.8


def test_generate_cli_knobs_and_describe(tmp_path, capsys):
    out = tmp_path / "s.json"
    assert bv_main(["generate", "--cases", "12", "--days", "7", "--mix", "medical", "--forced-share", "0",
                    "--start", "2027-03-22T08:00:00+01:00", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["planning_start"] == "2027-03-22T08:00:00+01:00"
    assert all(c["departure_type"] == "voluntary" for c in data["cases"])
    capsys.readouterr()
    assert bv_main(["generate", "--describe", str(out)]) == 0
    text = capsys.readouterr().out
    assert text == describe(data) and "case mix" in text and "forced departures" in text
    assert bv_main(["generate", "--mix", "nope", "-o", str(out)]) == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert bv_main(["generate", "--describe", str(bad)]) == 2
