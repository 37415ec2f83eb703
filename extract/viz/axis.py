"""The time axis: which range a view opens on, where it skips empty years, and how ticks read.

**Default range.** Points are split into *bursts* where no point falls for more than
``BURST_GAP``. A burst that holds an article's publication date is news; the others (a 1950
war recalled in a 1997 article) are historical mentions. The view opens on the span of the
news bursts, so a few old dates never stretch the axis; From/To (and the Events tab) reach every
point. Without publication dates every burst counts. No overview strip (range slider): Plotly draws
it without the breaks' layout (the demo's strip was a grey box with a sliver of window) and it
draws every trace a second time.

**Breaks.** Between consecutive news bursts (1997 → 2005 → 2006 → 2024 in the demo) the axis is
cut (Plotly ``rangebreaks``) and marked with a dashed line, so the bursts share the width
instead of being thin columns. Background mentions that fall between two bursts are inside a cut:
the news gets the width, not a sliver of axis per old date.

**From/To** set the visible range exactly (whole days, ``to`` inclusive) and no break is made.

**Ticks** never go below minutes: a one-day view reads ``06:00 Nov 15, 2024``, not milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

BURST_GAP = pd.Timedelta(days=60)
BREAK_GAP = pd.Timedelta(days=45)
MIN_SPAN = pd.Timedelta(days=1)
DAY = pd.Timedelta(days=1)

# Plotly d3 formats by tick spacing (ms); no format shows fractions of a second
DAY_MS = 86_400_000
DAY_TICKS_UP_TO = pd.Timedelta(days=14)
"""Views up to this long tick once a day (see :func:`xaxis_layout`)."""

TICK_FORMATS = (
    (None, 3_600_000, "%H:%M<br>%b %-d, %Y"),
    (3_600_000, 86_400_000, "%H:%M<br>%b %-d, %Y"),
    (86_400_000, 604_800_000, "%b %-d<br>%Y"),
    (604_800_000, "M1", "%b %-d<br>%Y"),
    ("M1", "M12", "%b<br>%Y"),
    ("M12", None, "%Y"),
)


@dataclass(frozen=True)
class AxisView:
    """The visible range (None: let Plotly fit the data) and the gaps cut out of the axis."""

    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    breaks: list[tuple[pd.Timestamp, pd.Timestamp]] = field(default_factory=list)


def bursts(times: np.ndarray, gap: pd.Timedelta = BURST_GAP) -> list[tuple[int, int]]:
    """Index ranges ``[i, j)`` of sorted ``times`` (datetime64) split where consecutive points are
    more than ``gap`` apart."""
    if len(times) == 0:
        return []
    cuts = np.flatnonzero(np.diff(times) > gap.to_timedelta64()) + 1
    edges = [0, *cuts.tolist(), len(times)]
    return [(edges[k], edges[k + 1]) for k in range(len(edges) - 1)]


def _sorted(values: pd.Series | np.ndarray) -> np.ndarray:
    arr = pd.to_datetime(pd.Series(values)).dropna().to_numpy().astype("datetime64[s]")
    return np.sort(arr)


def news_bursts(
    points: pd.Series | np.ndarray, published: pd.Series | np.ndarray | None = None
) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """(first, last) point of each burst holding a publication date (every burst if none does)."""
    times = _sorted(points)
    pubs = _sorted(published) if published is not None else np.array([], dtype="datetime64[s]")
    groups = bursts(times)
    kept = []
    for i, j in groups:
        lo, hi = times[i], times[j - 1] + DAY.to_timedelta64()
        if len(pubs) and np.any((pubs >= lo - DAY.to_timedelta64()) & (pubs <= hi)):
            kept.append((i, j))
    return [(pd.Timestamp(times[i]), pd.Timestamp(times[j - 1])) for i, j in (kept or groups)]


def news_span(
    points: pd.Series | np.ndarray, published: pd.Series | np.ndarray | None = None
) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last point of the bursts holding a publication date (all bursts if none does)."""
    found = news_bursts(points, published)
    return (found[0][0], found[-1][1]) if found else None


def gaps(
    points: pd.Series | np.ndarray, lo: pd.Timestamp, hi: pd.Timestamp, gap: pd.Timedelta = BREAK_GAP
) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Empty stretches longer than ``gap`` between points inside ``[lo, hi]``, with a margin
    of a tenth of the gap kept on each side so the points next to a break stay visible."""
    times = _sorted(points)
    times = times[(times >= lo.to_datetime64()) & (times <= hi.to_datetime64())]
    out = []
    for a, b in zip(times[:-1], times[1:], strict=True):
        if b - a > gap.to_timedelta64():
            margin = gap / 10
            out.append((pd.Timestamp(a) + margin, pd.Timestamp(b) - margin))
    return out


def between_bursts(
    news: list[tuple[pd.Timestamp, pd.Timestamp]], gap: pd.Timedelta = BREAK_GAP
) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """The stretches between consecutive news bursts, longer than ``gap``, cut out of the axis with
    a margin of a tenth of ``gap`` on each side. Only the news gets width: a mention of 2001 in a
    2005 report, alone between two bursts, falls inside a cut (it used to get its own sliver of
    axis between two more dashed lines), and From/To or the Events tab show it."""
    margin = gap / 10
    return [
        (a + margin, b - margin) for (_, a), (b, _) in zip(news[:-1], news[1:], strict=True) if b - a > gap
    ]


LONG_VIEW = pd.Timedelta(days=90)
INNER_GAP = pd.Timedelta(days=21)


def inside_bursts(
    points: pd.Series | np.ndarray,
    news: list[tuple[pd.Timestamp, pd.Timestamp]],
    long_view: pd.Timedelta = LONG_VIEW,
    gap: pd.Timedelta = INNER_GAP,
) -> list[tuple[pd.Timestamp, pd.Timestamp]]:
    """Empty stretches longer than ``gap`` inside the news bursts, cut too when the news spans
    more than ``long_view`` in all.

    A season of news (January to July 1997 in the demo) has its weeks of events and its empty
    weeks; drawn to scale, the busy weeks (April 1997: most of the demo's marks) got a tenth of
    the width. A short view is left whole: two reports three weeks apart are one story."""
    if sum((hi - lo for lo, hi in news), pd.Timedelta(0)) <= long_view:
        return []
    times = _sorted(points)
    return [cut for lo, hi in news for cut in gaps(times, lo, hi, gap)]


def axis_view(
    points: pd.Series | np.ndarray,
    published: pd.Series | np.ndarray | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> AxisView:
    """The range and breaks a view opens on (see the module docstring)."""
    if date_from is not None or date_to is not None:
        times = _sorted(points)
        lo = (
            pd.Timestamp(date_from)
            if date_from
            else (pd.Timestamp(times[0]).floor("D") if len(times) else None)
        )
        hi = (
            pd.Timestamp(date_to) + DAY
            if date_to
            else (pd.Timestamp(times[-1]).ceil("D") + DAY if len(times) else None)
        )
        if lo is None or hi is None:
            return AxisView(lo, hi)
        return AxisView(lo, max(hi, lo + MIN_SPAN))
    news = news_bursts(points, published)
    if not news:
        return AxisView()
    first, last = news[0][0], news[-1][1]
    breaks = sorted(between_bursts(news) + inside_bursts(points, news))
    visible = (last - first) - sum((b - a for a, b in breaks), pd.Timedelta(0))
    pad = max(visible * 0.03, pd.Timedelta(hours=6))
    lo, hi = (first - pad), (last + pad)
    if hi - lo < MIN_SPAN:  # a single day: show that whole day, never milliseconds
        lo, hi = first.floor("D"), first.floor("D") + DAY
    return AxisView(lo, hi, breaks)


def xaxis_layout(view: AxisView) -> dict[str, Any]:
    """Plotly ``xaxis`` settings: ticks on top (next to the lanes); labels turn upright rather than
    run into each other where bursts sit close on a narrow screen (their spacing depends on the
    width, which only the browser knows; Plotly tries level first, then 90°)."""
    axis: dict[str, Any] = {
        "type": "date",
        "side": "top",
        "title": None,
        "showgrid": True,
        "automargin": True,
        "autotickangles": [0, 90],
        "tickformatstops": [{"dtickrange": [lo, hi], "value": fmt} for lo, hi, fmt in TICK_FORMATS],
    }
    if view.start is not None and view.end is not None:
        axis["range"] = [view.start.isoformat(), view.end.isoformat()]
        axis["autorange"] = False
        if view.end - view.start <= DAY_TICKS_UP_TO:
            # a view of a few days ticks by day, each label centred on its day: marks spread inside a day
            # are not times of day, and hour ticks ("06:00") would say they were
            axis.update(
                dtick=DAY_MS,
                tick0=view.start.floor("D").isoformat(),
                ticklabelmode="period",
                tickformat="%b %-d, %Y",
            )
            del axis["tickformatstops"]
    if view.breaks:
        axis["rangebreaks"] = [{"bounds": [a.isoformat(), b.isoformat()]} for a, b in view.breaks]
        # Plotly spaces automatic ticks over the whole span (27 years) and then drops the hidden
        # ones: a burst of news got no label at all. Each burst gets its own (see burst_ticks).
        values, texts = burst_ticks(view)
        axis.update(tickmode="array", tickvals=values, ticktext=texts)
        axis.pop("tickformatstops", None)
    return axis


WIDE_SHARE = 0.25
"""A burst taking more than this share of the visible time is ticked by month; others once."""
MONTH_TICKS = 4
"""At most this many month ticks in one burst (every 2nd or 3rd month beyond): labels of a
400 px screen must not run into each other."""


LABEL_SPACING = 0.09
"""Segments whose middle is nearer than this share of the visible time to the last labelled one
go unlabelled: labels that would run into each other on a laptop screen turned every label upright."""


def burst_ticks(view: AxisView) -> tuple[list[str], list[str]]:
    """Tick positions and labels of an axis with breaks: every burst of news is named.

    A burst taking a good share of the width is ticked at month starts ("Feb 1997", "Apr", …, at
    most ``MONTH_TICKS``); a narrow one at most twice, at month starts well inside it ("Nov 2005"), or else once at
    its middle day ("Nov 6, 2006"), so labels never pile up where the axis is cut. A segment whose
    first label would sit within ``LABEL_SPACING`` of the visible time after the last one kept goes
    unlabelled (a sliver between two cuts; its dashed lines show it), except the last one: the
    latest news (the demo's 2024 seed story) is always named."""
    if view.start is None or view.end is None:
        return [], []
    edges = [view.start, *(t for a, b in view.breaks for t in (a, b)), view.end]
    segments = [(edges[k], edges[k + 1]) for k in range(0, len(edges) - 1, 2)]
    visible = sum((b - a for a, b in segments), pd.Timedelta(0))
    values: list[str] = []
    texts: list[str] = []
    last_at: pd.Timedelta | None = None  # visible time from the axis start to the last label kept
    before = pd.Timedelta(0)  # visible time before the segment
    for lo, hi in segments:
        ticks: list[tuple[pd.Timestamp, str]] = []
        months = pd.date_range(lo.ceil("D"), hi, freq="MS")
        if hi - lo > visible * WIDE_SHARE and len(months) > 1:
            step = -(-len(months) // MONTH_TICKS)  # every month, or every 2nd, 3rd … (phones too)
            for k, month in enumerate(months[::step]):
                ticks.append((month, month.strftime("%b %Y" if k == 0 or month.month <= step else "%b")))
        else:
            inner = [m for m in months if lo + (hi - lo) / 10 < m < hi - (hi - lo) / 10][:2]
            if inner:
                ticks += [(m, f"{m:%b %Y}") for m in inner]
            else:
                middle = (lo + (hi - lo) / 2).floor("D")
                ticks.append((middle, f"{middle:%b} {middle.day}, {middle:%Y}"))
        at = before + (ticks[0][0] - lo)
        before += hi - lo
        if last_at is not None and at - last_at < visible * LABEL_SPACING and hi != view.end:
            continue  # a sliver between two cuts next to a labelled one: the dashed lines show it
        last_at = before - (hi - ticks[-1][0])
        values += [t.isoformat() for t, _ in ticks]
        texts += [text for _, text in ticks]
    return values, texts


CUT_LINES = {
    "long": {"color": "#888888", "width": 1, "dash": "dash"},
    "short": {"color": "#C4C4C4", "width": 1, "dash": "dot"},
}
"""How a cut is drawn: ``long`` where it skips ``BURST_GAP`` or more (the silence that separates one
story's news from the next: 1997 → 2005), ``short`` (lighter, dotted) for the weeks skipped inside
a stretch of news. On the demo's first view 4 of the 7 cuts skip three to six weeks; drawn alike,
seven dashed lines across 40 lanes read as seven jumps of one weight, and the three that skip
months or years did not stand out."""
LONG_CUT = BURST_GAP


def break_shapes(view: AxisView) -> list[dict[str, Any]]:
    """A vertical line where the axis skips time, so nobody reads it as continuous: dashed where it
    skips months or years, a lighter dotted line where it skips weeks (``CUT_LINES``)."""
    return [
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": a.isoformat(),
            "x1": a.isoformat(),
            "y0": 0,
            "y1": 1,
            "line": dict(CUT_LINES["long" if b - a >= LONG_CUT else "short"]),
        }
        for a, b in view.breaks
    ]


def describe_breaks(view: AxisView) -> str:
    """'time skipped: 1997-05 → 2005-10, 2006-11 → 2024-08' for the caption ('' without breaks)."""
    if not view.breaks:
        return ""
    return "time skipped: " + ", ".join(f"{a:%Y-%m} → {b:%Y-%m}" for a, b in view.breaks)


def shown_on_axis(start: pd.Series, end: pd.Series, view: AxisView, overlap: bool = False) -> np.ndarray:
    """Which events (half-open ``[start, end)``; no end: an instant) the axis of ``view`` shows.

    An event counts where its mark is: its start, or the middle of its interval (a "last year"
    of a 1997 report sits in mid-1996, outside a view of 1997), inside the range and not in a
    cut; with ``overlap`` (From/To set: marks are moved into the range) any overlap counts."""
    first = pd.to_datetime(start)
    last = pd.to_datetime(end).fillna(first)
    last = last.where(last > first, first)
    if not overlap:
        first = last = first + (last - first) / 2
    shown = first.notna().to_numpy().copy()
    if view.start is not None:
        shown &= (last >= view.start).to_numpy()
    if view.end is not None:
        shown &= (first <= view.end).to_numpy()
    for a, b in view.breaks:
        shown &= ~((first >= a) & (last <= b)).to_numpy()
    return shown


def off_axis(start: pd.Series, end: pd.Series, view: AxisView, overlap: bool = False) -> int:
    """How many dated events the axis of ``view`` does not show (background mentions, outside
    the news bursts or in a cut): the Timeline says so, since nothing on the plot reaches them."""
    shown = shown_on_axis(start, end, view, overlap=overlap)
    return int((pd.to_datetime(start).notna().to_numpy() & ~shown).sum())


def axis_of(fig: Any) -> AxisView:
    """The range and cuts a built figure shows, read back from its x axis: the overview strip,
    the caption and the Events tab use the timeline's own axis instead of working it out again
    (from the events' starts, where the figure works from its marks: an interval's mark is at its
    middle, so the two could differ)."""
    xaxis = fig.layout.xaxis
    if xaxis.range is None:
        return AxisView()
    start, end = (pd.Timestamp(v) for v in xaxis.range)
    breaks = [(pd.Timestamp(b.bounds[0]), pd.Timestamp(b.bounds[1])) for b in xaxis.rangebreaks or ()]
    return AxisView(start, end, breaks)
