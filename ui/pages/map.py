"""Kaart: destinations (size = cases; colour and symbol = how many are planned) and the planned routes."""

import plotly.graph_objects as go
import streamlit as st

from planner import palette
from planner.web import views
from ui.charts import localised
from ui.common import lang, need_view, tr

st.title(tr("page.map"))
view = need_view()
points = views.map_points(view.scenario, view.plan)
routes = views.map_routes(view.scenario, view.plan)
fig = go.Figure()
# All routes in one trace (None breaks the line between trips): one trace per trip made the L tier slow.
lats, lons, labels = [], [], []
for _, legs in routes.groupby("trip", sort=False):
    legs = legs.sort_values("order")
    text = legs["label"].iloc[0] + " · " + " → ".join(legs["airport"])
    lats += list(legs["lat"]) + [None]
    lons += list(legs["lon"]) + [None]
    labels += [text] * len(legs) + [None]
fig.add_trace(go.Scattergeo(lat=lats, lon=lons, mode="lines", line=dict(width=1.5, color=palette.MAP_ROUTE),
                            opacity=0.8, hoverinfo="text", text=labels, name=tr("map.routes")))
dest = points[points["kind"] == "destination"]
state = ["all" if planned == cases else "some" if planned else "none"
         for planned, cases in zip(dest["planned"], dest["cases"], strict=True)]
for key, (colour, symbol) in palette.MAP_STATES.items():  # one trace per state: a legend entry each
    part = dest[[s == key for s in state]]
    if part.empty:
        continue
    fig.add_trace(go.Scattergeo(lat=part["lat"], lon=part["lon"], mode="markers+text", text=part["airport"],
                                textposition="top center", name=tr(f"map.{key}"),
                                marker=dict(size=8 + 4 * part["cases"], color=colour, symbol=symbol, opacity=1,
                                            line=dict(width=1, color="white")),
                                hovertext=part["name"] + " (" + part["country"] + "): " + part["planned"].astype(str)
                                + " / " + part["cases"].astype(str), hoverinfo="text"))
home = points[points["kind"] == "home"]
fig.add_trace(go.Scattergeo(lat=home["lat"], lon=home["lon"], mode="markers",
                            marker=dict(size=12, symbol=palette.MAP_HOME[1], color=palette.MAP_HOME[0]),
                            name=view.scenario.home_country, hovertext=home["name"], hoverinfo="text"))
fig.update_geos(projection_type="natural earth", resolution=110, showcountries=True, countrycolor=palette.MAP_BORDERS,
                showland=True, landcolor=palette.MAP_LAND, fitbounds="locations")
fig.update_layout(height=560, margin=dict(l=0, r=0, t=0, b=0),
                  legend=dict(orientation="h", itemsizing="constant", title_text=tr("map.destinations") + ":"))
# Country outlines come from ui/static (served at /app/static/), not from a CDN.
st.plotly_chart(localised(palette.readable(fig), lang()), key="map", config={"topojsonURL": "/app/static/"})
st.caption(tr("map.caption"))
