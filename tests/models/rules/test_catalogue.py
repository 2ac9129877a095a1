"""The rule catalogue: stable, unique codes with English and Dutch labels and specific messages."""

from models.rules import RULES, find_violations
from tests.builders import build, build_plan, item, plan_dict, scenario_dict


def test_codes_unique_and_labelled():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    for rule in RULES:
        family = rule.code.split(".")[0]
        assert family in {"coverage", "frozen"} | {f"rule{n}" for n in range(1, 11)}, rule.code
        assert rule.label and rule.label_nl and rule.label != rule.label_nl, rule.code


def test_violation_names_leg_numbers_and_cases():
    scn = scenario_dict()
    item(scn, "flights", "TK1952-1209")["seats"] = 2
    [violation] = find_violations(build(scn), build_plan(plan_dict()))
    assert violation.rule == "rule3.seats"
    assert (violation.label, violation.label_nl) == ("Flight overbooked", "Vlucht overboekt")
    assert violation.message == "TK1952 2026-12-09: 3 seats used, 2 available"
    assert violation.message_nl == "TK1952 wo 09-12-2026: 3 stoelen gebruikt, 2 beschikbaar"
    assert (violation.text("nl"), violation.text("en")) == (violation.message_nl, violation.message)
    assert violation.cases == ("BV-1",)


def test_rule_checker_imports_only_stdlib_and_models():
    import ast
    import sys
    from pathlib import Path

    import models.rules

    allowed = set(sys.stdlib_module_names) | {"models", "__future__"}
    for path in Path(models.rules.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                roots = {node.module.split(".")[0]}
            else:
                continue
            assert roots <= allowed, f"{path.name} imports {roots - allowed}"
