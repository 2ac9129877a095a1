"""Kaart: destinations (size = cases) and the routes of planned trips."""

import plotly.graph_objects as go
import streamlit as st

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
fig.add_trace(go.Scattergeo(lat=lats, lon=lons, mode="lines", line=dict(width=1, color="#1565c0"), opacity=0.5,
                            hoverinfo="text", text=labels, showlegend=False))
dest = points[points["kind"] == "destination"]
fig.add_trace(go.Scattergeo(lat=dest["lat"], lon=dest["lon"], mode="markers+text", text=dest["airport"],
                            textposition="top center", name=tr("map.destinations"),
                            marker=dict(size=8 + 4 * dest["cases"], color=dest["planned"] / dest["cases"],
                                        colorscale=[[0, "#c62828"], [1, "#2e7d32"]], cmin=0, cmax=1,
                                        line=dict(width=1, color="white")),
                            hovertext=dest["name"] + " (" + dest["country"] + "): " + dest["planned"].astype(str)
                            + " / " + dest["cases"].astype(str), hoverinfo="text"))
home = points[points["kind"] == "home"]
fig.add_trace(go.Scattergeo(lat=home["lat"], lon=home["lon"], mode="markers", marker=dict(size=10, symbol="star",
                            color="#ff8f00"), name=view.scenario.home_country, hovertext=home["name"],
                            hoverinfo="text"))
fig.update_geos(projection_type="natural earth", resolution=110, showcountries=True, countrycolor="#bbb",
                showland=True, landcolor="#f3f3f3", fitbounds="locations")
fig.update_layout(height=560, margin=dict(l=0, r=0, t=0, b=0), legend=dict(orientation="h"))
# Country outlines come from ui/static (served at /app/static/), not from a CDN.
st.plotly_chart(localised(fig, lang()), key="map", config={"topojsonURL": "/app/static/"})
st.caption(tr("map.caption"))
