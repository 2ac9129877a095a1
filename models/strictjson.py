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
    out: dict[str, Any] = {}
    duplicates = []
    for key, value in pairs:
        if key in out and key not in duplicates:
            duplicates.append(key)
        out[key] = value
    if duplicates:
        marked = _Duplicated(out)
        marked.duplicates = duplicates
        return marked
    return out


def _constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a number in strict JSON")


def _float(text: str) -> float | _Refused:
    value = float(text)
    return value if math.isfinite(value) else _Refused(f"number {text} is out of range")


def _int(text: str) -> int | _Refused:
    digits = len(text.lstrip("-"))
    if digits > MAX_INTEGER_DIGITS:
        return _Refused(f"integer of {digits} digits is too long (at most {MAX_INTEGER_DIGITS})")
    return int(text)


def _join(path: str, part: str | int) -> str:
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else str(part)


def _show(text: str) -> str:
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def tree_problems(data: Any) -> Problems:
    """Problems strict JSON forbids anywhere in a parsed tree, each with its path (no recursion)."""
    problems: Problems = []
    stack: list[tuple[Any, str, int]] = [(data, "", 1)]
    while stack and len(problems) < MAX_PROBLEMS:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                problems.append((path, f"text \"{_show(value)[:60]}\" contains a lone surrogate (\\ud800-\\udfff), "
                                       "which is not valid Unicode"))
        elif isinstance(value, _Refused):
            problems.append((path, value.message))
        elif isinstance(value, float) and not math.isfinite(value):
            problems.append((path, f"{value} is not a number in strict JSON"))
        elif isinstance(value, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                problems.append((path, f"nested more than {MAX_JSON_DEPTH} levels deep"))
                continue
            if isinstance(value, _Duplicated):
                problems.append((path, "duplicated key(s) " + ", ".join(f'"{_show(k)}"' for k in value.duplicates)))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            children = []
            for key, item in items:
                if isinstance(key, str) and _SURROGATE.search(key):
                    problems.append((path, f"key \"{_show(key)[:60]}\" contains a lone surrogate (\\ud800-\\udfff)"))
                    continue
                children.append((item, _join(path, key), depth + 1))
            stack.extend(reversed(children))
    return problems


def loads(text: str) -> Any:
    """Parse strict JSON text; raises `JsonError` with field paths."""
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_constant, parse_float=_float,
                          parse_int=_int)
    except json.JSONDecodeError as exc:
        raise JsonError([("", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")]) from None
    except RecursionError:
        raise JsonError([("", f"nested more than {MAX_JSON_DEPTH} levels deep")]) from None
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
        raise JsonError([("", f"file is larger than the limit of {MAX_FILE_BYTES:,} bytes ({MAX_FILE_BYTES >> 20} MiB)")])
    return raw


__all__ = ["JsonError", "loads", "loads_bytes", "read_bytes", "too_large", "tree_problems"]
