"""`bv-planner bench --suite replan`: cancel the busiest outbound leg of a solved plan, then re-plan
with the previous plan (minimal disruption) and, side by side, from scratch without it."""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

from planner.bench.runner import did_not_optimise, generated, run_worker, tiers_of, time_limit_for


def _cancel_busiest(scenario: dict, plan: dict) -> tuple[str, list[str]]:
    legs = Counter(leg for trip in plan["trips"] for leg in trip["outbound"] for _ in trip["cases"])
    leg = sorted(legs.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    hit = sorted(c for trip in plan["trips"] if leg in trip["outbound"] for c in trip["cases"])
    scenario["flights"] = [f for f in scenario["flights"] if f["id"] != leg]
    scenario["locks"] = [lk for lk in scenario.get("locks") or [] if leg not in (lk.get("flights") or [])]
    scenario["forbids"] = [fb for fb in scenario.get("forbids") or [] if fb.get("flight") != leg]
    return leg, hit


def run_replan_bench(args) -> int:
    try:
        tiers = tiers_of(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    replan_limit = args.replan_time_limit
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for tier, seed, base, data in generated(args, tmp):
            first = Path(tmp) / f"{tier}-{seed}-plan.json"
            limit = time_limit_for(args, tier)
            run_worker({"scenario": str(base), "time_limit": limit, "workers": args.workers,
                        "seed": 0, "strategy": "cpsat", "output": str(first)})
            plan = json.loads(first.read_text())
            leg, hit = _cancel_busiest(data, plan)
            cancelled = Path(tmp) / f"{tier}-{seed}-cancelled.json"
            cancelled.write_text(json.dumps(data), encoding="utf-8")
            common = {"scenario": str(cancelled), "previous": str(first), "workers": args.workers,
                      "seed": 0, "strategy": "cpsat"}
            replan = run_worker(common | {"time_limit": replan_limit, "use_previous": True})
            scratch = run_worker(common | {"time_limit": limit, "use_previous": False})
            row = {"tier": tier, "seed": seed, "leg": leg, "hit": len(hit),
                   "before": plan["objective"]["planned_priority"], "replan": replan, "scratch": scratch}
            rows.append(row)
            print(f"  {tier} seed {seed}: cancelled {leg} ({len(hit)} cases hit); replan "
                  f"{replan['solve_s']:.1f}s disruption {replan['disruption']}; scratch {scratch['solve_s']:.1f}s "
                  f"disruption {scratch['disruption']}", file=sys.stderr, flush=True)
    lines = ["| tier | seed | cancelled leg | cases hit | priority before | replan priority | replan disruption "
             "| ≤ hit+2 | replan valid | replan solve s | replan process s | scratch priority | scratch disruption "
             "| scratch solve s | replan phases | scratch phases |",
             "|" + "---|" * 16]
    for r in rows:
        a, b = r["replan"], r["scratch"]
        lines.append(
            f"| {r['tier']} | {r['seed']} | {r['leg']} | {r['hit']} | {r['before']} | {a['priority']} "
            f"| {a['disruption']} | {'yes' if a['disruption'] <= r['hit'] + 2 else 'no'} "
            f"| {'yes' if a['valid'] else 'NO ' + ','.join(a['violations'])} | {a['solve_s']:.1f} | {a['wall_s']:.1f} "
            f"| {b['priority']} | {b['disruption']} | {b['solve_s']:.1f} | {a.get('phases', '-')} "
            f"| {b.get('phases', '-')} |")
    lines += ["", "| tier | median replan solve s | median scratch solve s | median replan disruption "
              "| median scratch disruption | all replans valid |", "|---|---|---|---|---|---|"]
    ok = True
    for tier in tiers:
        rs = [r for r in rows if r["tier"] == tier]
        valid = all(r["replan"]["valid"] for r in rs)
        ok = ok and valid
        lines.append(
            f"| {tier} | {statistics.median(r['replan']['solve_s'] for r in rs):.1f} "
            f"| {statistics.median(r['scratch']['solve_s'] for r in rs):.1f} "
            f"| {statistics.median(r['replan']['disruption'] for r in rs):.0f} "
            f"| {statistics.median(r['scratch']['disruption'] for r in rs):.0f} | {'yes' if valid else 'NO'} |")
    table = "\n".join(lines)
    print(table)
    failures = [(r, kind) for r in rows for kind in ("replan", "scratch") if did_not_optimise(r[kind])]
    for r, kind in failures:
        print(f"FAILED: {r['tier']} seed {r['seed']} {kind}: the optimiser did not run (status "
              f"{r[kind]['status']}, phases {r[kind].get('phases', '-')})", file=sys.stderr)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")
    return 0 if ok and not failures else 1
