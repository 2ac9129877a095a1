"""The airlines and their routes: every out-and-back rotation the schedule generator flies.

Each `Route` is an out-and-back rotation flown by an airline from its `base`: the outbound leg
leaves the base at a fixed local time, the inbound leg leaves the other airport after a turnaround.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Carrier:
    code: str
    full_service: bool
    medif_lead_hours: int
    max_forced: int  # the airline's limit of escorted deportees per leg (source: often 2)
    seats: int  # seats the airline releases to DT&V on one flight (block booking policy)
    stretcher_seats: int = 12  # released on a flight with a stretcher installed (6-9 taken by it)


CARRIERS = {
    c.code: c
    for c in (
        Carrier("KL", True, 48, 2, 9),   # KLM
        Carrier("HV", False, 72, 1, 5),  # Transavia
        Carrier("TK", True, 48, 2, 9),   # Turkish Airlines
        Carrier("PC", False, 48, 2, 5),  # Pegasus
        Carrier("AT", True, 48, 2, 7),   # Royal Air Maroc
        Carrier("AF", True, 72, 2, 8),   # Air France
        Carrier("LH", True, 72, 2, 8),   # Lufthansa
        Carrier("EK", True, 48, 2, 9),   # Emirates
        Carrier("QR", True, 48, 2, 9),   # Qatar Airways
        Carrier("ET", True, 48, 2, 8),   # Ethiopian
        Carrier("MS", True, 72, 2, 7),   # EgyptAir
        Carrier("JU", True, 48, 2, 6),   # Air Serbia
        Carrier("A9", True, 72, 1, 4),   # Georgian Airways
        Carrier("OR", False, 72, 1, 5),  # TUI fly Netherlands
        Carrier("CD", False, 72, 1, 4),  # Corendon Dutch Airlines
        Carrier("EW", False, 72, 1, 4),  # Eurowings
        Carrier("FZ", False, 48, 2, 5),  # flydubai
        Carrier("TU", True, 72, 2, 6),   # Tunisair
    )
}


@dataclass(frozen=True)
class Route:
    """An out-and-back rotation: `carrier` flies base→other at each `times` (base local time)."""

    carrier: str
    base: str
    other: str
    times: tuple[str, ...]
    per_week: int = 7


def _r(carrier: str, base: str, other: str, times: str, per_week: int = 7) -> Route:
    return Route(carrier, base, other, tuple(times.split()), per_week)


def _hub(carrier: str, hub: str, spec: str) -> list[Route]:
    """Routes from a hub, written `DEST@HH:MM[,HH:MM][/days per week]`, space separated."""
    routes = []
    for item in spec.split():
        dest, _, rest = item.partition("@")
        times, _, per_week = rest.partition("/")
        routes.append(Route(carrier, hub, dest, tuple(times.split(",")), int(per_week or 7)))
    return routes


ROUTES: tuple[Route, ...] = tuple(
    [
        # --- the Netherlands to the hubs (several a day) ---------------------------------
        _r("KL", "AMS", "IST", "07:05 11:40 17:15"),
        _r("TK", "IST", "AMS", "07:45 11:10 19:05"),
        _r("PC", "SAW", "AMS", "06:40 16:50"),
        _r("PC", "SAW", "EIN", "09:20", 4),
        _r("KL", "AMS", "CDG", "06:50 09:35 13:10 16:45"),
        _r("AF", "CDG", "AMS", "07:15 14:25 21:30"),
        _r("KL", "AMS", "FRA", "06:35 10:05 14:50"),
        _r("LH", "FRA", "AMS", "07:10 16:20 20:45"),
        _r("KL", "AMS", "DXB", "14:30", 5),
        _r("EK", "DXB", "AMS", "03:25 08:15"),
        _r("QR", "DOH", "AMS", "01:45 07:40"),
        _r("ET", "ADD", "AMS", "23:40", 5),
        _r("KL", "AMS", "CMN", "09:50"),
        _r("AT", "CMN", "AMS", "07:30"),
        # --- the Netherlands direct to countries of return --------------------------------
        _r("HV", "AMS", "RAK", "07:25 14:10", 6),
        _r("HV", "AMS", "TNG", "10:15", 4),
        _r("HV", "AMS", "NDR", "12:40", 4),
        _r("HV", "RTM", "NDR", "08:05", 2),
        _r("HV", "RTM", "TNG", "13:30", 2),
        _r("HV", "EIN", "RAK", "11:20", 3),
        _r("AT", "TNG", "AMS", "11:45", 2),
        _r("KL", "AMS", "LOS", "10:35"),
        _r("KL", "AMS", "ABV", "10:50", 3),
        _r("KL", "AMS", "ACC", "10:20", 4),
        _r("KL", "AMS", "CAI", "12:05", 3),
        _r("MS", "CAI", "AMS", "08:30", 5),
        _r("HV", "AMS", "TUN", "09:05", 2),
        _r("TU", "TUN", "AMS", "08:20", 2),
        _r("KL", "AMS", "DEL", "20:40", 5),
        _r("KL", "AMS", "PEK", "17:25", 4),
        # Suriname: KLM by day, TUI overnight westbound (lands after local midnight).
        _r("KL", "AMS", "PBM", "10:35", 4),
        _r("OR", "AMS", "PBM", "21:30", 2),
        _r("KL", "AMS", "BOG", "14:45", 4),
        _r("KL", "AMS", "GRU", "21:15", 5),
        _r("OR", "AMS", "SDQ", "10:05", 2),
        _r("A9", "TBS", "AMS", "05:10", 2),
        _r("HV", "AMS", "TIA", "07:50", 3),
        _r("HV", "EIN", "TIA", "14:25", 2),
        _r("JU", "BEG", "AMS", "07:05", 5),
        _r("CD", "AMS", "PRN", "06:45", 2),
        # --- onward from the hubs -------------------------------------------------------
        *_hub(
            "TK", "IST",
            "ESB@07:00,13:00,19:30 CMN@08:20 RAK@13:35/3 LOS@10:15 ABV@01:10/4 "
            "ACC@09:50/5 EBL@09:40,20:15 BGW@11:05,22:10 TBS@08:25,18:45 TIA@10:35,16:20 "
            "ALG@09:00,17:10 TUN@10:40/5 CAI@08:05,16:55 ADD@01:30/5 ISB@20:40 LHE@00:50/4 "
            "DEL@20:25 PEK@01:40/5 BOG@09:10/3 GRU@09:15/4 EVN@12:30/4 BEG@08:30,17:30 "
            "PRN@09:55,18:10 SJJ@10:20,16:40 IKA@09:35,21:10 CMB@01:50/4 MGQ@01:25/5 "
            "CKY@10:05/3 DSS@10:30/5",
        ),
        *_hub("PC", "SAW", "ESB@18:00 TBS@11:30/4 EBL@12:45/3"),
        *_hub(
            "AF", "CDG",
            "CMN@09:40,16:25 RAK@10:50/5 ALG@08:35,18:40 TUN@17:20/5 CAI@10:20/5 "
            "LOS@10:55/5 ABV@13:15/3 ACC@11:10/4 CKY@10:10/5 DSS@10:35 DEL@10:30/5 PEK@13:40/4 "
            "BOG@11:10/5 GRU@22:50/5 SDQ@10:15/3 EVN@21:20/3 BEG@12:25/5",
        ),
        *_hub(
            "LH", "FRA",
            "ALG@10:15/3 TUN@09:45/3 CAI@10:40 LOS@10:25/5 ABV@09:50/3 ACC@10:30/3 EBL@14:25/3 "
            "TBS@21:35/3 BEG@09:30 SJJ@12:45/4 TIA@11:40/5 DEL@13:20 "
            "PEK@17:55/4 BOG@13:00/4 GRU@22:05/4 ESB@11:50/4 IKA@20:10/3",
        ),
        _r("EW", "FRA", "PRN", "08:10", 5),
        _r("ET", "ADD", "FRA", "00:20", 5),
        *_hub(
            "EK", "DXB",
            "ISB@03:55 LHE@21:50 DEL@03:40,21:45 PEK@02:55/5 CMB@02:40 "
            "CAI@07:45,15:30 ADD@10:25/5 ALG@07:20/3 DSS@08:50/3 "
            "ACC@09:10/4 LOS@10:35 BGW@09:25 IKA@16:45 CMN@07:40/4",
        ),
        *_hub("FZ", "DXB", "EBL@06:40 TBS@10:05/5 EVN@09:20/5 MGQ@07:15/4 PZU@13:45/3 ASM@10:10/2"),
        *_hub(
            "QR", "DOH",
            "ISB@02:15 LHE@19:55 DEL@02:45 PEK@02:10/4 CMB@20:45 "
            "CAI@08:05,14:45 ADD@07:35/5 TUN@08:20/3 CMN@07:50/4 ACC@07:25/3 LOS@07:05/5 "
            "BGW@21:05 EBL@08:40/5 IKA@07:30 TBS@08:05/3 SJJ@08:10/3 MGQ@09:15/3",
        ),
        *_hub(
            "ET", "ADD",
            "MGQ@08:40 ASM@10:00/4 PZU@09:30/3 LOS@09:15 ABV@10:35/3 ACC@09:25/5 CKY@10:05/3 "
            "DSS@09:55/3 CAI@10:10/5 DEL@22:40/4 PEK@00:35/4 CMB@22:15/3",
        ),
        *_hub(
            "AT", "CMN",
            "RAK@07:30,19:25 TNG@08:15 NDR@10:40/5 ACC@23:30/3 LOS@23:20/5 ABV@23:40/3 "
            "CKY@23:05/5 DSS@22:50 TUN@11:05/3 CAI@11:20/3 GRU@13:05/3",
        ),
        *_hub("MS", "CAI", "PZU@11:00/5 ASM@09:40/3"),
    ]
)
