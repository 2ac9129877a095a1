"""Strict JSON (FORMAT.md, Conventions): every breach is refused with the file and the field path."""

from __future__ import annotations

import json
import re

import pytest

from models import InputError, load_scenario, parse_json, scenario_from_dict
from models.limits import MAX_FILE_BYTES, MAX_JSON_DEPTH
from tests.builders import scenario_dict


def _write(tmp_path, text: str | bytes):
    path = tmp_path / "scenario.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def _refused(tmp_path, text: str | bytes) -> list[tuple[str, str]]:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as info:
        load_scenario(path)
    assert info.value.source == str(path) and str(path) in str(info.value)
    return info.value.problems


def _text(data) -> str:
    return json.dumps(data)


def _raw(key: str, raw: str) -> str:
    """The builders' scenario as text, with the first number under `key` written as `raw`."""
    return re.sub(rf'"{key}": [0-9.]+', f'"{key}": {raw}', _text(scenario_dict()), count=1)


def test_a_valid_file_loads(tmp_path):
    assert load_scenario(_write(tmp_path, _text(scenario_dict()))).cases[0].id == "BV-1"


def test_duplicated_key_names_the_object_holding_it(tmp_path):
    text = _raw("priority", '1, "priority": 2')
    assert _refused(tmp_path, text) == [("cases[0]", 'duplicated key(s) "priority"')]
    top = _text(scenario_dict()).replace('{"format"', '{"id": "other", "format"', 1)
    assert _refused(tmp_path, top) == [("", 'duplicated key(s) "id"')]


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(tmp_path, token):
    text = _raw("fare_eur", token)
    assert _refused(tmp_path, text) == [("flights[0].fare_eur", f"{token} is not a number in strict JSON")]


def test_numbers_out_of_float_range_and_overlong_integers(tmp_path):
    text = _raw("fare_eur", "1e400")
    assert _refused(tmp_path, text) == [("flights[0].fare_eur", "number out of range (larger than 1.8e308)")]
    text = _raw("seats", "9" * 5000)
    [(path, message)] = _refused(tmp_path, text)
    assert path == "flights[0].seats" and "5000 digits is too long" in message


def _mutated(**edit) -> dict:
    data = scenario_dict()
    for path, value in edit.items():
        target = data
        parts = path.split("__")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        target[parts[-1]] = value
    return data


@pytest.mark.parametrize(("path", "value", "fragment"), [
    ("flights__0__seats", "9", "got the string '9'"),
    ("flights__0__fare_eur", "180.0", "got the string '180.0'"),
    ("settings__checkin_minutes", "180", "got the string '180'"),
    ("cases__0__priority", True, "expected a number, got true"),
    ("cases__0__escorts__kmar", "2", "got the string '2'"),
    ("cases__0__minor", 0, "valid boolean"),
    ("cases__0__minor", "false", "valid boolean"),
    ("cases__0__travel_document__valid_until", "2027-12-05T00:00:00+01:00", "got the datetime"),
    ("cases__0__fit_to_fly__valid_from", "20261201", "expected a date YYYY-MM-DD"),
    ("cases__0__deadline", 1765000000, "expected an ISO 8601 datetime"),
    ("cases__0__deadline", "1765000000", "expected an ISO 8601 datetime"),
    ("cases__0__deadline", "2026-12-20T12:00:00", "must carry a UTC offset"),
    ("cases__0__deadline", "9999-12-31T23:59:00-05:00", "ends of the calendar"),
    ("locations__3__pickup_windows", [{"from": "05:00+01:00", "to": "22:00"}], "expected a local time HH:MM"),
    ("locations__3__pickup_windows", [{"from": 18000, "to": "22:00"}], "expected a local time HH:MM"),
])
def test_wrong_types_are_refused_with_their_path(tmp_path, path, value, fragment):
    problems = _refused(tmp_path, _text(_mutated(**{path: value})))
    dotted = path.replace("__", ".").replace(".0.", "[0].").replace(".3.", "[3].")
    assert any(p.startswith(dotted) and fragment in m for p, m in problems), problems


def test_numbers_keep_their_lenient_json_forms(tmp_path):
    data = _mutated(flights__0__fare_eur=180, flights__0__seats=9.0, settings__return_max_hours=48)
    scenario = load_scenario(_write(tmp_path, _text(data)))
    assert scenario.flights[0].seats == 9 and scenario.flights[0].fare_eur == 180.0
    assert _refused(tmp_path, _text(_mutated(flights__0__seats=9.5)))[0][0] == "flights[0].seats"


def test_lone_surrogates_in_values_and_keys(tmp_path):
    text = _text(scenario_dict()).replace('"pseudonym": "', '"pseudonym": "\\ud800', 1)
    [(path, message)] = _refused(tmp_path, text)
    assert path == "cases[0].pseudonym" and "lone surrogate" in message
    text = _text(scenario_dict()).replace('{"format"', '{"x_\\udfff": 1, "format"', 1)
    assert "lone surrogate" in _refused(tmp_path, text)[0][1]
    with pytest.raises(InputError, match="lone surrogate"):  # the Python API gets the same check
        scenario_from_dict(_mutated(staff__0__name="S\udc00"), "<api>")


@pytest.mark.parametrize("depth", [100_000, MAX_JSON_DEPTH + 1])
def test_deep_nesting_is_refused_without_recursion_error(tmp_path, depth):
    text = _text(scenario_dict()).replace('{"format"', '{"x_deep": ' + "[" * depth + "]" * depth + ', "format"', 1)
    [(_, message)] = _refused(tmp_path, text)
    assert f"nested more than {MAX_JSON_DEPTH} levels deep" in message


def test_extension_fields_may_nest_within_the_limit(tmp_path):
    depth = MAX_JSON_DEPTH - 2
    text = _text(scenario_dict()).replace('{"format"', '{"x_deep": ' + "[" * depth + "]" * depth + ', "format"', 1)
    assert load_scenario(_write(tmp_path, text)).id


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: refused on its size, never read
    with pytest.raises(InputError, match="larger than the limit of 67,108,864 bytes"):
        load_scenario(path)
    with pytest.raises(InputError, match="larger than the limit"):
        parse_json(b" " * (MAX_FILE_BYTES + 1), "upload.json")


def test_encodings(tmp_path):
    text = _text(scenario_dict())
    assert load_scenario(_write(tmp_path, "\ufeff" + text)).id  # a byte-order mark is tolerated
    [(_, message)] = _refused(tmp_path, text.replace("JCvSZ", "caf\u00e9").encode("latin-1"))
    assert "not UTF-8 text" in message
    assert "not UTF-8 text" in _refused(tmp_path, text.encode("utf-16"))[0][1]


def test_staff_optional_fields_may_be_null(tmp_path):
    data = _mutated(staff__0__unavailable=None, staff__0__excluded_countries=None, staff__0__hour_cost_eur=None)
    person = load_scenario(_write(tmp_path, _text(data))).staff[0]
    assert person.unavailable == () and person.excluded_countries == () and person.hour_cost_eur == 0


def test_upload_bytes_get_the_same_errors_as_files(tmp_path):
    text = _raw("priority", '1, "priority": 2')
    with pytest.raises(InputError) as info:
        parse_json(text.encode("utf-8"), "upload.json")
    assert info.value.source == "upload.json"
    assert info.value.problems == _refused(tmp_path, text)
