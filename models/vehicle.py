"""DV&O vehicles that drive people to the airport."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from models.base import DomainModel, Int
from models.common import Id, TimeWindow
from models.limits import MAX_COUNT


class VehicleKind(str, Enum):
    bus = "bus"
    van = "van"
    patient_transport = "patient_transport"


class Vehicle(DomainModel):
    id: Id = Field(description="vehicle id")
    name: str = Field(description="display name")
    kind: VehicleKind = Field(description="bus, van or patient_transport")
    seats: Int = Field(ge=0, le=MAX_COUNT, description="seats for persons and escorts")
    wheelchair_places: Int = Field(ge=0, le=MAX_COUNT, description="places for WCHC wheelchairs")
    stretcher_places: Int = Field(ge=0, le=MAX_COUNT, description="places for stretchers")
    depot: Id = Field(description="depot location id")
    available: tuple[TimeWindow, ...] = Field(description="the vehicle may only be used inside these")
