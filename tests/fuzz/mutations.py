"""Mutations of the committed scenarios, each with the exit codes `bv-planner solve` may answer.

Valid-but-unusual inputs (dates of 9999-12-31, odd unicode, overlapping windows, absent optional
fields, empty lists, codeshares, values at the documented limits) must plan: exit 0. Invalid ones
(strict-JSON breaches, lone surrogates, deep nesting, wrong types, broken references, values over
a limit) must be refused: exit 2. Exit 1 (the plan breaks a rule) and 3 (internal error) are never
expected. `mutant(seed)` is deterministic.
"""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from models.limits import MAX_FILE_BYTES, MAX_JSON_DEPTH
from tests.fuzz import fields as F
from tests.fuzz.limits import limit_for

VALID = frozenset({0})
INVALID = frozenset({2})
EITHER = frozenset({0, 2})
ZERO_LENGTH = VALID
"""Zero-length windows are valid in FORMAT.md (a daily one holds exactly its minute)."""

MAX_DATE, MAX_START, MAX_END = "9999-12-31", "9999-12-31T20:00:00+01:00", "9999-12-31T23:59:00+01:00"
MAX_FLIGHT = ("9999-12-30T08:00:00+01:00", "9999-12-30T09:30:00+01:00")
HUGE = [10**15, 10**12, 1e12, 1e300, 2**63, 2**64, 1e308, 10**30, 123456789012345]
ODD_TEXT = ["\u202eevil\u202c", "😀👨‍👩‍👧", "e\u0301\u0301", "\u0000nul", "\ufeffbom", "x" * 10_000, " ", "\t\n",
            "中文名", "\u2028line\u2029", "'; DROP TABLE cases; --", "\U0010fffd"]


@dataclass(frozen=True)
class Mutant:
    kind: str
    detail: str
    expect: frozenset[int]
    payload: bytes | None
    size: int = 0

    def write(self, path: Path) -> None:
        if self.payload is None:  # a sparse file over the size limit, never read
            with open(path, "wb") as f:
                f.truncate(self.size)
        else:
            path.write_bytes(self.payload)


class _Out:
    """Serialises a document with raw tokens (NaN, duplicate keys, deep nesting...) spliced in."""

    def __init__(self, doc: F.Doc):
        self.doc = doc
        self.raw: dict[str, bytes] = {}

    def token(self, raw: bytes | str) -> str:
        marker = f"\x00raw{len(self.raw)}"
        self.raw[marker] = raw.encode("utf-8") if isinstance(raw, str) else raw
        return marker

    def done(self, kind: str, detail: str, expect: frozenset[int], rng: random.Random) -> Mutant:
        indent = rng.choice([None, 1, 2])
        text = json.dumps(self.doc.data, ensure_ascii=rng.random() < 0.3, indent=indent).encode("utf-8")
        for marker, raw in self.raw.items():
            text = text.replace(json.dumps(marker).encode("utf-8"), raw)
        return Mutant(kind, detail, expect, text)


WEIGHTS = {"date_9999": 4, "huge_number": 3, "at_limit": 2, "overlapping_windows": 2, "remove_optional": 2,
           "empty_list": 2, "odd_unicode": 2, "date_0001": 2}
"""The kinds issue 8 names (dates of 9999-12-31, huge numbers) and the valid-but-unusual ones run more often."""

Kind = Callable[[random.Random, F.Doc, _Out], tuple[str, frozenset[int]] | None]
KINDS: dict[str, Kind] = {}


def kind(name: str):
    def register(fn: Kind) -> Kind:
        KINDS[name] = fn
        return fn
    return register


# -- valid but unusual --------------------------------------------------------------------------
@kind("date_9999")
def _date_9999(rng, doc, out):
    """The usual "no expiry": one field, every end date of one item, or every end date of the file."""
    path = doc.pick(rng, lambda p, v: F.is_date(p, v) or F.is_datetime(p, v))
    if path is None:
        return None
    scope = rng.choice(["field", "field", "item", "file"])
    if scope == "field":
        _to_9999(doc.data, path)
        return F.dotted(path), VALID
    root: tuple = path[:2] if scope == "item" and isinstance(path[1:2] and path[1], int) else ()
    ends = [p for p, v in F.walk(F.get(doc.data, root), root) if (F.is_date(p, v) or F.is_datetime(p, v))
            and F.key_of(p) not in F.PAIRS and F.key_of(p) != "planning_start"]
    for p in ends:
        _to_9999(doc.data, p)
    return f"{len(ends)} end dates in {F.dotted(root)}", VALID


def _to_9999(data: dict, path: tuple) -> None:
    key, obj = F.key_of(path), F.get(data, path[:-1])
    is_date = F.is_date(path, F.get(data, path))
    start, end = (MAX_DATE, MAX_DATE) if is_date else (MAX_START, MAX_END)
    if key in ("departure", "arrival"):  # a flight must have a local date at its airports: 30 Dec
        start, end = MAX_FLIGHT
    if key in F.PAIRS and F.PAIRS[key] in obj:  # a start: move its end along, or the pair is reversed
        obj[key], obj[F.PAIRS[key]] = start, end
    else:
        obj[key] = end


@kind("date_0001")
def _date_0001(rng, doc, out):
    path = doc.pick(rng, lambda p, v: (F.is_date(p, v) or F.is_datetime(p, v)) and F.key_of(p) in F.PAIRS)
    if path is None:
        return None
    early = "0001-01-02T12:00:00+00:00" if F.key_of(path) == "departure" else "0001-01-01T00:01:00+00:00"
    F.put(doc.data, path, "0001-01-01" if F.is_date(path, F.get(doc.data, path)) else early)
    return F.dotted(path), VALID


@kind("odd_unicode")
def _odd_unicode(rng, doc, out):
    path = doc.pick(rng, F.is_text)
    if path is None:
        return None
    F.put(doc.data, path, rng.choice(ODD_TEXT) + F.get(doc.data, path))
    return F.dotted(path), VALID


@kind("odd_unicode_id")
def _odd_id(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.key_of(p) == "id" and isinstance(v, str))
    if path is None:
        return None
    old = F.get(doc.data, path)
    new = rng.choice(["😀", "é\u0301", "\u202e", "中", " "]) + old
    for p, v in list(F.walk(doc.data)):
        if v == old and p:
            F.put(doc.data, p, new)
    return F.dotted(path), VALID


@kind("remove_optional")
def _remove_optional(rng, doc, out):
    path = doc.pick(rng, F.is_optional)
    if path is None:
        return None
    if path[0] != "settings" and rng.random() < 0.5:
        F.put(doc.data, path, None)
        return F.dotted(path) + " = null", VALID
    F.drop(doc.data, path)
    return F.dotted(path) + " removed", VALID


EMPTY_OK = {"cases", "flights", "staff", "vehicles", "options", "unavailable", "available", "languages",
            "excluded_countries", "windows", "escorts", "pickup_windows", "forbids", "locks"}
EMPTY_BAD = {"locations", "destination_airports", "roles"}


@kind("empty_list")
def _empty_list(rng, doc, out):
    path = doc.pick(rng, lambda p, v: isinstance(v, (list, dict)) and F.key_of(p) in EMPTY_OK | EMPTY_BAD)
    if path is None:
        return None
    F.put(doc.data, path, {} if F.key_of(path) == "escorts" else [])
    return F.dotted(path), INVALID if F.key_of(path) in EMPTY_BAD else VALID


@kind("overlapping_windows")
def _overlapping(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.key_of(p) in F.WINDOW_LISTS | {"pickup_windows"} and isinstance(v, list) and v)
    if path is None:
        return None
    windows = F.get(doc.data, path)
    how = rng.choice(["duplicate", "touching", "inside", "overlap"])
    windows.insert(rng.randrange(len(windows) + 1), _overlapping_window(rng.choice(windows), how))
    return f"{F.dotted(path)} {how}", VALID


def _overlapping_window(w: dict[str, str], how: str) -> dict[str, str]:
    if how == "duplicate":
        return dict(w)
    if "T" not in w["from"]:  # a daily window HH:MM
        return {"touching": {"from": w["to"], "to": "23:30" if w["to"] < "23:30" else "00:15"},
                "inside": {"from": "08:00", "to": "09:00"}, "overlap": {"from": "06:00", "to": "12:00"}}[how]
    start, end = datetime.fromisoformat(w["from"]), datetime.fromisoformat(w["to"])
    third = (end - start) / 3
    new = {"touching": (end, end + timedelta(hours=6)), "inside": (start + third, start + 2 * third),
           "overlap": (start + third, end + timedelta(days=1))}[how]
    return {"from": new[0].isoformat(), "to": new[1].isoformat()}


@kind("zero_length_window")
def _zero_length(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.key_of(p) in F.WINDOW_LISTS and isinstance(v, list) and v)
    if path is None:
        return None
    w = copy.deepcopy(rng.choice(F.get(doc.data, path)))
    w["to"] = w["from"]
    F.get(doc.data, path).append(w)
    return F.dotted(path), ZERO_LENGTH


@kind("codeshare")
def _codeshare(rng, doc, out):
    path = doc.pick(rng, lambda p, v: len(p) == 2 and p[0] == "flights")
    if path is None:
        return None
    for n in range(rng.randint(1, 4)):
        copy_ = dict(F.get(doc.data, path), id=f"{F.get(doc.data, path)['id']}-cs{n}", carrier="ZZ")
        doc.data["flights"].append(copy_)
    return F.dotted(path), VALID


@kind("zero_number")
def _zero(rng, doc, out):
    path = doc.pick(rng, lambda p, v: F.is_number(p, v) and F.key_of(p) in (
        "seats", "max_forced", "max_trips", "wheelchair_places", "stretcher_places", "fare_eur", "transfer_minutes",
        "checkin_minutes", "report_minutes", "rest_minutes", "medif_lead_hours", "daily_cost_eur", "hour_cost_eur"))
    if path is None:
        return None
    F.put(doc.data, path, 0)
    return F.dotted(path), VALID


@kind("at_limit")
def _at_limit(rng, doc, out):
    """Values at their documented maximum: one field, every field of one item, or of the whole file."""
    path = doc.pick(rng, lambda p, v: F.is_number(p, v) and limit_for(p) is not None)
    if path is None:
        return None
    scope = rng.choice(["field", "field", "item", "file"])
    root: tuple = () if scope == "file" else path[:2] if scope == "item" else path
    paths = [p for p, v in F.walk(F.get(doc.data, root), root) if F.is_number(p, v) and limit_for(p) is not None]
    for p in paths:
        F.put(doc.data, p, limit_for(p))
    return (f"{F.dotted(path)} = {limit_for(path)}" if scope == "field"
            else f"{len(paths)} values in {F.dotted(root)}"), VALID


@kind("x_field")
def _x_field(rng, doc, out):
    path = doc.pick(rng, lambda p, v: isinstance(v, dict) and F.key_of(p) != "escorts")  # a role map, no fields
    target = F.get(doc.data, path) if path else doc.data
    nested: Any = "leaf"
    for _ in range(rng.randint(0, MAX_JSON_DEPTH - 12)):
        nested = [nested] if rng.random() < 0.5 else {"k": nested}
    target[f"x_fuzz{rng.randrange(100)}"] = nested
    return F.dotted(path or ()), VALID


@kind("bom_or_layout")
def _layout(rng, doc, out):
    how = rng.choice(["bom", "crlf"])
    text = json.dumps(doc.data, indent=1, ensure_ascii=False)
    data = ("\ufeff" + text if how == "bom" else text.replace("\n", "\r\n")).encode("utf-8")
    raise _Ready(Mutant("bom_or_layout", how, VALID, data))


class _Ready(Exception):
    """A kind that builds its own file content."""

    def __init__(self, mutant: Mutant):
        self.mutant = mutant


def mutant(seed: int, kinds: list[str] | None = None) -> Mutant:
    """The mutant number `seed`: a random kind applied to a random sub-sampled base scenario."""
    from tests.fuzz import invalid  # noqa: F401  (registers the invalid kinds)

    rng = random.Random(seed)
    names = kinds or sorted(KINDS)
    weights = [WEIGHTS.get(n, 1) for n in names]
    for _ in range(50):
        name = rng.choices(names, weights)[0]
        doc = F.Doc.make(rng)
        out = _Out(doc)
        try:
            made = KINDS[name](rng, doc, out)
        except _Ready as ready:
            return ready.mutant
        if made is not None:
            detail, expect = made
            return out.done(name, f"{doc.name}: {detail}", expect, rng)
    raise RuntimeError(f"no mutation applied for seed {seed}")


__all__ = ["EITHER", "INVALID", "KINDS", "MAX_FILE_BYTES", "Mutant", "VALID", "kind", "mutant"]
