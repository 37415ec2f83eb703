"""Downloads of the filtered events: CSV, JSON, Parquet, TimelineJS JSON, standalone HTML figure.

Pure functions returning bytes or str, so the dashboard only wires them to download buttons.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
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


def headline(row: Mapping[Any, Any]) -> str:
    """Subject and event: the label when it starts with its source, else 'Source: label'."""
    label = str(row.get(S.EVENT) or "").strip()
    source = row.get(S.SOURCE_ACTOR)
    source = (
        ""
        if source is None or (isinstance(source, float) and pd.isna(source)) or pd.isna(source)
        else str(source)
    )
    if source and not label.lower().startswith(source.lower()):
        label = f"{source}: {label}"
    return label


def timelinejs(
    events: pd.DataFrame, title: str = "News timeline", group_by: str = S.SOURCE_ACTOR, subtitle: str = ""
) -> dict[str, Any]:
    """The Knight Lab TimelineJS3 JSON: one slide per dated event, grouped by ``group_by``
    (the acting actor by default, or ``event_type``).

    Headlines carry subject and event (:func:`headline`); the text holds the sentence, the article
    and the time cue in plain words. TimelineJS renders headline and text as HTML, so both are
    escaped. Intervals get an ``end_date`` (the last day inside the half-open interval).
    """
    import html

    from extract.viz.text import resolution_texts

    slides: list[dict[str, Any]] = []
    whens = resolution_texts(events) if len(events) else []
    for row, when in zip(events.to_dict("records"), whens, strict=True):
        start = _tl_date(row[S.START])
        if start is None:
            continue
        slide: dict[str, Any] = {
            "unique_id": str(row[S.EVENT_ID]).replace(":", "-"),
            "start_date": start,
            "text": {
                "headline": html.escape(headline(row)),
                "text": html.escape(f"{row[S.SENTENCE] or ''} — {row[S.DOC_ID]}; when: {when}"),
            },
        }
        end = row[S.END]
        if (
            end is not None
            and not pd.isna(end)
            and pd.Timestamp(end) - pd.Timestamp(row[S.START]) > pd.Timedelta(days=1)
        ):
            slide["end_date"] = _tl_date(pd.Timestamp(end) - pd.Timedelta(days=1))
        group = row.get(group_by)
        if group is not None and not (isinstance(group, float) and pd.isna(group)) and not pd.isna(group):
            slide["group"] = str(group).lower() if group_by == S.EVENT_TYPE else str(group)
        slides.append(slide)
    return {
        "title": {"text": {"headline": html.escape(title), "text": html.escape(subtitle)}},
        "events": slides,
    }


def to_timelinejs(
    events: pd.DataFrame, title: str = "News timeline", group_by: str = S.SOURCE_ACTOR, subtitle: str = ""
) -> bytes:
    """:func:`timelinejs` as UTF-8 JSON bytes."""
    return json.dumps(timelinejs(events, title, group_by, subtitle), ensure_ascii=False, indent=1).encode(
        "utf-8"
    )


def figure_html(fig: go.Figure, heading: str = "", note: str = "", others: tuple[go.Figure, ...] = ()) -> str:
    """One standalone HTML file: a heading (what the filters were, how many sources), the figure
    and any ``others`` (map, network), plotly.js inlined once for all of them, so it opens offline.

    The heading and note are escaped here; labels are drawn in full (automatic margins).
    """
    import html

    parts = [fig, *others]
    body = []
    for i, figure in enumerate(parts):
        figure = go.Figure(figure)
        figure.update_yaxes(automargin=True)
        figure.update_layout(width=None, dragmode=None)  # the page's width; Plotly's box zoom
        body.append(figure.to_html(include_plotlyjs=(i == 0), full_html=False, config={"displaylogo": False}))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        + html.escape(heading or "News timeline")
        + "</title></head><body style='font-family:sans-serif;margin:16px'>"
        + f"<h2>{html.escape(heading)}</h2><p>{html.escape(note)}</p>"
        + "".join(body)
        + "</body></html>"
    )


def describe(events: pd.DataFrame) -> str:
    """The span of the events' dates for captions ("dated 1997-01-01 … 2024-11-16"), '' when none is."""
    if len(events) == 0 or events[S.START].isna().all():
        return ""
    first, last = day(events[S.START].min()), day(events[S.START].max())
    return f"dated {first}" if first == last else f"dated {first} … {last}"
