"""The time axis: the range a view opens on, the breaks, From/To, tick formats."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from extract.viz import axis as A


def ts(*days: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days)))


@pytest.mark.parametrize(
    ("points", "published", "first", "last"),
    [
        # historical mentions (1949, 1950) far from any article date never set the range
        (
            ["1949-06-01", "1950-06-25", "1997-04-01", "1997-04-20", "1997-04-28"],
            ["1997-04-20"],
            "1997-04-01",
            "1997-04-28",
        ),
        # two news bursts, 27 years apart, both kept (each holds an article date)
        (
            ["1997-04-08", "1997-04-10", "2024-11-16"],
            ["1997-04-10", "2024-11-16"],
            "1997-04-08",
            "2024-11-16",
        ),
        # no article dates: every burst counts
        (["2006-01-01", "2006-01-05"], [], "2006-01-01", "2006-01-05"),
        # nothing to place
        ([], [], None, None),
    ],
)
def test_axis_news_span_ignores_old_mentions(
    points: list[str], published: list[str], first: str | None, last: str | None
) -> None:
    span = A.news_span(ts(*points), ts(*published))
    if first is None:
        assert span is None
    else:
        assert span == (pd.Timestamp(first), pd.Timestamp(last))


def test_axis_breaks_cut_empty_years_and_keep_points_visible() -> None:
    points = ts("1997-04-08", "1997-04-10", "2024-11-16")
    view = A.axis_view(points, ts("1997-04-10", "2024-11-16"))
    assert len(view.breaks) == 1
    a, b = view.breaks[0]
    assert pd.Timestamp("1997-04-10") < a < b < pd.Timestamp("2024-11-16")
    assert "1997-" in A.describe_breaks(view) and "→ 2024-" in A.describe_breaks(view)
    assert A.axis_view(ts("2024-11-16", "2024-11-20"), ts("2024-11-16")).breaks == []  # no gap: no break


@pytest.mark.parametrize(
    ("date_from", "date_to", "start", "end"),
    [
        (date(1997, 4, 1), date(1997, 4, 30), "1997-04-01", "1997-05-01"),  # "to" is inclusive
        (date(2024, 11, 15), date(2024, 11, 15), "2024-11-15", "2024-11-16"),  # one day: a whole day
        (date(2024, 11, 15), None, "2024-11-15", "2024-11-21"),
    ],
)
def test_axis_from_to_set_the_visible_range(
    date_from: date | None, date_to: date | None, start: str, end: str
) -> None:
    view = A.axis_view(ts("1949-01-01", "2024-11-16", "2024-11-20"), None, date_from, date_to)
    assert (view.start, view.end, view.breaks) == (pd.Timestamp(start), pd.Timestamp(end), [])
    layout = A.xaxis_layout(view)
    assert layout["range"] == [pd.Timestamp(start).isoformat(), pd.Timestamp(end).isoformat()]


def test_axis_single_instant_opens_on_its_whole_day_without_millisecond_ticks() -> None:
    view = A.axis_view(ts("2024-11-16", "2024-11-16"), ts("2024-11-16"))
    assert view.end - view.start >= pd.Timedelta(days=1)
    layout = A.xaxis_layout(view)
    formats = [stop["value"] for stop in layout.get("tickformatstops", [])] + [layout.get("tickformat", "")]
    assert not any("%L" in f or "%f" in f or "%S" in f for f in formats)  # never below minutes


@pytest.mark.parametrize(
    ("start", "end", "by_day"),
    [
        ("2024-11-16", "2024-11-17", True),  # one day: one label, the day, not 00:00 … 21:00
        ("2024-11-15", "2024-11-18", True),  # the Story tab's day ± 1
        ("1997-04-01", "1997-05-01", False),  # a month: Plotly's own ticks (days, weeks)
    ],
)
def test_axis_short_views_tick_by_day_not_by_hour(start: str, end: str, by_day: bool) -> None:
    layout = A.xaxis_layout(A.AxisView(pd.Timestamp(start), pd.Timestamp(end)))
    assert (layout.get("dtick") == A.DAY_MS) is by_day
    if by_day:
        assert layout["ticklabelmode"] == "period" and "%H" not in layout["tickformat"]


@pytest.mark.parametrize(
    ("points", "published", "date_from", "off"),
    [
        # the 1949 split and the 1950 war recalled in 1997 reports: off the axis, said so
        (["1949-06-01", "1950-06-25", "1997-04-01", "1997-04-20"], ["1997-04-20"], None, 2),
        # all news: nothing off the axis
        (["1997-04-01", "1997-04-20", "2024-11-16"], ["1997-04-20", "2024-11-16"], None, 0),
        # From/To set: the filtered events are all in the range
        (["1949-06-01", "1997-04-01"], ["1997-04-20"], date(1940, 1, 1), 0),
        # undated events are "not drawn", not "off the axis"
        ([None, "1997-04-01"], ["1997-04-01"], None, 0),
    ],
)
def test_axis_off_axis_counts_background_mentions(
    points: list[str | None], published: list[str], date_from: date | None, off: int
) -> None:
    start = pd.Series(pd.to_datetime(points))
    end = pd.Series(pd.NaT, index=start.index, dtype=start.dtype)
    view = A.axis_view(start, pd.Series(pd.to_datetime(published)), date_from)
    assert A.off_axis(start, end, view, overlap=date_from is not None) == off


def test_axis_labels_turn_upright_rather_than_collide_and_no_overview_strip() -> None:
    view = A.axis_view(
        ts("1997-02-01", "1997-06-30", "2005-11-05", "2006-11-06", "2024-11-16"),
        ts("1997-04-01", "2005-11-05", "2006-11-06", "2024-11-16"),
    )
    axis = A.xaxis_layout(view)
    assert view.breaks and axis["tickmode"] == "array"
    # level where there is room; upright (never a slant that still overlaps) on a narrow screen
    assert axis["autotickangles"] == [0, 90] and axis["automargin"] is True
    assert "rangeslider" not in axis


def _visible_before(view: A.AxisView, t: pd.Timestamp) -> pd.Timedelta:
    """Time shown on the axis from its start to ``t`` (the cuts taken out)."""
    assert view.start is not None
    cut = sum((min(b, t) - a for a, b in view.breaks if a < t), pd.Timedelta(0))
    return (t - view.start) - cut


SEASON = [
    "1997-01-10",
    "1997-02-05",
    *[f"1997-04-{d:02d}" for d in range(1, 29)],
    "1997-06-10",
]


@pytest.mark.parametrize(
    ("points", "published", "n_cuts"),
    [
        # a season of news (January to June): its three empty stretches of 5-6 weeks are cut
        (SEASON, ["1997-04-10"], 3),
        # a short view: two reports three weeks apart stay one stretch of time
        (["2024-11-01", "2024-11-25"], ["2024-11-25"], 0),
        # a long view without empty weeks: nothing cut
        ([str(d.date()) for d in pd.date_range("2024-01-01", "2024-06-01", freq="10D")], ["2024-03-01"], 0),
    ],
)
def test_axis_long_news_cuts_its_empty_weeks_and_keeps_every_point(
    points: list[str], published: list[str], n_cuts: int
) -> None:
    view = A.axis_view(ts(*points), ts(*published))
    assert len(view.breaks) == n_cuts
    # every point is still on the axis, whatever was cut
    assert A.shown_on_axis(ts(*points), ts(*points), view).all()


def test_axis_busiest_weeks_get_most_of_the_width_and_labels_keep_apart() -> None:
    view = A.axis_view(ts(*SEASON), ts("1997-04-10"))
    assert view.start is not None and view.end is not None
    visible = _visible_before(view, view.end)
    april = _visible_before(view, pd.Timestamp("1997-04-29")) - _visible_before(
        view, pd.Timestamp("1997-04-01")
    )
    # drawn to scale over January–June April had a sixth of the width; with the empty weeks cut, most
    assert april / visible > 0.5


def test_axis_labels_of_slivers_between_cuts_keep_apart_and_every_burst_is_named() -> None:
    autumn = [str(d.date()) for d in pd.date_range("2005-10-12", "2005-11-21", freq="3D")]
    view = A.axis_view(ts(*SEASON, *autumn), ts("1997-04-10", "2005-11-01"))
    assert view.start is not None and view.end is not None
    values, texts = A.burst_ticks(view)
    assert len(texts) == len(set(texts)) and "1997" in texts[0] and "2005" in texts[-1]
    visible = _visible_before(view, view.end)
    at = sorted(_visible_before(view, pd.Timestamp(v)) for v in values)
    # two slivers (January, early February) side by side: one label, not two running into each other
    assert all(b - a >= visible * 0.09 for a, b in zip(at, at[1:], strict=False))


def test_axis_latest_news_is_named_even_as_a_sliver_after_another() -> None:
    autumn = [str(d.date()) for d in pd.date_range("2005-09-01", "2005-12-20", freq="3D")]
    recent = ["2006-11-05", "2006-11-07", "2024-10-02", "2024-11-16"]
    view = A.axis_view(
        ts(*SEASON, *autumn, *recent), ts("1997-04-10", "2005-11-01", "2006-11-06", "2024-11-16")
    )
    values, texts = A.burst_ticks(view)
    assert texts[-1].endswith("2024") and "2006" in texts[-2]


T = pd.Timestamp


@pytest.mark.parametrize(
    ("breaks", "kinds"),
    [
        ([], []),  # nothing skipped: no line
        ([(T("1997-07-07"), T("2005-10-12"))], ["long"]),  # years between two stories
        ([(T("1997-03-01"), T("1997-03-25"))], ["short"]),  # weeks inside one
        ([(T("1997-05-18"), T("1997-07-17"))], ["long"]),  # 60 days: the silence between two stories
        ([(T("2005-11-21"), T("2006-11-01")), (T("2024-10-04"), T("2024-11-14"))], ["long", "short"]),
    ],
)
def test_axis_cut_lines_say_how_much_time_they_skip(
    breaks: list[tuple[pd.Timestamp, pd.Timestamp]], kinds: list[str]
) -> None:
    view = A.AxisView(T("1997-01-01"), T("2024-12-31"), breaks)
    shapes = A.break_shapes(view)
    assert [s["line"] for s in shapes] == [A.CUT_LINES[k] for k in kinds]
    assert [s["x0"] for s in shapes] == [a.isoformat() for a, _ in breaks]  # at the start of each cut
