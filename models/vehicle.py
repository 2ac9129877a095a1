"""DV&O vehicles that drive people to the airport."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from models.base import DomainModel
from models.common import Id, TimeWindow


class VehicleKind(str, Enum):
    bus = "bus"
    van = "van"
    patient_transport = "patient_transport"


class Vehicle(DomainModel):
    id: Id = Field(description="vehicle id")
    name: str = Field(description="display name")
    kind: VehicleKind = Field(description="bus, van or patient_transport")
    seats: int = Field(ge=0, description="seats for persons and escorts")
    wheelchair_places: int = Field(ge=0, description="places for WCHC wheelchairs")
    stretcher_places: int = Field(ge=0, description="places for stretchers")
    depot: Id = Field(description="depot location id")
    available: tuple[TimeWindow, ...] = Field(description="the vehicle may only be used inside these")
