"""Escort staff and DV&O vehicles, sized to the cases' demand times a staffing factor.

Demand is estimated per role as escort-days: Σ over trip units of (escorts of that role) × (the
unit's estimated trip length, report to return arrival plus rest). People are added to a role
until their summed capacity — min(available days, max_trips × average trip length) — reaches
`staffing` × demand. So staffing 1.0 is just enough in aggregate (and tight in practice, because
trips cluster around flights), 0.6 is scarce. Vehicles likewise, by vehicle-hours of driving.
"""

from __future__ import annotations

import math
import random
import unicodedata
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sample_data.case_drafts import ROLES, UnitResult, road_minutes
from sample_data.places import DEPOTS, HOME_TZ, HOSPITALS, NL_AIRPORTS, airport, place_by_id
from sample_data.schedule import UTC, local_iso

FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "F": ("Anna", "Sanne", "Fleur", "Lotte", "Eva", "Iris", "Noor", "Femke", "Marieke", "Esther",
          "Ingrid", "Judith", "Karin", "Linda", "Marloes", "Nicole", "Petra", "Rianne", "Saskia",
          "Yvonne", "Fatima", "Samira", "Elif", "Naima", "Chantal", "Joyce", "Wendy", "Hanneke"),
    "M": ("Jan", "Pieter", "Daan", "Bram", "Thijs", "Lucas", "Ruben", "Sander", "Bas", "Joost",
          "Erik", "Maarten", "Niels", "Rob", "Stefan", "Tom", "Wouter", "Youssef", "Mehmet",
          "Mohamed", "Kees", "Henk", "Jeroen", "Martijn", "Vincent", "Dennis", "Remco", "Arjen"),
}
FIRST_NAMES["X"] = ("Sam", "Robin", "Kim", "Alex", "Charlie", "Noa")
SURNAMES = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
    "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
    "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan",
    "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "van der Heijden",
    "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas", "Verhoeven",
    "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "de Jong", "Yılmaz", "El Amrani",
    "Bouzid", "Kaya", "Martens", "Postma", "Kuipers", "Veenstra", "Wijnands", "Çelik", "Boukhari",
)
EXTRA_LANGUAGES = ("fr", "ar", "tr", "es", "pt", "ru", "de", "so", "ti", "fa")
EXCLUDABLE = ("IR", "IQ", "SO", "SD", "ER", "NG", "TR", "AE", "QA", "CN")

ROLE_PREFIX = {"doctor": "doc", "nurse": "nurse", "psychiatric_nurse": "psy", "kmar": "kmar",
               "coordinator": "coord"}
FEMALE_SHARE = {"doctor": 0.5, "nurse": 0.75, "psychiatric_nurse": 0.6, "kmar": 0.35, "coordinator": 0.55}

# Driving hours a vehicle gives per day on average: about one trip, since pickups cluster a few
# hours before the same morning and midday departure banks.
VEHICLE_HOURS_PER_DAY = 5


def _hour_cost(rng: random.Random, role: str) -> int:
    if role == "doctor":
        return rng.randint(90, 120)
    if role == "nurse":
        return rng.randint(60, 85)
    if role == "psychiatric_nurse":
        return rng.randint(65, 90)
    if role == "kmar":
        return 0 if rng.random() < 0.3 else rng.randint(35, 50)
    return 40


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


class StaffFactory:
    def __init__(self, rng: random.Random, start: datetime, days: int):
        self.rng = rng
        self.start = start.astimezone(UTC)
        self.days = days
        self.home = ZoneInfo(HOME_TZ)
        self.names: set[str] = set()
        self.emails: set[str] = set()

    def staff(self, units: list[UnitResult], staffing: float) -> list[dict]:
        demand_days = {r: 0.0 for r in ROLES}
        demand_trips = {r: 0 for r in ROLES}
        # per role: the gender each same-gender unit asks for
        same_gender: dict[str, list[str]] = {r: [] for r in ROLES}
        units_of = {r: 0 for r in ROLES}
        per_trip = {r: 1 for r in ROLES}  # the most of a role one trip needs
        for u in units:
            asked = sorted({m.gender for m in u.members if m.same_gender_escort and m.gender in "FM"})
            for role, n in u.escorts.items():
                demand_days[role] += n * u.trip_hours / 24
                demand_trips[role] += n
                units_of[role] += 1
                per_trip[role] = max(per_trip[role], n)
                same_gender[role].extend(asked)
        people: list[dict] = []
        for role in ROLES:
            avg_trip_days = demand_days[role] / demand_trips[role] if demand_trips[role] else 2.0
            target = staffing * demand_days[role]
            drafts: list[dict] = []
            capacity = 0.0
            while capacity < target or len(drafts) < per_trip[role]:
                draft = self._draft(role, len(drafts) + 1)
                drafts.append(draft)
                capacity += min(draft["_available_days"], draft["max_trips"] * avg_trip_days)
            # enough people who may travel anywhere to staff the largest trip of this role
            for d in drafts[: per_trip[role]]:
                d["excluded_countries"] = []
            # a pool that can meet the same-gender requirements: at least that gender's share of the
            # role's trips (one person at the least), so female forced returnees get a woman escort
            for gender in sorted(set(same_gender[role])):
                share = same_gender[role].count(gender) / max(1, units_of[role])
                wanted = min(len(drafts), max(1, math.ceil(share * len(drafts))))
                others = [d for d in drafts if d["gender"] != gender]
                while sum(d["gender"] == gender for d in drafts) < wanted and others:
                    others.pop()["gender"] = gender
            for d in drafts:
                d.pop("_available_days")
                self._name(d)
            people.extend(drafts)
        return people

    def _draft(self, role: str, k: int) -> dict:
        rng = self.rng
        roles = [role]
        if role == "psychiatric_nurse" and rng.random() < 0.3:
            roles.append("nurse")
        gender = "F" if rng.random() < FEMALE_SHARE[role] else "M"
        if rng.random() < 0.02:
            gender = "X"
        if role == "kmar":
            base = "kmar-schiphol"
        elif role == "coordinator":
            base = rng.choice(("dtv-den-haag", "dtv-ter-apel"))
        else:
            base = rng.choice([h.id for h in HOSPITALS])
        languages = ["nl", "en"] + sorted(rng.sample(EXTRA_LANGUAGES, rng.choice((0, 0, 1, 1, 2))))
        unavailable = self._unavailable()
        busy_days = sum((b - a) / timedelta(days=1) for a, b in unavailable)
        excluded = sorted(rng.sample(EXCLUDABLE, rng.randint(1, 2))) if rng.random() < 0.12 else []
        person = {
            "id": f"{ROLE_PREFIX[role]}-{k:02d}",
            "name": "",
            "email": "",
            "roles": roles,
            "gender": gender,
            "languages": languages,
            "base": base,
            "unavailable": [{"from": local_iso(a, HOME_TZ), "to": local_iso(b, HOME_TZ)} for a, b in unavailable],
            "max_trips": rng.randint(3, 8) if role in ("kmar", "coordinator") else rng.randint(2, 6),
            "excluded_countries": excluded,
            "hour_cost_eur": _hour_cost(rng, role),
            "_available_days": max(0.0, self.days - busy_days),
        }
        return person

    def _unavailable(self) -> list[tuple[datetime, datetime]]:
        rng = self.rng
        if rng.random() >= 0.35:
            return []
        periods = []
        first = self.start.astimezone(self.home).date()
        for _ in range(rng.choice((1, 1, 2))):
            day = first + timedelta(days=rng.randrange(self.days))
            if rng.random() < 0.3:  # a training day
                a = datetime.combine(day, time(9, 0), tzinfo=self.home)
                b = datetime.combine(day, time(17, 0), tzinfo=self.home)
            else:  # leave: whole days
                a = datetime.combine(day, time(0, 0), tzinfo=self.home)
                b = datetime.combine(day + timedelta(days=rng.randint(1, 5)), time(0, 0), tzinfo=self.home)
            periods.append((a.astimezone(UTC), b.astimezone(UTC)))
        periods.sort()
        merged: list[tuple[datetime, datetime]] = []
        for a, b in periods:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        return merged

    def _name(self, person: dict) -> None:
        rng = self.rng
        while True:
            first = rng.choice(FIRST_NAMES[person["gender"]])
            last = rng.choice(SURNAMES)
            name = f"{first} {last}"
            if name not in self.names:
                break
        self.names.add(name)
        local = f"{_ascii(first)}.{_ascii(last).replace(' ', '')}"
        email, n = f"{local}@example.org", 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@example.org"
        self.emails.add(email)
        person["name"], person["email"] = name, email


class VehicleFactory:
    def __init__(self, rng: random.Random, start: datetime, days: int):
        self.rng = rng
        self.start = start.astimezone(UTC)
        self.days = days
        self.places = place_by_id()

    def _drive_hours(self, u: UnitResult) -> float:
        """Depot → pickup → airport → depot, from the nearest depot, in hours."""
        loc = self.places[u.members[0].location]
        ap = airport(u.itinerary[0].from_ if u.itinerary else NL_AIRPORTS[0])
        best = min(road_minutes((depot.lat, depot.lon), (loc.lat, loc.lon))
                   + road_minutes((loc.lat, loc.lon), (ap["lat"], ap["lon"]))
                   + road_minutes((ap["lat"], ap["lon"]), (depot.lat, depot.lon)) for depot in DEPOTS)
        return best / 60

    def vehicles(self, units: list[UnitResult], staffing: float) -> list[dict]:
        rng = self.rng
        capacity = self.days * VEHICLE_HOURS_PER_DAY * 0.9
        stretcher_hours = sum(self._drive_hours(u) for u in units if any(m.stretcher for m in u.members))
        other_hours = sum(self._drive_hours(u) for u in units if not any(m.stretcher for m in u.members))
        n_general = math.ceil(staffing * other_hours / capacity)
        general_units = sum(not any(m.stretcher for m in u.members) for u in units)
        n_general = max(n_general, 1, 2 if general_units >= 8 else 1)  # a fleet of one is no fleet
        n_patient = math.ceil(staffing * stretcher_hours / capacity)
        if stretcher_hours and n_patient == 0:
            n_patient = 1
        biggest = max(
            (len(u.members) + sum(u.escorts.values()) for u in units if not any(m.stretcher for m in u.members)),
            default=4,
        )
        out = []
        for k in range(n_general):
            kind = "bus" if k % 3 == 0 else "van"
            if kind == "bus":
                seats, wheelchair = max(biggest, rng.choice((8, 9, 12, 16))), rng.choice((1, 2))
            else:
                seats, wheelchair = rng.choice((5, 6, 7, 8)), rng.choice((0, 1, 1))
            out.append((kind, seats, wheelchair, 0))
        for _ in range(n_patient):
            out.append(("patient_transport", rng.choice((3, 4)), rng.choice((0, 1)), 1))
        vehicles = []
        for k, (kind, seats, wheelchair, stretcher) in enumerate(out, start=1):
            depot = DEPOTS[(k - 1) % len(DEPOTS)] if k <= len(DEPOTS) else rng.choice(DEPOTS)
            label = {"bus": "bus", "van": "busje", "patient_transport": "patiëntenvervoer"}[kind]
            vehicles.append(
                {
                    "id": f"veh-{k:02d}",
                    "name": f"DV&O {label} {k:02d} ({depot.name.split()[-1]})",
                    "kind": kind,
                    "seats": seats,
                    "wheelchair_places": wheelchair,
                    "stretcher_places": stretcher,
                    "depot": depot.id,
                    "available": self._available(),
                }
            )
        return vehicles

    def _available(self) -> list[dict]:
        """The horizon and a little around it, with 0-2 maintenance gaps of 1-2 days (more in longer horizons)."""
        rng = self.rng
        home = ZoneInfo(HOME_TZ)
        first = self.start.astimezone(home).date() - timedelta(days=1)
        last = first + timedelta(days=self.days + 4)
        cuts = []
        p_gap = min(0.8, 0.4 * self.days / 28)  # ~one maintenance stop per vehicle in ten weeks
        for _ in range(2):
            if rng.random() < p_gap:
                day = first + timedelta(days=rng.randint(2, max(2, self.days - 1)))
                cuts.append((day, day + timedelta(days=rng.choice((1, 1, 2)))))
        cuts.sort()
        windows = []
        cursor = first
        for a, b in cuts:
            if a > cursor:
                windows.append((cursor, a))
            cursor = max(cursor, b)
        if cursor < last:
            windows.append((cursor, last))

        def at(day):
            return local_iso(datetime.combine(day, time(0, 0), tzinfo=home), HOME_TZ)

        return [{"from": at(a), "to": at(b)} for a, b in windows]
