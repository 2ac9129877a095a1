"""Structured reasons for the English reason texts the plan's `reasons` already holds.

The plan contract keeps `Unplanned.reasons` in English, and those texts come from several places
(the index's blockers, the replay of the final plan, the lock notes). Where no `Reason` with both
languages exists for a text, `from_english` gives one: the family and rule code from the text's
pattern, the Dutch words from the same table. A text no pattern knows keeps its English words in
Dutch too and says so in `data["untranslated"]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from solver.explain.words import Reason

_MONTHS = {"Jan": "jan", "Feb": "feb", "Mar": "mrt", "Apr": "apr", "May": "mei", "Jun": "jun", "Jul": "jul",
           "Aug": "aug", "Sep": "sep", "Oct": "okt", "Nov": "nov", "Dec": "dec"}
_ROLES = {"doctor": "arts", "nurse": "verpleegkundige", "psychiatric nurse": "psychiatrisch verpleegkundige",
          "KMar escort": "KMar-escort", "coordinator": "coordinator"}


def _nl_dates(text: str) -> str:
    """'09 Dec' -> '9 dec' (the replay's English day format, in Dutch)."""
    return re.sub(r"\b0?(\d{1,2}) (" + "|".join(_MONTHS) + r")\b", lambda m: f"{m[1]} {_MONTHS[m[2]]}", text)


Dutch = Callable[[re.Match[str]], str]

_FIT_STATUS = {"fit": "geschikt", "fit_with_conditions": "geschikt onder voorwaarden", "unfit": "ongeschikt",
               "pending": "nog geen besluit"}
"""FitStatus values in the users' words."""

PATTERNS: tuple[tuple[str, str, Dutch], ...] = (
    # (family, English pattern, Dutch words)
    ("lock", r"lock cannot be kept: (?P<why>.*)",
     lambda m: "vastzetting kan niet worden gehouden: " + from_english(m["why"]).text_nl),
    ("seats", r"(?P<leg>\S+ \d+ \w+): (?P<left>\d+) seat\(s\) left, (?P<need>\d+) needed",
     lambda m: f"{_nl_dates(m['leg'])}: nog {m['left']} stoel(en) vrij, {m['need']} nodig"),
    ("forced", r"(?P<leg>\S+ \d+ \w+): no forced-departure place left",
     lambda m: f"{_nl_dates(m['leg'])}: geen plaats voor gedwongen vertrek meer"),
    ("stretcher", r"(?P<leg>\S+ \d+ \w+): stretcher place already taken",
     lambda m: f"{_nl_dates(m['leg'])}: brancardplaats al bezet"),
    ("vehicle", r"no vehicle free on (?P<day>.+) that fits",
     lambda m: f"geen passend voertuig vrij op {_nl_dates(m['day'])}"),
    ("seats", r"no return seats for the escorts on (?P<day>.+)",
     lambda m: f"geen stoelen op een terugvlucht voor de begeleiders op {_nl_dates(m['day'])}"),
    ("same_gender", r"no free escort team with an escort of gender (?P<g>\S+) on (?P<day>.+)",
     lambda m: f"geen vrij begeleidersteam met een begeleider van geslacht {m['g']} op {_nl_dates(m['day'])}"),
    ("staff", r"no free combination of escorts on (?P<day>.+)",
     lambda m: f"geen vrije combinatie van begeleiders op {_nl_dates(m['day'])}"),
    ("staff", r"no (?P<role>" + "|".join(_ROLES) + r") free (?P<span>.+)",
     lambda m: f"geen {_ROLES[m['role']]} vrij {_nl_dates(m['span'])}"),
    ("fits", r"fits in the remaining capacity, but the solver's time limit ended first",
     lambda m: "past in de resterende capaciteit, maar de rekentijd van de solver was eerder op"),
    ("other", r"no feasible combination found", lambda m: "geen haalbare combinatie gevonden"),
    ("other", r"not planned", lambda m: "niet ingepland"),
    ("vehicle", r"no vehicle fits: needs (?P<rest>.*)",
     lambda m: "geen voertuig past: nodig " + m["rest"].replace(" seats", " zitplaatsen")
     .replace(" wheelchair place(s)", " rolstoelplaats(en)").replace(" stretcher place(s)", " brancardplaats(en)")),
    ("staff", r"too few staff holding role (?P<role>.+): needs (?P<n>\d+), (?P<k>\d+) eligible",
     lambda m: f"te weinig begeleiders met de rol {_ROLES.get(m['role'], m['role'])}: {m['n']} nodig, "
               f"{m['k']} inzetbaar"),
    ("lock", r"locked escorts \((?P<n>\d+)\) do not match the (?P<k>\d+) escort places",
     lambda m: f"vastgezette begeleiders ({m['n']}) passen niet bij de {m['k']} begeleidersplaatsen"),
    ("documents", r"(?P<tag>.+: )?no travel document issued yet",
     lambda m: f"{m['tag'] or ''}nog geen reisdocument (laissez-passer) afgegeven"),
    ("fit_to_fly", r"(?P<tag>.+: )?fit-to-fly status is '(?P<status>.+)'",
     lambda m: f"{m['tag'] or ''}fit-to-fly-besluit: {_FIT_STATUS.get(m['status'], m['status'])}"),
    ("itinerary", r"no flight connection to (?P<dest>\S+) between (?P<a>\S+) and (?P<b>\S+)",
     lambda m: f"geen vluchtverbinding naar {m['dest']} tussen {m['a']} en {m['b']}"),
    ("itinerary", r"no itinerary keeps all rules", lambda m: "geen reisroute voldoet aan alle regels"),
    ("other", r"not searched: the time limit ran out while building itineraries \(allow more time\)",
     lambda m: "niet gezocht: de rekentijd was op tijdens het opbouwen van reisroutes (geef meer tijd)"),
    ("other", r"withdrawn: the rule checker rejected the proposed trip",
     lambda m: "ingetrokken: de regelcontrole keurde de voorgestelde reis af"),
)
_COMPILED = tuple((family, re.compile(pattern + r"\Z"), dutch) for family, pattern, dutch in PATTERNS)


def from_english(text: str) -> Reason:
    """A `Reason` for an English reason text (see the module docstring)."""
    for family, pattern, dutch in _COMPILED:
        m = pattern.match(text)
        if m:
            return Reason(family, dutch(m), text, {})
    return Reason("other", text, text, {"untranslated": True})


def x_reasons(texts: list[str], known: list[Reason]) -> list[dict]:
    """The plan's `x_reasons` for a case whose `reasons` are `texts`: one entry per text, in order,
    from the `known` Reasons with that English text, else from `from_english`."""
    by_text = {r.text_en: r for r in known}
    out = []
    for text in texts:
        r = by_text.get(text) or from_english(text)
        out.append({"code": r.code, "text_nl": r.text_nl, "text_en": text, "data": r.data})
    return out


def unit_reasons(unit, structured: dict[str, list[Reason]]) -> list[Reason]:
    """The Reasons known for `unit`: its explanation (`structured`), else the index's blockers that
    came with Dutch words."""
    if structured.get(unit.key):
        return structured[unit.key]
    return [Reason("itinerary", nl, en, {"kind": kind}) for en, (kind, nl) in unit.blocker_words.items()]
