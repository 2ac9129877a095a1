"""Words for the values a scenario carries (escort roles, travel conditions), merged into `i18n`.

Each entry: (Dutch, English). The scenario file holds the English enum values; a page never
shows them raw.
"""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "escort_role.doctor": ("arts", "doctor"),
    "escort_role.nurse": ("verpleegkundige", "nurse"),
    "escort_role.psychiatric_nurse": ("psychiatrisch verpleegkundige", "psychiatric nurse"),
    "escort_role.kmar": ("KMar", "KMar"),
    "escort_role.coordinator": ("coördinator", "coordinator"),  # the solver's Dutch reasons write "coordinator"
    "cond.stretcher": ("brancard", "stretcher"),
    "cond.oxygen": ("zuurstof", "oxygen"),
    "cond.max_hours": ("≤{hours} uur reistijd", "≤{hours} h travel"),
    "cond.max_legs": ("≤{legs} vluchten", "≤{legs} legs"),
    "cond.minor": ("minderjarig", "minor"),
    "cond.unaccompanied": ("minderjarig (alleenreizend)", "minor (unaccompanied)"),
    "chart.count": ("Aantal", "Count"),
    "chart.series": ("Reeks", "Series"),
    "chart.time": ("Tijd (UTC)", "Time (UTC)"),
}

# audit and version actions: the stored code stays "plan.publish"; the pages show these words
TEXT.update({
    "act.scenario.import": ("scenario geïmporteerd", "scenario imported"),
    "act.login": ("inloggen", "sign-in"),
    "act.logout": ("uitloggen", "sign-out"),
    "act.logout.idle": ("uitgelogd na inactiviteit", "signed out when idle"),
    "act.solve.start": ("berekening gestart", "solve started"),
    "act.solve.finish": ("berekening klaar", "solve finished"),
    "act.solve.cancel": ("berekening gestopt", "solve stopped"),
    "act.save.conflict": ("opslaan geweigerd (iemand anders was eerder)", "save refused (someone else was first)"),
    "act.purge.run": ("oude gegevens opgeruimd", "old data purged"),
    "act.user.put": ("gebruiker vastgelegd", "user saved"),
    "act.user.password": ("wachtwoord gewijzigd", "password changed"),
    "act.user.totp": ("tweede factor gewijzigd", "second factor changed"),
    "act.user.demo_disabled": ("demo-gebruiker uitgeschakeld", "demo user disabled"),
    "act.version.restore": ("versie teruggezet", "version restored"),
    "act.lock.add": ("vastgezet", "pinned"),
    "act.lock.remove": ("losgemaakt", "unpinned"),
    "act.forbid.add": ("uitgesloten", "forbidden"),
    "act.forbid.remove": ("uitsluiting opgeheven", "forbid removed"),
    "act.plan": ("plan: {what}", "plan: {what}"),
    "act.event": ("gebeurtenis: {what}", "event: {what}"),
    "act.trip": ("reis: {what}", "trip: {what}"),
    "verb.import": ("geïmporteerd", "imported"),
    "verb.solve": ("berekend", "solved"),
    "verb.publish": ("gepubliceerd", "published"),
    "verb.publish_diff": ("wijzigingen bij publicatie", "changes at publication"),
    "verb.replan": ("opnieuw gepland na gebeurtenis", "re-planned after an event"),
    "verb.event": ("gebeurtenis verwerkt", "event applied"),
    "verb.adopt": ("berekening overgenomen", "solve adopted"),
    "verb.restore": ("versie teruggezet", "version restored"),
    "verb.remedy": ("oplossing toegepast", "remedy applied"),
    "verb.pin": ("vastgezet", "pinned"),
    "verb.unpin": ("losgemaakt", "unpinned"),
    "verb.forbid": ("uitgesloten", "forbidden"),
    "verb.allow": ("uitsluiting opgeheven", "forbid removed"),
    "verb.swap": ("begeleider gewisseld", "escort swapped"),
    "verb.swap_escort": ("begeleider gewisseld", "escort swapped"),
    "verb.move": ("andere vlucht", "other itinerary"),
    "verb.edit": ("bewerkt", "edited"),
    "obj.plan_version": ("planversie", "plan version"),
    "obj.scenario": ("scenario", "scenario"),
    "obj.user": ("gebruiker", "user"),
    "obj.job": ("berekening", "solve"),
    "obj.trip": ("reis", "trip"),
    "obj.case": ("zaak", "case"),
    "obj.store": ("opslag", "store"),
    "obj.flight": ("vlucht", "flight"),
    "obj.staff": ("begeleider", "escort"),
    "obj.vehicle": ("voertuig", "vehicle"),
})

TEXT.update({  # counts in audit rows
    "rec.deviation": ("bewust afgeweken: {rules}", "deliberate deviation: {rules}"),
    "act.case": ("vertrekstatus: {what}", "departure state: {what}"),
    "act.edit.deviate": ("bewust afgeweken van de regels", "deliberate deviation from the rules"),
    "act.edit.undo": ("laatste wijziging ongedaan gemaakt", "last edit undone"),
    "rec.planned": ("{n} ingepland", "{n} planned"),
    "rec.unplanned": ("{n} niet ingepland", "{n} unplanned"),
    "rec.violations": ("{n} regels geschonden", "{n} violations"),
    "rec.cases": ("{n} zaken", "{n} cases"),
    "rec.legs": ("{n} vluchten", "{n} legs"),
    "rec.locks": ("{n} vastgezet", "{n} locks"),
    "rec.forbids": ("{n} uitgesloten", "{n} forbids"),
    "rec.changed": ("{n} gewijzigd", "changed {n}"),
    "rec.disruption": ("verstoring {n}", "disruption {n}"),
})
