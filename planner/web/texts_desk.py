"""UI words for the coordinator's desk (issue 11): guarded edits, events, the work-list, sessions.

Kept apart from `planner.web.i18n` so parallel work on the main table merges cleanly; merged
into it at import time. Each entry: (Dutch, English).
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # pin/forbid conflicts (B2)
    "conflict.flight": ("{case} is vastgezet op vlucht {target}, maar u heeft vlucht {target} voor deze zaak "
                        "uitgesloten. Hef de uitsluiting op of maak de zaak los.",
                        "{case} is pinned to flight {target}, but you forbade flight {target} for this case. "
                        "Remove the forbid or unpin the case."),
    "conflict.staff": ("{case} is vastgezet met begeleider {target}, maar u heeft begeleider {target} voor deze "
                       "zaak uitgesloten. Hef de uitsluiting op of maak de zaak los.",
                       "{case} is pinned with escort {target}, but you forbade escort {target} for this case. "
                       "Remove the forbid or unpin the case."),
    "conflict.vehicle": ("{case} is vastgezet op voertuig {target}, maar u heeft voertuig {target} voor deze "
                         "zaak uitgesloten. Hef de uitsluiting op of maak de zaak los.",
                         "{case} is pinned to vehicle {target}, but you forbade vehicle {target} for this case. "
                         "Remove the forbid or unpin the case."),
    "conflict.blocked": ("Vastzetten en uitsluiten botsen; zo kan deze wijziging niet worden opgeslagen.",
                         "Pin and forbid clash; this change cannot be saved like this."),
    "conflict.standing": ("Vastzetten en uitsluiten botsen in deze werkruimte: opnieuw oplossen laat deze zaken "
                          "vallen.", "Pins and forbids clash in this workspace: a re-solve will drop these cases."),
    "adj.locked_dropped": ("Let op: vastgezette zaken zijn niet ingepland: {cases}.",
                           "Note: pinned cases are not planned: {cases}."),
}
