"""The overview strip under the timeline: every dated event of the view counted per period over
its whole span (old dates recalled in an article included), with the stretches the timeline shows
shaded. Plotly's own range slider cannot draw an axis with breaks, so this is a figure of its own;
a click on a bar gives the From/To days of that period."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract.viz.axis import AxisView
from extract.viz.counts import freq_for_span, index_start, period_index

HEIGHT = 120
BAR, BAR_SHOWN, SHOWN = "#b8c0c8", "#1f77b4", "rgba(31, 119, 180, 0.18)"
PERIOD_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
_HOVER_FORMAT = {"D": "%b %-d, %Y", "W": "week of %b %-d, %Y", "M": "%b %Y", "Q": "%b %Y", "Y": "%Y"}
_TICK_FORMAT = {"D": "%b %-d", "W": "%b %-d", "M": "%b %Y", "Q": "%b %Y", "Y": "%Y"}
MAX_TICKS = 8


def shown_windows(view: AxisView) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The stretches of time the timeline shows: its range without the breaks cut out of it."""
    if view.start is None or view.end is None:
        return []
    windows, at = [], view.start
    for lo, hi in sorted(view.breaks):
        if lo > at:
            windows.append((at, min(lo, view.end)))
        at = max(at, hi)
    if at < view.end:
        windows.append((at, view.end))
    return windows


def _period_axis(lo: int, hi: int, freq: str) -> dict[str, Any]:
    """Range and ticks in whole periods (one more on each side of a short span): never the hours
    Plotly would choose for a strip of one or two days."""
    if hi - lo < MAX_TICKS:
        lo, hi = lo - 1, hi + 1
    periods = np.arange(lo, hi + 2)
    starts = index_start(periods, freq)
    step = max(1, -(-(len(periods) - 1) // MAX_TICKS))
    ticks = starts[:-1][periods[:-1] % step == 0]  # aligned: 1950, 1960 … rather than 1949, 1959 …
    return {
        "range": [pd.Timestamp(starts[0]), pd.Timestamp(starts[-1])],
        "tickmode": "array",
        "tickvals": [pd.Timestamp(t) for t in ticks],
        "ticktext": [pd.Timestamp(t).strftime(_TICK_FORMAT[freq]) for t in ticks],
    }


def _overlaps(lo: np.datetime64, hi: np.datetime64, windows: list[tuple[pd.Timestamp, pd.Timestamp]]) -> bool:
    """Whether the period [lo, hi) meets one of the shown stretches (all: when none is set)."""
    if not windows:
        return True
    a, b = pd.Timestamp(lo), pd.Timestamp(hi)
    return any(a < w_hi and w_lo < b for w_lo, w_hi in windows)


def overview_figure(starts: pd.Series, view: AxisView) -> go.Figure:
    """Bars of events per period over the whole span of ``starts`` (the events' start times),
    the timeline's visible stretches shaded and the bars inside them coloured (grey: off the
    axis); each bar carries its period's first and last day."""
    times = pd.to_datetime(starts).dropna().to_numpy().astype("datetime64[s]")
    windows = shown_windows(view)
    fig = go.Figure()
    if len(times):
        freq = freq_for_span(pd.Timestamp(times.min()), pd.Timestamp(times.max()))
        index, counts = np.unique(period_index(times, freq), return_counts=True)
        first = index_start(index, freq)
        after = index_start(index + 1, freq)  # the first day of the next period
        last = (after.astype("datetime64[D]") - 1).astype(str)
        fmt = _HOVER_FORMAT[freq]
        names = [pd.Timestamp(t).strftime(fmt) for t in first]
        fig.add_trace(
            go.Bar(
                x=pd.to_datetime(first) + (pd.to_datetime(after) - pd.to_datetime(first)) / 2,
                y=counts,
                width=(after - first).astype("timedelta64[ms]").astype(np.int64) * 0.9,
                marker={
                    "color": [
                        BAR_SHOWN if _overlaps(a, b, windows) else BAR
                        for a, b in zip(first, after, strict=True)
                    ]
                },
                customdata=np.column_stack([first.astype("datetime64[D]").astype(str), last]),
                hovertext=[
                    f"{n}: {c:,} event{'s' if c != 1 else ''}" for n, c in zip(names, counts, strict=True)
                ],
                hovertemplate="%{hovertext}<br>click: show this " + PERIOD_WORDS[freq] + "<extra></extra>",
                name="events",
            )
        )
        fig.update_xaxes(**_period_axis(int(index.min()), int(index.max()), freq))
    # shapes written as they are: add_vrect validates each through Plotly's subplot machinery (~25 ms each, cold)
    shaded = [
        {"type": "rect", "xref": "x", "yref": "paper", "x0": lo, "x1": hi, "y0": 0, "y1": 1}
        | {"fillcolor": SHOWN, "line": {"width": 0}, "layer": "below"}
        for lo, hi in windows
    ]
    fig.update_layout(
        shapes=shaded,
        height=HEIGHT,
        margin={"l": 8, "r": 8, "t": 4, "b": 24},
        showlegend=False,
        bargap=0,
        plot_bgcolor="white",
        xaxis={"type": "date", "showgrid": False, "fixedrange": True},
        yaxis={"visible": False, "fixedrange": True},
        dragmode=False,
    )
    return fig


def clicked_period(points: Sequence[Mapping[str, Any]]) -> tuple[date, date] | None:
    """The first and last day (inclusive, as From/To take them) of the bar clicked, if any."""
    for point in points:
        data = point.get("customdata")
        if isinstance(data, Sequence) and not isinstance(data, str) and len(data) == 2:
            try:
                first, last = date.fromisoformat(str(data[0])), date.fromisoformat(str(data[1]))
            except ValueError:
                continue
            return first, max(first, last)
    return None


def describe_overview(starts: pd.Series) -> str:
    """One line under the strip: what it counts and by which period."""
    times = pd.to_datetime(starts).dropna()
    if not len(times):
        return "No dated events."
    freq = freq_for_span(times.min(), times.max())
    span = (
        f"{times.min():%Y} – {times.max():%Y}"
        if times.min().year != times.max().year
        else f"{times.min():%Y}"
    )
    return (
        f"Overview: every dated event per {PERIOD_WORDS[freq]}, {span}; blue bars are on the timeline "
        "above, grey ones off its axis. Click a bar to show that period."
    )


__all__ = ["clicked_period", "describe_overview", "overview_figure", "shown_windows"]
