"""Escort staff: doctors, nurses, psychiatric nurses, KMar, coordinators."""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator

from models.base import DomainModel, Float, Int
from models.common import CountryCode, Gender, Id, Role, TimeWindow
from models.limits import MAX_COUNT, MAX_EUR


class Staff(DomainModel):
    id: Id = Field(description="staff id")
    name: str = Field(description="full name (stays inside the planner)")
    email: str = Field(description="e-mail address")
    roles: tuple[Role, ...] = Field(min_length=1, description="roles this person can fill")
    gender: Gender = Field(description="F, M or X")
    languages: tuple[str, ...] | None = Field(None, description="spoken languages")
    base: Id = Field(description="home base location id")
    unavailable: tuple[TimeWindow, ...] = Field(default=(), description="periods this person cannot work")
    max_trips: Int = Field(ge=0, le=MAX_COUNT, description="max trips in this scenario")
    excluded_countries: tuple[CountryCode, ...] = Field(default=(), description="may not travel to or through")
    hour_cost_eur: Float = Field(0, ge=0, le=MAX_EUR, description="cost per escort trip hour, EUR")

    @field_validator("unavailable", "excluded_countries", "hour_cost_eur", mode="before")
    @classmethod
    def _null_is_default(cls, value: Any, info: ValidationInfo) -> Any:
        """FORMAT.md: these are optional, "absent or null"; null means the default (empty, 0)."""
        if value is not None or info.field_name is None:  # field_name is only None for model validators
            return value
        return cls.model_fields[info.field_name].default
