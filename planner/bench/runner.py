"""`bv-planner bench`: solver and greedy side by side on generated tiers, in one run."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

TIERS = {"S": (20, 14), "M": (60, 28), "L": (150, 28), "XL": (1000, 56)}
"""Tier name -> (cases, days)."""
DEFAULT_TIME_LIMIT_S = {"XL": 300.0}
"""Time limit per tier unless --time-limit is given; the others use DEFAULT_LIMIT_S."""
DEFAULT_LIMIT_S = 60.0


def time_limit_for(args, tier: str) -> float:
    """--time-limit when given, else the tier's own default (XL: 300 s)."""
    given = getattr(args, "time_limit", None)
    return float(given) if given is not None else DEFAULT_TIME_LIMIT_S.get(tier, DEFAULT_LIMIT_S)


def run_worker(spec: dict) -> dict:
    proc = subprocess.run([sys.executable, "-m", "planner.bench.worker", json.dumps(spec)],
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
    tiers = [t.strip().upper() for t in args.tiers.split(",") if t.strip()]
    unknown = [t for t in tiers if t not in TIERS]
    if unknown:
        raise ValueError(f"unknown tier(s) {', '.join(unknown)}; choose from {', '.join(TIERS)}")
    return tiers


def seeds_of(args) -> list[int]:
    return [int(s) for s in args.seeds.split(",") if s.strip()]


def gap(row: dict) -> float | None:
    """Relative gap between the planned priority and CP-SAT's bound on it."""
    if row.get("bound") is None or not row["bound"]:
        return None
    return (row["bound"] - row["priority"]) / row["bound"]


def _fmt_gap(row: dict) -> str:
    g = gap(row)
    return "-" if g is None else f"{g * 100:.1f}%"


def did_not_optimise(row: dict) -> bool:
    """A CP-SAT run whose optimiser did not run (failed phase, model error, no phase completed)."""
    return row.get("strategy", "cpsat") == "cpsat" and not row.get("optimiser_ran", False)


def _yes(flag) -> str:
    return "-" if flag is None else "yes" if flag else "no"


def run_bench(args) -> int:
    if getattr(args, "suite", "solve") == "replan":
        from planner.bench.replan import run_replan_bench

        return run_replan_bench(args)
    if getattr(args, "suite", "solve") == "realism":
        from planner.bench.realism import run_realism_bench

        return run_realism_bench(args)
    try:
        tiers, seeds = tiers_of(args), seeds_of(args)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for tier, seed, path, _ in generated(args, tmp):
            for strategy in ("greedy", "cpsat"):
                spec = {"scenario": str(path), "time_limit": time_limit_for(args, tier), "workers": args.workers,
                        "seed": 0, "strategy": strategy}
                row = run_worker(spec) | {"tier": tier, "seed": seed, "strategy": strategy}
                rows.append(row)
                print(f"  {tier} seed {seed} {strategy:6s}: priority {row['priority']}, {row['wall_s']:.1f}s"
                      + (f", {row['phases']}" if strategy == "cpsat" else ""), file=sys.stderr, flush=True)
    table = runs_table(rows) + "\n\n" + summary_table(rows, tiers, seeds)
    failures = [r for r in rows if did_not_optimise(r)]
    print(table)
    for r in failures:
        print(f"FAILED: {r['tier']} seed {r['seed']}: the optimiser did not run (status {r['status']}, "
              f"phases {r.get('phases', '-')}); the plan comes from the start heuristic", file=sys.stderr)
    if args.out:
        Path(args.out).write_text(table + "\n", encoding="utf-8")
    return 0 if all(r["valid"] for r in rows) and not failures else 1


def runs_table(rows: list[dict]) -> str:
    """One line per run: CP-SAT's phase statuses, and the start solution it was given ("vs start")."""
    header = ("| tier | seed | strategy | legs | valid | planned | priority | start priority | improved | cost EUR "
              "| wall s | peak MiB | bound | gap | status | phases |")
    lines = [header, "|" + "---|" * 16]
    for r in rows:
        start = r.get("start_priority")
        lines.append(
            f"| {r['tier']} | {r['seed']} | {r['strategy']} | {r['legs']} | {'yes' if r['valid'] else 'NO'} "
            f"| {r['planned']}/{r['cases']} | {r['priority']} | {'-' if start is None else start} "
            f"| {_yes(r.get('improved'))} | {r['cost']:,.0f} | {r['wall_s']:.1f} | {r['peak_mib']:.0f} "
            f"| {r['bound'] if r['bound'] is not None else '-'} | {_fmt_gap(r)} | {r['status']} "
            f"| {r.get('phases', '-')} |"
        )
    return "\n".join(lines)


def summary_table(rows: list[dict], tiers: list[str], seeds: list[int]) -> str:
    header = ("| tier | median priority greedy | median priority cpsat | median ratio | median gap "
              "| median wall cpsat s | max peak MiB | all valid | optimiser ran |")
    lines = [header, "|" + "---|" * 9]
    for tier in tiers:
        g = {r["seed"]: r for r in rows if r["tier"] == tier and r["strategy"] == "greedy"}
        c = {r["seed"]: r for r in rows if r["tier"] == tier and r["strategy"] == "cpsat"}
        ratios = [c[s]["priority"] / g[s]["priority"] if g[s]["priority"] else float("inf") for s in seeds]
        gaps = [x for x in (gap(r) for r in c.values()) if x is not None]
        ran = sum(1 for r in c.values() if not did_not_optimise(r))
        valid = all(r["valid"] for r in rows if r["tier"] == tier)
        lines.append(
            f"| {tier} | {statistics.median(r['priority'] for r in g.values()):.0f} "
            f"| {statistics.median(r['priority'] for r in c.values()):.0f} | {statistics.median(ratios):.3f} "
            f"| {f'{statistics.median(gaps) * 100:.1f}%' if gaps else '-'} "
            f"| {statistics.median(r['wall_s'] for r in c.values()):.1f} "
            f"| {max(r['peak_mib'] for r in rows if r['tier'] == tier):.0f} | {'yes' if valid else 'NO'} "
            f"| {ran}/{len(c)} |"
        )
    return "\n".join(lines)
