"""Scenario and plan of shared/FORMAT.md: pydantic and stdlib only."""

from models.case import CareOption, Case
from models.common import Role
from models.flight import Flight
from models.io import (
    InputError,
    load_plan,
    load_scenario,
    parse_json,
    plan_from_dict,
    read_json,
    scenario_from_dict,
    write_plan,
)
from models.location import Location
from models.plan import Bound, EscortAssignment, Note, Objective, Plan, Trip, Unplanned
from models.scenario import Forbid, Lock, Scenario
from models.settings import Settings
from models.staff import Staff
from models.vehicle import Vehicle

__all__ = [
    "Bound", "Case", "CareOption", "EscortAssignment", "Flight", "Forbid", "InputError", "Location",
    "Lock", "Note", "Objective", "Plan", "Role", "Scenario", "Settings", "Staff", "Trip", "Unplanned",
    "Vehicle", "load_plan", "load_scenario", "parse_json", "plan_from_dict", "read_json", "scenario_from_dict",
    "write_plan",
]
