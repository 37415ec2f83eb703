"""Too many events to draw one by one: counts per lane per period, drawn as sized markers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.viz import frames as F
from extract.viz.colours import colours_for
from extract.viz.names import colour_label
from extract.viz.plotbase import MAX_LANES, _figure, _layout, _scatter
from extract.viz.text import esc


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


def period_start(start: pd.Series | np.ndarray, freq: str) -> np.ndarray:
    """The start of the day, ISO week (Monday), month, quarter or year of each time (numpy, fast)."""
    return index_start(period_index(np.asarray(start), freq), freq)


def period_index(times: np.ndarray, freq: str) -> np.ndarray:
    """Each time's period as an integer (days, Monday weeks, months, quarters or years since 1970)."""
    days = np.asarray(times).astype("datetime64[D]")
    if freq == "D":
        return days.astype(np.int64)
    if freq == "W":
        return (days.astype(np.int64) + 3) // 7  # 1970-01-01 was a Thursday: weeks start on Monday
    if freq in ("M", "Q"):
        months = days.astype("datetime64[M]").astype(np.int64)
        return months // 3 if freq == "Q" else months
    if freq == "Y":
        return days.astype("datetime64[Y]").astype(np.int64)
    raise ValueError(f"unknown period {freq!r}: expected D, W, M, Q or Y")


def index_start(index: np.ndarray, freq: str) -> np.ndarray:
    """The first day (datetime64[s]) of integer periods from :func:`period_index`."""
    if freq == "D":
        out = index.astype("datetime64[D]")
    elif freq == "W":
        out = (index * 7 - 3).astype("datetime64[D]")
    elif freq in ("M", "Q"):
        out = (index * 3 if freq == "Q" else index).astype("datetime64[M]").astype("datetime64[D]")
    else:
        out = index.astype("datetime64[Y]").astype("datetime64[D]")
    return out.astype("datetime64[s]")


DENSE_CELLS = 4_000_000  # lanes × periods up to which pairs are counted with one bincount


def _counts(
    codes: np.ndarray, names: np.ndarray, colours: np.ndarray, times: np.ndarray, freq: str
) -> pd.DataFrame:
    """Counts per (lane code, period) in numpy: one integer key per pair, counted by a bincount
    (``np.unique`` when lanes × periods is too large for a dense table)."""
    if len(codes) == 0:
        index, periods = np.array([], dtype=np.int64), 1
        keys, n = index, index
    else:
        index = period_index(times, freq)
        low = int(index.min())
        periods = int(index.max()) - low + 1
        pair = codes.astype(np.int64) * periods + (index - low)
        if len(names) * periods <= DENSE_CELLS:
            table = np.bincount(pair, minlength=len(names) * periods)
            keys = np.flatnonzero(table)
            n = table[keys]
        else:
            keys, n = np.unique(pair, return_counts=True)
        index = keys % periods + low
    lane_code = keys // periods
    return pd.DataFrame(
        {
            F.LANE: names[lane_code] if len(keys) else np.array([], dtype=object),
            S.PERIOD: index_start(index, freq),
            F.COLOR: colours[lane_code] if len(keys) else np.array([], dtype=object),
            S.COUNT: n.astype(np.int64),
        }
    )


def aggregate_rows(rows: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Counts per (lane, period start, colour) of lane rows; ``freq`` is D, W, M, Q or Y.

    A lane has one colour (see ``frames.lane_rows``), so counting per lane and period suffices.
    """
    lanes = pd.Categorical(rows[F.LANE])
    names = np.asarray(lanes.categories.astype(str), dtype=object)
    colours = np.full(len(names), F.NO_VALUE, dtype=object)
    first = np.unique(lanes.codes, return_index=True)[1]
    colours[lanes.codes[first]] = np.asarray(rows[F.COLOR].astype(str))[first]
    return _counts(np.asarray(lanes.codes), names, colours, rows[S.START].to_numpy(), freq)


def count_lanes(
    events: pd.DataFrame,
    lane: str,
    countries_of: Mapping[str, str] | None = None,
    freq: str | None = None,
    pairs: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[pd.DataFrame, str]:
    """Counts per lane per period straight from ``events`` (as :func:`aggregate_rows` of their lane
    rows, without building them) and the period used: what 100k events cost to draw is this.
    ``pairs`` is :func:`extract.viz.frames.lane_values` of ``events`` when already at hand."""
    start = events[S.START].to_numpy()
    placed = ~np.isnat(start)
    pos, values = pairs if pairs is not None else F.lane_values(events, lane)
    keep = placed[pos]
    pos, values = pos[keep], values[keep]
    codes, uniques = pd.factorize(values)
    names = np.asarray(uniques, dtype=object)
    countries_of = countries_of or {}
    colours = (
        np.array([countries_of.get(v, F.NO_VALUE) for v in names], dtype=object) if lane == "actor" else names
    )
    times = start[pos]
    if freq is None:
        freq = freq_for_span(pd.Timestamp(times.min()), pd.Timestamp(times.max())) if len(times) else "D"
    return _counts(codes, names, colours, times, freq), freq


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
    # per distinct lane and colour, not per point: the hover reads the lane (y), period (x) and count
    lanes, lane_idx = np.unique(counts[S.LANE].astype(str).to_numpy(), return_inverse=True)
    y = np.array([esc(v) for v in lanes], dtype=object)[lane_idx.reshape(-1)]
    x = counts[S.PERIOD].to_numpy()
    n = counts[S.COUNT].to_numpy()
    legend = counts[S.COLOR].astype(str).to_numpy()
    day = "%Y" if freq == "Y" else "%Y-%m" if freq in ("M", "Q") else "%Y-%m-%d"
    hover = f"%{{y}} · {period_name} of %{{x|{day}}}: <b>%{{customdata}}</b> events<extra></extra>"
    first_lane = dict(zip(counts[S.LANE].astype(str), legend, strict=True))
    traces: list[go.Scatter] = []
    drawn = list(dict.fromkeys(first_lane[v] for v in order if v in first_lane))  # legend: busiest first
    colours = colours_for(drawn, colour_kind)
    for name in drawn:
        idx = np.flatnonzero(legend == name)
        traces.append(
            _scatter(
                x=x[idx],
                y=y[idx],
                mode="markers",
                name=esc(colour_label(name, colour_kind), 40),
                customdata=n[idx],
                hovertemplate=hover,
                legendgroup=name,
                marker={
                    "color": colours[name],
                    "sizemode": "area",
                    "sizemin": 3,
                    "size": n[idx],
                    "sizeref": 2.0 * biggest / 30**2,
                    "opacity": 0.7,
                },
            )
        )
    fig = _figure(traces)
    title = f"{title} — {int(counts[S.COUNT].sum()):,} events, counted per {period_name}".strip(" —")
    return _layout(fig, order, lane_label, color_label, title)
