"""The plan the planner writes (`bv-plan/1`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from models.base import AwareDatetime, DomainModel, Float, Int
from models.common import Id, Role


class EscortAssignment(DomainModel):
    staff: Id = Field(description="staff id")
    role: Role = Field(description="the role this person fills")
    return_: tuple[Id, ...] = Field(alias="return", description="return leg ids in order")


class Trip(DomainModel):
    cases: tuple[Id, ...] = Field(min_length=1, description="one case, or all cases of one group")
    outbound: tuple[Id, ...] = Field(min_length=1, description="outbound leg ids in order")
    pickup: AwareDatetime = Field(description="pickup time with offset")
    vehicle: Id = Field(description="vehicle id")
    escorts: tuple[EscortAssignment, ...] = Field(default=(), description="escorts and their return legs")
    care: dict[Id, Id] = Field(default_factory=dict, description="case id -> care option id")


class Unplanned(DomainModel):
    case: Id = Field(description="case id")
    reasons: tuple[str, ...] = Field(default=(), description="why, in words")


class Objective(DomainModel):
    planned_priority: Int = Field(description="sum of priority over planned cases")
    disruption: Int | None = Field(None, description="changed or dropped previously planned cases")
    language_mismatch: Int | None = Field(None, description="planned cases with preferred languages whose escorts "
                                          "speak none of them (objective level 3; null in plans before revision 2)")
    cost_eur: Float = Field(description="total cost, EUR")


class Bound(DomainModel):
    planned_priority: Float | None = Field(None, description="best proven bound on planned priority")
    disruption: Float | None = Field(None, description="best proven bound on disruption")
    language_mismatch: Float | None = Field(None, description="best proven bound on language mismatch")
    cost_eur: Float | None = Field(None, description="best proven bound on cost, EUR")


class Note(DomainModel):
    case: Id = Field(description="case id")
    text: str = Field(description="explanation")


class Plan(DomainModel):
    format: Literal["bv-plan/1"] = Field("bv-plan/1", description="file format tag")
    scenario: Id = Field(description="scenario id")
    trips: tuple[Trip, ...] = Field(default=(), description="planned trips")
    unplanned: tuple[Unplanned, ...] = Field(default=(), description="cases not planned, with reasons")
    objective: Objective | None = Field(None, description="objective as the planner computed it")
    bound: Bound | None = Field(None, description="best proven bound")
    notes: tuple[Note, ...] = Field(default=(), description="notes per case")
    solver: dict[str, Any] = Field(default_factory=dict, description="free-form solver report")

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True, exclude_none=False)
