"""Downloads: CSV, JSON, Parquet round trips, TimelineJS shape, standalone HTML figure."""

from __future__ import annotations

import io
import json
import re

import pandas as pd

from extract import schema as S
from extract import tables
from extract.viz import exports as X
from extract.viz import frames as F
from extract.viz.figure import build_figure
from extract.viz.synthetic import XSS, sample_events

EVENTS = sample_events()


def test_exports_csv_has_every_event_and_json_array_lists() -> None:
    back = pd.read_csv(io.BytesIO(X.to_csv(EVENTS)))
    assert list(back[S.EVENT_ID]) == list(EVENTS[S.EVENT_ID])
    assert json.loads(back[S.ACTORS][0]) == ["Yoon Suk Yeol", "Xi Jinping"]
    assert back[S.START][0] == "2024-11-16T00:00:00"


def test_exports_csv_reads_back_into_the_schema() -> None:
    back = tables.read_csv(io.BytesIO(X.to_csv(EVENTS)), S.EVENTS)
    assert [list(a) for a in back[S.ACTORS]] == [list(a) for a in EVENTS[S.ACTORS]]
    assert list(back[S.START]) == list(EVENTS[S.START])


def test_exports_json_keeps_lists_and_iso_times() -> None:
    records = json.loads(X.to_json(EVENTS))
    assert len(records) == len(EVENTS)
    assert records[0][S.ACTORS] == ["Yoon Suk Yeol", "Xi Jinping"]
    assert records[0][S.START].startswith("2024-11-16T00:00:00")
    assert records[8][S.SOURCE_ACTOR] is None


def test_exports_parquet_round_trips_the_schema() -> None:
    back = S.conform(pd.read_parquet(io.BytesIO(X.to_parquet(EVENTS))), S.EVENTS)
    pd.testing.assert_frame_equal(back, EVENTS)


def test_exports_empty_frames_still_export() -> None:
    empty = S.empty_frame(S.EVENTS)
    assert json.loads(X.to_json(empty)) == []
    assert len(pd.read_parquet(io.BytesIO(X.to_parquet(empty)))) == 0
    assert X.timelinejs(empty)["events"] == []


def test_exports_timelinejs_is_knight_lab_shaped_and_escaped() -> None:
    doc = json.loads(X.to_timelinejs(EVENTS, title="Demo"))
    assert doc["title"]["text"]["headline"] == "Demo"
    slides = {s["unique_id"]: s for s in doc["events"]}
    assert len(slides) == len(EVENTS)
    assert (
        slides["a-0"]["start_date"] == {"year": 2024, "month": 11, "day": 16}
        and "end_date" not in slides["a-0"]
    )
    assert slides["a-1"]["end_date"] == {"year": 2024, "month": 10, "day": 31}  # last day inside [start, end)
    assert slides["a-0"]["group"] == "Yoon Suk Yeol"  # grouped by who acted
    assert slides["a-0"]["text"]["headline"] == "Yoon Suk Yeol: Yoon asked Xi to help"  # subject and event
    assert slides["a-1"]["text"]["headline"] == "North Korea sent troops to Russia"  # subject already first
    by_type = {
        s["unique_id"]: s for s in json.loads(X.to_timelinejs(EVENTS, group_by=S.EVENT_TYPE))["events"]
    }
    assert by_type["a-0"]["group"] == "request"
    assert "rule" not in json.dumps(doc) and "synthetic" not in json.dumps(doc)
    assert all(set(s["text"]) == {"headline", "text"} for s in doc["events"])
    hostile = slides["b-7"]["text"]["headline"]
    assert "<img" not in hostile and "&lt;img" in hostile and XSS not in json.dumps(doc)


def test_exports_figure_html_is_standalone() -> None:
    fig = build_figure(F.lane_rows(EVENTS, "actor")).update_layout(width=940, dragmode="pan")  # a drawn size
    page = X.figure_html(fig)
    assert '"width":940' not in page and '"dragmode":"pan"' not in page  # the page's width, box zoom
    assert page.lower().startswith("<!doctype html>") and "plotly.js v" in page  # plotly.js inlined
    assert not re.search(r"<script[^>]*\bsrc=", page)  # nothing fetched from a server
    assert "<img src=x" not in page


def test_exports_figure_html_states_its_filters_and_inlines_plotly_once() -> None:
    fig = build_figure(F.lane_rows(EVENTS, "actor"))
    page = X.figure_html(
        fig,
        "News timeline — country North Korea (PRK)",
        "9 events from 2 articles",
        others=(build_figure(F.lane_rows(EVENTS, "type")),),
    )
    assert "<h2>News timeline — country North Korea (PRK)</h2>" in page and "9 events from 2 articles" in page
    assert page.count("plotly.js v") == 1  # one copy of plotly.js for both figures
    assert page.count("Plotly.newPlot") == 2
    assert '"automargin":true' in page  # lane labels are given the room they need
    hostile = X.figure_html(fig, "<script>alert(1)</script>")
    assert "<h2>&lt;script&gt;" in hostile
