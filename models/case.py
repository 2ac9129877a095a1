"""A case: one person to depart, with the travel conditions the BMA set."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from models.base import AwareDatetime, Bool, Date, DomainModel, Float, Int
from models.common import MEDICAL_ROLES, CountryCode, Gender, Id, Role, TimeWindow
from models.limits import MAX_COUNT, MAX_ESCORTS_PER_ROLE, MAX_EUR, MAX_HOURS, MAX_MINUTES


class DepartureType(str, Enum):
    voluntary = "voluntary"
    forced = "forced"


class DeadlineKind(str, Enum):
    """`legal` (e.g. the end of detention) is never proposed for a move; `target` may be."""

    legal = "legal"
    target = "target"


class FitStatus(str, Enum):
    fit = "fit"
    fit_with_conditions = "fit_with_conditions"
    unfit = "unfit"
    pending = "pending"


class Wheelchair(str, Enum):
    WCHR = "WCHR"
    WCHS = "WCHS"
    WCHC = "WCHC"


class CareKind(str, Enum):
    hospital = "hospital"
    clinic = "clinic"
    shelter = "shelter"
    family = "family"


EscortCount = Annotated[Int, Field(ge=0, le=MAX_ESCORTS_PER_ROLE)]


class TravelDocument(DomainModel):
    valid_from: Date = Field(description="first valid day")
    valid_until: Date = Field(description="last valid day")

    @model_validator(mode="after")
    def _ordered(self) -> TravelDocument:
        if self.valid_until < self.valid_from:
            raise ValueError("valid_until is before valid_from")
        return self

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until


class FitToFly(DomainModel):
    status: FitStatus = Field(description="BMA decision")
    valid_from: Date = Field(description="first valid day")
    valid_until: Date = Field(description="last valid day")
    max_travel_hours: Float | None = Field(
        None, gt=0, le=MAX_HOURS, description="max last arrival - first departure, hours"
    )
    max_legs: Int | None = Field(None, ge=1, le=MAX_COUNT, description="max outbound legs")
    stretcher: Bool = Field(description="travels on a stretcher")
    oxygen: Bool = Field(description="needs medical oxygen")
    wheelchair: Wheelchair | None = Field(None, description="wheelchair code or null")

    @model_validator(mode="after")
    def _ordered(self) -> FitToFly:
        if self.valid_until < self.valid_from:
            raise ValueError("valid_until is before valid_from")
        return self

    @property
    def allows_travel(self) -> bool:
        return self.status in (FitStatus.fit, FitStatus.fit_with_conditions)

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_until


class CareOption(DomainModel):
    id: Id = Field(description="care option id, unique in the scenario")
    facility: str = Field(description="receiving facility or contact")
    kind: CareKind = Field(description="kind of reception")
    airport: Id = Field(description="arrival airport location id it is reached from")
    transfer_minutes: Int = Field(ge=0, le=MAX_MINUTES, description="airport to facility, minutes")
    windows: tuple[TimeWindow, ...] = Field(description="when it can receive")
    confirmed: Bool = Field(description="the facility confirmed it")

    def receives_at(self, moment) -> bool:
        return any(w.contains(moment) for w in self.windows)


class Care(DomainModel):
    required: Bool = Field(description="care must be arranged at arrival")
    options: tuple[CareOption, ...] = Field(default=(), description="candidate receptions")


class Case(DomainModel):
    id: Id = Field(description="case id")
    pseudonym: str = Field(min_length=1, description="the only person label that may leave the planner")
    group: Id | None = Field(None, description="cases with the same group travel together")
    departure_type: DepartureType = Field(description="voluntary or forced")
    gender: Gender = Field(description="F, M or X")
    minor: Bool = Field(description="under 18")
    unaccompanied: Bool = Field(description="unaccompanied minor")
    nationality: str = Field(description="nationality")
    destination_country: CountryCode = Field(description="country of return")
    destination_airports: tuple[Id, ...] = Field(min_length=1, description="acceptable final airports")
    location: Id = Field(description="pickup location id")
    available_from: AwareDatetime = Field(description="earliest pickup")
    deadline: AwareDatetime = Field(description="latest first departure")
    travel_document: TravelDocument | None = Field(description="laissez-passer or passport; null = not issued")
    fit_to_fly: FitToFly = Field(description="fitness to fly and travel conditions")
    escorts: dict[Role, EscortCount] = Field(description="escort role -> count")
    same_gender_escort: Bool = Field(description="needs at least one escort of the same gender")
    languages: tuple[str, ...] | None = Field(None, description="preferred languages (soft)")
    transit_excluded_countries: tuple[CountryCode, ...] = Field(
        (), description="countries where the case may not change planes"
    )
    deadline_kind: DeadlineKind = Field(
        DeadlineKind.legal, description="legal (never proposed for a move) or target; for the plan both are hard"
    )
    care: Care = Field(description="care at arrival")
    priority: Int = Field(ge=1, le=5, description="1 low ... 5 urgent")
    daily_cost_eur: Float = Field(ge=0, le=MAX_EUR, description="cost per day of waiting, EUR")

    @field_validator("transit_excluded_countries", "deadline_kind", mode="before")
    @classmethod
    def _null_is_default(cls, value: object, info) -> object:
        """Optional fields: `null` reads as absent (FORMAT.md conventions)."""
        if value is None:
            return () if info.field_name == "transit_excluded_countries" else DeadlineKind.legal
        return value

    @model_validator(mode="after")
    def _deadline_after_available(self) -> Case:
        if self.deadline < self.available_from:
            raise ValueError("deadline is before available_from")
        return self

    @property
    def forced(self) -> bool:
        return self.departure_type is DepartureType.forced

    @property
    def escort_count(self) -> int:
        return sum(self.escorts.values())

    @property
    def is_medical(self) -> bool:
        """Medical for the MEDIF lead: any fit-to-fly condition or a medical escort."""
        ftf = self.fit_to_fly
        return (
            ftf.status is FitStatus.fit_with_conditions
            or ftf.stretcher
            or ftf.oxygen
            or ftf.wheelchair is not None
            or ftf.max_travel_hours is not None
            or ftf.max_legs is not None
            or any(self.escorts.get(role, 0) > 0 for role in MEDICAL_ROLES)
        )

    @property
    def needs_care(self) -> bool:
        return self.care.required or (self.minor and self.unaccompanied)
