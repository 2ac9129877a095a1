"""What an axis and its unit are called, in Dutch (default) and English."""

from __future__ import annotations

from planner.capacity.spec import (
    Axis,
    CaseScaleAxis,
    FlightLimitAxis,
    RulesAxis,
    SettingAxis,
    StaffAxis,
    VehicleAxis,
)
from solver.explain import GENDER_EN, GENDER_NL, role_words

VEHICLES_NL = {"bus": ("bus", "bussen"), "van": ("busje", "busjes"),
               "patient_transport": ("patiëntenvervoerder", "patiëntenvervoerders")}
VEHICLES_EN = {"bus": ("bus", "buses"), "van": ("van", "vans"),
               "patient_transport": ("patient-transport van", "patient-transport vans")}


def _staff_words(axis: StaffAxis, count: int, lang: str) -> str:
    words = role_words(axis.role, count, lang)
    if axis.gender is None:
        return words
    gender = (GENDER_EN if lang == "en" else GENDER_NL)[axis.gender]
    return f"{gender} {words}"


def axis_label(axis: Axis, lang: str = "nl") -> str:
    """'Psychiatrisch verpleegkundigen (erbij of eraf)' or the label the sweep gives."""
    given = axis.label_en if lang == "en" else axis.label_nl
    if given:
        return given
    label = _derived_label(axis, lang)
    return label[:1].upper() + label[1:]


def _derived_label(axis: Axis, lang: str) -> str:
    en = lang == "en"
    if isinstance(axis, StaffAxis):
        return f"{_staff_words(axis, 2, lang)} " + ("(added or removed)" if en else "(erbij of eraf)")
    if isinstance(axis, VehicleAxis):
        plural = (VEHICLES_EN if en else VEHICLES_NL)[axis.vehicle_kind.value][1]
        return f"{plural} " + ("(added or removed)" if en else "(erbij of eraf)")
    if isinstance(axis, CaseScaleAxis):
        return "caseload (factor)" if en else "aantal zaken (factor)"
    if isinstance(axis, FlightLimitAxis):
        if axis.field == "seats":
            return "seats per leg (added)" if en else "stoelen per vlucht (erbij)"
        return "forced-departure places per leg (added)" if en else "plaatsen gedwongen vertrek per vlucht (erbij)"
    if isinstance(axis, SettingAxis):
        return f"setting {axis.key}" if en else f"instelling {axis.key}"
    if isinstance(axis, RulesAxis):
        return "rules 9-10 (revision 2) on/off" if en else "regels 9-10 (revisie 2) aan/uit"
    return axis.name


def unit_words(axis: Axis, lang: str = "nl") -> str:
    """What one step of the marginal value is counted in ('per extra psychiatrisch verpleegkundige')."""
    en = lang == "en"
    if isinstance(axis, StaffAxis):
        return "per extra " + _staff_words(axis, 1, lang)
    if isinstance(axis, VehicleAxis):
        return "per extra " + (VEHICLES_EN if en else VEHICLES_NL)[axis.vehicle_kind.value][0]
    if isinstance(axis, CaseScaleAxis):
        return "per +10 % caseload" if en else "per +10 % zaken"
    if isinstance(axis, FlightLimitAxis):
        return "per extra place per leg" if en else "per extra plaats per vlucht"
    return "per step" if en else "per stap"


def unit_size(axis: Axis) -> float | None:
    """The x-distance of one unit; None: the marginal value is counted per step between values."""
    if isinstance(axis, (StaffAxis, VehicleAxis, FlightLimitAxis)):
        return 1.0
    if isinstance(axis, CaseScaleAxis):
        return 0.1
    return None


__all__ = ["axis_label", "unit_size", "unit_words"]
