"""Audit and version actions in words: the store keeps stable codes ("plan.publish"), pages show
"plan: gepubliceerd". An unknown code is shown with spaces for underscores rather than hidden."""

from __future__ import annotations

import re
from functools import partial

from models.rules.violation import KNOWN_RULES
from planner.web.i18n import has, t

DEVIATION = "deviation: "
"""How the store writes a deliberate deviation: this prefix, then the broken rules' codes joined by "; "."""
_LIFECYCLE = re.compile(r"^(draft|announced|booked|departed|aborted)(?: \(([a-z_]+)\))?$")


def _verb(verb: str, lang: str) -> str:
    for key in (f"verb.{verb}", f"ev.kind.{verb}", f"life.state.{verb}", f"adj.{verb}"):
        if has(key):
            return t(key, lang)
    return verb.replace("_", " ")


def action_text(action: str, lang: str = "nl") -> str:
    """An audit action ("plan.publish", "event.cancel_flight", "login") in the reader's words."""
    if has(f"act.{action}"):
        return t(f"act.{action}", lang)
    prefix, _, rest = action.partition(".")
    if rest and has(f"act.{prefix}"):
        return t(f"act.{prefix}", lang, what=_verb(rest, lang))
    return _verb(action.replace(".", " "), lang)


def version_action(action: str, lang: str = "nl") -> str:
    """How a plan version came to be ("solve", "swap", "replan") in words."""
    return _verb(action, lang)


def object_text(object_type: str, object_id: str, lang: str = "nl") -> str:
    """The audited object: "planversie 1/v2" rather than "plan_version 1/v2"."""
    name = t(f"obj.{object_type}", lang) if has(f"obj.{object_type}") else object_type.replace("_", " ")
    return f"{name} {object_id}".strip()


_COUNTS = [  # what the store writes in an audit row's before/after, in the reader's words
    (re.compile(r"\b(\d+) planned\b"), "rec.planned"),
    (re.compile(r"\b(\d+) unplanned\b"), "rec.unplanned"),
    (re.compile(r"\b(\d+) violations\b"), "rec.violations"),
    (re.compile(r"\b(\d+) cases\b"), "rec.cases"),
    (re.compile(r"\b(\d+) legs\b"), "rec.legs"),
    (re.compile(r"\b(\d+) locks\b"), "rec.locks"),
    (re.compile(r"\b(\d+) forbids\b"), "rec.forbids"),
    (re.compile(r"\bchanged (\d+)\b"), "rec.changed"),
    (re.compile(r"\bdisruption (\d+)\b"), "rec.disruption"),
]
_LEAD = re.compile(r"(^|; )(draft|published|added|removed|changed|flights|pickup|vehicle|escorts|returns|care)\b(:?)")
_EVENT = re.compile(r"^([a-z]+(?:-[a-z]+)+)\b")


def _count(key: str, lang: str, match: re.Match) -> str:
    return t(key, lang, n=match[1])


def _rule_label(code: str, lang: str) -> str:
    rule = KNOWN_RULES.get(code)
    if rule is None:
        return code
    return rule.label_nl if lang == "nl" else rule.label


def _coded_record(text: str, lang: str) -> str | None:
    """Records the store writes as codes in both languages: deviations, departure states, edit kinds."""
    if text.startswith(DEVIATION):
        rules = [_rule_label(code, lang) for code in text[len(DEVIATION):].split("; ") if code]
        return t("rec.deviation", lang, rules="; ".join(dict.fromkeys(rules)))
    state = _LIFECYCLE.match(text)
    if state:
        words = t(f"life.state.{state[1]}", lang)
        reason = state[2]
        if reason:
            words += f" ({t(f'life.reason.{reason}', lang) if has(f'life.reason.{reason}') else reason})"
        return words
    if has(f"edit.kind.{text}"):
        return t(f"edit.kind.{text}", lang)
    return None


def record_text(text: str | None, lang: str = "nl") -> str:
    """An audit row's before/after ("draft; 18 planned, 7 unplanned") in the reader's words;
    ids, times and free notes stay as written."""
    if not text:
        return ""
    coded = _coded_record(text, lang)
    if coded is not None:
        return coded
    if lang == "en":
        return text
    for pattern, key in _COUNTS:
        text = pattern.sub(partial(_count, key, lang), text)

    def lead(m: re.Match) -> str:
        word = m[2]
        key = next(k for k in (f"status.{word}", f"change.{word}", f"field.{word}") if has(k))
        return f"{m[1]}{t(key, lang)}{m[3]}"

    text = _LEAD.sub(lead, text)
    event = _EVENT.match(text)
    if event and has(f"ev.kind.{event[1].replace('-', '_')}"):
        text = t(f"ev.kind.{event[1].replace('-', '_')}", lang) + text[event.end():]
    return text
