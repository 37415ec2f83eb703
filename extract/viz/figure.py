"""Lane rows → Plotly timeline figures: every event drawn, or counts per lane per period.

Instants are filled markers, intervals are bars from start to end with a marker at their middle,
vague intervals are dotted bars with open markers (so nobody reads them as exact), and events
dated only by their publication date are open diamonds. Colours are fixed per country and per
event type (:mod:`extract.viz.colours`), the axis opens where the news is
(:mod:`extract.viz.axis`), same-day marks are spread and source → target linked
(:mod:`extract.viz.marks`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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
from extract.viz.colours import colour_of
from extract.viz.names import colour_label
from extract.viz.text import esc, hover_texts

AGGREGATE_ABOVE = 5000  # lane rows in view above which points are counted per period instead
MAX_LANES = 40

SYMBOLS = {F.INSTANT: "circle", F.INTERVAL: "square", F.VAGUE: "circle-open", F.PUBLICATION: "diamond-open"}
# Plotly's numeric symbol codes: numeric arrays skip per-point string validation
SYMBOL_CODES = {"circle": 0, "square": 1, "circle-open": 100, "diamond-open": 102}
STYLE_NAMES = {
    F.INSTANT: "● exact day",
    F.INTERVAL: "■ period (bar from first to last day)",
    F.VAGUE: "○ vague period (dotted bar: only roughly then)",
    F.PUBLICATION: "◇ no time stated: the article's date",
}
_OPACITY = {F.INSTANT: 0.95, F.INTERVAL: 0.95, F.VAGUE: 0.8, F.PUBLICATION: 0.9}
_LINE_WIDTH = {F.INSTANT: 0.5, F.INTERVAL: 0.5, F.VAGUE: 2.5, F.PUBLICATION: 2.0}
LINK_COLOUR = "#555555"
BADGE_FROM = 3  # a lane-day with this many marks shows their count
LABEL_CHARS = 18  # lane labels are cut to this (the full name is in the hover): the plot keeps the width


def palette(values: pd.Series, weights: pd.Series | None = None, kind: str = "country") -> dict[str, str]:
    """Colour value → its fixed colour (:func:`extract.viz.colours.colour_of`), for the values present."""
    present = (
        values.astype(str).unique()
        if weights is None
        else weights.groupby(values.astype(str), observed=True).sum().loc[lambda c: c > 0].index
    )
    return {str(v): colour_of(str(v), kind) for v in present}


PER_BURST = 6  # lanes each news burst keeps among the drawn ones


def _limit_lanes(
    rows: pd.DataFrame,
    max_lanes: int,
    title: str,
    pinned: Sequence[str] = (),
    published: pd.Series | None = None,
) -> tuple[pd.DataFrame, list[str], str]:
    """The rows of at most ``max_lanes`` lanes, their order, and the title saying so if any were cut.

    Chosen lanes (``pinned``) come first; then the ``PER_BURST`` busiest lanes of each news burst
    (:func:`extract.viz.axis.news_bursts`), so a small recent story (the seed article's Yoon and
    Xi) is not crowded out by a large old one; then the busiest of the rest. Drawn busiest first.
    """
    busiest = F.lane_order(rows)
    top = [p for p in pinned if p in set(busiest)]
    if len(busiest) <= max_lanes:
        return rows, top + [v for v in busiest if v not in set(top)], title
    keep = list(top)
    if published is not None:
        starts = rows[S.START]
        for lo, hi in A.news_bursts(starts, published):
            inside = rows[((starts >= lo) & (starts <= hi)).to_numpy()]
            keep += [v for v in F.lane_order(inside) if v not in set(keep)][:PER_BURST]
    keep = keep[:max_lanes]
    keep += [v for v in busiest if v not in set(keep)][: max_lanes - len(keep)]
    chosen = set(keep)
    order = top + [v for v in busiest if v in chosen and v not in set(top)]
    how = "the busiest of each burst of news and overall" if published is not None else "the busiest"
    title = f"{title} — {len(order)} of {len(busiest)} lanes, {how}".strip(" —")
    return rows[rows[F.LANE].astype(str).isin(chosen)], order, title


def _layout(
    fig: go.Figure,
    order: list[str],
    lane_label: str,
    color_label: str,
    title: str,
    view: A.AxisView | None = None,
) -> go.Figure:
    view = view or A.AxisView()
    fig.layout = go.Layout(  # built (and validated) on its own: the figure may skip validation
        title={"text": title, "font": {"size": 14}},
        height=max(360, 24 * len(order) + 190),
        hovermode="closest",
        clickmode="event+select",
        # below the plot in rows: the plot keeps the width, also on a 400 px screen
        legend={
            "title": {"text": color_label},
            "groupclick": "toggleitem",
            "orientation": "h",
            "yanchor": "top",
            "y": -0.12,
            "x": 0,
            "font": {"size": 11},
        },
        margin={"l": 8, "r": 8, "t": 70, "b": 8},
        xaxis=A.xaxis_layout(view),
        # busiest lane on top: categories are drawn bottom-up, so reverse the order
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [esc(v) for v in order[::-1]],
            "tickmode": "array",
            "tickvals": [esc(v) for v in order[::-1]],
            "ticktext": [esc(v, LABEL_CHARS) for v in order[::-1]],
            "range": [-0.5, len(order) - 0.5],
            "title": None,
            "fixedrange": True,
            "automargin": True,
        },
        shapes=A.break_shapes(view),
    )
    return fig


def _scatter(**props: Any) -> go.Scatter:
    """A Scatter trace built without Plotly's per-point validation (0.4 s for 3,000 symbols).

    The values are ours (numeric symbol codes, floats, escaped strings), so checking each point is
    wasted; ``_validate`` is Plotly's own switch, and if a Plotly version refuses it the trace is
    simply built with validation.
    """
    try:
        return go.Scatter(**props, _validate=False)
    except (TypeError, ValueError):
        return go.Scatter(**props)


def _figure(traces: list[go.Scatter]) -> go.Figure:
    """A figure of already-built traces, without validating them a second time."""
    try:
        fig = go.Figure(data=traces, _validate=False)
    except (TypeError, ValueError):
        return go.Figure(data=traces)
    return fig


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
                name="▸ who → whom (source to target)",
                legendgroup="styles",
                line={"color": LINK_COLOUR, "width": 1},
                marker={"symbol": "triangle-right", "size": 8},
                hoverinfo="skip",
            )
        )


def _lane_labels(lanes: pd.Series) -> np.ndarray:
    """Lane values as y categories: escaped, since Plotly renders axis labels as HTML."""
    return np.array([esc(v) for v in lanes.astype(str)], dtype=object)


def _segments(
    x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """x, y of line segments (x0, y0)→(x1, y1) separated by gaps (None), one per row."""
    n = len(x0)
    xs = np.empty(3 * n, dtype=object)
    ys = np.empty(3 * n, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = x0, x1, None
    ys[0::3], ys[1::3], ys[2::3] = y0, y1, None
    return xs, ys


def _link_trace(rows: pd.DataFrame, x: pd.Series, lane_of: Mapping[str, str]) -> go.Scatter | None:
    pairs = M.link_pairs(rows, x, dict(lane_of))
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
) -> go.Figure:
    """Every lane row drawn (see module doc); ``customdata`` of each point is its event id.

    One marker trace per colour (symbols and opacity per point) plus one line trace per colour
    for interval bars and one for vague ones: few traces keep Plotly fast. ``lane_of`` maps an
    actor to its lane value, to link sources to targets; ``published`` (article dates) and
    From/To choose the visible range (:func:`extract.viz.axis.axis_view`).
    """
    rows, order, title = _limit_lanes(rows, max_lanes, title, pinned, published)
    rows = rows.reset_index(drop=True)
    hover = np.array(hover_texts(rows, F.LANE), dtype=object)
    style = rows[F.STYLE].astype(str).to_numpy()
    barred = np.isin(style, [F.INTERVAL, F.VAGUE])
    middle = rows[S.START].where(~barred, rows[S.START] + (rows[F.ROW_END] - rows[S.START]) / 2)
    x, size, rank = M.spread_within_day(middle, rows[F.LANE])
    badge = np.where((size >= BADGE_FROM) & (rank == size - 1), [f"{n}" for n in size], "")
    view = A.axis_view(x, published, date_from, date_to)
    traces: list[go.Scatter] = []
    link = _link_trace(rows, x, lane_of) if lane_of is not None else None
    colour_values = rows[F.COLOR].astype(str)
    groups = colour_values.groupby(colour_values, sort=False).indices
    for value in F.lane_order(rows, F.COLOR):
        idx = groups[value]
        colour = colour_of(value, colour_kind)
        name = esc(colour_label(value, colour_kind), 40)
        sub = rows.iloc[idx]
        for bar in (F.INTERVAL, F.VAGUE):
            bars = sub[style[idx] == bar]
            if len(bars):
                lanes = _lane_labels(bars[F.LANE])
                xs, ys = _segments(bars[S.START].to_numpy(), lanes, bars[F.ROW_END].to_numpy(), lanes)
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
        st = pd.Series(style[idx])
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
                x=x.iloc[idx].to_numpy(),
                y=_lane_labels(sub[F.LANE]),
                mode="markers+text",
                name=name,
                legendgroup=value,
                showlegend=False,
                customdata=sub[S.EVENT_ID].astype(str).to_numpy(),
                hovertext=hover[idx],
                hovertemplate="%{hovertext}<extra></extra>",
                text=badge[idx],
                textposition="top right",
                textfont={"size": 10, "color": "#333333"},
                marker={
                    "symbol": st.map(lambda s: SYMBOL_CODES[SYMBOLS[s]]).to_numpy(dtype=np.int64),
                    "color": colour,
                    "size": 11,
                    "opacity": st.map(_OPACITY).to_numpy(dtype=float),
                    "line": {"width": st.map(_LINE_WIDTH).to_numpy(dtype=float), "color": colour},
                },
            )
        )
    if link is not None:
        traces.append(link)
    fig = _figure(traces)
    _key_traces(fig, set(style), link is not None)
    return _layout(fig, order, lane_label, color_label, title, view)


def choose_freq(rows: pd.DataFrame) -> str:
    """A period length giving at most ~150 periods over the rows' time span."""
    if len(rows) == 0:
        return "D"
    return freq_for_span(rows[S.START].min(), rows[S.START].max())


def freq_for_span(first: pd.Timestamp | None, last: pd.Timestamp | None) -> str:
    """D, W, M, Q or Y: the shortest period giving at most ~150 periods from ``first`` to ``last``."""
    if first is None or last is None or pd.isna(first) or pd.isna(last):
        return "D"
    days = (last - first) / pd.Timedelta(days=1)
    for freq, span in (("D", 150), ("W", 1050), ("M", 4500), ("Q", 13500)):
        if days <= span:
            return freq
    return "Y"


def period_start(start: pd.Series, freq: str) -> np.ndarray:
    """The start of the day, ISO week (Monday), month, quarter or year of each time (numpy, fast)."""
    days = start.to_numpy().astype("datetime64[D]")
    if freq == "D":
        out = days
    elif freq == "W":
        out = days - ((days.astype(np.int64) + 3) % 7).astype("timedelta64[D]")  # 1970-01-01 was a Thursday
    elif freq in ("M", "Q"):
        months = days.astype("datetime64[M]")
        if freq == "Q":
            months = months - (months.astype(np.int64) % 3).astype("timedelta64[M]")
        out = months.astype("datetime64[D]")
    elif freq == "Y":
        out = days.astype("datetime64[Y]").astype("datetime64[D]")
    else:
        raise ValueError(f"unknown period {freq!r}: expected D, W, M, Q or Y")
    return out.astype("datetime64[s]")


def aggregate_rows(rows: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Counts per (lane, period start, colour); ``freq`` is D, W, M, Q or Y.

    A lane has one colour (see ``frames.lane_rows``), so counting per lane and period suffices.
    """
    lanes = pd.Categorical(rows[F.LANE])
    frame = pd.DataFrame({"code": lanes.codes, S.PERIOD: period_start(rows[S.START], freq)})
    counts = frame.groupby(["code", S.PERIOD], sort=False).size().rename(S.COUNT).reset_index()
    names = np.asarray(lanes.categories.astype(str), dtype=object)
    first = np.unique(lanes.codes, return_index=True)[1]
    colour_of = {
        names[c]: str(v) for c, v in zip(lanes.codes[first], np.asarray(rows[F.COLOR])[first], strict=True)
    }
    lane_values = names[counts["code"].to_numpy()]
    return pd.DataFrame(
        {
            F.LANE: lane_values,
            S.PERIOD: counts[S.PERIOD].to_numpy().astype("datetime64[s]"),
            F.COLOR: [colour_of[v] for v in lane_values],
            S.COUNT: counts[S.COUNT].to_numpy(),
        }
    )


def aggregate_figure(
    rows: pd.DataFrame,
    *,
    lane_label: str = "actor",
    color_label: str = "country",
    max_lanes: int = MAX_LANES,
    title: str = "",
    colour_kind: str = "country",
    pinned: Sequence[str] = (),
    **_: Any,
) -> go.Figure:
    """Too many events to draw: one marker per lane per period, its area proportional to the count."""
    freq = choose_freq(rows)
    return counts_figure(
        aggregate_rows(rows, freq),
        freq,
        lane_label=lane_label,
        color_label=color_label,
        max_lanes=max_lanes,
        title=title,
        colour_kind=colour_kind,
        pinned=pinned,
    )


def counts_figure(
    counts: pd.DataFrame,
    freq: str,
    *,
    lane_label: str = "actor",
    color_label: str = "country",
    max_lanes: int = MAX_LANES,
    title: str = "",
    colour_kind: str = "country",
    pinned: Sequence[str] = (),
    **_: Any,
) -> go.Figure:
    """Counts per lane per period (columns LANE, PERIOD, COLOR, COUNT) drawn as sized markers.

    The aggregated figure of in-memory rows and of a corpus store (``Store.aggregate``) alike.
    """
    busiest = F.busiest_first(counts.groupby(S.LANE, observed=True)[S.COUNT].sum())
    order = [p for p in pinned if p in set(busiest)] + [v for v in busiest if v not in set(pinned)]
    if len(order) > max_lanes:
        title = f"{title} — the {max_lanes} busiest of {len(order)} lanes".strip(" —")
        order = order[:max_lanes]
        counts = counts[counts[S.LANE].astype(str).isin(order)]
    biggest = max(int(counts[S.COUNT].max()) if len(counts) else 1, 1)
    period_name = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}[freq]
    days = pd.Series(counts[S.PERIOD]).dt.strftime("%Y-%m-%d")
    counts = counts.assign(legend=counts[S.COLOR].astype(str).to_numpy(), day=days.to_numpy())
    traces: list[go.Scatter] = []
    for name, group in counts.groupby("legend", sort=False):
        name = str(name)
        text = [
            f"{esc(lane)} · {period_name} of {d}: <b>{n}</b> events"
            for lane, d, n in zip(group[S.LANE], group["day"], group[S.COUNT], strict=True)
        ]
        traces.append(
            _scatter(
                x=group[S.PERIOD].to_numpy(),
                y=_lane_labels(group[S.LANE]),
                mode="markers",
                name=esc(colour_label(name, colour_kind), 40),
                text=text,
                hovertemplate="%{text}<extra></extra>",
                legendgroup=name,
                marker={
                    "color": colour_of(name, colour_kind),
                    "sizemode": "area",
                    "sizemin": 3,
                    "size": group[S.COUNT].to_numpy(),
                    "sizeref": 2.0 * biggest / 30**2,
                    "opacity": 0.7,
                },
            )
        )
    fig = _figure(traces)
    title = f"{title} — {int(counts[S.COUNT].sum()):,} events, counted per {period_name}".strip(" —")
    return _layout(fig, order, lane_label, color_label, title)


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
    **kwargs: Any,
) -> tuple[go.Figure, int]:
    """The timeline of already-filtered ``events`` and its number of lane rows.

    Counts first on light rows (ids and times only) and builds full rows with hover text only
    when they will all be drawn, so 100k events never pay for 100k hover labels. ``published``
    (the articles' dates) lets the axis open where the news is.
    """
    light = F.lane_rows(events, lane, filters, countries_of, detail=False)
    if len(light) > AGGREGATE_ABOVE:
        options = view_kwargs(lane, filters, countries_of)
        return aggregate_figure(light, **{**options, **kwargs}), len(light)
    rows = F.lane_rows(events, lane, filters, countries_of)
    actors = rows[F.LANE].astype(str).unique().tolist() if lane == "actor" else ()
    options = view_kwargs(lane, filters, countries_of, actors)
    return timeline_figure(rows, published=published, **{**options, **kwargs}), len(light)
