"""The dependency direction ui → planner → solver → models holds, and the packages are ours.

Inside `planner/` the planning core (the top-level modules and `planner/exports`) knows nothing of
the web backend, the store, the CLI or the benchmark, and starts no processes; the UI reaches the
planner through `planner.web` only, never through the store.
"""

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
OUTER_PLANNER = ("planner.web", "planner.store", "planner.cli", "planner.bench")
FORBIDDEN_IN_CORE = OUTER_PLANNER + ("sqlalchemy", "subprocess")
ENTRY_POINTS = {"__main__.py"}
"""`python -m planner` hands over to the CLI: the one top-level module allowed to name it."""


def _modules(path: Path) -> set[str]:
    """Every module a file imports, dotted in full (`from a.b import c` gives `a.b` and `a.b.c`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def _imports(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _modules(path)}


def _uses(path: Path, prefixes: tuple[str, ...]) -> list[str]:
    return sorted({p for m in _modules(path) for p in prefixes if m == p or m.startswith(p + ".")})


def core_files() -> list[Path]:
    top = [p for p in (ROOT / "planner").glob("*.py") if p.name not in ENTRY_POINTS]
    return sorted(top + list((ROOT / "planner" / "exports").rglob("*.py")))


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


def test_planning_core_knows_nothing_of_web_store_cli_bench_or_processes():
    assert len(core_files()) > 5
    problems = [f"{p.relative_to(ROOT)} imports {_uses(p, FORBIDDEN_IN_CORE)}" for p in core_files()
                if _uses(p, FORBIDDEN_IN_CORE)]
    assert problems == []


def test_ui_goes_through_the_web_facade_never_the_store():
    problems = [f"{p.relative_to(ROOT)} imports {_uses(p, ('planner.store',))}"
                for p in sorted((ROOT / "ui").rglob("*.py")) if _uses(p, ("planner.store",))]
    assert problems == []
    reaching = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "ui").rglob("*.py"))
                for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if ".store." in line]
    assert reaching == [], "the pages call the Planner facade, not its store"


def test_the_rule_catches_what_it_should(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import subprocess\nfrom planner.store import Store\nfrom planner import web\n", encoding="utf-8")
    assert _uses(bad, FORBIDDEN_IN_CORE) == ["planner.store", "planner.web", "subprocess"]


def test_solver_tests_do_not_import_planner():
    """Solver tests stay at the solver layer; end-to-end tests through planner live in tests/integration."""
    problems = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "tests" / "solver").rglob("*.py"))
                if "planner" in _imports(path) or "tests.integration" in path.read_text(encoding="utf-8")]
    assert problems == []
