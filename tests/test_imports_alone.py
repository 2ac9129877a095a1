"""Every module of models/, solver/ and planner/ imports on its own, in a fresh interpreter.

An import cycle hides while some other module happens to be imported first; it only shows when
a module is the first one imported (`python -c "import planner.case_events"` used to fail).
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("models", "solver", "planner")


def _module_names() -> list[str]:
    names = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__main__":
                continue  # running it starts the CLI
            if parts[-1] == "__init__":
                parts.pop()
            names.append(".".join(parts))
    return names


def test_every_module_imports_alone():
    names = _module_names()
    assert "planner.case_events" in names and len(names) > 50
    # a fresh process per module (the module imported first is the only honest test of a cycle):
    # one child imports the third-party libraries (no module of ours), then forks per module, as
    # many at a time as there are cores
    script = (
        "import importlib, os, sys\n"
        "for lib in ('pydantic', 'ortools.sat.python.cp_model', 'sqlalchemy', 'numpy', 'pandas', 'icalendar',\n"
        "            'icalendar.enums', 'plotly.graph_objects', 'geopy.distance', 'airportsdata'):\n"
        "    try:\n"
        "        importlib.import_module(lib)\n"
        "    except ImportError:\n"
        "        pass\n"
        "assert not any(m.split('.')[0] in ('models', 'solver', 'planner') for m in sys.modules)\n"
        "failed, running = [], {}\n"
        "def reap():\n"
        "    pid, status = os.wait()\n"
        "    if status != 0:\n"
        "        failed.append(running[pid])\n"
        "    del running[pid]\n"
        "for name in sys.argv[1:]:\n"
        "    if len(running) >= (os.cpu_count() or 1):\n"
        "        reap()\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        try:\n"
        "            importlib.import_module(name)\n"
        "        except BaseException as exc:\n"
        "            sys.stderr.write(f'{name}: {type(exc).__name__}: {exc}\\n')\n"
        "            os._exit(1)\n"
        "        os._exit(0)\n"
        "    running[pid] = name\n"
        "while running:\n"
        "    reap()\n"
        "print(' '.join(sorted(failed)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, *names], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"modules that fail to import alone: {done.stdout.strip()}\n{done.stderr}"
