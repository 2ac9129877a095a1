"""Real places for generated scenarios: Dutch pickup locations, depots, airports.

Dutch coordinates are real (to ~100 m). Airport coordinates, time zones and countries come from
`airportsdata`, so they stay consistent with the IATA codes. Care facilities abroad are generated
(`city` below names them) and are fictitious.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import airportsdata

HOME_COUNTRY = "NL"
HOME_TZ = "Europe/Amsterdam"

DETENTION_PICKUP = ({"from": "05:00", "to": "22:00"},)
HOSPITAL_PICKUP = ({"from": "07:00", "to": "20:00"},)
RECEPTION_PICKUP = ({"from": "06:00", "to": "21:00"},)


@dataclass(frozen=True)
class Place:
    """A Dutch location: hospital, detention or reception centre, depot or office."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    pickup_windows: tuple[dict[str, str], ...] | None = None

    def as_location(self) -> dict:
        loc = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "tz": HOME_TZ,
            "country": HOME_COUNTRY,
        }
        if self.pickup_windows:
            loc["pickup_windows"] = [dict(w) for w in self.pickup_windows]
        return loc


HOSPITALS = (
    Place("hosp-erasmus-mc", "Erasmus MC, Rotterdam", "hospital", 51.9106, 4.4686, HOSPITAL_PICKUP),
    Place("hosp-umc-utrecht", "UMC Utrecht", "hospital", 52.0853, 5.1797, HOSPITAL_PICKUP),
    Place("hosp-amsterdam-umc", "Amsterdam UMC, locatie AMC", "hospital", 52.2942, 4.9581, HOSPITAL_PICKUP),
    Place("hosp-radboudumc", "Radboudumc, Nijmegen", "hospital", 51.8246, 5.8626, HOSPITAL_PICKUP),
    Place("hosp-umcg", "UMCG, Groningen", "hospital", 53.2222, 6.5757, HOSPITAL_PICKUP),
    Place("hosp-mumc", "Maastricht UMC+", "hospital", 50.8336, 5.7145, HOSPITAL_PICKUP),
    Place("hosp-lumc", "LUMC, Leiden", "hospital", 52.1667, 4.4786, None),
    Place("hosp-catharina", "Catharina Ziekenhuis, Eindhoven", "hospital", 51.4667, 5.4719, HOSPITAL_PICKUP),
    # The prison hospital: where detained people with somatic care needs stay.
    Place("hosp-jcvsz", "Justitieel Centrum voor Somatische Zorg, Scheveningen", "hospital", 52.1000, 4.2900,
          DETENTION_PICKUP),
)

DETENTION_CENTRES = (
    Place("dc-rotterdam", "Detentiecentrum Rotterdam", "detention_centre", 51.9518, 4.4435, DETENTION_PICKUP),
    Place("dc-zeist", "Detentiecentrum Zeist", "detention_centre", 52.1172, 5.2825, DETENTION_PICKUP),
    Place("dc-jcs", "Justitieel Complex Schiphol", "detention_centre", 52.3163, 4.7297, DETENTION_PICKUP),
    Place("ggv-zeist", "Gesloten gezinsvoorziening Zeist", "detention_centre", 52.1155, 5.2800, None),
)

RECEPTION_CENTRES = (
    Place("coa-ter-apel", "COA aanmeldcentrum Ter Apel", "reception_centre", 52.8765, 7.0645, RECEPTION_PICKUP),
    Place("vbl-ter-apel", "Vrijheidsbeperkende locatie Ter Apel", "reception_centre", 52.8722, 7.0758, None),
    Place("azc-budel", "AZC Budel-Cranendonck", "reception_centre", 51.2460, 5.5800, RECEPTION_PICKUP),
    Place("azc-gilze", "AZC Gilze", "reception_centre", 51.5650, 4.9300, None),
    Place("azc-zweeloo", "AZC Zweeloo", "reception_centre", 52.7950, 6.7310, RECEPTION_PICKUP),
    Place("azc-amsterdam", "AZC Amsterdam-Willinklaan", "reception_centre", 52.3580, 4.7960, None),
)

DEPOTS = (
    Place("depot-schiphol", "DV&O depot Schiphol-Oost", "depot", 52.2980, 4.7800),
    Place("depot-rotterdam", "DV&O depot Rotterdam", "depot", 51.9460, 4.4560),
    Place("depot-zwolle", "DV&O depot Zwolle", "depot", 52.5030, 6.0830),
)

OFFICES = (
    Place("kmar-schiphol", "KMar Brigade Schiphol", "other", 52.3050, 4.7700),
    Place("dtv-den-haag", "DT&V Den Haag", "other", 52.0780, 4.3180),
    Place("dtv-ter-apel", "DT&V Ter Apel", "other", 52.8745, 7.0690),
)

NL_PLACES = HOSPITALS + DETENTION_CENTRES + RECEPTION_CENTRES + DEPOTS + OFFICES

NL_AIRPORTS = ("AMS", "EIN", "RTM")

HUBS = ("IST", "CDG", "FRA", "DXB", "DOH", "ADD", "CMN")

CITY = {
    # destinations
    "CMN": "Casablanca", "RAK": "Marrakesh", "TNG": "Tangier", "NDR": "Nador",
    "IST": "Istanbul", "SAW": "Istanbul", "ESB": "Ankara",
    "LOS": "Lagos", "ABV": "Abuja", "ACC": "Accra",
    "EBL": "Erbil", "BGW": "Baghdad", "TBS": "Tbilisi", "TIA": "Tirana",
    "ALG": "Algiers", "TUN": "Tunis", "CAI": "Cairo",
    "ADD": "Addis Ababa", "ASM": "Asmara", "ISB": "Islamabad", "LHE": "Lahore",
    "DEL": "Delhi", "PEK": "Beijing", "PBM": "Paramaribo", "BOG": "Bogotá",
    "GRU": "São Paulo", "SDQ": "Santo Domingo", "EVN": "Yerevan", "BEG": "Belgrade",
    "PRN": "Pristina", "SJJ": "Sarajevo", "IKA": "Tehran", "CMB": "Colombo",
    "MGQ": "Mogadishu", "PZU": "Port Sudan", "CKY": "Conakry", "DSS": "Dakar",
    # hubs that are not also destinations
    "CDG": "Paris", "FRA": "Frankfurt", "DXB": "Dubai", "DOH": "Doha",
    # home
    "AMS": "Amsterdam", "EIN": "Eindhoven", "RTM": "Rotterdam",
}


@dataclass(frozen=True)
class Destination:
    """A country of return: its airports, languages, how often it occurs among voluntary and medical
    departures (`weight`) and among forced ones (`forced_weight`; 0 = it accepts no forced returns),
    and where its nationals may not change planes (`transit_excluded`)."""

    country: str
    airports: tuple[str, ...]
    languages: tuple[str, ...]
    weight: float
    forced_weight: float
    transit_excluded: tuple[str, ...] = ()


# Nationals who need a Schengen airport transit visa (EU Visa Code, annex IV) cannot simply change
# planes in Paris or Frankfurt: their cases carry `transit_excluded_countries` ["DE", "FR"].
ATV = ("DE", "FR")

# Typical countries of return from the Netherlands. Countries without flights (Ukraine, Russia,
# Afghanistan, Syria, Yemen) are left out: no itinerary exists, so they cannot be planned.
# Modelling assumptions, not policy: Iran and Eritrea take back no forced returnees, Sudan and Somalia
# none in this model either; Algeria and Morocco few; China and Somalia are rare destinations at all.
DESTINATIONS = (
    Destination("MA", ("CMN", "RAK", "TNG", "NDR"), ("ar", "fr"), 12, 3),
    Destination("TR", ("IST", "SAW", "ESB"), ("tr",), 8, 8),
    Destination("NG", ("LOS", "ABV"), ("en",), 7, 7, ATV),
    Destination("GH", ("ACC",), ("en",), 4, 4, ATV),
    Destination("IQ", ("EBL", "BGW"), ("ar", "ku"), 7, 4, ATV),
    Destination("GE", ("TBS",), ("ka", "ru"), 8, 10),
    Destination("AL", ("TIA",), ("sq",), 6, 9),
    Destination("DZ", ("ALG",), ("ar", "fr"), 6, 1),
    Destination("TN", ("TUN",), ("ar", "fr"), 4, 3),
    Destination("EG", ("CAI",), ("ar",), 3, 2),
    Destination("ET", ("ADD",), ("am",), 3, 1, ATV),
    Destination("ER", ("ASM",), ("ti",), 1, 0, ATV),
    Destination("PK", ("ISB", "LHE"), ("ur", "en"), 3, 3, ATV),
    Destination("IN", ("DEL",), ("hi", "en"), 3, 3),
    Destination("CN", ("PEK",), ("zh",), 0.4, 0.2),
    Destination("SR", ("PBM",), ("nl",), 3, 2),
    Destination("CO", ("BOG",), ("es",), 4, 4),
    Destination("BR", ("GRU",), ("pt",), 2, 2),
    Destination("DO", ("SDQ",), ("es",), 2, 2),
    Destination("AM", ("EVN",), ("hy", "ru"), 4, 4),
    Destination("RS", ("BEG",), ("sr",), 3, 5),
    Destination("XK", ("PRN",), ("sq", "sr"), 3, 5),
    Destination("BA", ("SJJ",), ("bs",), 2, 3),
    Destination("IR", ("IKA",), ("fa",), 2, 0, ATV),
    Destination("LK", ("CMB",), ("si", "ta"), 2, 2, ATV),
    Destination("SO", ("MGQ",), ("so",), 0.4, 0, ATV),
    Destination("SD", ("PZU",), ("ar",), 1, 0),
    Destination("GN", ("CKY",), ("fr",), 3, 2),
    Destination("SN", ("DSS",), ("fr", "wo"), 2, 2),
)

DESTINATION_BY_COUNTRY = {d.country: d for d in DESTINATIONS}


@lru_cache(maxsize=1)
def _airport_db() -> dict:
    return airportsdata.load("IATA")


@cache
def airport(iata: str) -> dict:
    """The scenario location of an airport; its id is its IATA code."""
    row = _airport_db()[iata]
    return {
        "id": iata,
        "name": row["name"],
        "kind": "airport",
        "lat": row["lat"],
        "lon": row["lon"],
        "tz": row["tz"],
        "country": row["country"],
        "iata": iata,
    }


def airport_tz(iata: str) -> str:
    return airport(iata)["tz"]


def airport_country(iata: str) -> str:
    return airport(iata)["country"]


def detained_at(location: str) -> bool:
    """Whether a person picked up here is in detention (a detention centre or the prison hospital)."""
    place = place_by_id()[location]
    return place.kind == "detention_centre" or place.id == "hosp-jcvsz"


def place_by_id() -> dict[str, Place]:
    return {p.id: p for p in NL_PLACES}
