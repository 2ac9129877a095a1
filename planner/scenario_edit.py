"""Editing a scenario as its file format: dump, change the dict, validate again.

Shared by `planner.events` and `planner.case_events`, so neither imports the other's privates
(the two used to import each other, and `import planner.case_events` alone failed).
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from models import InputError, Scenario, scenario_from_dict


def _dump(scenario: Scenario) -> dict[str, Any]:
    return copy.deepcopy(scenario.model_dump(mode="json", by_alias=True))


def _validated(data: dict[str, Any], source: str) -> Scenario:
    return scenario_from_dict(data, source)


def _find(items: list[dict[str, Any]], item_id: str, list_name: str, what: str, source: str) -> dict[str, Any]:
    for x in items:
        if x["id"] == item_id:
            return x
    known = ", ".join(sorted(x["id"] for x in items)[:8])
    hint = f" (known: {known}, ...)" if known else ""
    raise InputError(source, [(list_name, f"unknown {what} {item_id!r}{hint}")])


def _aware(moment: datetime, source: str, path: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InputError(source, [(path, f"datetime {moment.isoformat()} must carry a UTC offset")])
    return moment


def _iso(moment: datetime) -> str:
    return moment.isoformat()
