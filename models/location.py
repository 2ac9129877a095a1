"""Places: airports, hospitals, detention and reception centres, depots."""

from __future__ import annotations

from enum import Enum
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator

from models.base import DomainModel, Float
from models.common import CountryCode, DailyWindow, Id


@cache
def _zone(tz: str) -> ZoneInfo:
    """ZoneInfo keeps only a few zones in its strong cache; a scenario has dozens."""
    return ZoneInfo(tz)


class LocationKind(str, Enum):
    airport = "airport"
    hospital = "hospital"
    detention_centre = "detention_centre"
    reception_centre = "reception_centre"
    depot = "depot"
    other = "other"


class Location(DomainModel):
    id: Id = Field(description="location id")
    name: str = Field(description="display name")
    kind: LocationKind = Field(description="kind of place")
    lat: Float = Field(ge=-90, le=90, description="latitude, degrees WGS-84")
    lon: Float = Field(ge=-180, le=180, description="longitude, degrees WGS-84")
    tz: str = Field(description="IANA time zone, e.g. Europe/Amsterdam")
    country: CountryCode = Field(description="ISO 3166 alpha-2 country")
    iata: str | None = Field(None, description="IATA code (airports)")
    pickup_windows: tuple[DailyWindow, ...] | None = Field(
        None, description="daily local pickup windows; absent = any time"
    )

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r}") from exc
        return value

    @property
    def zone(self) -> ZoneInfo:
        return _zone(self.tz)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.iata})" if self.iata else self.name
