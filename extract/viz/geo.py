"""The map: countries involved in the events in view, drawn offline.

Plotly's own world outlines are fetched from a CDN whenever a trace has a ``locationmode``
(every choropleth, even one given GeoJSON), so a dashboard with no network showed an empty
frame. Here the outlines come from the ``countryinfo`` package (MIT, Natural Earth shapes keyed
by ISO 3166-1 alpha-3, installed with this package) and are drawn as filled ``scattergeo``
polygons from longitude/latitude, with the base map off: Plotly then loads nothing
(``tests/test_browser_dashboard.py`` checks it with the network off). A bubble at each
country's centre carries the hover text and the click (``customdata`` = ISO3). Places without an outline there (Hong Kong, Singapore) get a square
in their shade at their centre, under the bubble.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.viz.names import country_label
from extract.viz.text import esc

GEO_PACKAGE = "countryinfo"
ROUND = 2  # decimals kept in coordinates: ~1 km, a third of the bytes


def _rounded(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), ROUND)
    return [_rounded(c) for c in coords]


@lru_cache(maxsize=1)
def world() -> dict[str, tuple[list[list[tuple[float, float]]], tuple[float, float]]]:
    """ISO3 → (outer rings as (lon, lat) lists, (lat, lon) of the centre), from ``countryinfo``."""
    out: dict[str, tuple[list[list[tuple[float, float]]], tuple[float, float]]] = {}
    for item in sorted(resources.files(GEO_PACKAGE).joinpath("data").iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        record = json.loads(item.read_text(encoding="utf-8"))
        centre = record.get("latlng") or [0, 0]
        for feature in (record.get("geoJSON") or {}).get("features", []):
            code, geometry = str(feature.get("id") or ""), feature.get("geometry") or {}
            if len(code) != 3 or code in out or not geometry:
                continue
            polygons = (
                [geometry["coordinates"]]
                if geometry.get("type") == "Polygon"
                else geometry.get("coordinates", [])
            )
            rings = [
                [(round(float(x), ROUND), round(float(y), ROUND)) for x, y, *_ in poly[0]]
                for poly in polygons
                if poly
            ]
            lat, lon = (float(centre[0]), float(centre[1])) if len(centre) == 2 else (0.0, 0.0)
            out[code] = (rings, (lat, lon))
    return out


@lru_cache(maxsize=1)
def centres() -> dict[str, tuple[float, float]]:
    """ISO3 → (lat, lon) of every country and territory ``countryinfo`` knows, with or without an
    outline (Hong Kong, Singapore, Macau … have a centre but no polygon)."""
    out = {code: centre for code, (_, centre) in world().items()}
    for item in sorted(resources.files(GEO_PACKAGE).joinpath("data").iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        record = json.loads(item.read_text(encoding="utf-8"))
        code = str((record.get("ISO") or {}).get("alpha3") or "")
        centre = record.get("latlng") or []
        if len(code) == 3 and code not in out and len(centre) == 2:
            out[code] = (float(centre[0]), float(centre[1]))
    return out


def _rings(codes: list[str]) -> tuple[list[float | None], list[float | None]]:
    lons: list[float | None] = []
    lats: list[float | None] = []
    shapes = world()
    for code in codes:
        for ring in shapes[code][0]:
            lons += [x for x, _ in ring] + [None]
            lats += [y for _, y in ring] + [None]
    return lons, lats


def country_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events per ISO3 country of their actors: columns country, count (busiest first)."""
    codes = [c for xs in events[S.COUNTRIES] for c in set(xs)] if len(events) else []
    counts = pd.Series(codes, dtype="string").value_counts()
    return pd.DataFrame({S.COUNTRY: counts.index.astype(str), S.COUNT: counts.to_numpy(dtype="int64")})


SHADES = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C")  # few events → many


def map_figure(events: pd.DataFrame, height: int = 460) -> go.Figure:
    """Countries of the events in view shaded by their number of events, a bubble each to hover
    and click; ``customdata`` of the bubbles is the ISO3 code."""
    counts = country_counts(events)
    shapes, where = world(), centres()
    drawn = counts[counts[S.COUNTRY].isin(where)].reset_index(drop=True)
    traces: list[Any] = []
    lons, lats = _rings(sorted(set(shapes) - set(drawn[S.COUNTRY])))
    traces.append(
        go.Scattergeo(
            lon=lons,
            lat=lats,
            mode="lines",
            fill="toself",
            fillcolor="#EEEEEE",
            line={"color": "#BBBBBB", "width": 0.4},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    if len(drawn):
        top = max(int(drawn[S.COUNT].max()), 1)
        shade = np.minimum(
            (np.log1p(drawn[S.COUNT].to_numpy()) / np.log1p(top) * len(SHADES)).astype(int), len(SHADES) - 1
        )
        outlined = drawn[S.COUNTRY].isin(shapes).to_numpy()
        small = drawn[~outlined]
        if len(small):  # too small for an outline here: a square in its shade marks the territory
            at = [where[c] for c in small[S.COUNTRY]]
            traces.append(
                go.Scattergeo(
                    lat=[c[0] for c in at],
                    lon=[c[1] for c in at],
                    mode="markers",
                    showlegend=False,
                    hoverinfo="skip",
                    marker={
                        "symbol": "square",
                        "size": 9,
                        "color": [SHADES[k] for k in shade[~outlined]],
                        "line": {"color": "#555555", "width": 1},
                    },
                )
            )
        for k, colour in enumerate(SHADES):
            codes = drawn[S.COUNTRY][(shade == k) & outlined].tolist()
            if codes:
                lons, lats = _rings(codes)
                traces.append(
                    go.Scattergeo(
                        lon=lons,
                        lat=lats,
                        mode="lines",
                        fill="toself",
                        fillcolor=colour,
                        line={"color": "#555555", "width": 0.5},
                        hoverinfo="skip",
                        showlegend=False,
                    )
                )
        at = [where[c] for c in drawn[S.COUNTRY]]
        labels = [
            f"<b>{esc(country_label(c))}</b><br>{n} events in view"
            for c, n in zip(drawn[S.COUNTRY], drawn[S.COUNT], strict=True)
        ]
        traces.append(
            go.Scattergeo(
                lat=[c[0] for c in at],
                lon=[c[1] for c in at],
                mode="markers",
                showlegend=False,
                customdata=drawn[S.COUNTRY].tolist(),
                text=labels,
                hovertemplate="%{text}<extra></extra>",
                marker={
                    "size": (6 + 18 * np.sqrt(drawn[S.COUNT] / top)).round(1).tolist(),
                    "color": "#D55E00",
                    "opacity": 0.75,
                    "line": {"color": "#FFFFFF", "width": 1},
                },
            )
        )
    fig = go.Figure(traces)
    fig.update_geos(visible=False, projection_type="natural earth", showframe=False, lataxis_range=[-58, 84])
    unplaced = len(counts) - len(drawn)
    title = f"{len(drawn)} countries in {len(events):,} events (darker and bigger: more events)"
    if unplaced:
        title += f" · not on the map: {', '.join(counts[S.COUNTRY][~counts[S.COUNTRY].isin(where)].head(5))}"
    if len(drawn) and not drawn[S.COUNTRY].isin(shapes).all():
        title += " · ■ a place too small for an outline"
    fig.update_layout(
        height=height,
        margin={"l": 0, "r": 0, "t": 40, "b": 0},
        title={"text": esc(title), "font": {"size": 14}},
        clickmode="event+select",
    )
    return fig
