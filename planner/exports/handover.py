"""Trip handover sheets (overdrachtsformulieren): printable HTML, one variant per recipient role.

Who hands over to whom, where and when: the pickup place to DV&O and the escorts, DV&O to the
escorts at the airport, the escorts to the reception on arrival; then the team, transport,
flights, travel conditions and reception, each only if the role's allow-list holds it, and
lines to sign on paper. The Inspectie JenV found health and belongings information reaching KMar
and DV&O incompletely (shared/DOMAIN.md): this is the structured record per trip.

Every value is `html.escape`d; each value cell carries `data-field="<field>"`, so a test (or a
reader) can see exactly which allow-listed fields a sheet shows. The page loads nothing: a
Content-Security-Policy forbids every source but its own inline style.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape

from models import Plan, Scenario
from planner.exports.privacy import ROLE_LABELS, Field, Recipient
from planner.exports.trips import TripRecord, trip_records

_CSS = """
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 "Segoe UI", Arial, Helvetica, sans-serif; color: #111; margin: 0; background: #fff; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm; }
header { border-bottom: 2px solid #154273; margin-bottom: 4mm; }
h1 { font-size: 18pt; margin: 0 0 1mm; color: #154273; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; color: #154273; }
p { margin: 0 0 1.5mm; }
.conf { font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border: 1px solid #999; }
thead th { background: #e8eef5; }
table.facts th { width: 38%; background: #f4f4f4; font-weight: 600; }
table.sign td { height: 13mm; }
section { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 6mm; font-size: 8.5pt; color: #555; }
@media print { main { padding: 0; max-width: none; } header { border-bottom-color: #000; } }
""".strip()

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'"

_SECTIONS: tuple[tuple[str, tuple[Field, ...]], ...] = (
    ("Zaak", (Field.pseudonym, Field.persons, Field.role)),
    ("Begeleider", (Field.team, Field.escort_count)),
    ("Vervoer", (Field.vehicle, Field.pickup_place, Field.report_place, Field.report_time, Field.pickup_time,
                 Field.airport, Field.checkin_time, Field.airport_escorts)),
    ("Vlucht", (Field.flights, Field.return_flights)),
    ("Overdracht bij aankomst", (Field.handover_place, Field.handover_time)),
    ("Reisvoorwaarden", (Field.wheelchair, Field.stretcher, Field.oxygen, Field.medical_escort)),
    ("Opvang", (Field.receiving_facility,)),
)
_MULTILINE = frozenset({Field.team, Field.flights, Field.return_flights, Field.receiving_facility})
_NOT_SHOWN = "—"


def _value(field: Field, text: str) -> str:
    """One escaped value; lists (legs, team members, receptions) one per line."""
    parts = text.split("; ") if field in _MULTILINE else [text]
    return "<br>".join(escape(part, quote=True) for part in parts)


def _cell(values: Mapping[Field, str], field: Field, fallback: str = _NOT_SHOWN) -> str:
    if field in values:
        return f'<td data-field="{field.value}">{_value(field, values[field])}</td>'
    return f"<td>{escape(fallback)}</td>"


def _who(values: Mapping[Field, str], *options: Field, fallback: str) -> str:
    """A 'from'/'to' cell: the first visible field of `options`, else a plain description."""
    for field in options:
        if field in values:
            return _cell(values, field)
    return f"<td>{escape(fallback)}</td>"


def _handovers(values: Mapping[Field, str]) -> str:
    rows = [
        ("Ophalen", "<td>Ophaallocatie (instelling)</td>",
         _who(values, Field.vehicle, fallback="DV&O-vervoer"), Field.pickup_place, Field.pickup_time),
        ("Luchthaven (check-in)", "<td>DV&amp;O-vervoer</td>",
         _who(values, Field.team, fallback="Begeleiders"), Field.airport, Field.checkin_time),
        ("Aankomst", _who(values, Field.team, fallback="Begeleiders"),
         _who(values, Field.receiving_facility, fallback="Opvang (gegevens bij de regievoerder)"),
         Field.handover_place, Field.handover_time),
    ]
    body = "\n".join(
        f"<tr><th>{escape(moment)}</th>{giver}{taker}{_cell(values, where)}{_cell(values, when)}</tr>"
        for moment, giver, taker, where, when in rows
    )
    return ("<section><h2>Overdrachten</h2>\n<table class=\"handovers\"><thead><tr><th>Moment</th><th>Van</th>"
            "<th>Aan</th><th>Waar</th><th>Wanneer</th></tr></thead>\n<tbody>\n" + body + "\n</tbody></table></section>")


def _section(title: str, fields: tuple[Field, ...], values: Mapping[Field, str]) -> str:
    rows = [f"<tr><th>{escape(f.label)}</th>{_cell(values, f)}</tr>" for f in fields if f in values]
    if not rows:
        return ""
    return f"<section><h2>{escape(title)}</h2>\n<table class=\"facts\">\n" + "\n".join(rows) + "\n</table></section>"


def _signatures() -> str:
    moments = ("Ophalen", "Luchthaven (check-in)", "Aankomst")
    rows = "\n".join(f"<tr><th>{escape(m)}</th><td></td><td></td><td></td></tr>" for m in moments)
    return ("<section><h2>Aftekenen</h2>\n<table class=\"sign\"><thead><tr><th>Moment</th>"
            "<th>Overgedragen door (naam, handtekening)</th><th>Ontvangen door (naam, handtekening)</th>"
            "<th>Datum en tijd</th></tr></thead>\n<tbody>\n" + rows + "\n</tbody></table></section>")


def handover_sheet(record: TripRecord, recipient: Recipient) -> str:
    """The sheet of one trip for one recipient role, as a complete HTML document."""
    values = record.visible(recipient)
    role = ROLE_LABELS[recipient]
    pseudonym = values.get(Field.pseudonym, "")
    title = f"Overdrachtsformulier {pseudonym} {record.date_label} – {role}"
    sections = [_section("Zaak", _SECTIONS[0][1], values), _handovers(values)]
    sections += [_section(title_, fields, values) for title_, fields in _SECTIONS[1:]]
    sections.append(_signatures())
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="robots" content="noindex, nofollow">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        "<h1>Overdrachtsformulier</h1>",
        f"<p>Bijzonder Vertrek · vertrekdatum {escape(record.date_label)} · versie voor: "
        f"<strong>{escape(role)}</strong></p>",
        '<p class="conf">Vertrouwelijk – alleen voor de ontvanger (need-to-know). Niet doorsturen of kopiëren.</p>',
        "</header>",
        *[s for s in sections if s],
        "<footer>Tijden zijn lokale tijden op de genoemde plaats, met hun afwijking van UTC. "
        "Opgesteld met bv-planner.</footer>",
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40]


def sheet_filename(record: TripRecord, recipient: Recipient) -> str:
    """`overdracht-<date>-<pseudonym>-<trip key>-<role>.html`: safe characters only, unique per trip."""
    pseudonym = _slug(record.visible(recipient).get(Field.pseudonym, ""))
    parts = ["overdracht", record.date_label] + ([pseudonym] if pseudonym else []) + [record.key[:8],
                                                                                       recipient.value]
    return "-".join(parts) + ".html"


def handover_sheets(scenario: Scenario, plan: Plan, recipients: Iterable[Recipient | str] | None = None
                    ) -> dict[str, str]:
    """File name -> HTML for every trip and every recipient role it has (its escorts' roles and DV&O).

    `recipients` limits the roles (e.g. only `dvo`); a role a trip does not have is skipped.
    """
    wanted = None if recipients is None else {Recipient(r) for r in recipients}
    out: dict[str, str] = {}
    for record in trip_records(scenario, plan):
        for recipient in record.recipients:
            if wanted is None or recipient in wanted:
                out[sheet_filename(record, recipient)] = handover_sheet(record, recipient)
    return out


__all__ = ["handover_sheet", "handover_sheets", "sheet_filename"]
