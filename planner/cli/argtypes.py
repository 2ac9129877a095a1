"""Argument types for `bv-planner`: every value is checked while parsing, so a bad one exits 2 with one
line that names the option (argparse adds the option name to the ArgumentTypeError message)."""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from pathlib import Path


def _number(kind: type, text: str) -> float:
    try:
        value = kind(text)
    except (TypeError, ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"not {'an integer' if kind is int else 'a number'}: {text!r}") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be a finite number, got {text!r}")
    return value


def int_range(low: int, high: int) -> Callable[[str], int]:
    """An integer from `low` to `high`, both included."""

    def parse(text: str) -> int:
        value = int(_number(int, text))
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}, got {value}")
        return value

    parse.__name__ = f"integer {low}..{high}"
    return parse


def float_range(low: float, high: float, low_open: bool = False) -> Callable[[str], float]:
    """A finite number in [low, high] (or (low, high] with `low_open`)."""

    def parse(text: str) -> float:
        value = float(_number(float, text))
        if value < low or value > high or (low_open and value == low):
            left = "(" if low_open else "["
            raise argparse.ArgumentTypeError(f"must be in {left}{low:g}, {high:g}], got {text}")
        return value

    parse.__name__ = f"number {low:g}..{high:g}"
    return parse


def input_file(text: str) -> str:
    """An existing, readable file (not a folder)."""
    path = Path(text)
    if not text:
        raise argparse.ArgumentTypeError("empty file name")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file")
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"file not found: {text}")
    if not os.access(path, os.R_OK):
        raise argparse.ArgumentTypeError(f"cannot read {text}")
    return text


def input_dir(text: str) -> str:
    """An existing folder."""
    if not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: {text}")
    return text


def _writable_folder(path: Path) -> bool:
    """`path` is a folder we can write into, or can be created under the nearest existing folder."""
    existing = path
    while not existing.exists():
        if existing.parent == existing:
            return False
        existing = existing.parent
    return existing.is_dir() and os.access(existing, os.W_OK | os.X_OK)


def output_file(text: str) -> str:
    """A file to write: not a folder, and its folder exists or can be created (the command creates it)."""
    path = Path(text)
    if not text or path.is_dir():
        raise argparse.ArgumentTypeError(f"{text or 'an empty name'} is a folder; give a file name")
    if not _writable_folder(path.parent) or (path.exists() and not os.access(path, os.W_OK)):
        raise argparse.ArgumentTypeError(f"cannot write {text}")
    return text


def output_dir(text: str) -> str:
    """A folder to write into: it may not exist yet, but it is not a file and can be created."""
    path = Path(text)
    if not text:
        raise argparse.ArgumentTypeError("empty folder name")
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file, not a folder")
    if not _writable_folder(path):
        raise argparse.ArgumentTypeError(f"cannot write into {text}")
    return text


def make_parent(path: str | Path) -> Path:
    """Create the folder of an output file (argparse checked that it can be created)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


PORT = int_range(1, 65535)
SEED = int_range(0, 2**31 - 1)
WORKERS = int_range(1, 64)
TIME_LIMIT = float_range(0.0, 7 * 24 * 3600.0, low_open=True)

__all__ = ["PORT", "SEED", "TIME_LIMIT", "WORKERS", "float_range", "input_dir", "input_file", "int_range",
           "make_parent", "output_dir", "output_file"]
