"""Escort staff: doctors, nurses, psychiatric nurses, KMar, coordinators."""

from __future__ import annotations

from pydantic import Field

from models.base import DomainModel
from models.common import CountryCode, Gender, Id, Role, TimeWindow


class Staff(DomainModel):
    id: Id = Field(description="staff id")
    name: str = Field(description="full name (stays inside the planner)")
    email: str = Field(description="e-mail address")
    roles: tuple[Role, ...] = Field(min_length=1, description="roles this person can fill")
    gender: Gender = Field(description="F, M or X")
    languages: tuple[str, ...] | None = Field(None, description="spoken languages")
    base: Id = Field(description="home base location id")
    unavailable: tuple[TimeWindow, ...] = Field(default=(), description="periods this person cannot work")
    max_trips: int = Field(ge=0, description="max trips in this scenario")
    excluded_countries: tuple[CountryCode, ...] = Field(default=(), description="may not travel to or through")
    hour_cost_eur: float = Field(0, ge=0, description="cost per escort trip hour, EUR")
