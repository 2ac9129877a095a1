"""The sweep file is read as strictly as a scenario; points and the knee."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import InputError
from planner.capacity.points import points, tasks
from planner.capacity.spec import load_sweep, parse_sweep
from planner.capacity.summary import CurvePoint, knee

ROOT = Path(__file__).resolve().parents[3]
AXES = [{"name": "psy", "kind": "staff", "role": "psychiatric_nurse", "values": [-1, 0, 1, 2]},
        {"name": "kmar_f", "kind": "staff", "role": "kmar", "gender": "F", "values": [0, 1, 2, 3]},
        {"name": "pt", "kind": "vehicles", "vehicle_kind": "patient_transport", "values": [0, 1, 2, 3]}]


def _sweep(**over):
    return {"format": "bv-sweep/1", "id": "t", "scenario": "s.json", "axes": AXES, **over}


def _problems(data) -> dict[str, str]:
    with pytest.raises(InputError) as err:
        parse_sweep(data, "sweep.json")
    assert err.value.source == "sweep.json"
    return dict(err.value.problems)


def test_bad_fields_are_named_by_path():
    bad = _sweep(axes=[{"name": "psy", "kind": "staff", "role": "psychiatrist", "values": ["1"]},
                       {"name": "x", "kind": "vehicles", "vehicle_kind": "van", "values": [1], "colour": "red"},
                       {"name": "y", "kind": "cases.scale", "values": [0]}, dict(AXES[2], values=[1.5])],
                 solve={"time_limit_s": "20"})
    problems = _problems(bad)
    assert "axes[0].role" in problems and "axes[0].values[0]" in problems
    assert "colour" in problems["axes[1]"]
    assert "greater than 0" in problems["axes[2].values[0]"]
    assert "axes[3].values[0]" in problems
    assert problems["solve.time_limit_s"].startswith("expected a number")


def test_axis_names_unique_values_distinct_and_format_tag():
    assert "unique" in _problems(_sweep(axes=[AXES[0], AXES[0]]))[""]
    assert "distinct" in _problems(_sweep(axes=[dict(AXES[0], values=[1, 1])]))["axes[0].values"]
    assert "format" in _problems(_sweep(format="bv-sweep/2"))
    assert "axes[0]" in _problems(_sweep(axes=[{"name": "q", "kind": "staff.role", "values": [1]}]))


def test_toml_errors_and_missing_scenario_name_the_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('format = "bv-sweep/1"\nid = \n', encoding="utf-8")
    with pytest.raises(InputError, match="not valid TOML"):
        load_sweep(bad)
    missing = tmp_path / "m.toml"
    missing.write_text('format = "bv-sweep/1"\nid = "m"\nscenario = "nope.json"\n[[axes]]\nname = "a"\n'
                       'kind = "cases.scale"\nvalues = [1.0, 1.2]\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_sweep(missing)
    assert err.value.problems[0][0] == "scenario" and "nope.json" in err.value.problems[0][1]


def test_the_demo_sweep_is_3_by_4_points_with_the_base_solved_once():
    spec, scenario = load_sweep(ROOT / "sample_data" / "sweeps" / "demo.toml")
    assert scenario == ROOT / "sample_data" / "scenarios" / "demo.json"
    assert [len(a.values) for a in spec.axes] == [4, 4, 4]
    assert len(points(spec)) == 10  # 12 axis points, the unchanged scenario shared by the three axes
    assert sum(p.on_base_except(spec, 0) for p in points(spec)) == 4


def test_grid_and_repetitions():
    spec = parse_sweep(_sweep(design="grid", solve={"repetitions": 2, "seed": 5}), "s")
    assert len(points(spec)) == 64 and len(tasks(spec)) == 128
    assert {t.seed for t in tasks(spec)} == {5, 6}
    assert len({t.key for t in tasks(spec)}) == 128


def _curve(ys):
    return [CurvePoint(str(i), float(i), 1, y, y, y, y) for i, y in enumerate(ys)]


@pytest.mark.parametrize("ys, expected", [([60, 69, 71, 71], "1"), ([10, 10, 10, 10], None), ([1, 2, 3, 4], None),
                                          ([0, 0, 0, 9], "2"), ([5, 9], None)])
def test_knee_is_the_point_farthest_from_the_chord(ys, expected):
    assert knee(_curve(ys)) == expected
