"""Reading scenario and plan files with errors that name the file and the field path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from models import strictjson
from models.plan import Plan
from models.scenario import ReferenceProblems, Scenario

M = TypeVar("M", bound=BaseModel)


class InputError(Exception):
    """Bad input: carries every problem as (field path, message)."""

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = problems
        lines = [f"{source}: {len(problems)} problem(s)"]
        lines += [f"  {path or '(top level)'}: {msg}" for path, msg in problems]
        super().__init__("\n".join(lines))


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = "from" if part == "from_" else ("return" if part == "return_" else str(part))
            out += ("." if out else "") + name
    return out


def problems_from(error: ValidationError) -> list[tuple[str, str]]:
    """Flatten pydantic errors (and our multi-problem reference check) into (path, message)."""
    out: list[tuple[str, str]] = []
    for err in error.errors():
        ctx_error = (err.get("ctx") or {}).get("error")
        if isinstance(ctx_error, ReferenceProblems):
            out.extend(ctx_error.problems)
            continue
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function-"))))
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        if err["type"] == "missing":
            msg = "required field is missing"
        elif err["type"] == "literal_error":
            msg = f"{msg} (got {err.get('input')!r})"
        elif err["type"] == "enum":
            msg = f"{msg} (got {err.get('input')!r})"
        out.append((_path(loc), msg))
    return out


def parse_model(model: type[M], data: Any, source: str, *, strict_checked: bool = False) -> M:
    """Validate parsed data; the strict-JSON checks run here too (for dicts from the Python API)
    unless the data comes from `parse_json`, which made them already."""
    problems = [] if strict_checked else strictjson.tree_problems(data)
    if problems:
        raise InputError(source, problems)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(source, problems_from(exc)) from None


def parse_json(raw: bytes | str, source: str) -> Any:
    """Strict JSON from bytes (an upload) or text, with errors that name `source` and the field path."""
    try:
        return strictjson.loads_bytes(raw) if isinstance(raw, bytes) else strictjson.loads(raw)
    except strictjson.JsonError as exc:
        raise InputError(source, exc.problems) from None


def read_json(path: str | Path) -> Any:
    """A JSON file read strictly: size limit first, then UTF-8, then strict JSON."""
    path = Path(path)
    try:
        raw = strictjson.read_bytes(path)
    except FileNotFoundError:
        raise InputError(str(path), [("", "file not found")]) from None
    except strictjson.JsonError as exc:
        raise InputError(str(path), exc.problems) from None
    except OSError as exc:
        raise InputError(str(path), [("", f"cannot read file: {exc.strerror or exc}")]) from None
    return parse_json(raw, str(path))


def load_scenario(path: str | Path) -> Scenario:
    return parse_model(Scenario, read_json(path), str(path), strict_checked=True)


def load_plan(path: str | Path) -> Plan:
    return parse_model(Plan, read_json(path), str(path), strict_checked=True)


def scenario_from_dict(data: Any, source: str = "<scenario>") -> Scenario:
    return parse_model(Scenario, data, source)


def plan_from_dict(data: Any, source: str = "<plan>") -> Plan:
    return parse_model(Plan, data, source)


def write_plan(plan: Plan, path: str | Path) -> None:
    """Write atomically: a half-written plan file never replaces a good one."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(plan.to_json_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
