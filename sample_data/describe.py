"""`generate --describe FILE`: the mix of a scenario in words, so an analyst sees what they generated.

Reads any `bv-scenario/1` dict (generated or not): each case is put in one category by its fields,
first match wins, so the categories add up to the number of cases.
"""

from __future__ import annotations

from collections import Counter

CATEGORIES = (
    ("family", "family (group)"),
    ("uam", "unaccompanied minor"),
    ("stretcher", "stretcher"),
    ("wchc", "wheelchair WCHC"),
    ("psychiatric", "psychiatric (psychiatric nurse)"),
    ("medical", "medical (conditions, medical escort, wheelchair, oxygen)"),
    ("kmar_only", "forced, KMar escorts only"),
    ("forced_other", "forced, other escorts"),
    ("voluntary_escorted", "voluntary, escorted"),
    ("voluntary_alone", "voluntary, unescorted"),
)
MEDICAL_ROLES = {"doctor", "nurse", "psychiatric_nurse"}


def category(case: dict) -> str:
    """The case's category (see CATEGORIES)."""
    ftf, escorts = case["fit_to_fly"], {r for r, n in case["escorts"].items() if n}
    if case.get("group"):
        return "family"
    if case["minor"] and case["unaccompanied"]:
        return "uam"
    if ftf["stretcher"]:
        return "stretcher"
    if ftf["wheelchair"] == "WCHC":
        return "wchc"
    if "psychiatric_nurse" in escorts:
        return "psychiatric"
    if ftf["status"] == "fit_with_conditions" or ftf["oxygen"] or ftf["wheelchair"] or escorts & MEDICAL_ROLES:
        return "medical"
    if case["departure_type"] == "forced":
        return "kmar_only" if escorts <= {"kmar"} else "forced_other"
    return "voluntary_escorted" if escorts else "voluntary_alone"


def _pct(n: int, total: int) -> str:
    return f"{n:4d}  {100 * n / total:5.1f}%" if total else f"{n:4d}"


def describe(scenario: dict) -> str:
    """A plain-text report of the scenario's case mix, deadlines, destinations, carriers and staff."""
    cases = scenario["cases"]
    total = len(cases)
    lines = [f"{scenario['id']}: {total} cases, {len(scenario['flights'])} legs, {len(scenario['staff'])} staff, "
             f"{len(scenario['vehicles'])} vehicles, from {scenario['planning_start']}"]
    gen = scenario.get("x_generator") or {}
    if gen:
        forced_share = gen.get("forced_share") or "from the mix"
        lines.append(f"generated with mix {gen.get('mix', '-')}, forced share {forced_share}, "
                     f"seed {gen.get('seed')}, staffing {gen.get('staffing')}")
    lines += ["", "case mix"]
    counts = Counter(category(c) for c in cases)
    lines += [f"  {label:<58}{_pct(counts[key], total)}" for key, label in CATEGORIES]
    forced = [c for c in cases if c["departure_type"] == "forced"]
    lines.append(f"  {'forced departures (all categories)':<58}{_pct(len(forced), total)}")
    women = [c for c in forced if c["gender"] == "F" and c["escorts"]]
    lines.append(f"  {'escorted forced women with same_gender_escort':<58}"
                 f"{sum(c['same_gender_escort'] for c in women):4d} of {len(women)}")
    kinds = Counter(c.get("deadline_kind", "legal") for c in cases)
    lines += ["", "deadlines"] + [f"  {k:<58}{_pct(kinds[k], total)}" for k in sorted(kinds)]
    lines.append(f"  {'with transit_excluded_countries':<58}"
                 f"{_pct(sum(bool(c.get('transit_excluded_countries')) for c in cases), total)}")
    lines += ["", "destinations (voluntary / forced)"]
    by_country: dict[str, list[int]] = {}
    for c in cases:
        by_country.setdefault(c["destination_country"], [0, 0])[c["departure_type"] == "forced"] += 1
    for country, (vol, frc) in sorted(by_country.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
        lines.append(f"  {country:<4}{vol:4d} / {frc:<4d}")
    lines += ["", "carriers: seats / max_forced per leg (min-max)"]
    per_carrier: dict[str, list[dict]] = {}
    for f in scenario["flights"]:
        per_carrier.setdefault(f["carrier"], []).append(f)
    for code, legs in sorted(per_carrier.items()):
        seats, forced_places = [f["seats"] for f in legs], [f["max_forced"] for f in legs]
        lines.append(f"  {code:<4}{len(legs):5d} legs  seats {min(seats)}-{max(seats)}  "
                     f"max_forced {min(forced_places)}-{max(forced_places)}")
    lines += ["", "staff per role (women)"]
    roles: Counter = Counter()
    women_per_role: Counter = Counter()
    for p in scenario["staff"]:
        for r in p["roles"]:
            roles[r] += 1
            women_per_role[r] += p["gender"] == "F"
    lines += [f"  {r:<20}{roles[r]:4d} ({women_per_role[r]})" for r in sorted(roles)]
    return "\n".join(lines) + "\n"
