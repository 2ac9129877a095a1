"""Scenario constants with the defaults of FORMAT.md."""

from __future__ import annotations

from pydantic import Field

from models.base import DomainModel, Float, Int
from models.limits import MAX_COUNT, MAX_DETOUR_FACTOR, MAX_EUR, MAX_HOURS, MAX_MINUTES, MAX_SPEED_KMH, MIN_SPEED_KMH


class RoadSettings(DomainModel):
    """How road time and km are derived from the geodesic distance."""

    detour_factor: Float = Field(1.3, gt=0, le=MAX_DETOUR_FACTOR, description="road km per geodesic km")
    speed_kmh: Float = Field(80, ge=MIN_SPEED_KMH, le=MAX_SPEED_KMH, description="average road speed, km/h")
    fixed_minutes: Int = Field(15, ge=0, le=MAX_MINUTES, description="minutes added to every non-zero drive")


class Settings(DomainModel):
    """Planning constants; every key optional."""

    checkin_minutes: Int = Field(180, ge=0, le=MAX_MINUTES, description="minutes at the airport before first departure")
    min_connection_minutes: Int = Field(90, ge=0, le=MAX_MINUTES, description="minimum connection time, minutes")
    report_minutes: Int = Field(30, ge=0, le=MAX_MINUTES, description="staff report this long before pickup, minutes")
    handover_minutes: Int = Field(120, ge=0, le=MAX_MINUTES, description="handover duration at arrival, minutes")
    return_min_minutes: Int = Field(180, ge=0, le=MAX_MINUTES, description="earliest return departure after handover end, minutes")
    return_max_hours: Float = Field(48, ge=0, le=MAX_HOURS, description="latest return departure after outbound arrival, hours")
    rest_minutes: Int = Field(660, ge=0, le=MAX_MINUTES, description="rest after return arrival before the next trip, minutes")
    stretcher_seats: Int = Field(6, ge=1, le=MAX_COUNT, description="seats a stretcher takes")
    road: RoadSettings = Field(default_factory=RoadSettings, description="road time model")
    vehicle_km_eur: Float = Field(1.2, ge=0, le=MAX_EUR, description="vehicle cost per road km, EUR")
    freeze_hours: Float = Field(48, ge=0, le=MAX_HOURS, description="trips departing within this many hours stay frozen, hours")
    notice_hours: Float = Field(36, ge=0, le=MAX_HOURS, description="a person is told of a new departure this long before, hours")
