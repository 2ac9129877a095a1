"""The dependency direction ui → planner → solver → models holds, and the packages are ours."""

import ast
from pathlib import Path

import models
import planner
import solver

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {
    "models": {"models"},
    "solver": {"models", "solver"},
    "planner": {"models", "solver", "planner", "sample_data"},
    "ui": {"models", "planner", "ui"},
}
OURS = {"models", "solver", "planner", "ui", "sample_data"}
FORBIDDEN_IN_UI = {"ortools", "solver"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_packages_resolve_to_this_repository():
    for module in (models, solver, planner):
        assert Path(module.__file__).resolve().is_relative_to(ROOT)


def test_dependency_direction():
    problems = []
    for package, allowed in ALLOWED.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            used = _imports(path) & OURS
            if package == "ui":
                used |= _imports(path) & FORBIDDEN_IN_UI
            bad = used - allowed
            if bad:
                problems.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert problems == []


def test_solver_tests_do_not_import_planner():
    """Solver tests stay at the solver layer; end-to-end tests through planner live in tests/integration."""
    problems = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "tests" / "solver").rglob("*.py"))
                if "planner" in _imports(path) or "tests.integration" in path.read_text(encoding="utf-8")]
    assert problems == []
