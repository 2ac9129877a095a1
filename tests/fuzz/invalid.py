"""Mutation kinds that break the contract (refused, exit 2) or probe a numeric bound (either side).

Registered into `tests.fuzz.mutations.KINDS` on import.
"""

from __future__ import annotations

import copy
import json

from models.limits import MAX_FILE_BYTES, MAX_JSON_DEPTH
from tests.fuzz import fields as F
from tests.fuzz.limits import bounds
from tests.fuzz.mutations import EITHER, HUGE, INVALID, VALID, Mutant, _Ready, kind


def _number_expect(path, value) -> frozenset[int]:
    b = bounds(path)
    if b is None:
        return EITHER
    if b.is_int and value != int(value):
        return INVALID
    return VALID if b.allows(value) else INVALID


# -- numbers at and over their bounds ---------------------------------------------------------------
@kind("huge_number")
def _huge(rng, doc, out):
    path = doc.pick(rng, F.is_number)
    if path is None:
        return None
    value = rng.choice(HUGE)
    F.put(doc.data, path, value)
    return f"{F.dotted(path)} = {value!r}", _number_expect(path, value)


@kind("negative_number")
def _negative(rng, doc, out):
    path = doc.pick(rng, F.is_number)
    if path is None:
        return None
    value = -abs(F.get(doc.data, path)) - rng.choice([1, 0.5, 10**9])
    F.put(doc.data, path, value)
    return f"{F.dotted(path)} = {value!r}", _number_expect(path, value)


@kind("fraction_for_integer")
def _fraction(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.is_number(p, v) and (bounds(p) is not None and bounds(p).is_int))
    if path is None:
        return None
    value = F.get(doc.data, path) + rng.choice([0.5, 0.0])
    F.put(doc.data, path, value)  # 3.0 is a whole number and accepted, 3.5 is not
    return f"{F.dotted(path)} = {value!r}", _number_expect(path, value)


# -- strict JSON ----------------------------------------------------------------------------------
@kind("number_as_string")
def _number_as_string(rng, doc, out):
    path = doc.pick(rng, F.is_number)
    if path is None:
        return None
    F.put(doc.data, path, str(F.get(doc.data, path)))
    return F.dotted(path), INVALID


@kind("non_finite")
def _non_finite(rng, doc, out):
    path = doc.pick(rng, F.is_number)
    if path is None:
        return None
    token = rng.choice(["NaN", "Infinity", "-Infinity", "1e400", "-1e999"])
    F.put(doc.data, path, out.token(token))
    return f"{F.dotted(path)} = {token}", INVALID


@kind("long_integer")
def _long_integer(rng, doc, out):
    path = doc.pick(rng, F.is_number)
    if path is None:
        return None
    F.put(doc.data, path, out.token("9" * rng.choice([101, 5000, 100_000])))
    return F.dotted(path), INVALID


@kind("duplicate_key")
def _duplicate_key(rng, doc, out):
    path = doc.pick(rng, lambda p, v: isinstance(v, dict) and v) or ()
    target = F.get(doc.data, path)
    key = rng.choice(sorted(target))
    value = target[key] if rng.random() < 0.5 else "other"
    target[out.token(json.dumps(key))] = value
    return f"{F.dotted(path)}.{key}", INVALID


@kind("datetime_for_date")
def _datetime_for_date(rng, doc, out):
    path = doc.pick(rng, F.is_date)
    if path is None:
        return None
    F.put(doc.data, path, F.get(doc.data, path) + rng.choice(["T00:00:00+01:00", "T12:00:00Z", "T00:00:00"]))
    return F.dotted(path), INVALID


@kind("surrogate")
def _surrogate(rng, doc, out):
    path = doc.pick(rng, F.is_string)
    if path is None:
        return None
    value = F.get(doc.data, path)
    cut = rng.randrange(len(value) + 1)
    broken = value[:cut] + rng.choice(["\ud800", "\udfff", "\udc00x"]) + value[cut:]
    F.put(doc.data, path, out.token(json.dumps(broken)))  # ensure_ascii writes the \\udxxx escape
    return F.dotted(path), INVALID


@kind("deep_nesting")
def _deep_nesting(rng, doc, out):
    depth = rng.choice([100_000, 5_000, MAX_JSON_DEPTH + 1])
    raw = "[" * depth + "1" + "]" * depth if rng.random() < 0.5 else '{"a":' * depth + "1" + "}" * depth
    path = doc.pick(rng, lambda p, v: True)
    where = f"x_deep ({depth} levels)" if path is None or rng.random() < 0.5 else f"{F.dotted(path)} ({depth} levels)"
    if where.startswith("x_deep"):
        doc.data["x_deep"] = out.token(raw)
    else:
        F.put(doc.data, path, out.token(raw))
    return where, INVALID


# -- types and values -------------------------------------------------------------------------------
@kind("naive_datetime")
def _naive(rng, doc, out):
    path = doc.pick(rng, F.is_datetime)
    if path is None:
        return None
    F.put(doc.data, path, F.get(doc.data, path)[:19])
    return F.dotted(path), INVALID


@kind("number_for_datetime")
def _timestamp(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.is_datetime(p, v) or F.is_date(p, v) or F.is_daily_time(p, v))
    if path is None:
        return None
    F.put(doc.data, path, rng.choice([1765000000, "1765000000", 25200, 20261205]))
    return F.dotted(path), INVALID


@kind("datetime_out_of_range")
def _out_of_range(rng, doc, out):
    path = doc.pick(rng, F.is_datetime)
    if path is None:
        return None
    F.put(doc.data, path, rng.choice(["9999-12-31T23:59:00-05:00", "0001-01-01T00:30:00+01:00", "10000-01-01T00:00:00Z",
                                      "0001-01-01T00:00:00+00:00"]))
    return F.dotted(path), INVALID


@kind("bad_daily_time")
def _bad_daily_time(rng, doc, out):
    path = doc.pick(rng, F.is_daily_time)
    if path is None:
        return None
    F.put(doc.data, path, rng.choice(["07:00+01:00", "7am", "24:00", "", 700, None]))
    return F.dotted(path), INVALID


@kind("bool_as_other")
def _bool(rng, doc, out):
    path = doc.pick(rng, F.is_bool)
    if path is None:
        return None
    F.put(doc.data, path, rng.choice([1, 0, "true", "false", "yes", None]))
    return F.dotted(path), INVALID


@kind("wrong_type")
def _wrong_type(rng, doc, out):
    path = doc.pick(rng, lambda p, v: isinstance(F.key_of(p), str) and v is not None and F.parent_key(p) != "escorts")
    if path is None:
        return None
    current = F.get(doc.data, path)
    numeric = F.is_number(path, current)
    choices = [c for c in ([], {}, "text", 7, True) if type(c) is not type(current) and not (numeric and c == 7)]
    F.put(doc.data, path, rng.choice(choices))
    return F.dotted(path), INVALID


@kind("missing_required")
def _missing(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.is_required(p, v) and F.parent_key(p) != "escorts" and p[0] != "settings")
    if path is None:
        return None
    F.drop(doc.data, path)
    return F.dotted(path), INVALID


@kind("unknown_field")
def _unknown(rng, doc, out):
    path = doc.pick(rng, lambda p, v: isinstance(v, dict) and F.key_of(p) != "escorts") or ()
    F.get(doc.data, path)["fuzz_unknown"] = 1
    return F.dotted(path), INVALID


@kind("bad_enum")
def _bad_enum(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.key_of(p) in ("kind", "status", "gender", "departure_type", "format",
                                                      "wheelchair") and isinstance(v, str))
    if path is None:
        return None
    F.put(doc.data, path, rng.choice([F.get(doc.data, path).upper() + "x", "unknown", ""]))
    return F.dotted(path), INVALID


@kind("bad_country_or_zone")
def _bad_zone(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.key_of(p) in ("tz", "country", "destination_country", "home_country"))
    if path is None:
        return None
    F.put(doc.data, path, rng.choice(["Mars/Olympus", "", "nl", "../../etc/passwd", "Europe/Amsterdam "]))
    return F.dotted(path), INVALID


@kind("duplicate_id")
def _duplicate_id(rng, doc, out):
    path = doc.pick(rng, lambda p, v: len(p) == 2 and p[0] in ("locations", "flights", "cases", "staff", "vehicles"))
    if path is None:
        return None
    doc.data[path[0]].append(copy.deepcopy(F.get(doc.data, path)))
    return F.dotted(path), INVALID


@kind("unknown_reference")
def _unknown_reference(rng, doc, out):
    path = doc.pick(rng, F.is_reference)
    if path is None:
        return None
    F.put(doc.data, path, "NOPE-" + F.get(doc.data, path))
    return F.dotted(path), INVALID


# -- whole files ----------------------------------------------------------------------------------
@kind("not_a_scenario_file")
def _not_a_file(rng, doc, out):
    text = json.dumps(doc.data).encode("utf-8")
    payload = rng.choice([b"", b"[]", b"null", b'"text"', b"42", text[: len(text) // 2], text + b" trailing",
                          b"{", text.decode().encode("utf-16"), text.replace(b'"name": "', b'"name": "caf\xe9 ', 1)])
    raise _Ready(Mutant("not_a_scenario_file", f"{len(payload)} bytes starting {payload[:12]!r}", INVALID, payload))


@kind("oversize_file")
def _oversize(rng, doc, out):
    raise _Ready(Mutant("oversize_file", f"{MAX_FILE_BYTES + 1} bytes (sparse)", INVALID, None, MAX_FILE_BYTES + 1))
