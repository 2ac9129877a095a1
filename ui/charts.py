"""Plotly figures in the reader's language: number separators, date ticks without English month
names, and axis titles that are words (never plotly's "value" or "variable")."""

from __future__ import annotations

from planner.web.locale import SEPARATORS

DATE_TICKS = "%d-%m<br>%H:%M"
"""Day-month and time in digits: plotly.js only knows English month and day names."""


def localised(fig, lang: str, date_axis: str | None = None):
    """`fig` with the language's separators; `date_axis` ("x"/"y") gets digit-only date ticks and hovers."""
    fig.update_layout(separators=SEPARATORS.get(lang, SEPARATORS["nl"]))
    if date_axis == "x":
        fig.update_xaxes(tickformat=DATE_TICKS, hoverformat="%d-%m %H:%M")
    elif date_axis == "y":
        fig.update_yaxes(tickformat=DATE_TICKS, hoverformat="%d-%m %H:%M")
    return fig
