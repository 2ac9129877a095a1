"""Why-not reasons as values, and the words they use (Dutch for the coordinator, English too).

A `Reason` names one rule family with a stable code, says in both languages what blocks the case
and points at the data (flight, staff, vehicle, care option ids) in `data`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from models.common import Gender, Role
from models.instants import in_zone

FAMILIES: dict[str, tuple[str, str]] = {
    # code: (Dutch label, English label)
    "documents": ("Reisdocument", "Travel document"),
    "fit_to_fly": ("Fit-to-fly", "Fit to fly"),
    "deadline": ("Deadline", "Deadline"),
    "itinerary": ("Vluchtverbinding", "Itinerary"),
    "care": ("Opvang bij aankomst", "Care at arrival"),
    "seats": ("Stoelen op de vlucht", "Seats on the leg"),
    "forced": ("Plaatsen gedwongen vertrek", "Forced-departure places"),
    "stretcher": ("Brancardplaats", "Stretcher place"),
    "vehicle": ("Vervoer", "Vehicle"),
    "staff": ("Begeleiders", "Escorts"),
    "same_gender": ("Begeleider van hetzelfde geslacht", "Same-gender escort"),
    "excluded_country": ("Land uitgesloten voor begeleider", "Country excluded for escort"),
    "lock": ("Vastgezet of uitgesloten", "Locked or forbidden"),
    "fits": ("Past wel", "Fits"),
    "other": ("Overig", "Other"),
}
"""Every family code a Reason may carry, with the labels the UI shows. Codes are stable."""


@dataclass(frozen=True)
class Reason:
    """One rule that blocks a case, in words that point at data."""

    family: str
    """Stable code, a key of FAMILIES."""
    text_nl: str
    text_en: str
    data: dict[str, Any] = field(default_factory=dict, compare=False)
    """The ids and numbers behind the text (legs, staff, vehicles, care options, dates)."""

    def text(self, lang: str = "nl") -> str:
        return self.text_en if lang == "en" else self.text_nl

    @property
    def label_nl(self) -> str:
        return FAMILIES.get(self.family, FAMILIES["other"])[0]

    @property
    def label_en(self) -> str:
        return FAMILIES.get(self.family, FAMILIES["other"])[1]

    @property
    def code(self) -> str:
        """The checker's rule code (or a `static.*` code) of this reason: `solver.explain.codes`."""
        from solver.explain.codes import reason_code

        return reason_code(self.family, self.data)

    def as_dict(self) -> dict[str, Any]:
        return {"family": self.family, "code": self.code, "text_nl": self.text_nl, "text_en": self.text_en,
                "data": self.data}


# -- words --------------------------------------------------------------------------
ROLE_NL = {
    Role.doctor: "arts", Role.nurse: "verpleegkundige", Role.psychiatric_nurse: "psychiatrisch verpleegkundige",
    Role.kmar: "KMar-escort", Role.coordinator: "coordinator",
}
ROLE_EN = {
    Role.doctor: "doctor", Role.nurse: "nurse", Role.psychiatric_nurse: "psychiatric nurse",
    Role.kmar: "KMar escort", Role.coordinator: "coordinator",
}
ROLES_NL = {
    Role.doctor: "artsen", Role.nurse: "verpleegkundigen", Role.psychiatric_nurse: "psychiatrisch verpleegkundigen",
    Role.kmar: "KMar-escorts", Role.coordinator: "coordinators",
}


def role_words(role: Role, count: int, lang: str) -> str:
    """'verpleegkundige' or 'verpleegkundigen', 'nurse' or 'nurses'."""
    if lang == "en":
        return ROLE_EN[role] + ("" if count == 1 else "s")
    return ROLE_NL[role] if count == 1 else ROLES_NL[role]


GENDER_NL = {Gender.F: "vrouwelijke", Gender.M: "mannelijke", Gender.X: "X-"}
GENDER_EN = {Gender.F: "female", Gender.M: "male", Gender.X: "gender-X"}
MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: date, lang: str) -> str:
    """'9 dec' / '9 Dec'."""
    months = MONTHS_EN if lang == "en" else MONTHS_NL
    return f"{day.day} {months[day.month - 1]}"


def days_text(first: date, last: date, lang: str) -> str:
    """'12–15 dec', '30 nov – 2 dec' or '9 dec': an inclusive range of local dates."""
    if last < first:
        first, last = last, first
    if first == last:
        return day_text(first, lang)
    if last.year - first.year > 1:  # "until further notice" (e.g. 9999-12-31): say the years
        return f"{day_text(first, lang)} {first.year} – {day_text(last, lang)} {last.year}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_text(last, lang)}"
    return f"{day_text(first, lang)} – {day_text(last, lang)}"


LATEST_SHOWN = datetime(9999, 12, 30, tzinfo=UTC)
"""Times are shown no later than this: "until 9999-12-31" in another zone would overflow the year."""


def span_text(start: datetime, end: datetime, tz: ZoneInfo, lang: str) -> str:
    """Local dates of a time span; an end at midnight belongs to the day before."""
    a = in_zone(start, tz)
    b = in_zone(end, tz)
    last = b.date()
    if b.time() == datetime.min.time() and b > a:
        last = date.fromordinal(last.toordinal() - 1)
    return days_text(a.date(), max(a.date(), last), lang)


def moment_text(moment: datetime, tz: ZoneInfo, lang: str) -> str:
    """'9 dec 11:00' in local time."""
    local = in_zone(moment, tz)
    return f"{day_text(local.date(), lang)} {local:%H:%M}"


def listing(items: list[str], lang: str, limit: int = 4) -> str:
    """'a, b en c' with at most `limit` items shown."""
    items = list(dict.fromkeys(items))
    more = len(items) - limit
    shown = items[:limit]
    if more > 0:
        shown.append(f"{more} andere" if lang == "nl" else f"{more} more")
    if len(shown) <= 1:
        return "".join(shown)
    joiner = " en " if lang == "nl" else " and "
    return ", ".join(shown[:-1]) + joiner + shown[-1]


def both(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


__all__ = [
    "FAMILIES", "GENDER_EN", "GENDER_NL", "ROLE_EN", "ROLE_NL", "Reason", "day_text", "days_text", "listing",
    "moment_text", "role_words", "span_text",
]
