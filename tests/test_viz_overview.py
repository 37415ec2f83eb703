"""The overview strip: events per period over the whole span, the timeline's stretches shaded,
a click on a bar giving From/To."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from extract.viz.axis import AxisView
from extract.viz.overview import clicked_period, describe_overview, overview_figure, shown_windows

T = pd.Timestamp


def _starts(*days: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days)), dtype="datetime64[s]")


def test_viz_overview_counts_every_dated_event_per_period() -> None:
    starts = pd.concat(
        [_starts("1949-10-01", "1997-04-01", "1997-04-02", "1997-04-30", "2024-11-16"), _starts()]
    )
    starts = pd.concat([starts, pd.Series([pd.NaT], dtype="datetime64[s]")], ignore_index=True)
    fig = overview_figure(starts, AxisView())
    (bars,) = fig.data
    assert sum(bars.y) == 5  # the undated one is not counted
    assert max(bars.y) == 3  # 1997 holds three (yearly bars over a 75-year span)
    firsts = [row[0] for row in bars.customdata]
    assert "1997-01-01" in firsts and "1949-01-01" in firsts
    assert all(row[1].endswith("12-31") for row in bars.customdata)


def test_viz_overview_short_span_counts_per_day() -> None:
    fig = overview_figure(_starts("2024-11-15", "2024-11-16", "2024-11-16"), AxisView())
    (bars,) = fig.data
    assert sorted(bars.y) == [1, 2]
    assert [list(row) for row in bars.customdata] == [
        ["2024-11-15", "2024-11-15"],
        ["2024-11-16", "2024-11-16"],
    ]


def test_viz_overview_no_dated_events_is_an_empty_strip() -> None:
    fig = overview_figure(pd.Series([], dtype="datetime64[s]"), AxisView())
    assert len(fig.data) == 0
    assert describe_overview(pd.Series([], dtype="datetime64[s]")) == "No dated events."


@pytest.mark.parametrize(
    ("view", "windows"),
    [
        (AxisView(), []),
        (AxisView(T("1997-03-01"), T("1997-06-01")), [(T("1997-03-01"), T("1997-06-01"))]),
        (
            AxisView(
                T("1997-03-01"),
                T("2024-12-01"),
                [(T("1997-06-01"), T("2005-10-01")), (T("2007-01-01"), T("2024-11-01"))],
            ),
            [
                (T("1997-03-01"), T("1997-06-01")),
                (T("2005-10-01"), T("2007-01-01")),
                (T("2024-11-01"), T("2024-12-01")),
            ],
        ),
    ],
)
def test_viz_overview_shades_what_the_timeline_shows(view: AxisView, windows: list[Any]) -> None:
    assert shown_windows(view) == windows
    fig = overview_figure(_starts("1997-04-01", "2024-11-16"), view)
    assert len(fig.layout.shapes) == len(windows)


def test_viz_overview_colours_the_bars_on_the_axis() -> None:
    view = AxisView(T("1997-03-01"), T("2024-12-01"), [(T("1997-06-01"), T("2024-11-01"))])
    fig = overview_figure(_starts("1997-04-01", "2005-11-10", "2024-11-16"), view)
    (bars,) = fig.data
    shown = dict(zip((row[0] for row in bars.customdata), bars.marker.color, strict=True))
    assert shown["1997-04-01"] == shown["2024-10-01"] != shown["2005-10-01"]  # quarters over 28 years


@pytest.mark.parametrize(
    ("points", "period"),
    [
        ([{"customdata": ["1997-01-01", "1997-12-31"]}], (date(1997, 1, 1), date(1997, 12, 31))),
        ([{"x": 3}, {"customdata": ["2024-11-16", "2024-11-16"]}], (date(2024, 11, 16), date(2024, 11, 16))),
        # nothing to go on
        ([], None),
        ([{"customdata": "1997-01-01"}], None),
        ([{"customdata": ["soon", "later"]}], None),
    ],
)
def test_viz_overview_click_gives_from_and_to(points: list[dict[str, Any]], period: Any) -> None:
    assert clicked_period(points) == period


@pytest.mark.parametrize(
    ("days", "first_tick", "last_tick"),
    [
        (("2024-11-16",), "Nov 15", "Nov 17"),  # one day: the days around it, never hours
        (("1997-04-01", "1997-04-30"), "Apr 1", "Apr 29"),  # 30 days: every fourth day
    ],
)
def test_viz_overview_ticks_whole_periods(days: tuple[str, ...], first_tick: str, last_tick: str) -> None:
    axis = overview_figure(_starts(*days), AxisView()).layout.xaxis
    assert axis.tickmode == "array" and len(axis.ticktext) <= 8
    assert axis.ticktext[0] == first_tick and axis.ticktext[-1] == last_tick
    assert not [t for t in axis.ticktext if ":" in t]
