"""One colour palette for every chart (web planner and capacity reports): colour-blind safe and WCAG AA.

Okabe–Ito hues (distinguishable with protanopia, deuteranopia and tritanopia), darkened where the
original is too light, so every mark keeps a contrast of at least 3:1 (WCAG 1.4.11) against white,
Streamlit's light grey and plotly's default plot background (#e5ecf6). Meaning never rests on colour
alone: planned and unplanned also differ by pattern, map markers by symbol, and every chart has a legend.
"""

from __future__ import annotations

from typing import Any

TEXT = "#31333F"
"""Chart text (ticks, axis titles, legend, map labels): 12.6:1 on white. Streamlit's chart theme
draws it in #808495, 3.7:1, below the 4.5:1 WCAG AA asks for text."""

BLUE = "#0072B2"        # Okabe–Ito blue
VERMILLION = "#D55E00"  # Okabe–Ito vermillion
GREEN = "#007A5E"       # Okabe–Ito bluish green, darkened (#009E73 is 2.9:1 on #e5ecf6)
PURPLE = "#B4487F"      # Okabe–Ito reddish purple, darkened (#CC79A7 is 2.6:1 on #e5ecf6)
OCHRE = "#8C6500"       # Okabe–Ito orange/yellow, darkened (#E69F00 is 2.0:1 on white)
GREY = "#6E6E6E"
BLACK = "#000000"

SEQUENCE = [BLUE, VERMILLION, GREEN, PURPLE, OCHRE, BLACK, GREY]
"""Plotly colorway for charts with categories of no fixed meaning."""

PLANNED = BLUE
UNPLANNED = VERMILLION
UNPLANNED_PATTERN = "/"
"""Hatching of unplanned bars, so the pair never rests on colour alone."""

SEGMENTS = {"transport": GREY, "flight": BLUE, "handover": VERMILLION, "wait": OCHRE, "return": GREEN,
            "rest": PURPLE, "busy": BLACK}
"""Timeline segment kind -> colour."""

MAP_STATES = {"all": (BLUE, "circle"), "some": (OCHRE, "diamond"), "none": (VERMILLION, "x")}
"""Destination state (all, some or none of its cases planned) -> marker colour and symbol."""
MAP_HOME = (BLACK, "star")
MAP_ROUTE = BLUE
MAP_LAND = "#f3f3f3"
MAP_BORDERS = "#8a8a8a"


def readable(fig: Any) -> Any:
    """Dark chart text, set on the figure so it outranks Streamlit's chart theme; returns the figure."""
    fig.update_layout(font_color=TEXT, legend_font_color=TEXT, legend_title_font_color=TEXT)
    fig.update_xaxes(tickfont_color=TEXT, title_font_color=TEXT)
    fig.update_yaxes(tickfont_color=TEXT, title_font_color=TEXT)
    fig.update_traces(textfont_color=TEXT, selector={"type": "scattergeo"})
    return fig
