"""JSON Schema of the scenario and plan files, generated from the pydantic models (the contract's
machine-readable half; docs/format.md is the human half). Committed under docs/schema/."""

from __future__ import annotations

import json

from pydantic import BaseModel

from models import Plan, Scenario

SCHEMAS: dict[str, type[BaseModel]] = {"scenario": Scenario, "plan": Plan}


def json_schema(kind: str) -> dict:
    """The JSON Schema of a `bv-scenario/1` ("scenario") or `bv-plan/1` ("plan") file."""
    schema = SCHEMAS[kind].model_json_schema(by_alias=True, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text(kind: str) -> str:
    """The schema as the committed file holds it: sorted keys, two-space indent, a final newline."""
    return json.dumps(json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["SCHEMAS", "json_schema", "schema_text"]
