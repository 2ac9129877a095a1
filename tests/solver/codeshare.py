"""Codeshare copies of a scenario's legs: the same route and times under new ids (and numbers)."""

from __future__ import annotations

import copy
from typing import Any


def with_codeshares(scn: dict[str, Any], copies: int) -> dict[str, Any]:
    """Every leg `copies` times in all (the original plus copies - 1 codeshares), each with its own seats."""
    out = copy.deepcopy(scn)
    extra = []
    for f in out["flights"]:
        for i in range(1, copies):
            twin = copy.deepcopy(f)
            twin["id"] = f"{f['id']}-CS{i}"
            twin["number"] = f"{f['number']}{i}"
            extra.append(twin)
    out["flights"] = out["flights"] + extra
    return out
