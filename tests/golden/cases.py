"""Which inputs have golden plans, and how each is solved: the CLI's `solve --workers 1 --seed 0`.

Inputs are the bundled sample scenarios and generated S and M scenarios (seeds 0-2, staffing 0.6);
the generated ones are written on the fly, so a change to the generator shows up here too."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.bench import TIERS

ROOT = Path(__file__).resolve().parents[2]
PLANS = Path(__file__).resolve().parent / "plans"
TIME_LIMIT_S = 10
"""Short enough for CI; reproducible mode spends nominal (counted) budgets, so the plan does not
depend on the machine's speed unless it is so slow that the wall-clock backstop cuts in."""
GENERATED = [(tier, seed) for tier in ("S", "M") for seed in (0, 1, 2)]


@dataclass(frozen=True)
class GoldenCase:
    name: str
    write_input: object  # callable(Path) -> Path


def _sample(path: Path):
    return lambda tmp: path


def _generated(tier: str, seed: int):
    def write(tmp: Path) -> Path:
        from sample_data import generate_scenario

        cases, days = TIERS[tier]
        path = tmp / f"{tier}-{seed}.json"
        path.write_text(json.dumps(generate_scenario(cases=cases, days=days, seed=seed, staffing=0.6)),
                        encoding="utf-8")
        return path
    return write


def golden_cases() -> Iterator[GoldenCase]:
    for path in sorted((ROOT / "sample_data" / "scenarios").glob("*.json")):
        yield GoldenCase(path.stem, _sample(path))
    for tier, seed in GENERATED:
        yield GoldenCase(f"{tier}-{seed}", _generated(tier, seed))


def solve_golden(case: GoldenCase, tmp: Path) -> bytes:
    """The plan JSON `bv-planner solve --workers 1 --seed 0` writes for this input.

    The wall-clock backstop is moved far out: on a loaded machine (CI, parallel jobs) it could cut a
    stage short and change the plan, and the goldens test the solver's behaviour, not the machine."""
    from planner.cli import main
    from tests.reproducible import far_backstop

    scenario = case.write_input(tmp)
    out = tmp / f"{case.name}.plan.json"
    with far_backstop():
        code = main(["solve", str(scenario), "-o", str(out), "--workers", "1", "--seed", "0",
                     "--time-limit", str(TIME_LIMIT_S)])
    if code != 0:
        raise RuntimeError(f"solve of {case.name} exited with {code}")
    return out.read_bytes()
