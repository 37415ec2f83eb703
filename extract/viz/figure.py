"""Lane rows → Plotly timeline figures: every event drawn, or counts per lane per period.

Instants are filled markers, intervals are bars from start to end with a marker at their middle,
vague intervals are dotted bars with open markers (so nobody reads them as exact), and events
dated only by their publication date are open diamonds. Colours are fixed per country and per
event type (:mod:`extract.viz.colours`), the axis opens where the news is
(:mod:`extract.viz.axis`), same-day marks are spread and source → target linked
(:mod:`extract.viz.marks`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.filters import Filters
from extract.viz import axis as A
from extract.viz import frames as F
from extract.viz import marks as M
from extract.viz.colours import colours_for
from extract.viz.counts import (
    aggregate_figure,
    aggregate_rows,
    choose_freq,
    count_lanes,
    counts_figure,
    freq_for_span,
    period_start,
)
from extract.viz.names import colour_label
from extract.viz.plotbase import (
    LABEL_CHARS,
    MAX_LANES,
    PER_BURST,
    _figure,
    _lane_labels,
    _layout,
    _limit_lanes,
    _scatter,
    _segments,
)
from extract.viz.text import esc, hover_texts

__all__ = [
    "AGGREGATE_ABOVE",
    "LABEL_CHARS",
    "MAX_LANES",
    "PER_BURST",
    "aggregate_figure",
    "aggregate_rows",
    "build_figure",
    "choose_freq",
    "counts_figure",
    "freq_for_span",
    "palette",
    "period_start",
    "timeline_figure",
    "view_figure",
    "view_kwargs",
]

AGGREGATE_ABOVE = 5000  # lane rows in view above which points are counted per period instead

SYMBOLS = {F.INSTANT: "circle", F.INTERVAL: "square", F.VAGUE: "circle-open", F.PUBLICATION: "diamond-open"}
# Plotly's numeric symbol codes: numeric arrays skip per-point string validation
SYMBOL_CODES = {"circle": 0, "square": 1, "circle-open": 100, "diamond-open": 102}
# the legend draws each style's marker beside its name: a glyph in the name drew it twice ("● ● exact day")
STYLE_NAMES = {
    F.INSTANT: "exact day",
    F.INTERVAL: "period (bar from first to last day)",
    F.VAGUE: "vague period (dotted bar: only roughly then)",
    F.PUBLICATION: "no time stated: the article's date",
}
_OPACITY = {F.INSTANT: 0.95, F.INTERVAL: 0.95, F.VAGUE: 0.8, F.PUBLICATION: 0.9}
_LINE_WIDTH = {F.INSTANT: 0.5, F.INTERVAL: 0.5, F.VAGUE: 2.5, F.PUBLICATION: 2.0}
LINK_COLOUR = "#555555"
BADGE_FROM = 5  # a lane-day with this many marks shows their count (fewer read as marks; see the hover)


def palette(values: pd.Series, weights: pd.Series | None = None, kind: str = "country") -> dict[str, str]:
    """Colour value → its colour (:func:`extract.viz.colours.colours_for`), for the values present."""
    present = (
        values.astype(str).unique()
        if weights is None
        else weights.groupby(values.astype(str), observed=True).sum().loc[lambda c: c > 0].index
    )
    return colours_for((str(v) for v in present), kind)


def _key_traces(fig: go.Figure, styles: set[str], linked: bool) -> None:
    """Legend entries explaining the marker styles and the links (no data, grey)."""
    for style in F.STYLES:
        if style in styles:
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    name=STYLE_NAMES[style],
                    legendgroup="styles",
                    legendgrouptitle={"text": "time"},
                    marker={"symbol": SYMBOLS[style], "color": "#555555", "size": 10},
                    opacity=_OPACITY[style],
                    hoverinfo="skip",
                )
            )
    if linked:
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                name="who → whom (nearby lanes)",
                legendgroup="styles",
                line={"color": LINK_COLOUR, "width": 1},
                marker={"symbol": "triangle-right", "size": 8},
                hoverinfo="skip",
            )
        )


def _link_trace(
    rows: pd.DataFrame, x: pd.Series, lane_of: Mapping[str, str], order: list[str], pinned: Sequence[str]
) -> go.Scatter | None:
    pairs = M.near_links(M.link_pairs(rows, x, dict(lane_of)), order, list(pinned))
    if len(pairs) == 0:
        return None
    xs, ys = _segments(
        pairs["x0"].to_numpy(),
        _lane_labels(pairs["lane0"]),
        pairs["x1"].to_numpy(),
        _lane_labels(pairs["lane1"]),
    )
    sizes = np.tile(np.array([0.0, 9.0, 0.0]), len(pairs))
    return _scatter(
        x=xs,
        y=ys,
        mode="lines+markers",
        showlegend=False,
        hoverinfo="skip",
        legendgroup="styles",
        line={"color": LINK_COLOUR, "width": 1},
        opacity=0.55,
        marker={"symbol": "arrow", "angleref": "previous", "size": sizes, "color": LINK_COLOUR},
    )


def timeline_figure(
    rows: pd.DataFrame,
    *,
    lane_label: str = "actor",
    color_label: str = "country",
    max_lanes: int = MAX_LANES,
    title: str = "",
    pinned: Sequence[str] = (),
    colour_kind: str = "country",
    lane_of: Mapping[str, str] | None = None,
    published: pd.Series | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    titles: Mapping[str, str] | None = None,
) -> go.Figure:
    """Every lane row drawn (see module doc); ``customdata`` of each point is its event id.

    One marker trace per colour (symbols and opacity per point) plus one line trace per colour
    for interval bars and one for vague ones: few traces keep Plotly fast. ``lane_of`` maps an
    actor to its lane value, to link sources to targets; ``published`` (article dates) and
    From/To choose the visible range (:func:`extract.viz.axis.axis_view`).
    """
    rows, order, title = _limit_lanes(rows, max_lanes, title, pinned, published)
    rows = rows.reset_index(drop=True)
    hover = np.array(hover_texts(rows, titles), dtype=object)
    style = rows[F.STYLE].astype(str).to_numpy()
    barred = np.isin(style, [F.INTERVAL, F.VAGUE])
    middle = M.mark_times(rows[S.START], rows[F.ROW_END], barred, date_from, date_to)
    x, size, rank = M.spread_within_day(middle, rows[F.LANE])
    badge = np.where((size >= BADGE_FROM) & (rank == size - 1), [f"{n}" for n in size], "")
    hover = np.array(
        [
            h if n < 2 else f"{h}<br><i>{k + 1} of {n} in this lane that day</i>"
            for h, n, k in zip(hover, size, rank, strict=True)
        ],
        dtype=object,
    )
    view = A.axis_view(x, published, date_from, date_to)
    at_top = (rows[F.LANE].astype(str) == order[0]).to_numpy() if order else np.zeros(len(rows), dtype=bool)
    badge_at = M.badge_positions(x, at_top, view.start, view.end, view.breaks)
    traces: list[go.Scatter] = []
    link = _link_trace(rows, x, lane_of, order, pinned) if lane_of is not None else None
    # numpy columns once, indexed per colour: slicing the whole frame per trace cost more than drawing
    lanes_y = _lane_labels(rows[F.LANE])
    ids = rows[S.EVENT_ID].astype(str).to_numpy()
    starts, ends, xs_all = rows[S.START].to_numpy(), rows[F.ROW_END].to_numpy(), x.to_numpy()
    symbols = np.array([SYMBOL_CODES[SYMBOLS[v]] for v in style], dtype=np.int64)
    opacity = np.array([_OPACITY[v] for v in style], dtype=float)
    widths = np.array([_LINE_WIDTH[v] for v in style], dtype=float)
    colour_values = rows[F.COLOR].astype(str)
    groups = colour_values.groupby(colour_values, sort=False).indices
    drawn = F.lane_order(rows, F.COLOR)
    colours = colours_for(drawn, colour_kind)  # distinct for the values drawn together
    for value in drawn:
        idx = groups[value]
        colour = colours[value]
        name = esc(colour_label(value, colour_kind), 40)
        for bar in (F.INTERVAL, F.VAGUE):
            these = idx[style[idx] == bar]
            if len(these):
                lanes = lanes_y[these]
                xs, ys = _segments(starts[these], lanes, ends[these], lanes)
                traces.append(
                    _scatter(
                        x=xs,
                        y=ys,
                        mode="lines",
                        legendgroup=value,
                        showlegend=False,
                        hoverinfo="skip",
                        line={
                            "color": colour,
                            "width": 8 if bar == F.INTERVAL else 5,
                            "dash": "solid" if bar == F.INTERVAL else "dot",
                        },
                        opacity=0.55 if bar == F.INTERVAL else 0.6,
                    )
                )
        traces.append(
            go.Scatter(  # the legend entry: a plain dot in the colour, whatever the symbols
                x=[None],
                y=[None],
                mode="markers",
                name=name,
                legendgroup=value,
                hoverinfo="skip",
                marker={"symbol": "circle", "color": colour, "size": 10},
            )
        )
        traces.append(
            _scatter(
                x=xs_all[idx],
                y=lanes_y[idx],
                mode="markers+text",
                name=name,
                legendgroup=value,
                showlegend=False,
                customdata=ids[idx],
                hovertext=hover[idx],
                hovertemplate="%{hovertext}<extra></extra>",
                text=badge[idx],
                textposition=badge_at[idx],
                textfont={"size": 10, "color": "#333333"},
                marker={
                    "symbol": symbols[idx],
                    "color": colour,
                    "size": 11,
                    "opacity": opacity[idx],
                    "line": {"width": widths[idx], "color": colour},
                },
            )
        )
    if link is not None:
        traces.append(link)
    fig = _figure(traces)
    _key_traces(fig, set(style), link is not None)
    return _layout(fig, order, lane_label, color_label, title, view)


def build_figure(rows: pd.DataFrame, **kwargs: Any) -> go.Figure:
    """The timeline for ``rows``: every point up to ``AGGREGATE_ABOVE`` rows, counts above."""
    if len(rows) > AGGREGATE_ABOVE:
        return aggregate_figure(rows, **kwargs)
    return timeline_figure(rows, **kwargs)


def view_kwargs(
    lane: str, filters: Filters | None, countries_of: Mapping[str, str] | None, actors: Sequence[str] = ()
) -> dict[str, Any]:
    """Figure options that follow from the lane and filters: chosen lanes pinned on top, the
    colour kind, the actor → lane map for source → target links, From/To."""
    f = filters or Filters()
    countries_of = countries_of or {}
    pinned = (
        list(f.actors) if lane == "actor" else list(f.countries) if lane == "country" else list(f.event_types)
    )
    lane_of: dict[str, str] | None = None
    if lane == "actor":
        lane_of = {a: a for a in actors}
    elif lane == "country":
        lane_of = dict(countries_of)
    return {
        "pinned": pinned,
        "colour_kind": "type" if lane == "type" else "country",
        "lane_of": lane_of,
        "date_from": f.date_from,
        "date_to": f.date_to,
    }


def view_figure(
    events: pd.DataFrame,
    lane: str,
    filters: Filters | None = None,
    countries_of: dict[str, str] | None = None,
    published: pd.Series | None = None,
    places: Collection[str] = (),
    titles: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> tuple[go.Figure, int]:
    """The timeline of already-filtered ``events`` and its number of lane rows.

    Counts the lane rows first (list lengths only); above ``AGGREGATE_ABOVE`` it counts per lane
    and period in numpy (:func:`extract.viz.counts.count_lanes`) and builds full rows with hover
    text only when they will all be drawn, so 100k events never pay for 100k rows or labels. ``published``
    (the articles' dates) lets the axis open where the news is; ``places`` (:func:`extract.viz.frames.places`)
    are actor lanes only as :func:`extract.viz.frames.lane_values` says; ``titles`` name the
    articles in the hovers (:func:`extract.viz.text.hover_texts`).
    """
    placed = events[S.START].notna().to_numpy()
    pairs = F.lane_values(events, lane, places, filters.actors if filters else ())
    n_rows = int(placed[pairs[0]].sum())
    if n_rows > AGGREGATE_ABOVE:
        counts, freq = count_lanes(events, lane, countries_of, pairs=pairs)
        options = view_kwargs(lane, filters, countries_of)
        return counts_figure(counts, freq, **{**options, **kwargs}), n_rows
    rows = F.lane_rows(events, lane, filters, countries_of, places=places)
    actors = rows[F.LANE].astype(str).unique().tolist() if lane == "actor" else ()
    options = view_kwargs(lane, filters, countries_of, actors)
    return timeline_figure(rows, published=published, titles=titles, **{**options, **kwargs}), n_rows
