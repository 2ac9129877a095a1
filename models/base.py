"""The strict, immutable base every scenario and plan model derives from."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, model_validator


class DomainModel(BaseModel):
    """Frozen and strict about unknown fields; `x_` fields are the documented escape hatch."""

    model_config = ConfigDict(frozen=True, extra="allow", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _reject_unknown_fields(cls, data: Any) -> Any:
        if isinstance(data, dict):
            known = set()
            for name, field in cls.model_fields.items():
                known.add(name)
                if field.alias:
                    known.add(field.alias)
            unknown = [k for k in data if k not in known and not str(k).startswith("x_")]
            if unknown:
                raise ValueError(
                    "unknown field(s) "
                    + ", ".join(repr(k) for k in sorted(unknown, key=str))
                    + " (extra fields must start with 'x_')"
                )
        return data


def _require_offset(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetime must carry a UTC offset, e.g. 2026-12-05T10:25:00+01:00")
    return value


AwareDatetime = Annotated[datetime, AfterValidator(_require_offset)]
"""A datetime that must carry a UTC offset; naive datetimes are invalid input."""
