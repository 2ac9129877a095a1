"""Terminal texts of `bv-planner` in Dutch (default, as in the web planner) and English.

One table, the same mechanism as the web planner's `planner.web.i18n`: key → (nl, en), filled with
`str.format`. The summaries (planner/summary.py, planner/tripchanges.py, planner/why_text.py) and the
CLI commands take their words from here, so no internal tag or `None` reaches a user.
"""

from __future__ import annotations

from typing import Any

from models import Scenario

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"

_TEXT: dict[str, tuple[str, str]] = {
    "scenario": ("Scenario {id}: {cases} zaken, {legs} vluchtdelen, {staff} medewerkers, {vehicles} voertuigen",
                 "Scenario {id}: {cases} cases, {legs} legs, {staff} staff, {vehicles} vehicles"),
    "planned": ("Ingepland   {n:4d} zaken in {trips} reizen", "Planned   {n:4d} cases in {trips} trips"),
    "unplanned": ("Niet gepland {n:3d} zaken", "Unplanned {n:4d} cases"),
    "objective": ("Doel        geplande prioriteit {priority} van {total} | verstoring {disruption} | "
                  "taalverschil {mismatch} | kosten EUR {cost}",
                  "Objective  planned priority {priority} of {total} | disruption {disruption} | "
                  "language mismatch {mismatch} | cost EUR {cost}"),
    "no_previous": ("geen eerder plan", "no previous plan"),
    "not_computed": ("niet berekend", "not computed"),
    "bound": ("Grens       {parts}", "Bound      {parts}"),
    "bound.priority": ("prioriteit <= {v}", "priority <= {v}"),
    "bound.disruption": ("verstoring >= {v}", "disruption >= {v}"),
    "bound.mismatch": ("taalverschil >= {v}", "language mismatch >= {v}"),
    "bound.cost": ("kosten >= EUR {v} (bij die prioriteit)", "cost >= EUR {v} (at that priority)"),
    "restricted": ("Beperkt     prioriteit <= {v} op de opties die de planner bekeek (niet alle: {why}); "
                   "de grens hierboven geldt voor het hele probleem",
                   "Restricted priority <= {v} on the options the planner considered (not all: {why}); "
                   "the bound above holds for the full problem"),
    "solver": ("Solver      {strategy}, status {status}{seconds}",
               "Solver     {strategy}, status {status}{seconds}"),
    "warning": ("WAARSCHUWING {text}", "WARNING    {text}"),
    "no_optimiser": ("de optimalisatie liep niet: het plan komt van de startheuristiek",
                     "optimiser did not run: plan comes from the start heuristic"),
    "presolve": ("            CP-SAT presolve: {line}", "           CP-SAT presolve: {line}"),
    "clock_cut": ("één worker (reproduceerbaar), maar de klok stopte {stages} voordat het getelde budget op "
                  "was: deze machine is trager dan geijkt of belast, en een volgende run kan anders uitvallen",
                  "one worker (reproducible), but the clock stopped {stages} before its counted budget was "
                  "spent: this machine is slower than calibrated or loaded, and another run may differ"),
    "valid": ("Controle    geldig: elke harde regel gehouden", "Check      valid: every hard rule kept"),
    "invalid": ("Controle    ONGELDIG (zie de overtredingen)", "Check      INVALID (see violations)"),
    "unplanned.header": ("Niet geplande zaken:", "Unplanned cases:"),
    "unplanned.line": ("  {case} (prio {priority}): {reasons}", "  {case} (prio {priority}): {reasons}"),
    "note": ("Let op {case}: {text}", "Note {case}: {text}"),
    "written.plan": ("Plan geschreven naar {path}", "Plan written to {path}"),
    "written.scenario": ("Scenario geschreven naar {path}", "Scenario written to {path}"),
    "violation": ("OVERTREDING {line}", "VIOLATION {line}"),
    # check
    "check.objective": ("Doel: geplande prioriteit {priority}, verstoring {disruption}, taalverschil {mismatch}, "
                        "kosten EUR {cost}",
                        "Objective: planned priority {priority}, disruption {disruption}, language mismatch "
                        "{mismatch}, cost EUR {cost}"),
    "check.valid": ("GELDIG (VALID): elke harde regel gehouden", "VALID: every hard rule kept"),
    "check.invalid": ("ONGELDIG (INVALID): {n} overtreding(en)", "INVALID: {n} violation(s)"),
    # replan
    "events": ("Gebeurtenissen {n}: {list}", "Events     {n}: {list}"),
    "changed": ("Gewijzigd   {n} reis/reizen van het vorige plan", "Changed    {n} trip(s) of the previous plan"),
    "changed.none": ("Gewijzigd   geen enkele reis van het vorige plan", "Changed    no trip of the previous plan"),
    "changed.trip": ("  {cases}: {what}; {why}", "  {cases}: {what}; {why}"),
    "what.outbound": ("heenvlucht", "outbound"),
    "what.vehicle": ("voertuig", "vehicle"),
    "what.escorts": ("begeleiders", "escorts"),
    "what.returns": ("terugvluchten begeleiders", "escort returns"),
    "what.dropped": ("niet meer ingepland", "no longer planned"),
    "why.hit": ("geraakt door {event}", "hit by {event}"),
    "why.collateral": ("bijkomend: maakte plaats voor {cases} ({took}); {needed}",
                       "collateral: made room for {cases} ({took}); {needed}"),
    "why.needed": ("nodig: geen plan met dezelfde prioriteit wijzigt minder zaken (bewezen op de bekeken opties)",
                   "needed: no plan of the same priority changes fewer cases (proven on the options considered)"),
    "why.needed_unproven": ("niet bewezen nodig: de zoektocht stopte voordat minder wijzigingen waren uitgesloten",
                            "not proven needed: the search stopped before fewer changes were ruled out"),
    "took.escort": ("begeleider {id}", "escort {id}"),
    "took.vehicle": ("voertuig {id}", "vehicle {id}"),
    "took.leg": ("plaats op {id}", "seat on {id}"),
    "why.collateral_none": ("bijkomend (geen zaak nam de plaats in)", "collateral (no case took its place)"),
    "dropped": ("Vervallen   {n}{list}", "Dropped    {n}{list}"),
    "added": ("Toegevoegd  {n}{list}", "Added      {n}{list}"),
    # why
    "why.planned": ("Zaak {case} is ingepland.", "Case {case} is planned."),
    "why.unplanned": ("Zaak {case} niet ingepland. Reden(en):", "Case {case} is not planned. Reason(s):"),
    "why.nothing": ("Geen enkele losse aanpassing plant deze zaak in.", "No single change plans this case."),
    "why.helps": ("Wat zou helpen (makkelijkste eerst):", "What it would take (easiest first):"),
    "why.cost": ("kosten {cost}", "cost {cost}"),
    "why.departs": ("vertrek {when}", "departs {when}"),
    "why.disruption": ("{n} andere zaken gewijzigd", "{n} other cases changed"),
    "why.disruption_one": ("1 andere zaak gewijzigd", "1 other case changed"),
    "why.displaces": ("verdringt {cases}", "displaces {cases}"),
    # demo and ui
    "demo.planning": ("Demo: {name} wordt gepland (hoogstens {limit} s; voortgang hieronder, -q voor geen)",
                      "Demo: planning {name} (at most {limit} s; progress below, -q for none)"),
    "ui.port_busy": ("fout: poort {port} op {address} is niet beschikbaar ({why}); start op een andere poort met "
                     "--port {other}",
                     "error: port {port} on {address} is not available ({why}); start on another port with "
                     "--port {other}"),
    "ui.demo_loaded": ("Lege database: het demoscenario is geladen als werkruimte {id}.",
                       "Empty database: loaded the demo scenario as workspace {id}."),
    "ui.demo_accounts": ("Demo-accounts (alleen om uit te proberen), wachtwoord 'demo': {accounts}",
                         "Demo accounts (for trying out only), password 'demo': {accounts}"),
    "ui.demo_disabled": ("waarschuwing: demo-account(s) {names} met wachtwoord 'demo' stonden nog aan in deze "
                         "gegevensmap: uitgezet (vastgelegd in de audit). Start met --demo om ze weer te gebruiken.",
                         "warning: demo account(s) {names} with password 'demo' were still active in this data "
                         "folder: disabled (recorded in the audit). Start with --demo to use them again."),
    "ui.no_users": ("Geen actieve gebruikers: voeg er een toe met `bv-planner user add NAAM --role coordinator`, "
                    "of start met --demo.",
                    "No active users: add one with `bv-planner user add NAME --role coordinator`, or start with "
                    "--demo."),
    "ui.data": ("Gegevens: {where}", "Data: {where}"),
    "ui.running": ("Webplanner op http://{address}:{port}  (Ctrl+C stopt hem)",
                   "Web planner on http://{address}:{port}  (Ctrl+C stops it)"),
    "unknown_case": ("onbekende zaak {text!r}: geef het zaaknummer (case-024) of het pseudoniem (BV-2026-0077)",
                     "unknown case {text!r}: give the case id (case-024) or the pseudonym (BV-2026-0077)"),
}


STAGE_WORDS = {  # the solver's stage names (solver/budget.py) in the reader's words
    "index": ("reisopties", "itinerary index"), "heuristics": ("startheuristiek", "start heuristics"),
    "start": ("startoplossing", "start solution"), "start orders": ("startvolgordes", "start orders"),
    "make room": ("ruimte maken", "making room"), "local search": ("lokaal zoeken", "local search"),
    "hint": ("startoplossing aanvullen", "completing the start solution"),
    "lock check": ("controle van vastgezette reizen", "lock check"),
    "priority": ("prioriteitsfase", "priority phase"), "lns": ("zoeken rond het vorige plan", "search near the "
                                                               "previous plan"),
    "language": ("taalfase", "language phase"), "cost": ("kostenfase", "cost phase"),
    "explain": ("uitleg", "explanations"), "restore moves": ("reizen terugzetten", "restoring trips"),
    "greedy": ("gulzige start", "greedy"), "cpsat": ("CP-SAT", "CP-SAT"), "total": ("totaal", "total"),
}
STATUS_WORDS = {  # solver.result.SolveStatus
    "optimal": ("optimaal", "optimal"), "feasible": ("geldig, niet bewezen optimaal", "feasible"),
    "heuristic": ("alleen heuristiek", "heuristic"), "infeasible": ("onhaalbaar", "infeasible"),
    "model_error": ("modelfout", "model error"), "unknown": ("onbekend", "unknown"),
}


def status_words(status: str, lang: str) -> str:
    return STATUS_WORDS[status][lang == "en"] if status in STATUS_WORDS else status


def stage_words(stages: list[str], lang: str) -> str:
    return ", ".join(STAGE_WORDS[s][lang == "en"] if s in STAGE_WORDS else s for s in stages)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The text of `key` in `lang` ('nl' or 'en'), filled with `values`; `key_one` when `n` is 1 and the
    table has that singular form ("1 zaak", not "1 zaken")."""
    if values.get("n") == 1 and f"{key}_one" in _TEXT:
        key = f"{key}_one"
    nl, en = _TEXT[key]
    return (en if lang == "en" else nl).format(**values)


def case_label(scenario: Scenario | None, case_id: str) -> str:
    """The one way a case is named in every output: "BV-2026-0077 (case-024)" (pseudonym, then id)."""
    case = scenario.case_by_id.get(case_id) if scenario is not None else None
    return f"{case.pseudonym} ({case_id})" if case is not None and case.pseudonym != case_id else case_id


def resolve_case(scenario: Scenario, text: str) -> str | None:
    """The case id for `text`, given as the id or as the pseudonym (either spelling, any case)."""
    if text in scenario.case_by_id:
        return text
    wanted = text.strip().casefold()
    for case in scenario.cases:
        if case.id.casefold() == wanted or case.pseudonym.casefold() == wanted:
            return case.id
    return None


def violation_line(scenario: Scenario | None, violation: Any, lang: str) -> str:
    """"[rule4.escort_count] Te weinig begeleiders (BV-2026-0077 (case-024)): message" — the stable rule
    code (docs/format.md), the label and the checker's message in `lang`, the cases by name."""
    label = violation.label if lang == "en" else violation.label_nl
    cases = ", ".join(case_label(scenario, c) for c in violation.cases)
    return f"[{violation.rule}] {label}" + (f" ({cases})" if cases else "") + f": {violation.text(lang)}"


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "case_label", "resolve_case", "t", "violation_line"]
