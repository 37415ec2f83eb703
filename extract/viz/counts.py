"""Too many events to draw one by one: counts per lane per period, drawn as sized markers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.viz import frames as F
from extract.viz.colours import colour_of
from extract.viz.names import colour_label
from extract.viz.plotbase import MAX_LANES, _figure, _lane_labels, _layout, _scatter
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
