"""`bv-planner bench --suite realism`: the cost of realism. The same generated scarce scenarios solved
with rules 9 and 10 switched off (every operational setting `null`) and on (FORMAT.md's defaults), side
by side: planned priority and cases, language mismatch, cost, and the longest escort duty."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

from planner.bench.runner import generated, run_worker, tiers_of, time_limit_for

RULES_9_10_OFF = {
    "max_airport_wait_minutes": None, "max_connection_minutes": None, "vulnerable_max_connection_minutes": None,
    "night_connection": None, "airport_report_roles": None, "max_duty_minutes": None, "long_duty_minutes": None,
    "rest_abroad_minutes": None, "transit_request_hours": None,
}
"""Every setting of rules 9 and 10 that `null` switches off (FORMAT.md, operational settings)."""
MODES = ("off", "on")


def _variant(data: dict, mode: str) -> dict:
    out = json.loads(json.dumps(data))
    if mode == "off":
        out.setdefault("settings", {}).update(RULES_9_10_OFF)
        out["id"] += "-rules9-10-off"
    return out


def run_realism_bench(args) -> int:
    try:
        tiers = tiers_of(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for tier, seed, _path, data in generated(args, tmp):
            for mode in MODES:
                variant = Path(tmp) / f"{tier}-{seed}-{mode}.json"
                variant.write_text(json.dumps(_variant(data, mode)), encoding="utf-8")
                spec = {"scenario": str(variant), "time_limit": time_limit_for(args, tier), "workers": args.workers,
                        "seed": 0, "strategy": "cpsat"}
                row = run_worker(spec) | {"tier": tier, "seed": seed, "mode": mode}
                rows.append(row)
                print(f"  {tier} seed {seed} rules 9+10 {mode:3s}: priority {row['priority']}, "
                      f"{row['planned']}/{row['cases']} planned, {row['wall_s']:.1f}s", file=sys.stderr, flush=True)
    table = realism_table(rows) + "\n\n" + realism_summary(rows, tiers)
    print(table)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")
    return 0 if all(r["valid"] for r in rows) else 1


def _duty(row: dict) -> str:
    return "-" if row.get("longest_duty_h") is None else f"{row['longest_duty_h']:.1f}"


def realism_table(rows: list[dict]) -> str:
    """One line per scenario: rules 9 and 10 off, then on."""
    header = ("| tier | seed | rules 9+10 | valid | planned | priority | language mismatch | cost EUR "
              "| longest duty h | wall s | status |")
    lines = [header, "|" + "---|" * 11]
    for r in rows:
        lines.append(
            f"| {r['tier']} | {r['seed']} | {r['mode']} | {'yes' if r['valid'] else 'NO'} "
            f"| {r['planned']}/{r['cases']} "
            f"| {r['priority']} | {r['language_mismatch']} | {r['cost']:,.0f} | {_duty(r)} | {r['wall_s']:.1f} "
            f"| {r['status']} |")
    return "\n".join(lines)


def realism_summary(rows: list[dict], tiers: list[str]) -> str:
    """Medians per tier, off vs on."""
    header = ("| tier | median priority off → on | median planned off → on | median mismatch off → on "
              "| median cost EUR off → on | max duty h off → on |")
    lines = [header, "|" + "---|" * 6]

    def med(tier, mode, key):
        values = [r[key] for r in rows if r["tier"] == tier and r["mode"] == mode and r.get(key) is not None]
        return statistics.median(values) if values else None

    def most(tier, mode):
        values = [r["longest_duty_h"] for r in rows if r["tier"] == tier and r["mode"] == mode
                  and r.get("longest_duty_h") is not None]
        return max(values) if values else None

    def fmt(x, spec):
        return "-" if x is None else format(x, spec)

    for tier in tiers:
        lines.append(
            f"| {tier} | {fmt(med(tier, 'off', 'priority'), '.0f')} → {fmt(med(tier, 'on', 'priority'), '.0f')} "
            f"| {fmt(med(tier, 'off', 'planned'), '.0f')} → {fmt(med(tier, 'on', 'planned'), '.0f')} "
            f"| {fmt(med(tier, 'off', 'language_mismatch'), '.0f')} → "
            f"{fmt(med(tier, 'on', 'language_mismatch'), '.0f')} "
            f"| {fmt(med(tier, 'off', 'cost'), ',.0f')} → {fmt(med(tier, 'on', 'cost'), ',.0f')} "
            f"| {fmt(most(tier, 'off'), '.1f')} → {fmt(most(tier, 'on'), '.1f')} |")
    return "\n".join(lines)
