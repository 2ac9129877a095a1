"""The solver's plans on the golden inputs are byte-identical to the committed ones.

A difference means the solver's behaviour changed: intended (then regenerate with
`python -m tests.golden.regen` in a commit that says why) or a regression of a refactor."""

from __future__ import annotations

import difflib

import pytest

from tests.golden.cases import PLANS, golden_cases, solve_golden

CASES = list(golden_cases())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_plan_is_byte_identical_to_golden(case, tmp_path):
    golden = (PLANS / f"{case.name}.json").read_bytes()
    got = solve_golden(case, tmp_path)
    if got != golden:
        diff = "\n".join(list(difflib.unified_diff(golden.decode().splitlines(), got.decode().splitlines(),
                                                   "golden", "now", lineterm="", n=1))[:60])
        pytest.fail(f"plan of {case.name} differs from tests/golden/plans/{case.name}.json:\n{diff}")
