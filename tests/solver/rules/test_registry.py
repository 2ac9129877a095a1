"""The registry speaks the checker's vocabulary: every code a family names is a checker rule code."""

from models.rules import RULES as CHECKER_RULES
from solver.explain import FAMILIES
from solver.rules import RULES, codes


def test_family_codes_are_checker_codes():
    known = {r.code for r in CHECKER_RULES}
    assert set(codes()) <= known, set(codes()) - known


def test_each_code_has_one_family():
    named = [code for family in RULES for code in family.CODES]
    assert len(named) == len(set(named))


def test_families_are_worded_by_the_explanations():
    assert {e for family in RULES for e in family.EXPLAINS} <= set(FAMILIES)


def test_rules_3_8_9_10_and_the_freeze_have_a_family():
    """Flight, vehicle and care locks and flight forbids narrow the options in the index instead."""
    wanted = {r.code for r in CHECKER_RULES if r.code.split(".")[0] in
              {"rule3", "rule8", "rule9", "rule10", "frozen"}}
    assert wanted - {"rule8.lock_flights", "rule8.lock_care", "rule8.forbid_flight"} <= set(codes())
