"""Cases: the DOMAIN.md mix of forced, medical, family and unaccompanied-minor departures.

A *unit* is what travels as one trip: one case, or all cases of a family group. Every unit is
checked against the generated flights (1- or 2-leg itineraries with the case's travel limits, the
MEDIF lead, seats, stretcher/oxygen, care windows and a way back for the escorts). When none is
found the unit's limits are relaxed step by step, then its destination is redrawn, so that nearly
every case can be planned and the solver is limited by escorts, vehicles and seats instead.
A few cases are unplannable on purpose (no travel document, fit-to-fly pending or unfit).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from geopy.distance import geodesic

from sample_data.places import (
    CITY,
    DESTINATIONS,
    HOME_TZ,
    HOSPITALS,
    NL_AIRPORTS,
    RECEPTION_CENTRES,
    Destination,
    airport,
    place_by_id,
)
from sample_data.schedule import UTC, Leg, Network, local_iso, zone

ROLES = ("doctor", "nurse", "psychiatric_nurse", "kmar", "coordinator")
MEDICAL_ROLES = ("doctor", "nurse", "psychiatric_nurse")

DEFAULT_SETTINGS = {
    "checkin_minutes": 180,
    "min_connection_minutes": 90,
    "report_minutes": 30,
    "handover_minutes": 120,
    "return_min_minutes": 180,
    "return_max_hours": 48,
    "rest_minutes": 660,
    "stretcher_seats": 6,
    "road": {"detour_factor": 1.3, "speed_kmh": 80, "fixed_minutes": 15},
    "vehicle_km_eur": 1.2,
    "freeze_hours": 48,
    "notice_hours": 36,
}
"""FORMAT.md's settings defaults: written into every scenario and used by the feasibility check."""

CHECKIN = timedelta(minutes=DEFAULT_SETTINGS["checkin_minutes"])
MIN_CONNECTION = timedelta(minutes=DEFAULT_SETTINGS["min_connection_minutes"])
HANDOVER = timedelta(minutes=DEFAULT_SETTINGS["handover_minutes"])
RETURN_MIN = timedelta(minutes=DEFAULT_SETTINGS["return_min_minutes"])
RETURN_MAX = timedelta(hours=DEFAULT_SETTINGS["return_max_hours"])
REST = timedelta(minutes=DEFAULT_SETTINGS["rest_minutes"])
REPORT = timedelta(minutes=DEFAULT_SETTINGS["report_minutes"])
NOTICE = timedelta(hours=DEFAULT_SETTINGS["notice_hours"])
STRETCHER_SEATS = DEFAULT_SETTINGS["stretcher_seats"]
ROAD = DEFAULT_SETTINGS["road"]
NO_LIMIT = timedelta(hours=48)  # itinerary search cap for a case without max_travel_hours

# Percent of trip units per profile. A family unit holds 2-4 cases, so families end up ~10% of
# cases and forced departures ~45% (DOMAIN.md), counting forced psychiatric cases and families.
PROFILE_WEIGHTS = {
    "forced": 38,
    "forced_medical": 6,
    "medical": 16,
    "psychiatric": 7,
    "wheelchair": 6,
    "wchc": 5,
    "stretcher": 4,
    "uam": 6,
    "voluntary": 8,
    "family": 4,
}
PROFILES = tuple(PROFILE_WEIGHTS)

HOSPITAL_NAMES = ("{city} University Hospital", "{city} General Hospital", "{city} Teaching Hospital")
CLINIC_NAMES = ("{city} Rehabilitation Clinic", "{city} Psychiatric Clinic", "Dialysis Centre {city}",
                "{city} Oncology Clinic")
SHELTER_NAMES = ("IOM partner shelter {city}", "Children's reception centre {city}",
                 "Youth care home {city}")
FAMILY_NAMES = ("Family (uncle), {city}", "Family (grandmother), {city}", "Family (aunt), {city}",
                "Family (older brother), {city}")


@lru_cache(maxsize=None)
def road_minutes(a: tuple[float, float], b: tuple[float, float]) -> int:
    """FORMAT.md road time between two points with the default road settings."""
    km = geodesic(a, b).km
    return math.ceil(km * ROAD["detour_factor"] / ROAD["speed_kmh"] * 60) + ROAD["fixed_minutes"]


@dataclass
class CareOptionDraft:
    id: str
    facility: str
    kind: str
    airport: str
    transfer_minutes: int
    windows: list[tuple[datetime, datetime]]
    confirmed: bool

    def receives(self, moment: datetime) -> bool:
        return any(a <= moment <= b for a, b in self.windows)

    def to_dict(self) -> dict:
        tz = airport(self.airport)["tz"]
        return {
            "id": self.id,
            "facility": self.facility,
            "kind": self.kind,
            "airport": self.airport,
            "transfer_minutes": self.transfer_minutes,
            "windows": [{"from": local_iso(a, tz), "to": local_iso(b, tz)} for a, b in self.windows],
            "confirmed": self.confirmed,
        }


@dataclass
class CaseDraft:
    """A case in Python types; `to_dict` writes it as FORMAT.md wants."""

    id: str
    pseudonym: str
    profile: str
    departure_type: str = "voluntary"
    gender: str = "M"
    minor: bool = False
    unaccompanied: bool = False
    group: str | None = None
    nationality: str = ""
    destination_country: str = ""
    destination_airports: list[str] = field(default_factory=list)
    location: str = ""
    available_from: datetime | None = None
    deadline: datetime | None = None
    travel_document: tuple[date, date] | None = None
    fit_status: str = "fit"
    fit_from: date | None = None
    fit_until: date | None = None
    max_travel_hours: int | None = None
    max_legs: int | None = None
    stretcher: bool = False
    oxygen: bool = False
    wheelchair: str | None = None
    escorts: dict[str, int] = field(default_factory=dict)
    same_gender_escort: bool = False
    languages: list[str] | None = None
    care_required: bool = False
    care_options: list[CareOptionDraft] = field(default_factory=list)
    priority: int = 3
    daily_cost_eur: int = 100

    @property
    def forced(self) -> bool:
        return self.departure_type == "forced"

    @property
    def medical(self) -> bool:
        """Medical for the MEDIF lead. Counts travel limits too: the strictest reading of FORMAT."""
        return (
            self.fit_status == "fit_with_conditions"
            or self.stretcher
            or self.oxygen
            or self.wheelchair is not None
            or self.max_travel_hours is not None
            or self.max_legs is not None
            or any(self.escorts.get(r, 0) for r in MEDICAL_ROLES)
        )

    @property
    def needs_care(self) -> bool:
        return self.care_required or (self.minor and self.unaccompanied)

    @property
    def plannable_by_design(self) -> bool:
        return self.travel_document is not None and self.fit_status in ("fit", "fit_with_conditions")

    def to_dict(self) -> dict:
        d = {
            "id": self.id,
            "pseudonym": self.pseudonym,
        }
        if self.group is not None:
            d["group"] = self.group
        d.update(
            {
                "departure_type": self.departure_type,
                "gender": self.gender,
                "minor": self.minor,
                "unaccompanied": self.unaccompanied,
                "nationality": self.nationality,
                "destination_country": self.destination_country,
                "destination_airports": list(self.destination_airports),
                "location": self.location,
                "available_from": local_iso(self.available_from, HOME_TZ),
                "deadline": local_iso(self.deadline, HOME_TZ),
                "travel_document": None
                if self.travel_document is None
                else {
                    "valid_from": self.travel_document[0].isoformat(),
                    "valid_until": self.travel_document[1].isoformat(),
                },
                "fit_to_fly": {
                    "status": self.fit_status,
                    "valid_from": self.fit_from.isoformat(),
                    "valid_until": self.fit_until.isoformat(),
                    "max_travel_hours": self.max_travel_hours,
                    "max_legs": self.max_legs,
                    "stretcher": self.stretcher,
                    "oxygen": self.oxygen,
                    "wheelchair": self.wheelchair,
                },
                "escorts": {r: self.escorts[r] for r in ROLES if self.escorts.get(r)},
                "same_gender_escort": self.same_gender_escort,
            }
        )
        if self.languages is not None:
            d["languages"] = list(self.languages)
        d.update(
            {
                "care": {"required": self.care_required, "options": [o.to_dict() for o in self.care_options]},
                "priority": self.priority,
                "daily_cost_eur": self.daily_cost_eur,
            }
        )
        return d


@dataclass
class UnitResult:
    """A generated trip unit with what the check found (for staffing estimates and reports)."""

    members: list[CaseDraft]
    itinerary: tuple[Leg, ...] | None
    trip_hours: float

    @property
    def escorts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for m in self.members:
            for role, n in m.escorts.items():
                total[role] = total.get(role, 0) + n
        return total


class CaseFactory:
    """Draws units profile by profile, checks each against the network, repairs or redraws."""

    def __init__(self, rng: random.Random, start: datetime, days: int, network: Network):
        self.rng = rng
        self.start = start.astimezone(UTC)
        self.days = days
        self.end = self.start + timedelta(days=days)
        self.network = network
        self.home = zone(HOME_TZ)
        self.places = place_by_id()
        self.case_no = 0
        self.care_no = 0
        self.group_no = 0
        self.pseudo_base = rng.randint(20, 400)
        self._road_cache: dict[tuple[str, str], timedelta] = {}
        self._reach_cache: dict[tuple[bool, bool], frozenset[str]] = {}
        self.unplannable: list[str] = []
        self.no_itinerary: list[str] = []

    # -- public -------------------------------------------------------------------------
    def units(self, n_cases: int, profiles: list[str] | None = None) -> list[UnitResult]:
        """Units until `n_cases` cases exist; `profiles` fixes the first units' profiles."""
        out: list[UnitResult] = []
        queue = list(profiles or [])
        made = 0
        while made < n_cases:
            profile = queue.pop(0) if queue else self._draw_profile(n_cases - made)
            size = 1
            if profile == "family":
                size = min(n_cases - made, self.rng.choices((2, 3, 4), (0.4, 0.35, 0.25))[0])
                if size < 2:
                    profile, size = "voluntary", 1
            unit = self._unit(profile, size)
            out.append(unit)
            made += len(unit.members)
        return out

    # -- drawing ------------------------------------------------------------------------
    def _draw_profile(self, remaining: int) -> str:
        weights = dict(PROFILE_WEIGHTS)
        if remaining < 2:
            weights.pop("family")
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def _new_case(self, profile: str) -> CaseDraft:
        self.case_no += 1
        year = self.start.astimezone(self.home).year
        return CaseDraft(
            id=f"case-{self.case_no:03d}",
            pseudonym=f"BV-{year}-{self.pseudo_base + self.case_no:04d}",
            profile=profile,
        )

    def _unit(self, profile: str, size: int) -> UnitResult:
        members = self._members(profile, size)
        for _attempt in range(4):  # each attempt draws dates, papers and destination anew
            self._timing(members)
            self._papers(members)
            if not all(m.plannable_by_design for m in members):
                self._destination(members, self._pick_destination(members))
                self.unplannable.extend(m.id for m in members)
                return UnitResult(members, None, self._trip_hours(members, None))
            self._destination(members, self._pick_destination(members))
            for relax in range(4):
                if relax:
                    self._relax(members, relax)
                itinerary = self.check(members)
                if itinerary is not None:
                    itinerary = self._long_haul_escort(members, itinerary)
                    return UnitResult(members, itinerary, self._trip_hours(members, itinerary))
        self.no_itinerary.extend(m.id for m in members)
        return UnitResult(members, None, self._trip_hours(members, None))

    def _long_haul_escort(self, members: list[CaseDraft], itinerary: tuple[Leg, ...]) -> tuple[Leg, ...]:
        """KMar sends a third escort on most long flights, when the flights can take one more."""
        head = members[0]
        long_haul = itinerary[-1].arrival - itinerary[0].departure >= timedelta(hours=8)
        if head.group or head.escorts.get("kmar") != 2 or not long_haul or self.rng.random() >= 0.6:
            return itinerary
        head.escorts["kmar"] = 3
        again = self.check(members)
        if again is None:
            head.escorts["kmar"] = 2
            return itinerary
        return again

    def _members(self, profile: str, size: int) -> list[CaseDraft]:
        rng = self.rng
        if profile == "family":
            return self._family(size)
        c = self._new_case(profile)
        c.gender = rng.choices("MFX", (0.8, 0.19, 0.01))[0]
        if profile in ("forced", "forced_medical"):
            c.departure_type = "forced"
            c.escorts = {"kmar": 3 if rng.random() < 0.1 else 2}  # 3 for a higher risk
            if rng.random() < 0.15:
                c.escorts["coordinator"] = 1
            c.location = rng.choices(("dc-rotterdam", "dc-jcs", "dc-zeist"), (0.35, 0.35, 0.3))[0]
            c.priority = rng.choices((2, 3, 4, 5), (2, 4, 3, 1))[0]
            if profile == "forced_medical":
                c.fit_status = "fit_with_conditions"
                c.escorts[rng.choice(("nurse", "nurse", "psychiatric_nurse"))] = 1
                c.location = rng.choices(("hosp-jcvsz", "dc-rotterdam", "dc-jcs"), (0.6, 0.2, 0.2))[0]
                c.care_required = rng.random() < 0.5
                if rng.random() < 0.2:
                    c.wheelchair = "WCHR"
            c.same_gender_escort = (c.gender == "F" and rng.random() < 0.7) or (c.gender == "M" and rng.random() < 0.05)
        elif profile in ("medical", "psychiatric", "wheelchair", "wchc", "stretcher"):
            c.gender = rng.choices("MFX", (0.55, 0.44, 0.01))[0]
            c.fit_status = "fit_with_conditions"
            c.priority = rng.choices((2, 3, 4, 5), (1, 3, 4, 2))[0]
            c.location = rng.choice([h.id for h in HOSPITALS if h.id != "hosp-jcvsz"])
            if profile == "medical":
                c.escorts = rng.choices(({"nurse": 1}, {"doctor": 1}, {"doctor": 1, "nurse": 1}), (0.6, 0.25, 0.15))[0]
                c.oxygen = rng.random() < 0.2
                if rng.random() < 0.25:
                    c.wheelchair = rng.choice(("WCHR", "WCHS"))
                c.care_required = rng.random() < 0.9
                if rng.random() < 0.25:
                    c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
            elif profile == "psychiatric":
                c.escorts = {"psychiatric_nurse": 1}
                if rng.random() < 0.25:
                    c.escorts["nurse"] = 1
                if rng.random() < 0.3:
                    c.departure_type = "forced"
                    c.escorts["kmar"] = 2
                    c.location = rng.choice(("dc-rotterdam", "dc-zeist", "hosp-jcvsz"))
                c.care_required = rng.random() < 0.9
            elif profile == "wheelchair":
                c.wheelchair = rng.choice(("WCHR", "WCHS"))
                c.escorts = rng.choice(({"coordinator": 1}, {"nurse": 1}))
                c.care_required = rng.random() < 0.4
                if rng.random() < 0.5:
                    c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
            elif profile == "wchc":
                c.wheelchair = "WCHC"
                c.escorts = {"nurse": 1}
                if rng.random() < 0.3:
                    c.escorts["coordinator"] = 1
                c.care_required = rng.random() < 0.7
                if rng.random() < 0.5:
                    c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
            else:  # stretcher: always doctor + nurse, hospital to hospital
                c.stretcher = True
                c.oxygen = rng.random() < 0.8
                c.escorts = {"doctor": 1, "nurse": 1}
                c.care_required = True
                c.priority = rng.choice((4, 5))
            c.same_gender_escort = c.gender == "F" and rng.random() < 0.3
        elif profile == "uam":
            c.gender = rng.choices("MF", (0.75, 0.25))[0]
            c.minor = c.unaccompanied = True
            c.escorts = {"coordinator": 1}
            if rng.random() < 0.2:
                c.escorts["nurse"] = 1
            c.same_gender_escort = rng.random() < 0.6
            c.care_required = True
            c.priority = rng.choice((4, 5))
            c.location = rng.choice(("coa-ter-apel", "azc-budel", "azc-gilze", "azc-zweeloo"))
        else:  # voluntary, escorted by a coordinator or travelling alone
            c.escorts = {"coordinator": 1} if rng.random() < 0.7 else {}
            c.priority = rng.choices((1, 2, 3), (2, 4, 2))[0]
            c.location = rng.choice([r.id for r in RECEPTION_CENTRES])
        c.daily_cost_eur = self._daily_cost(c.location)
        return [c]

    def _family(self, size: int) -> list[CaseDraft]:
        rng = self.rng
        self.group_no += 1
        group = f"family-{self.group_no:02d}"
        forced = rng.random() < 0.3
        if forced:
            size = 2  # one parent and one child: carriers rarely take more than 2 forced per leg
        adults = 1 if size == 2 or rng.random() < 0.4 else 2
        location = "ggv-zeist" if forced else rng.choices(("vbl-ter-apel", "azc-budel", "azc-gilze"), (0.6, 0.2, 0.2))[0]
        priority = rng.choice((4, 5))
        members = []
        for k in range(size):
            c = self._new_case("family")
            c.group = group
            c.location = location
            c.priority = priority
            c.departure_type = "forced" if forced else "voluntary"
            c.minor = k >= adults
            c.gender = ("F", "M")[k] if k < adults else rng.choice("MF")
            if k == 0:
                c.escorts = {"kmar": 2, "coordinator": 1} if forced else {"coordinator": 1}
            elif k == 1 and forced and adults == 2:
                c.escorts = {"kmar": 1}
            c.daily_cost_eur = self._daily_cost(location)
            members.append(c)
        return members

    def _daily_cost(self, location: str) -> int:
        kind = self.places[location].kind
        low, high = {"detention_centre": (150, 250), "hospital": (120, 250)}.get(kind, (50, 100))
        return 5 * round(self.rng.uniform(low, high) / 5)

    def _timing(self, members: list[CaseDraft]) -> None:
        """available_from, deadline, travel limits (shared by a family)."""
        rng = self.rng
        head = members[0]
        if rng.random() < 0.75 or self.days < 4:
            avail = self.start + timedelta(hours=rng.randrange(0, 25))
        else:
            avail = self.start + timedelta(days=rng.uniform(1, 0.6 * self.days))
        avail = avail.astimezone(self.home).replace(minute=0, second=0, microsecond=0).astimezone(UTC)
        short_hard = head.profile in ("family", "uam")  # detention of families/minors: at most 14 days
        latest = self.end if not short_hard else min(self.end, avail + timedelta(days=14))
        shortest = min(timedelta(days=3), latest - avail)
        span = latest - avail
        if rng.random() < 0.15:
            gap = timedelta(days=rng.uniform(3, 5))
        else:
            gap = timedelta(days=rng.uniform(4, max(4.0, span / timedelta(days=1))))
        deadline = min(latest, avail + max(shortest, gap))
        deadline = deadline.astimezone(self.home).replace(minute=0, second=0, microsecond=0).astimezone(UTC)
        deadline = max(deadline, avail)
        medical = head.profile not in ("forced", "voluntary", "family", "uam")
        if head.profile == "stretcher":
            mth, legs = rng.randint(8, 14), rng.choice((1, 2, 2, None))
        elif medical:
            mth, legs = rng.randint(10, 18), rng.choice((1, 2, None, None, None))
        elif head.profile == "uam":
            mth, legs = rng.randint(14, 24), None
        else:
            mth = rng.randint(18, 30) if rng.random() < 0.5 else None
            legs = rng.choice((2, 3)) if rng.random() < 0.1 else None
        for m in members:
            m.available_from, m.deadline = avail, deadline
            m.max_travel_hours, m.max_legs = mth, legs

    def _papers(self, members: list[CaseDraft]) -> None:
        """Travel document and fit-to-fly, with their validity windows."""
        rng = self.rng
        start_day = self.start.astimezone(self.home).date()
        # one unit in ~35 waits for a laissez-passer (for a family: one member's)
        missing = rng.choice(members).id if rng.random() < 0.03 else None
        for m in members:
            anchor = max(self.start, m.available_from).astimezone(self.home).date()
            if m.id == missing:
                m.travel_document = None
            elif rng.random() < 0.07:  # expires inside the horizon
                m.travel_document = (start_day - timedelta(days=rng.randint(20, 200)),
                                     start_day + timedelta(days=rng.randint(4, max(4, self.days - 1))))
            else:
                m.travel_document = (start_day - timedelta(days=rng.randint(5, 400)),
                                     start_day + timedelta(days=rng.randint(self.days + 10, 900)))
            conditions = m.fit_status == "fit_with_conditions"
            if conditions:
                # an airline accepts a medical certificate issued <= 10 days before the flight
                m.fit_from = anchor - timedelta(days=rng.randint(0, 3))
                m.fit_until = m.fit_from + timedelta(days=10)
            else:
                m.fit_from = start_day - timedelta(days=rng.randint(5, 60))
                m.fit_until = start_day + timedelta(days=rng.randint(self.days + 30, 180))
        if rng.random() < (0.05 if members[0].fit_status == "fit_with_conditions" else 0.015):
            rng.choice(members).fit_status = rng.choice(("pending", "pending", "unfit"))

    def _reachable(self, stretcher: bool, oxygen: bool) -> frozenset[str]:
        """Airports reachable from home in 1-2 legs that can carry a stretcher / give oxygen."""
        key = (stretcher, oxygen)
        if key not in self._reach_cache:
            pairs = {
                (leg.from_, leg.to)
                for leg in self.network.legs
                if (leg.stretcher or not stretcher) and (leg.oxygen or not oxygen)
                and leg.seats >= (STRETCHER_SEATS + 2 if stretcher else 2)
            }
            first = {b for a, b in pairs if a in NL_AIRPORTS}
            self._reach_cache[key] = frozenset(first | {b for a, b in pairs if a in first})
        return self._reach_cache[key]

    def _pick_destination(self, members: list[CaseDraft]) -> tuple[Destination, tuple[str, ...]]:
        """A country of return (by weight) and its airports that the unit's needs can reach."""
        reach = self._reachable(any(m.stretcher for m in members), any(m.oxygen for m in members))
        options = [(d, tuple(a for a in d.airports if a in reach)) for d in DESTINATIONS]
        options = [(d, airports) for d, airports in options if airports]
        return self.rng.choices(options, [d.weight for d, _ in options])[0]

    def _destination(self, members: list[CaseDraft], dest: tuple[Destination, tuple[str, ...]]) -> None:
        rng = self.rng
        country, airports = dest[0], list(dest[1])
        if len(airports) > 1 and rng.random() < 0.5:
            chosen = sorted(rng.sample(airports, 2), key=airports.index)
        else:
            chosen = [rng.choice(airports)]
        languages = list(country.languages[: rng.randint(1, len(country.languages))])
        for m in members:
            m.destination_country = country.country
            m.nationality = country.country
            m.destination_airports = chosen
            m.languages = languages if rng.random() < 0.85 else None
            m.care_options = self._care_options(m) if (m.needs_care or rng.random() < 0.05) else []

    def _care_options(self, c: CaseDraft) -> list[CareOptionDraft]:
        rng = self.rng
        if c.minor and c.unaccompanied:
            kinds = rng.choice((["family"], ["shelter"], ["family", "shelter"]))
        elif c.profile in ("psychiatric",):
            kinds = rng.choice((["clinic"], ["clinic", "hospital"]))
        else:
            kinds = rng.choice((["hospital"], ["hospital", "clinic"], ["clinic"], ["hospital", "hospital"]))
        options = []
        for k, kind in enumerate(kinds):
            self.care_no += 1
            ap = rng.choice(c.destination_airports)
            names = {"hospital": HOSPITAL_NAMES, "clinic": CLINIC_NAMES, "shelter": SHELTER_NAMES,
                     "family": FAMILY_NAMES}[kind]
            if kind == "clinic" and c.profile == "psychiatric":
                names = ("{city} Psychiatric Clinic",)
            options.append(
                CareOptionDraft(
                    id=f"care-{self.care_no:03d}",
                    facility=rng.choice(names).format(city=CITY[ap]),
                    kind=kind,
                    airport=ap,
                    transfer_minutes=rng.choice((30, 45, 60, 90, 120, 150, 180, 240)),
                    windows=self._care_windows(kind, ap),
                    confirmed=(k == 0 and rng.random() < 0.93) or (k > 0 and rng.random() < 0.6),
                )
            )
        return options

    def _care_windows(self, kind: str, ap: str) -> list[tuple[datetime, datetime]]:
        rng = self.rng
        tz = zone(airport(ap)["tz"])
        first = self.start.astimezone(tz).date()
        last = (self.end + timedelta(days=3)).astimezone(tz).date()
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]

        def at(day: date, hhmm: str) -> datetime:
            return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=tz).astimezone(UTC)

        if kind == "hospital":  # admissions on weekdays, office hours
            return [(at(d, "08:00"), at(d, "17:00")) for d in days if d.weekday() < 5]
        if kind == "clinic":
            if rng.random() < 0.5:
                return [(at(d, "09:00"), at(d, "19:00")) for d in days]
            a = rng.randrange(0, max(1, len(days) - 6))
            b = min(len(days) - 1, a + rng.randint(6, 14))
            return [(at(days[a], "08:00"), at(days[b], "20:00"))]
        if kind == "shelter":
            return [(at(d, "08:00"), at(d, "20:00")) for d in days]
        if rng.random() < 0.5:  # family: any day, waking hours, or a whole stay
            return [(at(d, "07:00"), at(d, "22:00")) for d in days]
        return [(at(days[0], "00:00"), at(days[-1], "23:59"))]

    def _relax(self, members: list[CaseDraft], level: int) -> None:
        """Loosen the limits that most often leave no itinerary."""
        for m in members:
            if level == 1:
                if m.max_travel_hours is not None:
                    m.max_travel_hours += 8
                m.max_legs = None if m.max_legs == 1 else m.max_legs
            elif level == 2:
                m.max_legs = None
                if m.max_travel_hours is not None:
                    m.max_travel_hours = max(m.max_travel_hours, 30)
                latest = self.end
                if m.profile in ("family", "uam"):
                    latest = min(latest, m.available_from + timedelta(days=14))
                m.deadline = max(m.deadline, latest)
            elif level == 3:  # the first option confirms and can receive at any time
                for o in m.care_options[:1]:
                    o.confirmed = True
                    o.windows = [(self.start, self.end + timedelta(days=3))]

    # -- the feasibility check ----------------------------------------------------------
    def _road(self, location: str, ap: str) -> timedelta:
        key = (location, ap)
        if key not in self._road_cache:
            p = self.places[location]
            a = airport(ap)
            self._road_cache[key] = timedelta(minutes=road_minutes((p.lat, p.lon), (a["lat"], a["lon"])))
        return self._road_cache[key]

    def check(self, members: list[CaseDraft]) -> tuple[Leg, ...] | None:
        """An outbound itinerary (1 or 2 legs) the unit could take, with a way back for escorts."""
        head = members[0]
        escorts = sum(sum(m.escorts.values()) for m in members)
        stretchers = sum(m.stretcher for m in members)
        seats = len(members) + (STRETCHER_SEATS - 1) * stretchers + escorts
        forced = sum(m.forced for m in members)
        oxygen = any(m.oxygen for m in members)
        medical = any(m.medical for m in members)
        limits = [m.max_travel_hours for m in members if m.max_travel_hours is not None]
        max_duration = timedelta(hours=min(limits)) if limits else NO_LIMIT
        leg_limits = [m.max_legs for m in members if m.max_legs is not None]
        max_legs = min(leg_limits) if leg_limits else None
        # local dates on which all papers are valid
        lo = max(max(m.travel_document[0], m.fit_from) for m in members)
        hi = min(min(m.travel_document[1], m.fit_until) for m in members)
        if hi < lo:
            return None
        day_start = datetime.combine(lo, time(0, 0), tzinfo=self.home).astimezone(UTC)
        day_end = datetime.combine(hi, time(23, 59), tzinfo=self.home).astimezone(UTC)
        latest = min(head.deadline, day_end)
        needs_care = [m for m in members if m.needs_care]

        def leg_ok(leg: Leg) -> bool:
            if leg.seats < seats or leg.max_forced < forced:
                return False
            if stretchers and not leg.stretcher:
                return False
            if oxygen and not leg.oxygen:
                return False
            if medical and leg.departure < self.start + timedelta(hours=leg.medif_lead_hours):
                return False
            return True

        for origin in NL_AIRPORTS:
            earliest = max(head.available_from + self._road(head.location, origin) + CHECKIN,
                           self.start + NOTICE, day_start)
            if earliest > latest:
                continue
            for itinerary in self.network.itineraries(
                (origin,), head.destination_airports, earliest, latest, max_duration, max_legs,
                MIN_CONNECTION, leg_ok,
            ):
                last = itinerary[-1]
                transfer = timedelta(0)
                ok = True
                for m in needs_care:
                    fits = [o for o in m.care_options
                            if o.confirmed and o.airport == last.to
                            and o.receives(last.arrival + timedelta(minutes=o.transfer_minutes))]
                    if not fits:
                        ok = False
                        break
                    transfer = max(transfer, min(timedelta(minutes=o.transfer_minutes) for o in fits))
                if not ok:
                    continue
                if escorts and not self._way_back(last, transfer, escorts):
                    continue
                return itinerary
        return None

    def _way_back(self, last: Leg, transfer: timedelta, escorts: int) -> bool:
        earliest = last.arrival + transfer + HANDOVER + RETURN_MIN
        latest = last.arrival + RETURN_MAX
        for _ in self.network.itineraries(
            (last.to,), NL_AIRPORTS, earliest, latest, timedelta(hours=30), 2, MIN_CONNECTION,
            lambda leg: leg.seats >= escorts,
        ):
            return True
        return False

    def _trip_hours(self, members: list[CaseDraft], itinerary: tuple[Leg, ...] | None) -> float:
        """Rough escort trip length: report to return arrival plus rest, in hours."""
        flight = (itinerary[-1].arrival - itinerary[0].departure) if itinerary else timedelta(hours=8)
        ground = REPORT + timedelta(hours=1.5) + CHECKIN + HANDOVER + RETURN_MIN + timedelta(hours=4)
        return (ground + 2 * flight + REST) / timedelta(hours=1)


def dump_units(units: list[UnitResult]) -> list[dict]:
    return [m.to_dict() for u in units for m in u.members]
