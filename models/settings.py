"""Scenario constants with the defaults of FORMAT.md."""

from __future__ import annotations

from pydantic import Field

from models.base import DomainModel


class RoadSettings(DomainModel):
    """How road time and km are derived from the geodesic distance."""

    detour_factor: float = Field(1.3, gt=0, description="road km per geodesic km")
    speed_kmh: float = Field(80, gt=0, description="average road speed, km/h")
    fixed_minutes: int = Field(15, ge=0, description="minutes added to every non-zero drive")


class Settings(DomainModel):
    """Planning constants; every key optional."""

    checkin_minutes: int = Field(180, ge=0, description="minutes at the airport before first departure")
    min_connection_minutes: int = Field(90, ge=0, description="minimum connection time, minutes")
    report_minutes: int = Field(30, ge=0, description="staff report this long before pickup, minutes")
    handover_minutes: int = Field(120, ge=0, description="handover duration at arrival, minutes")
    return_min_minutes: int = Field(180, ge=0, description="earliest return departure after handover end, minutes")
    return_max_hours: float = Field(48, ge=0, description="latest return departure after outbound arrival, hours")
    rest_minutes: int = Field(660, ge=0, description="rest after return arrival before the next trip, minutes")
    stretcher_seats: int = Field(6, ge=1, description="seats a stretcher takes")
    road: RoadSettings = Field(default_factory=RoadSettings, description="road time model")
    vehicle_km_eur: float = Field(1.2, ge=0, description="vehicle cost per road km, EUR")
    freeze_hours: float = Field(48, ge=0, description="trips departing within this many hours stay frozen, hours")
    notice_hours: float = Field(36, ge=0, description="a person is told of a new departure this long before, hours")
