"""Mutation fuzzer: feed mutated scenarios to `bv-planner solve` and tabulate what comes back.

    python -m tests.fuzz.mutation_run --count 400 --seed 0 --time-limit 3 [--jobs 2] [--keep DIR]

Every mutant runs in its own `bv-planner solve` subprocess. The table counts, per mutation kind,
the exit codes (0 valid plan, 1 plan breaks a rule, 2 bad input, 3 internal error), the Python
tracebacks on stderr, and the runs whose exit code is not one the kind allows ("unexpected", e.g.
a duplicated key accepted, or a valid date refused). It exits non-zero on any traceback, exit
code 3, unexpected exit code, time-out, refusal that does not name the file, or missing plan.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.mutations import Mutant, mutant

ROOT = Path(__file__).resolve().parents[2]
TRACEBACK = "Traceback (most recent call last)"
COLUMNS = ("0", "1", "2", "3", "other")


@dataclass
class Outcome:
    seed: int
    mutant: Mutant
    code: int | str
    traceback: bool
    problems: list[str]
    seconds: float
    stderr: str
    optimiser_off: bool = False

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def solve_command(scenario: Path, plan: Path, time_limit: float, strategy: str) -> list[str]:
    return [sys.executable, "-m", "planner", "solve", str(scenario), "-o", str(plan), "--time-limit",
            str(time_limit), "--workers", "1", "--seed", "0", "--strategy", strategy, "-q"]


def run_one(seed: int, m: Mutant, workdir: Path, time_limit: float, strategy: str) -> Outcome:
    scenario, plan = workdir / f"mutant-{seed}.json", workdir / f"plan-{seed}.json"
    m.write(scenario)
    env = dict(os.environ, BV_LOG_DIR=str(workdir / "logs"), PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    try:
        proc = subprocess.run(solve_command(scenario, plan, time_limit, strategy), capture_output=True, text=True,
                              errors="backslashreplace", env=env, cwd=str(ROOT), timeout=max(60.0, 5 * time_limit + 30))
        code: int | str = proc.returncode
        stderr = proc.stderr
    except subprocess.TimeoutExpired as exc:
        raw = exc.stderr or b""
        code, stderr = "timeout", raw.decode("utf-8", "backslashreplace") if isinstance(raw, bytes) else raw
    seconds = time.perf_counter() - started
    outcome = Outcome(seed, m, code, TRACEBACK in stderr, [], seconds, stderr)
    outcome.problems = judge(outcome, scenario, plan)
    scenario.unlink(missing_ok=True)
    plan.unlink(missing_ok=True)
    return outcome


def judge(o: Outcome, scenario: Path, plan: Path) -> list[str]:
    """What is wrong with one run; empty when the planner behaved."""
    out = []
    if o.traceback:
        out.append("traceback on stderr")
    if o.code not in o.mutant.expect:
        out.append(f"exit {o.code}, expected {'/'.join(str(c) for c in sorted(o.mutant.expect))}")
    if o.code == 2 and str(scenario) not in o.stderr:
        out.append("refusal does not name the file")
    if o.code == 0:
        try:
            written = json.loads(plan.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return [*out, "exit 0 without a readable plan file"]
        if written.get("format") != "bv-plan/1":
            out.append("plan file is not a bv-plan/1")
        solver = written.get("solver") or {}
        statuses = {solver.get("status")} | {p.get("status") for p in solver.get("phases") or []}
        bound = (written.get("bound") or {}).get("planned_priority")
        planned = (written.get("objective") or {}).get("planned_priority") or 0
        o.optimiser_off = bool(statuses & OPTIMISER_OFF) or (bound is not None and bound < planned - 1e-6)
    return out


OPTIMISER_OFF = {"infeasible", "model_invalid", "model_error"}
"""CP-SAT statuses that mean the optimiser did not run (the plan then comes from the start heuristic);
a proven bound below the plan's own priority means the same. Counted in the table, not failed on:
making every phase sound is issue 8's solver work."""


def table(outcomes: list[Outcome]) -> str:
    """Markdown: one row per mutation kind, exit codes across, tracebacks and unexpected results."""
    rows: dict[str, Counter] = defaultdict(Counter)
    for o in outcomes:
        row = rows[o.mutant.kind]
        row["runs"] += 1
        row[str(o.code) if str(o.code) in COLUMNS[:4] else "other"] += 1
        row["traceback"] += o.traceback
        row["unexpected"] += o.failed
        row["optimiser off"] += o.optimiser_off
    total = sum(rows.values(), Counter())
    head = ("kind", "runs", *(f"exit {c}" for c in COLUMNS), "traceback", "unexpected", "optimiser off")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, row in [*sorted(rows.items()), ("**total**", total)]:
        cells = [name, row["runs"], *(row[c] for c in COLUMNS), row["traceback"], row["unexpected"],
                 row["optimiser off"]]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines)


def run(count: int, seed: int, time_limit: float, jobs: int, strategy: str, keep: Path | None,
        kinds: list[str] | None = None) -> tuple[list[Outcome], str]:
    mutants = [(seed + i, mutant(seed + i, kinds)) for i in range(count)]
    with tempfile.TemporaryDirectory(prefix="bv-fuzz-") as tmp:
        work = Path(tmp)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(lambda sm: run_one(sm[0], sm[1], work, time_limit, strategy), mutants))
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            for o in outcomes:
                if o.failed:
                    o.mutant.write(keep / f"mutant-{o.seed}-{o.mutant.kind}.json")
                    (keep / f"mutant-{o.seed}-{o.mutant.kind}.stderr").write_text(o.stderr, encoding="utf-8")
    return outcomes, table(outcomes)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.fuzz.mutation_run", description=__doc__.splitlines()[0])
    p.add_argument("--count", type=int, default=400)
    p.add_argument("--seed", type=int, default=0, help="first mutant number; mutant i uses seed + i")
    p.add_argument("--time-limit", type=float, default=3.0, help="--time-limit of each solve (default 3 s)")
    p.add_argument("--jobs", type=int, default=1, help="solves run at the same time (default 1)")
    p.add_argument("--strategy", choices=["cpsat", "greedy"], default="cpsat")
    p.add_argument("--kind", action="append", help="only these mutation kinds (repeatable)")
    p.add_argument("--keep", type=Path, help="save failing mutants and their stderr in this folder")
    args = p.parse_args(argv)
    started = time.perf_counter()
    outcomes, text = run(args.count, args.seed, args.time_limit, args.jobs, args.strategy, args.keep, args.kind)
    print(text)
    seconds = sorted(o.seconds for o in outcomes)
    print(f"\n{len(outcomes)} runs in {time.perf_counter() - started:.0f} s "
          f"(median {seconds[len(seconds) // 2]:.1f} s, max {seconds[-1]:.1f} s per run)")
    failed = [o for o in outcomes if o.failed]
    for o in failed[:30]:
        last = (o.stderr.strip().splitlines() or [""])[-1][:200]
        print(f"  seed {o.seed} {o.mutant.kind} [{o.mutant.detail[:80]}]: {'; '.join(o.problems)} | {last}")
    print("OK: no traceback, no internal error, every exit code as expected" if not failed
          else f"FAILED: {len(failed)} run(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
