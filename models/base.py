"""The strict, immutable base every scenario and plan model derives from."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from typing import Annotated, Any

from pydantic import AfterValidator, AllowInfNan, BaseModel, BeforeValidator, ConfigDict, Strict, model_validator

from models.limits import EARLIEST_INSTANT, LATEST_INSTANT


class DomainModel(BaseModel):
    """Frozen and strict about unknown fields; `x_` fields are the documented escape hatch."""

    model_config = ConfigDict(frozen=True, extra="allow", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _reject_unknown_fields(cls, data: Any) -> Any:
        if isinstance(data, dict):
            known = _known_fields(cls)
            unknown = [k for k in data if k not in known and not str(k).startswith("x_")]
            if unknown:
                raise ValueError(
                    "unknown field(s) "
                    + ", ".join(repr(k) for k in sorted(unknown, key=str))
                    + " (extra fields must start with 'x_')"
                )
        return data


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@cache
def _known_fields(cls: type[BaseModel]) -> frozenset[str]:
    """Field names and aliases of a model (asked once per model, not once per object)."""
    return frozenset(n for name, f in cls.model_fields.items() for n in (name, f.alias) if n)


def _datetime_text(value: Any) -> Any:
    """Strict JSON: a datetime is an ISO 8601 string, never a number of seconds."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and _DATETIME.match(value):
        return value
    raise ValueError(f"expected an ISO 8601 datetime with offset, e.g. 2026-12-05T10:25:00+01:00, got {value!r}")


def _require_offset(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("datetime must carry a UTC offset, e.g. 2026-12-05T10:25:00+01:00")
    if not EARLIEST_INSTANT < value < LATEST_INSTANT:  # aware comparison: no overflow
        raise ValueError(f"{value.isoformat()} lies at or past the ends of the calendar: in UTC it must be later "
                         "than 0001-01-01T00:00:00 and earlier than 10000-01-01T00:00:00")
    return value


AwareDatetime = Annotated[datetime, BeforeValidator(_datetime_text), AfterValidator(_require_offset)]
"""A datetime that must carry a UTC offset; naive datetimes and numbers are invalid input."""


def _date_only(value: Any) -> Any:
    """Strict JSON: a date is `YYYY-MM-DD`; a datetime where a date is due is refused."""
    if isinstance(value, datetime):
        raise ValueError(f"expected a date YYYY-MM-DD, got the datetime {value.isoformat()}")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE.fullmatch(value):
        return value
    if isinstance(value, str) and _DATETIME.match(value):
        raise ValueError(f"expected a date YYYY-MM-DD, got the datetime {value!r}")
    raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")


Date = Annotated[date, BeforeValidator(_date_only)]
"""A calendar date `YYYY-MM-DD`, up to 9999-12-31."""


def _number(value: Any) -> Any:
    """Strict JSON: numbers are not written as strings, and true/false are not numbers."""
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {str(value).lower()}")
    if isinstance(value, str):
        raise ValueError(f"expected a number, got the string {value!r} (write numbers without quotes)")
    return value


Int = Annotated[int, BeforeValidator(_number)]
"""A whole number; `3.0` is accepted, `3.5`, `"3"` and `true` are not."""

Float = Annotated[float, BeforeValidator(_number), AllowInfNan(False)]
"""A finite number; a JSON integer where a float is due stays valid."""

Bool = Annotated[bool, Strict()]
"""`true` or `false` only: no 0/1, no "yes"."""
