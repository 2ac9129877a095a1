"""Rewrite the golden plans: `python -m tests.golden.regen [NAME ...]`.

Refresh them only in a commit that says why the solver's output may change."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.golden.cases import PLANS, golden_cases, solve_golden


def main(names: list[str]) -> int:
    PLANS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for case in golden_cases():
            if names and case.name not in names:
                continue
            data = solve_golden(case, Path(tmp))
            (PLANS / f"{case.name}.json").write_bytes(data)
            print(f"{case.name}: {len(data)} bytes")  # noqa: T201 (a script's output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
