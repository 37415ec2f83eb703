"""Where marks go: same-day events spread across their day, counts of crowded days, who → whom links.

- **Spread**: markers of one lane that fall on the same day (76 of 112 in the old first view sat
  exactly on another) are placed side by side inside that day, in event order, so each can be
  hovered and clicked; the hover still says the real date.
- **Badges**: a lane-day with several events gets a small count above it; clicking the count
  selects all of that day's events in the lane.
- **Links**: an event with a source and a target drawn in two lanes gets a thin line from the
  source's mark to the target's, ending in a triangle at the target, where the two lanes are near
  (:func:`near_links`): a line across twenty lanes crossed every mark between and read as noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd

from extract import schema as S

DAY_NS = 86_400_000_000_000
LANE_DAY = "lane_day"


def spread_within_day(x: pd.Series, lanes: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """(spread x, size of each mark's lane-day group, rank in it) for marks at times ``x``.

    A group of ``n`` marks of one lane on one day gets positions ``day + (k + 0.5) / n`` days,
    k = 0 … n-1 in their current order; a lone mark keeps its own time, or sits at noon when it
    has none but the day (midnight would put it on the edge of a one-day view, half cut off).
    """
    ts = pd.to_datetime(x).astype("datetime64[ns]")
    day = ts.dt.floor("D")
    key = pd.DataFrame({"lane": pd.Series(lanes).astype(str).to_numpy(), "day": day.to_numpy()})
    size = key.groupby(["lane", "day"], sort=False)["day"].transform("size").to_numpy()
    rank = key.groupby(["lane", "day"], sort=False).cumcount().to_numpy()
    offset = ((rank + 0.5) / np.maximum(size, 1) * DAY_NS).astype("int64")
    spread = day.to_numpy().astype("datetime64[ns]") + offset.astype("timedelta64[ns]")
    spread_it = (size > 1) | (ts == day).to_numpy()
    out = pd.Series(np.where(spread_it, spread, ts.to_numpy()), index=x.index).astype("datetime64[ns]")
    return out, size, rank


def mark_times(
    start: pd.Series, end: pd.Series, barred: np.ndarray, date_from: date | None, date_to: date | None
) -> pd.Series:
    """Where each event's marker goes: its start, or the middle of its bar (``barred``) — of the
    part inside From/To when those are set, so an interval that overlaps a short view (the past two
    years, seen on one day) has its mark in view, not years off screen."""
    lo = (
        start if date_from is None else start.where(start >= pd.Timestamp(date_from), pd.Timestamp(date_from))
    )
    last = pd.Timestamp(date_to) + pd.Timedelta(days=1) if date_to is not None else None
    hi = end if last is None else end.where(end <= last, last)
    hi = hi.where(hi > lo, lo)
    return start.where(~barred, lo + (hi - lo) / 2)


EDGE = 0.04
"""Share of the visible time at the right edge where a count goes left of its mark: a count right of
a mark on the last day in view ran past the plot's edge and was cut."""


def badge_positions(
    x: pd.Series, top: np.ndarray, start: pd.Timestamp | None, end: pd.Timestamp | None,
    breaks: Sequence[tuple[pd.Timestamp, pd.Timestamp]] = (),
) -> np.ndarray:  # fmt: skip
    """Plotly text positions of the same-day counts at marks ``x``: above right of the mark; below it
    in the top lane (``top``), whose text above was cut by the plot's top edge (the demo's
    April 1997 counts in China's lane); on the left near the right edge of the visible range
    (``start``, ``end``, minus the ``breaks`` cut out of the axis)."""
    vertical = np.where(top, "bottom", "top")
    if start is None or end is None or len(x) == 0:
        return np.char.add(vertical.astype(str), " right")
    ts = pd.to_datetime(x).astype("datetime64[ns]").to_numpy()
    lo, hi = np.datetime64(start, "ns"), np.datetime64(end, "ns")
    cut_before = np.zeros(len(ts), dtype="int64")
    total = int(hi - lo)
    for b0, b1 in breaks:
        a, b = max(np.datetime64(b0, "ns"), lo), min(np.datetime64(b1, "ns"), hi)
        if b <= a:
            continue
        total -= int(b - a)
        cut_before += np.clip((ts - a).astype("int64"), 0, int(b - a))
    shown = (ts - lo).astype("int64") - cut_before
    right = shown > (1 - EDGE) * max(total, 1)
    return np.char.add(vertical.astype(str), np.where(right, " left", " right"))


def day_badges(x_day: pd.Series, lanes: pd.Series, ids: pd.Series) -> pd.DataFrame:
    """One row per lane-day holding several marks: day middle, lane, count, the ids joined by '|'."""
    frame = pd.DataFrame(
        {
            "day": pd.to_datetime(x_day).dt.floor("D").to_numpy(),
            "lane": pd.Series(lanes).astype(str).to_numpy(),
            "id": pd.Series(ids).astype(str).to_numpy(),
        }
    )
    grouped = frame.groupby(["lane", "day"], sort=False)["id"]
    counts = grouped.size()
    many = counts[counts > 1]
    if len(many) == 0:
        return pd.DataFrame({"x": pd.Series([], dtype="datetime64[ns]"), "lane": [], "count": [], "ids": []})
    joined = grouped.agg("|".join).loc[many.index]
    lanes_out = [k[0] for k in many.index]
    days = pd.to_datetime([k[1] for k in many.index]) + pd.Timedelta(hours=12)
    return pd.DataFrame({"x": days, "lane": lanes_out, "count": many.to_numpy(), "ids": joined.to_numpy()})


def link_pairs(rows: pd.DataFrame, x: pd.Series, lane_of: dict[str, str]) -> pd.DataFrame:
    """Source → target pairs of drawn marks: columns x0, lane0, x1, lane1, event_id.

    ``rows`` are lane rows (one per event and lane value); ``lane_of`` maps an actor to the lane
    value it is drawn in (itself in actor lanes, its country in country lanes). Only events whose
    source and target lanes are both drawn, and differ, are linked.
    """
    # plain arrays: rows of a frame would box every time as a Timestamp
    ids = rows[S.EVENT_ID].astype(str).to_numpy()
    lanes = rows[S.LANE].astype(str).to_numpy()
    where = dict(zip(zip(ids, lanes, strict=True), x.to_numpy(), strict=True))
    out: dict[str, list[object]] = {"x0": [], "lane0": [], "x1": [], "lane1": [], S.EVENT_ID: []}
    firsts = rows.drop_duplicates(S.EVENT_ID)
    for event_id, src, tgt in zip(
        firsts[S.EVENT_ID].astype(str), firsts[S.SOURCE_ACTOR], firsts[S.TARGET_ACTOR], strict=True
    ):
        if src is None or tgt is None or pd.isna(src) or pd.isna(tgt):
            continue
        a, b = lane_of.get(str(src)), lane_of.get(str(tgt))
        if a is None or b is None or a == b or (event_id, a) not in where or (event_id, b) not in where:
            continue
        out["x0"].append(where[(event_id, a)])
        out["lane0"].append(a)
        out["x1"].append(where[(event_id, b)])
        out["lane1"].append(b)
        out[S.EVENT_ID].append(event_id)
    return pd.DataFrame(out)


LINK_LANES = 4
"""Lanes apart (about 100 px at 24 px a lane) up to which a source → target line is drawn: beyond it the
line crosses more rows of marks than the eye can follow back to its source (on the demo, 1997 lines from
China and South Korea ran down to lanes 20–33 and read as vertical noise). The hover names every target."""


def near_links(
    pairs: pd.DataFrame, order: list[str], pinned: list[str], apart: int = LINK_LANES
) -> pd.DataFrame:
    """The links of :func:`link_pairs` worth drawing: their lanes at most ``apart`` lanes apart in ``order``
    (top to bottom), or one of them chosen in a filter (``pinned``: the chosen lanes sit on top, and their
    links to the counterparts kept in view are what the filter asked for)."""
    if len(pairs) == 0:
        return pairs
    where = {v: k for k, v in enumerate(order)}
    a = pairs["lane0"].astype(str).map(where)
    b = pairs["lane1"].astype(str).map(where)
    chosen = pairs["lane0"].astype(str).isin(pinned) | pairs["lane1"].astype(str).isin(pinned)
    keep = ((a - b).abs() <= apart) | chosen
    return pairs[keep.to_numpy()].reset_index(drop=True)


def same_day_peers(rows: pd.DataFrame, event_id: str) -> list[str]:
    """Other events drawn in one of ``event_id``'s lanes on its day (the group its mark sits in)."""
    mine = rows[rows[S.EVENT_ID].astype(str) == event_id]
    if len(mine) == 0:
        return []
    day = pd.to_datetime(rows[S.START]).dt.floor("D")
    mine_days = set(zip(mine[S.LANE].astype(str), day[mine.index], strict=True))
    keys = pd.Series(list(zip(rows[S.LANE].astype(str), day, strict=True)), index=rows.index)
    peers = rows.loc[keys.isin(mine_days), S.EVENT_ID].astype(str)
    return [p for p in dict.fromkeys(peers) if p != event_id]
