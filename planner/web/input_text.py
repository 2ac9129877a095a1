"""Import errors in the reader's language: pydantic's and the strict reader's English messages,
translated per error kind. The field path stays as the file spells it, so it can be found there;
a message no pattern knows is shown as written rather than hidden."""

from __future__ import annotations

import re

_RULES_NL: list[tuple[re.Pattern[str], str]] = [(re.compile(p), nl) for p, nl in [
    (r"^(?:required field is missing|Field required|required)$", "verplicht veld ontbreekt"),
    (r"^expected a number, got the string (.+) \(write numbers without quotes\)$",
     r"verwacht een getal, gegeven de tekst \1 (schrijf getallen zonder aanhalingstekens)"),
    (r"^expected a number, got (.+)$", r"verwacht een getal, gegeven \1"),
    (r"^expected an ISO 8601 datetime with offset, e\.g\. (\S+), got (.+)$",
     r"verwacht datum en tijd met tijdzone (ISO 8601), bijv. \1; gegeven \2"),
    (r"^expected a date YYYY-MM-DD, got (?:the datetime )?(.+)$", r"verwacht een datum JJJJ-MM-DD; gegeven \1"),
    (r"^expected a local time HH:MM, got (.+)$", r"verwacht een lokale tijd UU:MM; gegeven \1"),
    (r"^arrival must be after departure$", "aankomst moet na vertrek liggen"),
    (r"^'from' and 'to' must be different airports$", "'from' en 'to' moeten verschillende luchthavens zijn"),
    (r"^invalid JSON at line (\d+) column (\d+): (.+)$", r"ongeldige JSON op regel \1, kolom \2 (\3)"),
    (r"^not UTF-8 text: (.+)$", r"geen UTF-8-tekst: \1"),
    (r"^nested more than (\d+) levels deep$", r"meer dan \1 niveaus diep genest"),
    (r"^unknown field\(s\) (.+) \(extra fields must start with 'x_'\)$",
     r"onbekend veld \1 (eigen velden beginnen met 'x_')"),
    (r"^duplicated key\(s\) (.+)$", r"dubbele sleutel(s) \1"),
    (r"^text (.+) contains a lone surrogate \(.+\), which is not valid Unicode$",
     r"tekst \1 bevat een losse surrogaat-code (\\ud800-\\udfff): geen geldige Unicode"),
    (r"^Extra inputs are not permitted$", "onbekend veld (niet toegestaan)"),
    (r"^Input should be a valid integer.*$", "moet een geheel getal zijn"),
    (r"^Input should be a finite number$", "moet een eindig getal zijn"),
    (r"^Input should be a valid number.*$", "moet een getal zijn"),
    (r"^Input should be a valid string$", "moet tekst zijn"),
    (r"^Input should be a valid boolean.*$", "moet true of false zijn"),
    (r"^Input should have timezone info$", "tijd zonder tijdzone: geef een offset, bijv. +01:00"),
    (r"^Input should be a valid datetime.*$", "moet een datum en tijd zijn (ISO 8601 met tijdzone)"),
    (r"^Input should be a valid date.*$", "moet een datum zijn (JJJJ-MM-DD)"),
    (r"^Input should be a valid list$", "moet een lijst zijn"),
    (r"^Input should be a valid dictionary.*$", "moet een object zijn"),
    (r"^Input should be greater than or equal to (.+)$", r"moet minstens \1 zijn"),
    (r"^Input should be greater than (.+)$", r"moet groter zijn dan \1"),
    (r"^Input should be less than or equal to (.+)$", r"mag hoogstens \1 zijn"),
    (r"^Input should be less than (.+)$", r"moet kleiner zijn dan \1"),
    (r"^Input should be (.+) or (.+?)(?: \(got (.+)\))?$", r"moet \1 of \2 zijn (gegeven: \3)"),
    (r"^Input should be (.+?)(?: \(got (.+)\))?$", r"moet \1 zijn (gegeven: \2)"),
    (r"^String should match pattern (.+)$", r"heeft niet de juiste vorm (patroon \1)"),
    (r"^String should have at least (\d+) characters?$", r"moet minstens \1 teken(s) hebben"),
    (r"^String should have at most (\d+) characters?$", r"mag hoogstens \1 tekens hebben"),
    (r"^List should have at least (\d+) items?.*$", r"moet minstens \1 element(en) hebben"),
    (r"^List should have at most (\d+) items?.*$", r"mag hoogstens \1 elementen hebben"),
]]


def problem_text(message: str, lang: str = "nl") -> str:
    """One import problem's message in the reader's language."""
    if lang == "en":
        return message
    for pattern, dutch in _RULES_NL:
        match = pattern.match(message)
        if match:
            return match.expand(dutch).replace(" (gegeven: )", "")
    return message


def problem_rows(problems: list[tuple[str, str]], lang: str = "nl") -> list[tuple[str, str]]:
    """(field path, message) pairs of an `InputError`, messages translated."""
    return [(path or "(bovenste niveau)" if lang == "nl" else path or "(top level)", problem_text(msg, lang))
            for path, msg in problems]
