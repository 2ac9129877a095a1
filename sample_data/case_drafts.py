"""The drafts the case generator fills in: settings it plans against, cases, care options, units.

Plain data and their JSON form (`to_dict`), shared by `sample_data.cases` and `sample_data.resources`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any, TypeVar

from geopy.distance import geodesic

from sample_data.places import HOME_TZ, airport
from sample_data.schedule import Leg, local_iso

ROLES = ("doctor", "nurse", "psychiatric_nurse", "kmar", "coordinator")
MEDICAL_ROLES = ("doctor", "nurse", "psychiatric_nurse")

DEFAULT_SETTINGS: dict[str, Any] = {
    "checkin_minutes": 180,
    "min_connection_minutes": 90,
    "report_minutes": 30,
    "handover_minutes": 120,
    "return_min_minutes": 180,
    "return_max_hours": 48,
    "rest_minutes": 660,
    "stretcher_seats": 6,
    "road": {"detour_factor": 1.3, "speed_kmh": 80, "fixed_minutes": 15},
    "vehicle_km_eur": 1.2,
    "freeze_hours": 48,
    "notice_hours": 36,
    "max_airport_wait_minutes": 180,
    "max_connection_minutes": 720,
    "vulnerable_max_connection_minutes": 360,
    "night_connection": {"from": "00:00", "to": "05:00"},
    "airport_report_roles": ["kmar"],
    "airport_report_minutes": 60,
    "max_duty_minutes": 1080,
    "return_checkin_minutes": 120,
    "long_duty_minutes": 720,
    "rest_abroad_minutes": 600,
    "transit_request_hours": 48,
}
"""FORMAT.md's settings defaults: written into every scenario and used by the feasibility check."""

CHECKIN = timedelta(minutes=DEFAULT_SETTINGS["checkin_minutes"])
MIN_CONNECTION = timedelta(minutes=DEFAULT_SETTINGS["min_connection_minutes"])
HANDOVER = timedelta(minutes=DEFAULT_SETTINGS["handover_minutes"])
RETURN_MIN = timedelta(minutes=DEFAULT_SETTINGS["return_min_minutes"])
RETURN_MAX = timedelta(hours=DEFAULT_SETTINGS["return_max_hours"])
REST = timedelta(minutes=DEFAULT_SETTINGS["rest_minutes"])
REPORT = timedelta(minutes=DEFAULT_SETTINGS["report_minutes"])
NOTICE = timedelta(hours=DEFAULT_SETTINGS["notice_hours"])
STRETCHER_SEATS: int = DEFAULT_SETTINGS["stretcher_seats"]
ROAD: dict[str, float] = DEFAULT_SETTINGS["road"]
MAX_AIRPORT_WAIT = timedelta(minutes=DEFAULT_SETTINGS["max_airport_wait_minutes"])
MAX_CONNECTION = timedelta(minutes=DEFAULT_SETTINGS["max_connection_minutes"])
VULNERABLE_MAX_CONNECTION = timedelta(minutes=DEFAULT_SETTINGS["vulnerable_max_connection_minutes"])
NIGHT = ("00:00", "05:00")
AIRPORT_REPORT_ROLES: frozenset[str] = frozenset(DEFAULT_SETTINGS["airport_report_roles"])
AIRPORT_REPORT = timedelta(minutes=DEFAULT_SETTINGS["airport_report_minutes"])
MAX_DUTY = timedelta(minutes=DEFAULT_SETTINGS["max_duty_minutes"])
RETURN_CHECKIN = timedelta(minutes=DEFAULT_SETTINGS["return_checkin_minutes"])
LONG_DUTY = timedelta(minutes=DEFAULT_SETTINGS["long_duty_minutes"])
REST_ABROAD = timedelta(minutes=DEFAULT_SETTINGS["rest_abroad_minutes"])
TRANSIT_REQUEST = timedelta(hours=DEFAULT_SETTINGS["transit_request_hours"])
NO_LIMIT = timedelta(hours=48)  # itinerary search cap for a case without max_travel_hours

# Percent of trip units per profile: the case mix of a Bijzonder Vertrek team (DOMAIN.md) — mostly
# medical, psychiatric, unaccompanied-minor and family cases; plain KMar-only removals ("forced") and
# voluntary departures (30% of them unescorted) are a minority. `sample_data.mix` holds other mixes.
PROFILE_WEIGHTS = {
    "forced": 10,
    "forced_medical": 10,
    "medical": 18,
    "psychiatric": 12,
    "wheelchair": 6,
    "wchc": 5,
    "stretcher": 5,
    "uam": 14,
    "voluntary": 8,
    "family": 8,
}
FORCED_SHARE_OF_PROFILE = {"forced": 1.0, "forced_medical": 1.0, "psychiatric": 0.3, "family": 0.3}
"""The share of a profile's units that are forced departures (the rest are voluntary)."""
PROFILES = tuple(PROFILE_WEIGHTS)

HOSPITAL_NAMES = ("{city} University Hospital", "{city} General Hospital", "{city} Teaching Hospital")
CLINIC_NAMES = ("{city} Rehabilitation Clinic", "{city} Psychiatric Clinic", "Dialysis Centre {city}",
                "{city} Oncology Clinic")
SHELTER_NAMES = ("IOM partner shelter {city}", "Children's reception centre {city}",
                 "Youth care home {city}")
FAMILY_NAMES = ("Family (uncle), {city}", "Family (grandmother), {city}", "Family (aunt), {city}",
                "Family (older brother), {city}")


@cache
def road_minutes(a: tuple[float, float], b: tuple[float, float]) -> int:
    """FORMAT.md road time between two points with the default road settings."""
    km = geodesic(a, b).km
    return math.ceil(km * ROAD["detour_factor"] / ROAD["speed_kmh"] * 60) + ROAD["fixed_minutes"]


@dataclass
class CareOptionDraft:
    id: str
    facility: str
    kind: str
    airport: str
    transfer_minutes: int
    windows: list[tuple[datetime, datetime]]
    confirmed: bool

    def receives(self, moment: datetime) -> bool:
        return any(a <= moment <= b for a, b in self.windows)

    def to_dict(self) -> dict:
        tz = airport(self.airport)["tz"]
        return {
            "id": self.id,
            "facility": self.facility,
            "kind": self.kind,
            "airport": self.airport,
            "transfer_minutes": self.transfer_minutes,
            "windows": [{"from": local_iso(a, tz), "to": local_iso(b, tz)} for a, b in self.windows],
            "confirmed": self.confirmed,
        }


T = TypeVar("T")


def filled(value: T | None, what: str) -> T:
    """A draft field the generator fills in a later step; reading it before that step is a bug."""
    if value is None:
        raise ValueError(f"case draft: {what} read before the generator filled it")
    return value


@dataclass
class CaseDraft:
    """A case in Python types; `to_dict` writes it as FORMAT.md wants."""

    id: str
    pseudonym: str
    profile: str
    departure_type: str = "voluntary"
    gender: str = "M"
    minor: bool = False
    unaccompanied: bool = False
    group: str | None = None
    nationality: str = ""
    destination_country: str = ""
    destination_airports: list[str] = field(default_factory=list)
    location: str = ""
    available_from: datetime | None = None
    deadline: datetime | None = None
    travel_document: tuple[date, date] | None = None
    fit_status: str = "fit"
    fit_from: date | None = None
    fit_until: date | None = None
    max_travel_hours: int | None = None
    max_legs: int | None = None
    stretcher: bool = False
    oxygen: bool = False
    wheelchair: str | None = None
    escorts: dict[str, int] = field(default_factory=dict)
    same_gender_escort: bool = False
    languages: list[str] | None = None
    transit_excluded_countries: list[str] = field(default_factory=list)
    deadline_kind: str = "target"
    care_required: bool = False
    care_options: list[CareOptionDraft] = field(default_factory=list)
    priority: int = 3
    daily_cost_eur: int = 100

    @property
    def forced(self) -> bool:
        return self.departure_type == "forced"

    @property
    def medical(self) -> bool:
        """Medical for the MEDIF lead. Counts travel limits too: the strictest reading of FORMAT."""
        return (
            self.fit_status == "fit_with_conditions"
            or self.stretcher
            or self.oxygen
            or self.wheelchair is not None
            or self.max_travel_hours is not None
            or self.max_legs is not None
            or any(self.escorts.get(r, 0) for r in MEDICAL_ROLES)
        )

    @property
    def vulnerable(self) -> bool:
        """Rule 9's vulnerable case: a minor or a medical case."""
        return self.minor or self.medical

    @property
    def needs_care(self) -> bool:
        return self.care_required or (self.minor and self.unaccompanied)

    @property
    def plannable_by_design(self) -> bool:
        return self.travel_document is not None and self.fit_status in ("fit", "fit_with_conditions")

    def to_dict(self) -> dict:
        d: dict[str, Any] = {
            "id": self.id,
            "pseudonym": self.pseudonym,
        }
        if self.group is not None:
            d["group"] = self.group
        d.update(
            {
                "departure_type": self.departure_type,
                "gender": self.gender,
                "minor": self.minor,
                "unaccompanied": self.unaccompanied,
                "nationality": self.nationality,
                "destination_country": self.destination_country,
                "destination_airports": list(self.destination_airports),
                "location": self.location,
                "available_from": local_iso(filled(self.available_from, "available_from"), HOME_TZ),
                "deadline": local_iso(filled(self.deadline, "deadline"), HOME_TZ),
                "travel_document": None
                if self.travel_document is None
                else {
                    "valid_from": self.travel_document[0].isoformat(),
                    "valid_until": self.travel_document[1].isoformat(),
                },
                "fit_to_fly": {
                    "status": self.fit_status,
                    "valid_from": filled(self.fit_from, "fit_from").isoformat(),
                    "valid_until": filled(self.fit_until, "fit_until").isoformat(),
                    "max_travel_hours": self.max_travel_hours,
                    "max_legs": self.max_legs,
                    "stretcher": self.stretcher,
                    "oxygen": self.oxygen,
                    "wheelchair": self.wheelchair,
                },
                "escorts": {r: self.escorts[r] for r in ROLES if self.escorts.get(r)},
                "same_gender_escort": self.same_gender_escort,
            }
        )
        if self.languages is not None:
            d["languages"] = list(self.languages)
        if self.transit_excluded_countries:
            d["transit_excluded_countries"] = list(self.transit_excluded_countries)
        d["deadline_kind"] = self.deadline_kind
        d.update(
            {
                "care": {"required": self.care_required, "options": [o.to_dict() for o in self.care_options]},
                "priority": self.priority,
                "daily_cost_eur": self.daily_cost_eur,
            }
        )
        return d


@dataclass
class UnitResult:
    """A generated trip unit with what the check found (for staffing estimates and reports)."""

    members: list[CaseDraft]
    itinerary: tuple[Leg, ...] | None
    trip_hours: float

    @property
    def escorts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for m in self.members:
            for role, n in m.escorts.items():
                total[role] = total.get(role, 0) + n
        return total


def dump_units(units: list[UnitResult]) -> list[dict]:
    return [m.to_dict() for u in units for m in u.members]
