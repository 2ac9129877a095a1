"""A tiny sweep: three forced departures that each need two KMar escorts, and two escorts who may
make one trip each, so every extra pair of escorts plans one more case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.builders import case_dict, scenario_dict, staff_dict


def tiny_scenario() -> dict[str, Any]:
    cases = [case_dict(f"BV-{i}", priority=p) for i, p in ((1, 5), (2, 3), (3, 1))]
    staff = [staff_dict("S-1", "F", max_trips=1), staff_dict("S-2", "M", max_trips=1)]
    return scenario_dict(cases=cases, staff=staff)


def write_sweep(folder: Path, axes: list[dict[str, Any]] | None = None, **solve: Any) -> Path:
    """The scenario and a JSON sweep over it in `folder`; returns the sweep's path."""
    (folder / "tiny.json").write_text(json.dumps(tiny_scenario()), encoding="utf-8")
    sweep = {"format": "bv-sweep/1", "id": "tiny", "scenario": "tiny.json",
             "solve": {"time_limit_s": 3, "workers": 1, "seed": 0, **solve},
             "axes": axes or [{"name": "kmar", "kind": "staff", "role": "kmar", "values": [0, 2, 4]}]}
    path = folder / "sweep.json"
    path.write_text(json.dumps(sweep), encoding="utf-8")
    return path
