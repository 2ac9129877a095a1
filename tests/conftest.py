"""Shared test setup. Test data builders live in tests/builders.py (`from tests.builders import ...`)."""

import pytest

pytest_plugins = ["tests.webfixtures"]


@pytest.fixture(scope="module")
def far_wall_backstop():
    """For modules that assert objective values of one-worker solves (see tests/reproducible.py):
    `pytestmark = pytest.mark.usefixtures("far_wall_backstop")`. Module scope, so module fixtures that
    solve (a reference plan) run inside it too."""
    from tests.reproducible import far_backstop

    with far_backstop():
        yield


def pytest_sessionstart(session) -> None:
    """Compile our packages once: the many subprocesses of the suite (CLI, Streamlit servers, the
    import-alone check) then load bytecode even where PYTHONDONTWRITEBYTECODE is set (it is on these
    machines; every child otherwise compiles every module it imports again)."""
    import compileall
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for package in ("models", "solver", "planner", "ui", "sample_data"):
        compileall.compile_dir(root / package, quiet=1)
