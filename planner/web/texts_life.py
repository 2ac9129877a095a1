"""UI words for the case lifecycle, the export's version line and undo (issue 11 items 2 and 4).

Kept apart from `planner.web.i18n` so parallel work on the main table merges cleanly; merged
into it at import time. Each entry: (Dutch, English).
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # states and reason codes (never shown raw)
    "life.state.draft": ("Concept", "Draft"),
    "life.state.announced": ("Aangekondigd", "Announced"),
    "life.state.booked": ("Geboekt", "Booked"),
    "life.state.departed": ("Vertrokken", "Departed"),
    "life.state.aborted": ("Afgebroken", "Aborted"),
    "life.reason.court_stop": ("Rechterlijke stop", "Court stop"),
    "life.reason.appeal": ("Beroep advocaat", "Lawyer's appeal"),
    "life.reason.absconded": ("Onttrokken aan toezicht", "Absconded"),
    "life.reason.refused_gate": ("Geweigerd bij de gate", "Refused at the gate"),
    "life.reason.captain_refused": ("Gezagvoerder weigerde", "Captain refused"),
    "life.reason.flight_cancelled": ("Vlucht geannuleerd", "Flight cancelled"),
    "life.reason.fit_to_fly_expired": ("Fit-to-fly verlopen of ongeschikt", "Fit-to-fly expired or unfit"),
    "life.reason.other": ("Anders", "Other"),
    "life.reason.withdrawn": ("Niet meer ingepland", "No longer planned"),
    "life.reason.trip_changed": ("Reis gewijzigd, opnieuw boeken", "Trip changed, book again"),
    # columns, Overzicht
    "life.col.state": ("Vertrekstatus", "Departure state"),
    "life.col.reason": ("Reden", "Reason"),
    "life.col.when": ("Vastgelegd op", "Recorded at"),
    "life.col.week": ("ISO-week", "ISO week"),
    "life.week": ("wk {week} ({year})", "wk {week} ({year})"),
    "life.realised": ("Vertrokken", "Departed"),
    "life.aborted": ("Afgebroken", "Aborted"),
    "life.announced": ("Aangekondigd", "Announced"),
    "life.booked": ("Geboekt", "Booked"),
    "life.outcomes": ("Gerealiseerde en afgebroken vertrekken", "Realised and aborted departures"),
    "life.no_outcomes": ("Nog geen vertrek gerealiseerd of afgebroken.", "No departure realised or aborted yet."),
    "life.chart": ("Afgebroken vertrekken per reden en week", "Aborted departures per reason and week"),
    # case list
    "life.filter": ("Vertrekstatus", "Departure state"),
    "life.title": ("Vertrekstatus", "Departure state"),
    "life.current": ("Vertrekstatus van {case}: **{state}**", "Departure state of {case}: **{state}**"),
    "life.book": ("Tickets gekocht: markeer als geboekt", "Tickets bought: mark booked"),
    "life.book_pick": ("Aangekondigde zaken", "Announced cases"),
    "life.book_all": ("Alle aangekondigde zaken geboekt", "All announced cases booked"),
    "life.booked_done": ("{n} zaken gemarkeerd als geboekt.", "{n} cases marked booked."),
    "life.booked_done_one": ("1 zaak gemarkeerd als geboekt.", "1 case marked booked."),
    "life.none_announced": ("Geen aangekondigde zaken: publiceer eerst een versie.",
                            "No announced cases: publish a version first."),
    "life.abort": ("Vertrek afbreken", "Abort departure"),
    "life.abort_reason": ("Reden", "Reason"),
    "life.abort_note": ("Toelichting (optioneel, geen persoonsgegevens)", "Note (optional, no personal data)"),
    "life.aborted_done": ("Vertrek van {case} afgebroken: {reason}.", "Departure of {case} aborted: {reason}."),
    "life.abort_help": ("Vertrokken, onttrokken, geweigerd bij de gate en dergelijke legt u vast op de pagina "
                        "Gebeurtenissen; hier alleen een afbreking om een andere reden.",
                        "Departed, absconded, refused at the gate and the like are recorded on the Events page; "
                        "here only an abort for another reason."),
    "life.illegal": ("{case} is {old}: dat kan niet {new} worden.", "{case} is {old}: it cannot become {new}."),
    # re-plans that move held trips
    "life.held_changed": ("Let op: deze wijziging raakt al aangekondigde of geboekte reizen: {cases}. "
                          "Geboekte tickets moeten opnieuw worden gekocht.",
                          "Note: this change moves trips that are already announced or booked: {cases}. "
                          "Booked tickets must be bought again."),
    # export
    "exp.version": ("Deze export is versie v{number} ({status}), gemaakt op {at} door {by}.",
                    "This export is version v{number} ({status}), made on {at} by {by}."),
    "exp.version_published": ("Deze export is versie v{number}, gepubliceerd op {at} door {by}.",
                              "This export is version v{number}, published on {at} by {by}."),
    "exp.draft_warning": ("Let op: u exporteert een concept (v{number}) dat niet gepubliceerd is. {published}",
                          "Note: you are exporting a draft (v{number}) that is not published. {published}"),
    "exp.published_is": ("De gepubliceerde versie is v{number} ({at}, {by}).",
                         "The published version is v{number} ({at}, {by})."),
    "exp.nothing_published": ("Er is nog niets gepubliceerd.", "Nothing has been published yet."),
    # undo
    "undo.button": ("Laatste aanpassing ongedaan maken ({kind})", "Undo the last edit ({kind})"),
    "undo.button_off": ("Laatste aanpassing ongedaan maken", "Undo the last edit"),
    "undo.done_msg": ("Aanpassing ongedaan gemaakt.", "Edit undone."),
    "undo.ready": ("Maakt alleen de laatste aanpassing ongedaan; de versies blijven bewaard.",
                   "Undoes only the last edit; the versions are kept."),
    "undo.none": ("Er is nog geen aanpassing om ongedaan te maken.", "There is no edit to undo yet."),
    "undo.stale": ("Een collega heeft intussen opgeslagen: laad de werkruimte opnieuw.",
                   "A colleague saved meanwhile: reload the workspace."),
    "undo.later": ("Na de laatste aanpassing is er nog iets opgeslagen (oplossen, publiceren, een gebeurtenis of "
                   "een teruggezette versie); alleen de laatste aanpassing zelf kan ongedaan worden gemaakt. Zet zo "
                   "nodig een versie terug.",
                   "Something was saved after the last edit (a solve, a publish, an event or a restored version); "
                   "only the last edit itself can be undone. Restore a version if needed."),
    "undo.done": ("De laatste aanpassing is al ongedaan gemaakt.", "The last edit has already been undone."),
    "edit.kind.pin": ("vastzetten", "pin"),
    "edit.kind.unpin": ("losmaken", "unpin"),
    "edit.kind.forbid": ("uitsluiten", "forbid"),
    "edit.kind.allow": ("uitsluiting opheffen", "allow"),
    "edit.kind.swap": ("begeleider wisselen", "swap escort"),
    "edit.kind.move": ("andere vlucht", "other flight"),
    "edit.kind.undo": ("ongedaan maken", "undo"),
}
