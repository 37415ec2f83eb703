"""Downloads of the filtered events: CSV, JSON, Parquet, TimelineJS JSON, standalone HTML figure.

Pure functions returning bytes or str, so the dashboard only wires them to download buttons.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract import tables
from extract.viz.text import day


def to_csv(events: pd.DataFrame) -> bytes:
    """UTF-8 CSV by the project's one convention (:mod:`extract.tables`: list cells as JSON arrays)."""
    return tables.csv_bytes(events)


def to_json(events: pd.DataFrame) -> bytes:
    """A JSON array of records; lists stay lists, times ISO 8601, missing values null."""
    return tables.json_bytes(events)


def to_parquet(events: pd.DataFrame) -> bytes:
    """Parquet bytes (pyarrow) keeping the schema's dtypes and list columns."""
    buf = io.BytesIO()
    events.to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()


def _tl_date(value: Any) -> dict[str, int] | None:
    if value is None or pd.isna(value):
        return None
    ts = pd.Timestamp(value)
    out = {"year": ts.year, "month": ts.month, "day": ts.day}
    if ts.hour or ts.minute:
        out |= {"hour": ts.hour, "minute": ts.minute}
    return out


def timelinejs(events: pd.DataFrame, title: str = "News timeline", group_by: str = S.EVENT_TYPE) -> dict[str, Any]:
    """The Knight Lab TimelineJS3 JSON: one slide per dated event, grouped by ``group_by``.

    TimelineJS renders headline and text as HTML, so both are escaped (it takes plain strings).
    Intervals get an ``end_date`` (the last day inside the half-open interval).
    """
    import html

    slides: list[dict[str, Any]] = []
    for row in events.to_dict("records"):
        start = _tl_date(row[S.START])
        if start is None:
            continue
        slide: dict[str, Any] = {
            "unique_id": str(row[S.EVENT_ID]).replace(":", "-"),
            "start_date": start,
            "text": {
                "headline": html.escape(str(row[S.EVENT] or "")),
                "text": html.escape(f"{row[S.SENTENCE] or ''} — {row[S.DOC_ID]}, "
                                    f"time: {row[S.TIME_TEXT] or 'publication date'} ({row[S.TIME_KIND]})"),
            },
        }
        end = row[S.END]
        if end is not None and not pd.isna(end) and pd.Timestamp(end) - pd.Timestamp(row[S.START]) > pd.Timedelta(days=1):
            slide["end_date"] = _tl_date(pd.Timestamp(end) - pd.Timedelta(days=1))
        group = row.get(group_by)
        if group is not None and not (isinstance(group, float) and pd.isna(group)):
            slide["group"] = ", ".join(map(str, group)) if isinstance(group, (list, tuple)) else str(group)
        slides.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": slides}


def to_timelinejs(events: pd.DataFrame, title: str = "News timeline") -> bytes:
    """:func:`timelinejs` as UTF-8 JSON bytes."""
    return json.dumps(timelinejs(events, title), ensure_ascii=False, indent=1).encode("utf-8")


def figure_html(fig: go.Figure) -> str:
    """The figure as one standalone HTML file: plotly.js inlined, opens offline, no server."""
    return fig.to_html(include_plotlyjs=True, full_html=True)


def describe(events: pd.DataFrame) -> str:
    """One line naming the span of the exported events, for captions."""
    if len(events) == 0 or events[S.START].isna().all():
        return f"{len(events)} events"
    return f"{len(events)} events, {day(events[S.START].min())} … {day(events[S.START].max())}"
