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

TEXT.update({
    # Gebeurtenissen
    "page.events": ("Gebeurtenissen", "Events"),
    "ev.help": ("Leg vast wat er gebeurd is. De planner rekent opnieuw vanaf de gepubliceerde versie en laat de "
                "gevolgen zien voordat er iets wordt opgeslagen.",
                "Record what happened. The planner re-plans from the published version and shows the impact "
                "before anything is saved."),
    "ev.kind": ("Gebeurtenis", "Event"),
    "ev.kind.cancel_flight": ("Vlucht geannuleerd", "Flight cancelled"),
    "ev.kind.retime_flight": ("Vlucht verplaatst (nieuwe tijd)", "Flight retimed"),
    "ev.kind.staff_unavailable": ("Begeleider niet beschikbaar (ziek, verlof)", "Escort unavailable (sick, leave)"),
    "ev.kind.vehicle_unavailable": ("Voertuig buiten dienst", "Vehicle out of service"),
    "ev.kind.fit_to_fly": ("Nieuw fit-to-fly-besluit", "New fit-to-fly decision"),
    "ev.kind.care_window": ("Opvang: nieuwe tijden of bevestiging", "Care: new hours or confirmation"),
    "ev.kind.case": ("Gebeurtenis bij een zaak", "Case event"),
    "ev.kind.now": ("Tijd verder zetten (nieuw planningsbegin)", "Move the clock (new planning start)"),
    "ev.reason.court_stop": ("Rechterlijke uitspraak: vertrek gestopt", "Court stop"),
    "ev.reason.appeal": ("Beroep door advocaat", "Lawyer's appeal"),
    "ev.reason.absconded": ("Met onbekende bestemming vertrokken", "Absconded"),
    "ev.reason.refused_gate": ("Geweigerd bij de gate", "Refused at the gate"),
    "ev.reason.captain_refused": ("Gezagvoerder weigert", "Captain refused"),
    "ev.reason.departed": ("Vertrokken", "Departed"),
    "ev.reason": ("Wat is er gebeurd", "What happened"),
    "ev.flight": ("Vlucht", "Flight"),
    "ev.staff": ("Begeleider", "Escort"),
    "ev.vehicle": ("Voertuig", "Vehicle"),
    "ev.case": ("Zaak", "Case"),
    "ev.option": ("Opvangoptie", "Care option"),
    "ev.from": ("Van", "From"),
    "ev.to": ("Tot", "To"),
    "ev.departure": ("Nieuwe vertrektijd (lokaal)", "New departure (local)"),
    "ev.shift": ("Verschuiving in minuten (+ later, − eerder)", "Shift in minutes (+ later, − earlier)"),
    "ev.status": ("Status", "Status"),
    "ev.valid_until": ("Geldig tot", "Valid until"),
    "ev.confirmed": ("Bevestigd door de opvang", "Confirmed by the facility"),
    "ev.now": ("Nieuw planningsbegin", "New planning start"),
    "ev.time_limit": ("Rekentijd (seconden)", "Time limit (seconds)"),
    "ev.preview": ("Gevolgen bekijken", "Show the impact"),
    "ev.computing": ("Opnieuw plannen vanaf de gepubliceerde versie…", "Re-planning from the published version…"),
    "ev.base": ("Vergeleken met v{number} ({status}).", "Compared with v{number} ({status})."),
    "ev.hit": ("Direct geraakt", "Hit directly"),
    "ev.collateral": ("Ook gewijzigd (meegeschoven)", "Also changed (collateral)"),
    "ev.disruption": ("Gewijzigde reizen", "Changed trips"),
    "ev.violations": ("Regels geschonden", "Rules broken"),
    "ev.none_hit": ("Geen zaak direct geraakt.", "No case hit directly."),
    "ev.none_collateral": ("Geen andere reizen gewijzigd.", "No other trips changed."),
    "ev.cause": ("Oorzaak", "Cause"),
    "ev.cause_shared": ("deelt begeleider, voertuig of reis met {case}",
                        "shares an escort, vehicle or trip with {case}"),
    "ev.cause_capacity": ("plaats of capaciteit vrijgemaakt of opnieuw verdeeld",
                          "seats or capacity freed or redistributed"),
    "ev.accept": ("Accepteren als nieuw concept", "Accept as a new draft"),
    "ev.discard": ("Verwerpen", "Discard"),
    "ev.saved": ("Opgeslagen als concept v{number} (revisie {revision}). Publiceer het op de pagina Publiceren.",
                 "Saved as draft v{number} (revision {revision}). Publish it on the Publish page."),
    "ev.error": ("Deze gebeurtenis kan niet: {error}", "This event cannot be applied: {error}"),
    "ev.pending": ("Voorstel: {what}", "Proposal: {what}"),
    "ev.recent": ("Eerder vastgelegde gebeurtenissen", "Events recorded earlier"),
})

TEXT.update({
    "ftf.fit": ("fit", "fit"),
    "ftf.fit_with_conditions": ("fit met voorwaarden", "fit with conditions"),
    "ftf.unfit": ("niet fit", "unfit"),
    "ftf.pending": ("besluit volgt", "decision pending"),
})

TEXT.update({
    # work-list of unplanned cases
    "wl.title": ("Werklijst: niet ingepland", "Work-list: not planned"),
    "wl.help": ("Per zaak waarom die niet is ingepland, en tot wanneer actie nog helpt. Klik een regel om de zaak "
                "te openen.", "Per case why it is not planned, and until when acting still helps. Click a row to "
                "open the case."),
    "wl.category": ("Categorie", "Category"),
    "wl.action": ("Actie", "Action"),
    "wl.reasons": ("Redenen", "Reasons"),
    "wl.count": ("Zaken", "Cases"),
    "wl.filter": ("Categorie", "Category"),
    "wl.empty": ("Alle zaken zijn ingepland.", "Every case is planned."),
    "wl.chart": ("Niet ingepland per reden", "Not planned by reason"),
    "wl.cat.document": ("reisdocument", "document"),
    "wl.cat.fit_to_fly": ("fit-to-fly", "fit to fly"),
    "wl.cat.escort": ("begeleiding", "escort"),
    "wl.cat.vehicle": ("vervoer", "vehicle"),
    "wl.cat.itinerary": ("vluchtverbinding", "itinerary"),
    "wl.cat.care": ("opvang", "care"),
    "wl.cat.seat": ("plaats op de vlucht", "seat"),
    "wl.cat.other": ("overig", "other"),
    "wl.need.document": ("laissez-passer nodig vóór {date}", "travel document needed before {date}"),
    "wl.need.fit_to_fly": ("fit-to-fly-besluit nodig vóór {date}", "fit-to-fly decision needed before {date}"),
    "wl.need.escort": ("begeleider nodig vóór {date}", "escort needed before {date}"),
    "wl.need.vehicle": ("vervoer nodig vóór {date}", "vehicle needed before {date}"),
    "wl.need.itinerary": ("andere vlucht nodig vóór {date}", "another itinerary needed before {date}"),
    "wl.need.care": ("opvang bevestigen vóór {date}", "confirm care before {date}"),
    "wl.need.seat": ("plaats op een vlucht nodig vóór {date}", "a seat needed before {date}"),
    "wl.need.other": ("actie nodig vóór {date}", "action needed before {date}"),
    "why.button": ("Waarom? / Wat is er nodig?", "Why? / What would it take?"),
    "why.computing": ("De planner zoekt wat deze zaak tegenhoudt en wat zou helpen…",
                      "Finding what blocks this case and what would help…"),
    "why.reasons": ("Wat deze zaak tegenhoudt", "What blocks this case"),
    "why.remedies": ("Wat zou helpen (makkelijkste eerst)", "What would help (easiest first)"),
    "why.none": ("Geen enkele losse aanpassing plant deze zaak in.", "No single change plans this case."),
    "why.apply": ("Als concept toepassen", "Apply as a draft"),
    "why.disruption": ("{n} andere zaken gewijzigd", "{n} other cases changed"),
    "why.disruption_one": ("1 andere zaak gewijzigd", "1 other case changed"),
})

TEXT["ev.kind.remedy"] = ("Oplossing uit 'Wat is er nodig?'", "Remedy from 'What would it take?'")

TEXT.update({
    "back.title": ("Terug naar een eerdere versie", "Back to an earlier version"),
    "back.pick": ("Versie", "Version"),
    "back.restore": ("Deze versie terugzetten (als nieuw concept)", "Restore this version (as a new draft)"),
    "back.done": ("Teruggezet: nieuw concept v{number}.", "Restored: new draft v{number}."),
})
