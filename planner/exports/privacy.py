"""Need-to-know: the ONE allow-list per recipient role, and the clean text every export writes.

Case data is read in one place only, `planner.exports.trips`: every export (calendars, transport
orders, handover sheets) gets a trip's facts through `trip_record(...).visible(recipient)`, which
returns only the fields on that recipient's allow-list, already formatted as clean one-line text.
The exporters never read a `Case` or a `Staff` themselves, so a field that is not on an allow-list
cannot leak by accident
(shared/DOMAIN.md, "Privacy and safeguards": the pseudonym is the only person label that leaves
the planner; a KMar escort sees time, place, flight and pseudonym, a medical escort also the
travel conditions and the receiving facility; never a name, nationality, V-number or diagnosis).

The structural parts of a trip (times, airports, legs, the vehicle's drive) are plan data, not
personal data: `TripRecord` exposes them as attributes for building events and rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import Enum
from types import MappingProxyType

from models import Role
from models.instants import in_zone
from models.location import Location


class Recipient(str, Enum):
    """Who receives an export: an escort in his escort role for the trip, or DV&O (transport)."""

    kmar = "kmar"
    coordinator = "coordinator"
    doctor = "doctor"
    nurse = "nurse"
    psychiatric_nurse = "psychiatric_nurse"
    dvo = "dvo"

    @classmethod
    def for_role(cls, role: Role) -> Recipient:
        """The role of a staff member in a trip is his escort role."""
        return cls(Role(role).value)


class Field(str, Enum):
    """One piece of information an export can carry; the order is the display order."""

    pseudonym = "pseudonym"
    persons = "persons"
    role = "role"
    team = "team"
    escort_count = "escort_count"
    vehicle = "vehicle"
    pickup_place = "pickup_place"
    pickup_time = "pickup_time"
    report_place = "report_place"
    report_time = "report_time"
    airport_escorts = "airport_escorts"
    airport = "airport"
    checkin_time = "checkin_time"
    flights = "flights"
    return_flights = "return_flights"
    handover_place = "handover_place"
    handover_time = "handover_time"
    wheelchair = "wheelchair"
    stretcher = "stretcher"
    oxygen = "oxygen"
    medical_escort = "medical_escort"
    receiving_facility = "receiving_facility"

    @property
    def label(self) -> str:
        return LABELS[self]

    @property
    def ical_name(self) -> str:
        """The calendar property that carries this field, e.g. `X-BV-PICKUP-TIME`."""
        return "X-BV-" + self.value.upper().replace("_", "-")


LABELS: Mapping[Field, str] = MappingProxyType({
    Field.pseudonym: "Zaak (pseudoniem)",
    Field.persons: "Aantal personen",
    Field.role: "Rol",
    Field.team: "Begeleiders",
    Field.escort_count: "Aantal begeleiders in het voertuig",
    Field.vehicle: "Voertuig",
    Field.pickup_place: "Ophaallocatie",
    Field.pickup_time: "Ophaaltijd",
    Field.report_place: "Meldpunt",
    Field.report_time: "Meldtijd",
    Field.airport_escorts: "Begeleiders die op de luchthaven aansluiten",
    Field.airport: "Luchthaven",
    Field.checkin_time: "Inchecktijd (uiterlijk op luchthaven)",
    Field.flights: "Vlucht",
    Field.return_flights: "Terugvlucht",
    Field.handover_place: "Plaats overdracht",
    Field.handover_time: "Overdracht",
    Field.wheelchair: "Rolstoel",
    Field.stretcher: "Brancard",
    Field.oxygen: "Zuurstof",
    Field.medical_escort: "Medische begeleiding aan boord",
    Field.receiving_facility: "Opvang",
})
"""Dutch labels (UI words of shared/DOMAIN.md), used as CSV headers, sheet rows and descriptions."""

FIELD_BY_LABEL: Mapping[str, Field] = MappingProxyType({label: f for f, label in LABELS.items()})
FIELD_BY_ICAL_NAME: Mapping[str, Field] = MappingProxyType({f.ical_name: f for f in Field})

ROLE_LABELS: Mapping[Recipient, str] = MappingProxyType({
    Recipient.kmar: "KMar-escort",
    Recipient.coordinator: "Coördinator",
    Recipient.doctor: "Arts",
    Recipient.nurse: "Verpleegkundige",
    Recipient.psychiatric_nurse: "Psychiatrisch verpleegkundige",
    Recipient.dvo: "DV&O (vervoer)",
})

# -- the allow-lists -------------------------------------------------------------------------
_FLAGS = (Field.wheelchair, Field.stretcher, Field.oxygen, Field.medical_escort)
"""Operational flags (mobility, oxygen, a medical escort on board): never a diagnosis (DOMAIN.md)."""

_ESCORT = (
    Field.pseudonym, Field.persons, Field.role, Field.team, Field.vehicle, Field.pickup_place,
    Field.pickup_time, Field.report_place, Field.report_time, Field.airport, Field.checkin_time,
    Field.airport_escorts, Field.flights, Field.return_flights, Field.handover_place, Field.handover_time,
) + _FLAGS
"""KMar and coordinator: pseudonym, times, places, flight numbers, the team and the operational flags."""

_MEDICAL = _ESCORT + (Field.receiving_facility,)
"""Medical escorts additionally: the receiving facility (they hand over to it)."""

_TRANSPORT = (
    Field.vehicle, Field.pickup_place, Field.pickup_time, Field.airport, Field.checkin_time,
    Field.airport_escorts, *_FLAGS, Field.escort_count, Field.persons, Field.pseudonym,
)
"""DV&O: what the driver needs to fetch the right person(s) with the right vehicle on time, and to
whom at the airport the person is handed over."""

ALLOW_LISTS: Mapping[Recipient, tuple[Field, ...]] = MappingProxyType({
    Recipient.kmar: _ESCORT + (Field.receiving_facility,),
    Recipient.coordinator: _ESCORT + (Field.receiving_facility,),
    Recipient.doctor: _MEDICAL,
    Recipient.nurse: _MEDICAL,
    Recipient.psychiatric_nurse: _MEDICAL,
    Recipient.dvo: _TRANSPORT,
})
"""THE allow-list per recipient role, in display order. Nothing else about a case leaves."""

HANDOVER_ONLY: Mapping[Recipient, frozenset[Field]] = MappingProxyType({
    Recipient.kmar: frozenset({Field.receiving_facility}),
    Recipient.coordinator: frozenset({Field.receiving_facility}),
})
"""Fields a role sees only on trips where it performs the handover at arrival (see `handover_roles`):
whoever hands the person over must know who receives them; the others need not."""

HANDOVER_ORDER = (Recipient.doctor, Recipient.nurse, Recipient.psychiatric_nurse, Recipient.coordinator,
                  Recipient.kmar)
"""Who performs the handover: a medical escort on board, else the coordinator, else KMar."""


def handover_roles(present: set[Recipient] | frozenset[Recipient]) -> frozenset[Recipient]:
    """The roles of a trip's escorts that perform the handover: every medical role on board, or else
    the first of coordinator and KMar that is on board."""
    medical = {r for r in HANDOVER_ORDER[:3] if r in present}
    if medical:
        return frozenset(medical)
    return frozenset(next(([r] for r in HANDOVER_ORDER[3:] if r in present), []))


def visible_fields(recipient: Recipient, performs_handover: bool) -> tuple[Field, ...]:
    """The allow-list of `recipient` on one trip, without the handover-only fields unless it hands over."""
    hidden = frozenset() if performs_handover else HANDOVER_ONLY.get(recipient, frozenset())
    return tuple(f for f in ALLOW_LISTS[recipient] if f not in hidden)


def allowed(recipient: Recipient, item: Field) -> bool:
    return item in ALLOW_LISTS[recipient]


# -- clean text ----------------------------------------------------------------------------------
_SPACES = re.compile(r"\s+")


def one_line(value: object) -> str:
    """Text safe for any export: no control or line/paragraph separator characters, one line.

    CR, LF, NEL, U+2028/2029, tabs and other controls become a single space, so a value can
    never start a new iCalendar content line, CSV record or HTML line on its own.
    """
    text = str(value)
    out = []
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Cc", "Zl", "Zp", "Cs") or ch in "\u0085\ufeff":
            out.append(" ")
        elif category == "Cf":
            continue  # zero-width and bidi controls: invisible, only useful to confuse a reader
        else:
            out.append(ch)
    return _SPACES.sub(" ", "".join(out)).strip()


def local_text(moment: datetime, tz: str) -> str:
    """`2026-12-09 06:30 (UTC+01:00)`: wall-clock time at the place, with its offset."""
    local = in_zone(moment, tz)  # in UTC at the very end of the calendar (year 9999)
    offset = local.utcoffset() or timedelta(0)  # never None: in_zone returns an aware time
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{local:%Y-%m-%d %H:%M} (UTC{sign}{minutes // 60:02d}:{minutes % 60:02d})"


def place_text(location: Location) -> str:
    return one_line(location.label)


def short_place(location: Location) -> str:
    """An airport's IATA code, else its name."""
    return one_line(location.iata or location.name)


__all__ = [
    "ALLOW_LISTS", "FIELD_BY_ICAL_NAME", "FIELD_BY_LABEL", "HANDOVER_ONLY", "LABELS", "ROLE_LABELS", "Field",
    "Recipient", "allowed", "handover_roles", "visible_fields",
    "local_text", "one_line", "place_text", "short_place",
]
