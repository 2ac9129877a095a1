"""UI words for guided, safe edits (issue 11 item 5) and the not-found/no-access page (item 7).

Kept apart from `planner.web.i18n` so parallel work on the main table merges cleanly; merged into
it at import time. Each entry: (Dutch, English).
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # a pending edit in words (planner.web.edit_words)
    "edw.case": ("Zaak {cases}", "Case {cases}"),
    "edw.cases": ("Zaken {cases}", "Cases {cases}"),
    "edw.flight": ("vlucht", "flight"),
    "edw.staff": ("begeleider", "escort"),
    "edw.staff_many": ("begeleiders", "escorts"),
    "edw.vehicle": ("voertuig", "vehicle"),
    "edw.care": ("zorg", "care"),
    "edw.trip": ("reis", "trip"),
    "edw.nobody": ("geen", "none"),
    "edw.pin": ("{what} vastzetten", "pin {what}"),
    "edw.unpin": ("vastzetting opheffen", "unpin"),
    "edw.forbid": ("{what} uitsluiten", "forbid {what}"),
    "edw.allow": ("uitsluiting van {what} opheffen", "allow {what} again"),
    "edw.swap": ("begeleider {old} vervangen door {new}", "replace escort {old} by {new}"),
    "edw.move": ("verplaatsen naar {what}", "move to {what}"),
    # options marked by the rule checker
    "opt.show_all": ("Ook niet-beschikbare begeleiders tonen", "Also show unavailable escorts"),
    "opt.none_available": ("Niemand met deze rol is de hele reis beschikbaar.",
                           "No one with this role is available for the whole trip."),
    "opt.legend": ("✓ breekt geen regel · ✗ breekt een regel (reden erbij)",
                   "✓ breaks no rule · ✗ breaks a rule (reason given)"),
    # confirming a rule-breaking save
    "dev.title": ("Bewust afwijken van de regels?", "Deviate from the rules on purpose?"),
    "dev.body": ("Deze wijziging schendt {n} regel(s). Opslaan kan, maar wordt in de audit vastgelegd als "
                 "\"bewust afgeweken\" en publiceren blijft geblokkeerd tot de regels weer kloppen.",
                 "This change breaks {n} rule(s). You can save it, but the audit records it as a deliberate "
                 "deviation and publishing stays blocked until the rules hold again."),
    "dev.confirm": ("Toch opslaan", "Save anyway"),
    "dev.cancel": ("Terug", "Back"),
    # the progress of a background solve
    "adj.best": ("Beste tot nu toe: prioriteit {priority} ingepland (oplossing {n})",
                 "Best so far: priority {priority} planned (solution {n})"),
    "adj.searching": ("Nog geen oplossing gevonden…", "No solution found yet…"),
    # pages that do not exist or are not for this role (item 7)
    "nav.no_access": ("Geen toegang", "No access"),
    "nav.no_access_body": ("Deze pagina is er niet voor uw rol. Kies een pagina in het menu.",
                           "This page is not available for your role. Choose a page in the menu."),
    "nav.not_found": ("Pagina niet gevonden", "Page not found"),
    "nav.not_found_body": ("Deze pagina bestaat niet. Kies een pagina in het menu.",
                           "This page does not exist. Choose a page in the menu."),
}
