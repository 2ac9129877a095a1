"""A flight leg the plan may book seats on."""

from __future__ import annotations

from pydantic import Field, model_validator

from models.base import AwareDatetime, DomainModel
from models.common import Id


class Flight(DomainModel):
    id: Id = Field(description="leg id")
    carrier: str = Field(description="airline code")
    number: str = Field(description="flight number")
    from_: Id = Field(alias="from", description="departure airport location id")
    to: Id = Field(description="arrival airport location id")
    departure: AwareDatetime = Field(description="departure time with offset")
    arrival: AwareDatetime = Field(description="arrival time with offset")
    seats: int = Field(ge=0, description="seats this plan may book")
    max_forced: int = Field(ge=0, description="forced-departure cases accepted on this leg")
    stretcher: bool = Field(description="a stretcher can be installed (one per leg)")
    oxygen: bool = Field(description="medical oxygen available")
    medif_lead_hours: float = Field(ge=0, description="medical cases only on legs departing this long after planning_start, hours")
    fare_eur: float = Field(ge=0, description="fare per seat, EUR")

    @model_validator(mode="after")
    def _arrives_after_departure(self) -> "Flight":
        if self.arrival <= self.departure:
            raise ValueError("arrival must be after departure")
        if self.from_ == self.to:
            raise ValueError("'from' and 'to' must be different airports")
        return self

    @property
    def code(self) -> str:
        return f"{self.carrier}{self.number}"
