"""ui/ talks to planner and models only: never to solver or ortools; the top-level names are ours."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ALLOWED_THIRD_PARTY = {"streamlit", "pandas", "plotly"}
OURS_ALLOWED = {"planner", "models", "ui"}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def test_ui_imports_only_planner_models_and_ui_libraries():
    stdlib = set(sys.stdlib_module_names)
    problems = {}
    files = sorted((ROOT / "ui").rglob("*.py"))
    assert len(files) >= 12
    for path in files:
        bad = _imports(path) - stdlib - ALLOWED_THIRD_PARTY - OURS_ALLOWED
        if bad:
            problems[str(path.relative_to(ROOT))] = sorted(bad)
    assert problems == {}


def test_ui_never_names_the_solver():
    for path in sorted((ROOT / "ui").rglob("*.py")):
        used = _imports(path)
        assert not used & {"solver", "ortools"}, path


def test_generic_top_level_names_resolve_to_this_repository():
    import models
    import planner
    import solver
    import ui

    for module in (models, solver, ui, planner):
        assert Path(module.__file__).resolve().is_relative_to(ROOT), module
