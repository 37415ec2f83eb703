"""What the timeline and counts figures share: the lane limit (per news burst), the layout
(ticks on top, legend below, cut lane labels, breaks) and fast trace building."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.viz import axis as A
from extract.viz import frames as F
from extract.viz.fontwidth import label_margin_px
from extract.viz.text import esc

MAX_LANES = 40
LABEL_CHARS = 18  # lane labels are cut to this (the full name is in the hover): the plot keeps the width


TOP_LABELS_PX = 32
"""Top margin once the title is lifted: the date labels, level (Plotly's automatic margin gave 31 px in the
served app). Set, not left to Plotly, so a draw is laid out once; upright labels on a narrow screen
still get their room from the automatic margin, in a second layout."""

LAST_LABEL_PX = 24
"""Right margin: most of half a date label ("Nov 17, 2024", ~70 px), so the label of a narrow last burst at the
right edge is drawn (Plotly hides a tick label that runs past the figure)."""

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
    Xi) is not crowded out by a large old one; then the busiest of the rest, those with events in
    the news first. Each burst's lanes are drawn together, the bursts in date order and busiest first
    within one (a lane in several bursts goes with the one where it has most marks): the lanes step
    down from the oldest news at the top left to the latest at the bottom right, and who → whom links
    stay inside their story's block. Ordered by busyness alone, a 1997 lane sat between two 2005
    ones and the reader's eye jumped from story to story down the lanes.
    """
    busiest = F.lane_order(rows)
    top = [p for p in pinned if p in set(busiest)]
    if len(busiest) <= max_lanes:
        return rows, top + [v for v in busiest if v not in set(top)], title
    keep = list(top)
    in_news = np.zeros(len(rows), dtype=bool)
    per_burst: list[pd.Series] = []  # marks per lane in each news burst
    if published is not None:
        starts = rows[S.START]
        for lo, hi in A.news_bursts(starts, published):
            inside = ((starts >= lo) & (starts <= hi)).to_numpy()
            in_news |= inside
            keep += [v for v in F.lane_order(rows[inside]) if v not in set(keep)][:PER_BURST]
            per_burst.append(rows.loc[inside, F.LANE].astype(str).value_counts())
    keep = keep[:max_lanes]
    rank = {v: k for k, v in enumerate(busiest)}
    # each lane's block: the burst where it has most marks (the earliest of equals)
    home = {v: int(np.argmax([c.get(v, 0) for c in per_burst])) if per_burst else 0 for v in keep}
    leading = sorted(keep, key=lambda v: (home[v], rank[v]))
    # the rest busiest first, lanes with marks in the news before the others: a lane whose events all
    # lie off the axis (Bill Clinton's "one year ago" in a 1997 report) would be drawn as an empty row
    for v in F.lane_order(rows[in_news]) + busiest:
        if len(keep) < max_lanes and v not in set(keep):
            keep.append(v)
    chosen = set(keep)
    order = [
        *top,
        *(v for v in leading if v not in set(top)),
        *(v for v in busiest if v in chosen and v not in set(leading)),
    ]
    how = "the busiest of each news burst" if published is not None else "the busiest"
    title = f"{title} — {len(order)} of {len(busiest)} lanes: {how}".strip(" —")
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
    legend_px = _legend_px(fig)
    labels = [esc(v, LABEL_CHARS) for v in order[::-1]]
    fig.layout = go.Layout(  # built (and validated) on its own: the figure may skip validation
        title={"text": title, "font": {"size": 14}},
        height=24 * len(order) + 120 + legend_px,
        hovermode="closest",
        clickmode="event+select",
        # below the plot in rows: the plot keeps the width, also on a 400 px screen. Anchored to the
        # figure's foot (container), so Plotly reserves its height under the lanes at every width; placed
        # under the plot area (paper y < 0) it kept the position of the hidden tab's first draw and sat
        # 37 px over the last lane at 1400 px, with a 66 px empty band under it
        legend={
            "title": {"text": color_label},
            "groupclick": "toggleitem",
            "orientation": "h",
            "yref": "container",
            "yanchor": "bottom",
            "y": 0,
            "x": 0,
            "font": {"size": 11},
        },
        # the lane labels' room set from their width (extract/viz/fontwidth.py): with it left to the
        # automatic margin, Plotly laid every draw out twice (measure the labels, then draw again)
        margin={"l": label_margin_px(labels), "r": LAST_LABEL_PX, "t": 70, "b": 8},
        xaxis=A.xaxis_layout(view),
        # busiest lane on top: categories are drawn bottom-up, so reverse the order
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": [esc(v) for v in order[::-1]],
            "tickmode": "array",
            "tickvals": [esc(v) for v in order[::-1]],
            "ticktext": labels,
            "range": [-0.5, len(order) - 0.5],
            "title": None,
            "fixedrange": True,
            "automargin": True,
        },
        shapes=A.break_shapes(view),
    )
    return fig


LEGEND_PER_ROW = 3
"""Legend entries counted to a row when the figure's height is set (a narrow screen fits fewer rows:
there the lanes give up some height to the legend, which never covers them)."""


def _legend_px(fig: go.Figure) -> int:
    """The height the figure gets for its legend (besides the lanes), set rather than left to Plotly:
    a chart drawn in a hidden tab (the Timeline behind the Story tab) measures its legend as empty.
    Where the legend needs more (a narrow screen), Plotly takes it from the lanes' height."""
    entries = sum(1 for t in fig.data if t.showlegend is not False and t.name)
    rows = -(-entries // LEGEND_PER_ROW) + 1  # and the group titles
    return 30 + 22 * rows


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


def _lane_labels(lanes: pd.Series) -> np.ndarray:
    """Lane values as y categories: escaped, since Plotly renders axis labels as HTML; each distinct
    lane is escaped once (a few dozen lanes, thousands of rows)."""
    codes, values = pd.factorize(lanes.astype(str))
    labels = np.array([esc(v) for v in values], dtype=object)
    return labels[codes] if len(labels) else np.array([], dtype=object)


def _segments(
    x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """x, y of line segments (x0, y0)→(x1, y1) separated by gaps (None), one per row.

    Times go in as microseconds: numpy turns ``datetime64[ns]`` into plain integers in an object
    array, which Plotly would read as milliseconds (links drawn thousands of years away)."""
    x0, x1 = _as_objects(x0), _as_objects(x1)
    n = len(x0)
    xs = np.empty(3 * n, dtype=object)
    ys = np.empty(3 * n, dtype=object)
    xs[0::3], xs[1::3], xs[2::3] = x0, x1, None
    ys[0::3], ys[1::3], ys[2::3] = y0, y1, None
    return xs, ys


def _as_objects(values: np.ndarray) -> np.ndarray:
    """Times as ``datetime`` objects (microseconds), other values as they are."""
    arr = np.asarray(values)
    return arr.astype("datetime64[us]").astype(object) if arr.dtype.kind == "M" else arr


def lift_title(fig: go.Figure) -> str:
    """The figure's title, taken off it: the dashboard prints it as a caption above the chart, where
    it wraps on a phone, instead of a Plotly title that runs off a 400 px plot under the modebar.
    The top margin then only holds the date labels (``TOP_LABELS_PX``; the x axis keeps automatic
    margins for upright labels)."""
    text = str(fig.layout.title.text or "")
    fig.update_layout(title=None, margin={"t": TOP_LABELS_PX})
    return text
