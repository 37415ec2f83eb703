"""Lane rows → Plotly timeline figures: every event drawn, or counts per lane per period.

Instants are filled markers, intervals are bars from start to end with a marker at their middle,
vague intervals are faded dotted bars with open markers (so nobody reads them as exact), and
events dated only by their publication date are open diamonds. Colours are Okabe-Ito
(colour-blind safe); values past the seventh share grey.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.filters import Filters
from extract.viz import frames as F
from extract.viz.text import esc, hover_texts

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442")
OTHER_COLOR = "#999999"
OTHER = "other"
AGGREGATE_ABOVE = 5000  # lane rows in view above which points are counted per period instead
MAX_LANES = 40

SYMBOLS = {F.INSTANT: "circle", F.INTERVAL: "square", F.VAGUE: "circle-open", F.PUBLICATION: "diamond-open"}
# Plotly's numeric symbol codes: numeric arrays skip per-point string validation
SYMBOL_CODES = {"circle": 0, "square": 1, "circle-open": 100, "diamond-open": 102}
STYLE_NAMES = {
    F.INSTANT: "● exact date",
    F.INTERVAL: "■ interval (bar)",
    F.VAGUE: "○ vague interval (dotted, faded)",
    F.PUBLICATION: "◇ publication date only",
}
_OPACITY = {F.INSTANT: 0.95, F.INTERVAL: 0.95, F.VAGUE: 0.45, F.PUBLICATION: 0.8}
_LINE_WIDTH = {F.INSTANT: 0.5, F.INTERVAL: 0.5, F.VAGUE: 2.0, F.PUBLICATION: 2.0}


def palette(values: pd.Series, weights: pd.Series | None = None) -> dict[str, str]:
    """Colour value → hex: the most frequent values get Okabe-Ito colours, the rest grey.

    ``weights`` (e.g. counts of aggregated rows) count each value that many times.
    """
    counts = values.value_counts() if weights is None else weights.groupby(values, observed=True).sum()
    counts = counts[counts > 0]
    ranked = sorted((str(v) for v in counts.index), key=lambda v: (-int(counts[v]), v))
    colors = {v: OKABE_ITO[i] for i, v in enumerate([v for v in ranked if v != F.NO_VALUE][: len(OKABE_ITO)])}
    return {v: colors.get(v, OTHER_COLOR) for v in ranked}


def _limit_lanes(rows: pd.DataFrame, max_lanes: int, title: str) -> tuple[pd.DataFrame, list[str], str]:
    """The rows of the busiest ``max_lanes`` lanes, their order, and the title saying so if any were cut."""
    order = F.lane_order(rows)
    if len(order) > max_lanes:
        title = f"{title} — the {max_lanes} busiest of {len(order)} lanes".strip(" —")
        order = order[:max_lanes]
        rows = rows[rows[F.LANE].isin(order)]
    return rows, order, title


def _layout(fig: go.Figure, order: list[str], lane_label: str, color_label: str, title: str) -> go.Figure:
    fig.layout = go.Layout(  # built (and validated) on its own: the figure may skip validation
        title=title,
        height=max(320, 26 * len(order) + 200),
        hovermode="closest",
        clickmode="event+select",
        legend={"title": {"text": color_label}, "groupclick": "toggleitem"},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"type": "date", "title": "time", "rangeslider": {"visible": True}},
        # busiest lane on top: categories are drawn bottom-up, so reverse the order
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": [esc(v) for v in order[::-1]],
               "title": lane_label, "fixedrange": True},
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


def _key_traces(fig: go.Figure, styles: set[str]) -> None:
    """Legend entries explaining the marker styles (no data, grey)."""
    for style in F.STYLES:
        if style in styles:
            fig.add_trace(go.Scatter(
                x=[None], y=[None], mode="markers", name=STYLE_NAMES[style], legendgroup="styles",
                legendgrouptitle={"text": "time"}, marker={"symbol": SYMBOLS[style], "color": "#555555", "size": 10},
                opacity=_OPACITY[style], hoverinfo="skip",
            ))


def _lane_labels(lanes: pd.Series) -> np.ndarray:
    """Lane values as y categories: escaped, since Plotly renders axis labels as HTML."""
    return np.array([esc(v) for v in lanes.astype(str)], dtype=object)


def _segments(sub: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """x, y of line segments start→end separated by gaps (None), one per row."""
    n = len(sub)
    xs = np.empty(3 * n, dtype=object)
    ys = np.empty(3 * n, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = sub[S.START].to_numpy(), sub[F.ROW_END].to_numpy(), None
    lanes = _lane_labels(sub[F.LANE])
    ys[0::3], ys[1::3], ys[2::3] = lanes, lanes, None
    return xs, ys


def timeline_figure(
    rows: pd.DataFrame, *, lane_label: str = "actor", color_label: str = "country",
    max_lanes: int = MAX_LANES, title: str = "",
) -> go.Figure:
    """Every lane row drawn (see module doc); ``customdata`` of each point is its event id.

    One marker trace per colour (symbols and opacity per point) plus one line trace per colour
    for interval bars and one for vague ones: few traces keep Plotly fast.
    """
    rows, order, title = _limit_lanes(rows, max_lanes, title)
    rows = rows.reset_index(drop=True)
    colors = palette(rows[F.COLOR])
    hover = np.array(hover_texts(rows, F.LANE), dtype=object)
    style = rows[F.STYLE].astype(str).to_numpy()
    barred = np.isin(style, [F.INTERVAL, F.VAGUE])
    x = rows[S.START].where(~barred, rows[S.START] + (rows[F.ROW_END] - rows[S.START]) / 2)
    rows = rows[[S.EVENT_ID, S.START, F.ROW_END, F.LANE, F.COLOR]]  # all the traces need
    # values past the palette share one grey "other" trace and legend entry
    rows = rows.assign(legend=[v if colors[v] != OTHER_COLOR else OTHER for v in rows[F.COLOR].astype(str)])
    traces: list[go.Scatter] = []
    groups = rows.groupby("legend", sort=False).indices
    for legend in sorted(F.lane_order(rows, "legend"), key=lambda v: v == OTHER):  # "other" last
        idx = groups[legend]
        sub = rows.iloc[idx]
        color = colors.get(legend, OTHER_COLOR)
        for bar in (F.INTERVAL, F.VAGUE):
            bars = sub[style[idx] == bar]
            if len(bars):
                xs, ys = _segments(bars)
                traces.append(_scatter(
                    x=xs, y=ys, mode="lines", legendgroup=legend, showlegend=False, hoverinfo="skip",
                    line={"color": color, "width": 8 if bar == F.INTERVAL else 5,
                          "dash": "solid" if bar == F.INTERVAL else "dot"},
                    opacity=0.55 if bar == F.INTERVAL else 0.35,
                ))
        st = pd.Series(style[idx])
        traces.append(go.Scatter(  # the legend entry: a plain dot in the colour, whatever the symbols
            x=[None], y=[None], mode="markers", name=esc(legend, 40), legendgroup=legend, hoverinfo="skip",
            marker={"symbol": "circle", "color": color, "size": 10},
        ))
        traces.append(_scatter(
            x=x.iloc[idx].to_numpy(), y=_lane_labels(sub[F.LANE]), mode="markers", name=esc(legend, 40),
            legendgroup=legend, showlegend=False, customdata=sub[S.EVENT_ID].astype(str).to_numpy(),
            text=hover[idx], hovertemplate="%{text}<extra></extra>",
            marker={"symbol": st.map(lambda s: SYMBOL_CODES[SYMBOLS[s]]).to_numpy(dtype=np.int64),
                    "color": color, "size": 11, "opacity": st.map(_OPACITY).to_numpy(dtype=float),
                    "line": {"width": st.map(_LINE_WIDTH).to_numpy(dtype=float), "color": color}},
        ))
    fig = _figure(traces)
    _key_traces(fig, set(style))
    return _layout(fig, order, lane_label, color_label, title)


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
    colour_of = {names[c]: str(v) for c, v in zip(lanes.codes[first], np.asarray(rows[F.COLOR])[first], strict=True)}
    lane_values = names[counts["code"].to_numpy()]
    return pd.DataFrame({
        F.LANE: lane_values, S.PERIOD: counts[S.PERIOD].to_numpy().astype("datetime64[s]"),
        F.COLOR: [colour_of[v] for v in lane_values], S.COUNT: counts[S.COUNT].to_numpy(),
    })


def aggregate_figure(
    rows: pd.DataFrame, *, lane_label: str = "actor", color_label: str = "country",
    max_lanes: int = MAX_LANES, title: str = "",
) -> go.Figure:
    """Too many events to draw: one marker per lane per period, its area proportional to the count."""
    freq = choose_freq(rows)
    return counts_figure(aggregate_rows(rows, freq), freq, lane_label=lane_label, color_label=color_label,
                         max_lanes=max_lanes, title=title)


def counts_figure(
    counts: pd.DataFrame, freq: str, *, lane_label: str = "actor", color_label: str = "country",
    max_lanes: int = MAX_LANES, title: str = "",
) -> go.Figure:
    """Counts per lane per period (columns LANE, PERIOD, COLOR, COUNT) drawn as sized markers.

    The aggregated figure of in-memory rows and of a corpus store (``Store.aggregate``) alike.
    """
    order = F.busiest_first(counts.groupby(S.LANE, observed=True)[S.COUNT].sum())
    if len(order) > max_lanes:
        title = f"{title} — the {max_lanes} busiest of {len(order)} lanes".strip(" —")
        order = order[:max_lanes]
        counts = counts[counts[S.LANE].astype(str).isin(order)]
    colors = palette(counts[S.COLOR].astype(str), counts[S.COUNT])
    biggest = max(int(counts[S.COUNT].max()) if len(counts) else 1, 1)
    # values past the palette share one grey "other" trace: few traces keep Plotly fast
    legend = counts[S.COLOR].astype(str).map(lambda v: v if colors.get(v, OTHER_COLOR) != OTHER_COLOR else OTHER)
    days = pd.Series(counts[S.PERIOD]).dt.strftime("%Y-%m-%d")
    counts = counts.assign(legend=legend.to_numpy(), day=days.to_numpy())
    traces: list[go.Scatter] = []
    for name, group in counts.groupby("legend", sort=False):
        name = str(name)
        text = [f"{esc(lane)} · {d} ({freq}): <b>{n}</b> events"
                for lane, d, n in zip(group[S.LANE], group["day"], group[S.COUNT], strict=True)]
        traces.append(_scatter(
            x=group[S.PERIOD].to_numpy(), y=_lane_labels(group[S.LANE]), mode="markers", name=esc(name, 40),
            text=text, hovertemplate="%{text}<extra></extra>", legendgroup=name,
            marker={"color": colors.get(name, OTHER_COLOR), "sizemode": "area", "sizemin": 3,
                    "size": group[S.COUNT].to_numpy(), "sizeref": 2.0 * biggest / 30**2, "opacity": 0.7},
        ))
    fig = _figure(traces)
    period_name = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}[freq]
    title = f"{title} — {int(counts[S.COUNT].sum()):,} events, counted per {period_name}".strip(" —")
    return _layout(fig, order, lane_label, color_label, title)


def build_figure(rows: pd.DataFrame, **kwargs: Any) -> go.Figure:
    """The timeline for ``rows``: every point up to ``AGGREGATE_ABOVE`` rows, counts above."""
    if len(rows) > AGGREGATE_ABOVE:
        return aggregate_figure(rows, **kwargs)
    return timeline_figure(rows, **kwargs)


def view_figure(
    events: pd.DataFrame, lane: str, filters: Filters | None = None,
    countries_of: dict[str, str] | None = None, **kwargs: Any,
) -> tuple[go.Figure, int]:
    """The timeline of already-filtered ``events`` and its number of lane rows.

    Counts first on light rows (ids and times only) and builds full rows with hover text only
    when they will all be drawn, so 100k events never pay for 100k hover labels.
    """
    light = F.lane_rows(events, lane, filters, countries_of, detail=False)
    if len(light) > AGGREGATE_ABOVE:
        return aggregate_figure(light, **kwargs), len(light)
    return timeline_figure(F.lane_rows(events, lane, filters, countries_of), **kwargs), len(light)
