"""`bv-planner bench`: solver and greedy side by side on generated tiers, in one run."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

TIERS = {"S": (20, 14), "M": (60, 28), "L": (150, 28)}


def run_worker(spec: dict) -> dict:
    proc = subprocess.run([sys.executable, "-m", "planner.bench_worker", json.dumps(spec)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"bench run failed: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def generated(args, tmp: str) -> Iterator[tuple[str, int, Path, dict]]:
    """One generated scenario per tier and seed of `args`, written to `tmp`: (tier, seed, path, data)."""
    from sample_data import generate_scenario

    for tier in tiers_of(args):
        cases, days = TIERS[tier]
        for seed in seeds_of(args):
            path = Path(tmp) / f"{tier}-{seed}.json"
            data = generate_scenario(cases=cases, days=days, seed=seed, staffing=args.staffing)
            path.write_text(json.dumps(data), encoding="utf-8")
            yield tier, seed, path, data


def tiers_of(args) -> list[str]:
    return [t.strip().upper() for t in args.tiers.split(",") if t.strip()]


def seeds_of(args) -> list[int]:
    return [int(s) for s in args.seeds.split(",") if s.strip()]


def _fmt_gap(row: dict) -> str:
    if row["bound"] is None or not row["bound"]:
        return "-"
    return f"{(row['bound'] - row['priority']) / row['bound'] * 100:.1f}%"


def run_bench(args) -> int:
    if getattr(args, "suite", "solve") == "replan":
        from planner.bench_replan import run_replan_bench

        return run_replan_bench(args)
    tiers, seeds = tiers_of(args), seeds_of(args)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for tier, seed, path, _ in generated(args, tmp):
            for strategy in ("greedy", "cpsat"):
                spec = {"scenario": str(path), "time_limit": args.time_limit, "workers": args.workers,
                        "seed": 0, "strategy": strategy}
                row = run_worker(spec) | {"tier": tier, "seed": seed, "strategy": strategy}
                rows.append(row)
                print(f"  {tier} seed {seed} {strategy:6s}: priority {row['priority']}, "
                      f"{row['wall_s']:.1f}s", file=sys.stderr, flush=True)
    header = ("| tier | seed | strategy | legs | valid | planned | priority | cost EUR | wall s | peak MiB "
              "| bound | gap | status |")
    lines = [header, "|" + "---|" * 13]
    for r in rows:
        lines.append(
            f"| {r['tier']} | {r['seed']} | {r['strategy']} | {r['legs']} | {'yes' if r['valid'] else 'NO'} "
            f"| {r['planned']}/{r['cases']} | {r['priority']} | {r['cost']:,.0f} | {r['wall_s']:.1f} "
            f"| {r['peak_mib']:.0f} | {r['bound'] if r['bound'] is not None else '-'} | {_fmt_gap(r)} | {r['status']} |"
        )
    lines += ["", "| tier | median priority greedy | median priority cpsat | median ratio | median wall cpsat s "
              "| max peak MiB | all valid |", "|---|---|---|---|---|---|---|"]
    ok = True
    for tier in tiers:
        g = {r["seed"]: r for r in rows if r["tier"] == tier and r["strategy"] == "greedy"}
        c = {r["seed"]: r for r in rows if r["tier"] == tier and r["strategy"] == "cpsat"}
        ratios = [c[s]["priority"] / g[s]["priority"] if g[s]["priority"] else float("inf") for s in seeds]
        valid = all(r["valid"] for r in rows if r["tier"] == tier)
        ok = ok and valid
        lines.append(
            f"| {tier} | {statistics.median(r['priority'] for r in g.values()):.0f} "
            f"| {statistics.median(r['priority'] for r in c.values()):.0f} | {statistics.median(ratios):.3f} "
            f"| {statistics.median(r['wall_s'] for r in c.values()):.1f} "
            f"| {max(r['peak_mib'] for r in rows if r['tier'] == tier):.0f} | {'yes' if valid else 'NO'} |"
        )
    table = "\n".join(lines)
    print(table)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")
    return 0 if ok else 1
