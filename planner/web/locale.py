"""Numbers, money and dates the way the reader's language writes them (nl-NL: 1.234,5 and € 109.536).

Python's own `format` is English-only and the `locale` module is process-wide (one server serves
both languages at once), so the separators are swapped here instead.
"""

from __future__ import annotations

from models.common import Role
from planner.web.i18n import t

_SWAP = str.maketrans(",.", ".,")
SEPARATORS = {"nl": ",.", "en": ".,"}
"""Plotly's `layout.separators`: the decimal mark, then the thousands separator."""


def number(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """`value` with the language's thousands separator and decimal mark."""
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.translate(_SWAP)


def money(value: float, lang: str = "nl") -> str:
    """Whole euros: "€ 109.536" in Dutch, "€ 109,536" in English."""
    return f"€ {number(value, lang)}"


def role_name(role: Role | str, lang: str = "nl") -> str:
    """An escort role in words ("psychiatrisch verpleegkundige"), never the enum value."""
    value = role.value if isinstance(role, Role) else str(role)
    return t(f"escort_role.{value}", lang)
