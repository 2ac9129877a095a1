"""Small shared value types: ids, roles, windows."""

from __future__ import annotations

from datetime import datetime, time
from enum import Enum
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator, model_validator

from models.base import AwareDatetime, DomainModel

Id = Annotated[str, StringConstraints(min_length=1)]
"""A non-empty identifier, unique within its list."""

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""ISO 3166 alpha-2 country code."""


class Role(str, Enum):
    """Escort roles; the medical ones make a case 'medical' for MEDIF purposes."""

    doctor = "doctor"
    nurse = "nurse"
    psychiatric_nurse = "psychiatric_nurse"
    kmar = "kmar"
    coordinator = "coordinator"


MEDICAL_ROLES = frozenset({Role.doctor, Role.nurse, Role.psychiatric_nurse})


class Gender(str, Enum):
    F = "F"
    M = "M"
    X = "X"


class TimeWindow(DomainModel):
    """An absolute window `[from, to]` in time; `to == from` is a valid, zero-length window
    (FORMAT.md does not forbid it), `to < from` is invalid input."""

    from_: AwareDatetime = Field(alias="from", description="window start (datetime with offset)")
    to: AwareDatetime = Field(description="window end (datetime with offset)")

    @model_validator(mode="after")
    def _ordered(self) -> TimeWindow:
        if self.to < self.from_:
            raise ValueError(f"window 'to' ({self.to.isoformat()}) is before 'from' ({self.from_.isoformat()})")
        return self

    def contains(self, moment: datetime) -> bool:
        return self.from_ <= moment <= self.to

    def covers(self, start: datetime, end: datetime) -> bool:
        return self.from_ <= start and end <= self.to

    def overlaps(self, start: datetime, end: datetime) -> bool:
        return start < self.to and self.from_ < end


class DailyWindow(DomainModel):
    """A daily window in local time, e.g. 07:00–20:00; a window with to < from wraps midnight.

    `from == to` is read as exactly that minute (HH:MM:00): the one reading under which a plan is
    valid whether the window is taken as a single moment or as the whole day."""

    from_: time = Field(alias="from", description="local time of day HH:MM")
    to: time = Field(description="local time of day HH:MM")

    @field_validator("from_", "to", mode="before")
    @classmethod
    def _parse_hhmm(cls, value: object) -> object:
        if isinstance(value, time):
            return value
        try:
            parsed = time.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is not None:  # local time of day: no numbers, no offset
            raise ValueError(f"expected a local time HH:MM, got {value!r}")
        return parsed

    def contains(self, local_time: time) -> bool:
        if self.from_ == self.to:
            return local_time == self.from_
        if self.from_ < self.to:
            return self.from_ <= local_time <= self.to
        return local_time >= self.from_ or local_time <= self.to
