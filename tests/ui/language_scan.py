"""Collect every user-visible text of an AppTest page and find words of the wrong language or raw values.

The word lists are maintained by hand: common English words that never belong in a Dutch sentence
(and the other way round), chosen so that proper names, flight codes and the words both languages
share (scenario, audit, status, export, import, plan, ...) do not count.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from pandas.api.types import is_datetime64_any_dtype, is_numeric_dtype
from streamlit.testing.v1 import AppTest

ENGLISH = frozenset("""
the and for with without from this that these those are were be been has have not yes
flight flights case cases escort escorts vehicle vehicles unplanned planned reason reasons trip trips
departure departures return returns nurse doctor driver seat seats pickup night nights
date time times day days month total cost costs value variable count none true false unknown
edit save cancel search show hide all only new old changed added removed previous next
version versions action actions user users role roles event events why remedy remedies
documents destination origin airport airports minor minors medical care forced voluntary
viewer warning warnings error errors should field missing required invalid
monday tuesday wednesday thursday friday saturday sunday
january february march may june july october
""".split())
# Not listed: "of", "is", "was", "week", "rest", "hotel", "filter", "document", "input" (Dutch words too) and
# "coordinator", which the solver's Dutch reasons use for the escort role (plan texts, golden plans).
DUTCH = frozenset("""
de het een voor zonder niet geen nee zijn wordt werd
vlucht vluchten zaak zaken begeleider begeleiders voertuig voertuigen ingepland reden redenen rit ritten
vertrek terugreis verpleegkundige stoel stoelen ophalen nacht nachten
datum tijd tijden dag dagen maand totaal kosten aantal onbekend opslaan annuleren zoeken
tonen verbergen alle alleen nieuw nieuwe oud oude gewijzigd toegevoegd verwijderd vorige volgende
versie versies actie acties gebruiker gebruikers rol rollen gebeurtenis gebeurtenissen waarom
bestemming luchthaven minderjarige minderjarigen zorg gedwongen vrijwillig regievoerder meekijker
waarschuwing fout fouten verplicht ongeldig gepubliceerd
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
januari februari maart mei juni juli augustus oktober
""".split())
# Not listed: "of", "van", "met", "arts", "rust", "concept", "chauffeur" (English words too).
RAW = [
    (re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b"), "snake_case value"),
    (re.compile(r"\b[a-z_]+=(?:True|False|None|\d)"), "Python keyword argument"),
    (re.compile(r"\b[a-z]+\.[a-z_]+\b(?<!\.json)(?<!\.csv)(?<!\.xlsx)(?<!\.ics)"), "dotted action name"),
    (re.compile(r"Input should be|validation error|Field required|model_type"), "pydantic message"),
    (re.compile(r"(?<![\w-])(?:None|True|False|nan|NaT)(?![\w-])(?!\.$)"), "Python repr"),  # "None." is English
    (re.compile(r"^\[.*\]$|^\(.*,\)$|^\{'.*\}$"), "Python container repr"),
    (re.compile(r"Traceback|Exception:|Error:"), "traceback"),
]
ENGLISH_SEPARATORS = re.compile(r"€\s?\d{1,3}(?:,\d{3})+\b|\b\d{1,3}(?:,\d{3})+\.\d+\b")
WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "text", "error", "warning", "info",
              "success", "exception", "button", "checkbox", "toggle", "radio", "selectbox", "multiselect",
              "text_input", "number_input", "text_area", "date_input", "time_input", "expander", "tabs",
              "metric", "dataframe", "table")
PLOTLY_TEXT_KEYS = ("title", "name", "text", "hovertemplate", "ticktext")


def _element_texts(kind: str, element) -> Iterator[str]:
    proto = getattr(element, "proto", None)
    if kind in ("dataframe", "table"):
        frame = element.value
        yield from (str(c) for c in frame.columns)
        for column in frame.columns:
            if not (is_numeric_dtype(frame[column]) or is_datetime64_any_dtype(frame[column])):
                yield from (str(v) for v in frame[column].dropna().unique()[:200])
        return
    if kind == "metric":
        yield element.label
        yield str(element.value)
        return
    label = getattr(element, "label", None)
    if label:
        yield str(label)
    if kind in ("radio", "selectbox", "multiselect"):
        yield from (str(o) for o in element.options)
    if kind in ("title", "header", "subheader", "markdown", "caption", "text", "error", "warning", "info",
                "success", "exception"):
        yield str(element.value)
    help_text = getattr(proto, "help", "") if proto is not None else ""
    if help_text:
        yield help_text


def _plotly_texts(spec: object) -> Iterator[str]:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in PLOTLY_TEXT_KEYS and isinstance(value, str):
                yield value
            elif key in PLOTLY_TEXT_KEYS and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            elif key == "title" and isinstance(value, dict) and isinstance(value.get("text"), str):
                yield value["text"]
            elif key not in ("x", "y", "base", "customdata", "ids", "lat", "lon", "template"):
                yield from _plotly_texts(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _plotly_texts(item)


def visible_texts(at: AppTest) -> list[str]:
    """Every text a user can read on the current page, including plotly titles, axes, legends and hovers."""
    out: list[str] = []
    for kind in TEXT_KINDS:
        for element in getattr(at, kind, []):
            out.extend(t for t in _element_texts(kind, element) if t)
    for button in at.get("download_button"):
        out.append(button.proto.label)
    for chart in at.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        out.extend(_plotly_texts(spec))
        layout = spec.get("layout", {})
        out.append(f"__separators__={layout.get('separators')}")
        for name, axis in layout.items():  # plotly.js names months and days in English unless told otherwise
            if name[1:5] == "axis" and isinstance(axis, dict) and axis.get("type") == "date":
                out.append(f"__date_ticks__={name}:{axis.get('tickformat', '')}")
    return out


_IDENTIFIER = re.compile(r"\b[A-Za-z]+-\d+\b|\bKMar-escorts?\b")  # ids from the scenario file (case-001, kmar-03)
_NAME_PARTICLE = re.compile(r"\b(?:de|het|van|den|der)\s+(?=[A-Z])")  # "Jan de Vries", "Lopes de Sá"
_MARKUP = re.compile(r"<[^>]+>|`[^`]*`|https?://\S+|:[a-z_]+:|\*\*|%\{[^}]*\}|\{[a-z_]+\}")


def findings(texts: list[str], lang: str, data_names: frozenset[str] = frozenset()) -> list[str]:
    """What is wrong in these texts for a user of this language (empty when all is well).
    `data_names` are names from the scenario file (a care home's, a person's): data, not UI text."""
    wrong = ENGLISH if lang == "nl" else DUTCH
    found: list[str] = []
    for text in texts:
        if text.startswith("__separators__="):
            if lang == "nl" and text != "__separators__=,.":
                found.append(f"plotly chart without Dutch separators ({text.split('=', 1)[1]})")
            continue
        if text.startswith("__date_ticks__="):
            axis, _, tickformat = text.split("=", 1)[1].partition(":")
            if re.search(r"%[abBA]", tickformat) or not tickformat:
                found.append(f"plotly date axis {axis} with English month/day names (tickformat {tickformat!r})")
            continue
        clean = _MARKUP.sub(" ", text)
        for name in data_names:
            clean = clean.replace(name, " ")
        clean = _NAME_PARTICLE.sub(" ", _IDENTIFIER.sub(" ", clean))
        words = [w for w in WORD.findall(clean) if w.lower() in wrong]
        if words:
            found.append(f"{'English' if lang == 'nl' else 'Dutch'} {sorted(set(words))}: {text[:90]!r}")
        for pattern, what in RAW:
            if pattern.search(clean):
                found.append(f"{what}: {text[:90]!r}")
        if lang == "nl" and ENGLISH_SEPARATORS.search(clean):
            found.append(f"English number format: {text[:90]!r}")
    return sorted(set(found))
