"""Scenario constants with the defaults of FORMAT.md."""

from __future__ import annotations

from pydantic import Field, field_validator

from models.base import DomainModel, Float, Int
from models.common import DailyWindow, Role
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
    return_min_minutes: Int = Field(180, ge=0, le=MAX_MINUTES,
                                    description="earliest return departure after handover end, minutes")
    return_max_hours: Float = Field(48, ge=0, le=MAX_HOURS,
                                    description="latest return departure after outbound arrival, hours")
    rest_minutes: Int = Field(660, ge=0, le=MAX_MINUTES,
                              description="rest after return arrival before the next trip, minutes")
    stretcher_seats: Int = Field(6, ge=1, le=MAX_COUNT, description="seats a stretcher takes")
    road: RoadSettings = Field(default_factory=RoadSettings, description="road time model")
    vehicle_km_eur: Float = Field(1.2, ge=0, le=MAX_EUR, description="vehicle cost per road km, EUR")
    freeze_hours: Float = Field(48, ge=0, le=MAX_HOURS,
                                description="trips departing within this many hours stay frozen, hours")
    notice_hours: Float = Field(36, ge=0, le=MAX_HOURS,
                                description="a person is told of a new departure this long before, hours")
    # -- operational settings (FORMAT.md revision 2, rules 9-10); null switches a limit off ----------
    max_airport_wait_minutes: Int | None = Field(180, ge=0, le=MAX_MINUTES, description="persons reach the first "
                                                 "airport no earlier than first departure - checkin - this, minutes")
    max_connection_minutes: Int | None = Field(720, ge=0, le=MAX_MINUTES,
                                               description="longest outbound connection, minutes")
    vulnerable_max_connection_minutes: Int | None = Field(360, ge=0, le=MAX_MINUTES, description="longest outbound "
                                                          "connection of a vulnerable case (minor or medical), minutes")
    night_connection: DailyWindow | None = Field(default_factory=lambda: DailyWindow.model_validate(
        {"from": "00:00", "to": "05:00"}),
        description="local hours of the hub a vulnerable case's connection may not overlap")
    airport_report_roles: tuple[Role, ...] = Field((Role.kmar,), description="escort roles that join at the airport "
                                                   "(they do not ride in the vehicle)")
    airport_report_minutes: Int = Field(60, ge=0, le=MAX_MINUTES, description="airport-joining escorts report this "
                                        "long before check-in opens for the persons, minutes")
    max_duty_minutes: Int | None = Field(1080, ge=0, le=MAX_MINUTES,
                                         description="longest outbound or return duty, minutes")
    return_checkin_minutes: Int = Field(120, ge=0, le=MAX_MINUTES, description="return duty starts this long before "
                                        "the first return departure, minutes")
    long_duty_minutes: Int | None = Field(720, ge=0, le=MAX_MINUTES, description="an outbound duty longer than this "
                                          "needs rest abroad before the return, minutes")
    rest_abroad_minutes: Int | None = Field(600, ge=0, le=MAX_MINUTES,
                                            description="rest abroad after a long duty, from "
                                     "handover end to the first return departure, minutes")
    transit_request_hours: Float | None = Field(48, ge=0, le=MAX_HOURS, description="a forced case connecting in a "
                                                "third country departs at least this long after planning_start, hours")

    @field_validator("airport_report_roles", "airport_report_minutes", "return_checkin_minutes", mode="before")
    @classmethod
    def _null_is_none_or_zero(cls, value: object, info) -> object:
        """`null` switches these off: no role joins at the airport; no lead time before check-in or return."""
        if value is None:
            return () if info.field_name == "airport_report_roles" else 0
        return value
