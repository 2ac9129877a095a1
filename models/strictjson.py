"""Strict JSON as FORMAT.md defines it, read the same way by every entry point.

Python's `json` module accepts duplicated keys (the last wins), `NaN` and `Infinity`, integers of
any length (then fails on more than 4,300 digits), lone surrogate escapes such as `"\\ud800"` (which
cannot be written back as UTF-8) and recurses once per nesting level. This reader refuses all of
these with the path of the offending value, after refusing a file over `MAX_FILE_BYTES` before
reading it whole. The field types of the models (models/base.py) do the rest: no numbers written
as strings, no datetime where a date is due.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path
from typing import Any

from models.limits import MAX_FILE_BYTES, MAX_INTEGER_DIGITS, MAX_JSON_DEPTH

Problems = list[tuple[str, str]]

MAX_PROBLEMS = 20
"""A badly broken file lists this many problems, not thousands."""

_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonError(Exception):
    """The text is not strict JSON; carries (field path, message) problems like `InputError`."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__("; ".join(f"{p}: {m}" for p, m in problems))


class _Duplicated(dict):
    """An object in which a key occurred more than once (kept until the walk reports it)."""

    duplicates: list[str]


class _Refused:
    """A number strict JSON does not allow, kept in place until the walk reports its path."""

    def __init__(self, message: str):
        self.message = message


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    marked = _Duplicated(out)
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen:
            repeated.append(key)
        seen.add(key)
    marked.duplicates = list(dict.fromkeys(repeated))
    return marked


def _constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a number in strict JSON")


def _int(text: str) -> int | _Refused:
    digits = len(text.lstrip("-"))
    return _Refused(_too_long(digits)) if digits > MAX_INTEGER_DIGITS else int(text)


def _too_long(digits: int) -> str:
    return f"integer of {digits} digits is too long (at most {MAX_INTEGER_DIGITS})"


_INT_BITS = int(MAX_INTEGER_DIGITS * 3.32) - 4
"""Integers shorter than this many bits have at most MAX_INTEGER_DIGITS digits: no str() needed."""


def _path(parents: list[tuple[int, str | int]], node: int) -> str:
    parts = []
    while node > 0:
        node, key = parents[node]
        parts.append(f"[{key}]" if isinstance(key, int) else f".{key}")
    return "".join(reversed(parts)).lstrip(".")


def _show(text: str) -> str:
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def tree_problems(data: Any) -> Problems:
    """Problems strict JSON forbids anywhere in a parsed tree, each with its path (no recursion;
    paths are only spelled out for the nodes that have a problem)."""
    problems: Problems = []
    parents: list[tuple[int, str | int]] = [(0, "")]
    stack: list[tuple[Any, int, int]] = [(data, 0, 1)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, node, depth = stack.pop()
        kind = type(value)
        if kind is str:
            if _SURROGATE.search(value):
                problems.append((_path(parents, node), f'text "{_show(value)[:60]}" contains a lone surrogate '
                                                       "(\\ud800-\\udfff), which is not valid Unicode"))
        elif kind is int:
            if value.bit_length() > _INT_BITS and len(str(abs(value))) > MAX_INTEGER_DIGITS:
                problems.append((_path(parents, node), _too_long(len(str(abs(value))))))
        elif kind is bool or value is None:
            continue
        elif isinstance(value, _Refused):
            problems.append((_path(parents, node), value.message))
        elif kind is float:
            if not math.isfinite(value):  # 1e400 parses as inf
                problems.append((_path(parents, node), "number out of range (larger than 1.8e308)"))
        elif isinstance(value, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                problems.append((_path(parents, node), f"nested more than {MAX_JSON_DEPTH} levels deep"))
                continue
            if isinstance(value, _Duplicated):
                problems.append((_path(parents, node), "duplicated key(s) "
                                 + ", ".join(f'"{_show(k)}"' for k in value.duplicates)))
            items = list(value.items() if isinstance(value, dict) else enumerate(value))
            for key, item in reversed(items):
                parents.append((node, key))
                if isinstance(key, str) and _SURROGATE.search(key):
                    problems.append((_path(parents, len(parents) - 1), f'key "{_show(key)[:60]}" contains a lone '
                                                                       "surrogate (\\ud800-\\udfff)"))
                    continue
                stack.append((item, len(parents) - 1, depth + 1))
    return problems  # depth first, children in order: document order


def loads(text: str) -> Any:
    """Parse strict JSON text; raises `JsonError` with field paths."""
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise JsonError([("", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")]) from None
    except RecursionError:
        raise JsonError([("", f"nested more than {MAX_JSON_DEPTH} levels deep")]) from None
    except ValueError:  # an integer over Python's 4,300 digits: parse again, marking it in place
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_constant, parse_int=_int)
    problems = tree_problems(data)
    if problems:
        raise JsonError(problems)
    return data


def loads_bytes(raw: bytes) -> Any:
    """Parse a file's bytes: size limit, UTF-8 (a leading byte-order mark is allowed), strict JSON."""
    if len(raw) > MAX_FILE_BYTES:
        raise JsonError([("", too_large(len(raw)))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonError([("", f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset {exc.start} "
                              "(save the file as UTF-8)")]) from None
    return loads(text)


def too_large(size: int) -> str:
    return f"file of {size:,} bytes is larger than the limit of {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES >> 20} MiB)"


def read_bytes(path: Path) -> bytes:
    """A file's bytes, refusing one over the size limit before reading it whole. Raises OSError."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise JsonError([("", too_large(size))])
        raw = f.read(MAX_FILE_BYTES + 1)  # a pipe or a growing file reports no honest size
    if len(raw) > MAX_FILE_BYTES:
        raise JsonError([("",
                          f"file is larger than the limit of {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES >> 20} MiB)")])
    return raw


__all__ = ["JsonError", "loads", "loads_bytes", "read_bytes", "too_large", "tree_problems"]
