"""A flight leg the plan may book seats on."""

from __future__ import annotations

from pydantic import Field, model_validator

from models.base import AwareDatetime, Bool, DomainModel, Float, Int
from models.common import Id
from models.limits import MAX_COUNT, MAX_EUR, MAX_HOURS


class Flight(DomainModel):
    id: Id = Field(description="leg id")
    carrier: str = Field(description="airline code")
    number: str = Field(description="flight number")
    from_: Id = Field(alias="from", description="departure airport location id")
    to: Id = Field(description="arrival airport location id")
    departure: AwareDatetime = Field(description="departure time with offset")
    arrival: AwareDatetime = Field(description="arrival time with offset")
    seats: Int = Field(ge=0, le=MAX_COUNT, description="seats this plan may book")
    max_forced: Int = Field(ge=0, le=MAX_COUNT, description="forced-departure cases accepted on this leg")
    stretcher: Bool = Field(description="a stretcher can be installed (one per leg)")
    oxygen: Bool = Field(description="medical oxygen available")
    medif_lead_hours: Float = Field(
        ge=0, le=MAX_HOURS, description="medical cases only on legs departing this long after planning_start, hours"
    )
    fare_eur: Float = Field(ge=0, le=MAX_EUR, description="fare per seat, EUR")

    @model_validator(mode="after")
    def _arrives_after_departure(self) -> Flight:
        if self.arrival <= self.departure:
            raise ValueError("arrival must be after departure")
        if self.from_ == self.to:
            raise ValueError("'from' and 'to' must be different airports")
        return self

    @property
    def code(self) -> str:
        """The designator as printed on a ticket: "KL1234". Some feeds already put the carrier in
        `number` ("EK5007"); never double it then."""
        number = self.number.strip()
        if self.carrier and number.upper().startswith(self.carrier.upper()):
            return number
        return f"{self.carrier}{number}"
