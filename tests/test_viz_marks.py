"""Where marks, ticks and table rows go: marks inside a From/To view, bursts of news on the axis,
the Events tab's order, the map's small territories."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from extract import schema as S
from extract.filters import Filters
from extract.viz import axis as A
from extract.viz import counts as C
from extract.viz import frames as F
from extract.viz import geo
from extract.viz import marks as M
from extract.viz import table as TB
from extract.viz.figure import view_figure
from extract.viz.plotbase import _segments
from extract.viz.synthetic import _event, replicate, sample_actors, sample_events


def ts(*days: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days), format="ISO8601")).astype("datetime64[s]")


@pytest.mark.parametrize(
    ("start", "end", "barred", "date_from", "date_to", "expected"),
    [
        # "the past two years" seen on one day: the mark is in that day, not in 2023
        ("2022-11-16", "2024-11-17", True, date(2024, 11, 16), date(2024, 11, 16), "2024-11-16 12:00"),
        # no From/To: the middle of the whole bar
        ("2024-10-01", "2024-11-01", True, None, None, "2024-10-16 12:00"),
        # only From: from there to the end
        ("2024-10-01", "2024-11-01", True, date(2024, 10, 21), None, "2024-10-26 12:00"),
        # an instant keeps its start whatever the range
        ("2024-11-16", "2024-11-17", False, date(2024, 11, 1), date(2024, 11, 30), "2024-11-16 00:00"),
    ],
)
def test_marks_mark_times_put_each_mark_inside_the_view(
    start: str, end: str, barred: bool, date_from: date | None, date_to: date | None, expected: str
) -> None:
    got = M.mark_times(ts(start), ts(end), np.array([barred]), date_from, date_to)
    assert got.iloc[0] == pd.Timestamp(expected)


def test_marks_a_lone_day_mark_sits_at_noon_and_a_timed_one_keeps_its_time() -> None:
    x, size, _ = M.spread_within_day(ts("2024-11-16", "2024-11-16 15:30"), pd.Series(["a", "b"]))
    assert list(x) == [pd.Timestamp("2024-11-16 12:00"), pd.Timestamp("2024-11-16 15:30")]
    assert list(size) == [1, 1]


def test_marks_one_day_view_draws_every_event_inside_the_day() -> None:
    events = S.conform(
        [
            _event(1, "d", "Yoon asked Xi", "REQUEST", ["Yoon Suk Yeol", "Xi Jinping"], ["KOR", "CHN"],
                   "publication", "2024-11-16", "2024-11-17", None),
            _event(2, "d", "Relations changed", "OTHER", ["Xi Jinping"], ["CHN"],
                   "duration", "2022-11-16", "2024-11-17", "since 2022"),
            _event(3, "d", "Kim fired", "ASSAULT", ["Kim Jong Un"], ["PRK"],
                   "absolute", "2024-11-16", "2024-11-17", "on Saturday"),
        ],
        S.EVENTS,
    )  # fmt: skip
    f = Filters(date_from=date(2024, 11, 16), date_to=date(2024, 11, 16))
    shown = F.apply_filters(events, f)
    assert len(shown) == 3  # the two-year stretch overlaps the day
    fig, _ = view_figure(shown, "actor", f, F.actor_countries(sample_actors()))
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    marks = [pd.Timestamp(x) for t in fig.data if t.mode == "markers+text" for x in t.x]
    assert len(marks) == 4 and all(lo < x < hi for x in marks)  # 4 lane rows, none on the edge
    links = [t for t in fig.data if t.mode == "lines+markers" and t.x is not None and t.x[0] is not None]
    assert links and all(lo < pd.Timestamp(x) < hi for x in links[0].x if x is not None)


@pytest.mark.parametrize("unit", ["ns", "s"])
def test_marks_segments_keep_times_as_times(unit: str) -> None:
    x = np.array(["2024-11-16T06:00"], dtype=f"datetime64[{unit}]")
    xs, ys = _segments(x, np.array(["a"], dtype=object), x, np.array(["b"], dtype=object))
    assert pd.Timestamp(xs[0]) == pd.Timestamp("2024-11-16 06:00") and xs[2] is None  # never an integer
    assert list(ys) == ["a", "b", None]


@pytest.mark.parametrize(
    ("points", "published", "n_breaks"),
    [
        # a 2001 mention alone between two bursts of news: inside the one cut, not a window of its own
        (
            ["1997-04-01", "1997-04-20", "2001-06-30", "2005-11-02", "2005-11-10"],
            ["1997-04-20", "2005-11-10"],
            1,
        ),
        # three bursts of news: two cuts
        (["1997-04-01", "2005-11-02", "2024-11-16"], ["1997-04-01", "2005-11-02", "2024-11-16"], 2),
        # one burst: nothing cut
        (["2024-11-01", "2024-11-16"], ["2024-11-16"], 0),
    ],
)
def test_marks_axis_cuts_only_between_bursts_of_news(
    points: list[str], published: list[str], n_breaks: int
) -> None:
    view = A.axis_view(ts(*points), ts(*published))
    assert len(view.breaks) == n_breaks
    values, texts = A.xaxis_layout(view).get("tickvals", []), A.xaxis_layout(view).get("ticktext", [])
    if n_breaks:  # every burst is named on the axis, never twice the same label
        for lo, hi in A.news_bursts(ts(*points), ts(*published)):
            assert any(
                lo - pd.Timedelta(days=20) <= pd.Timestamp(v) <= hi + pd.Timedelta(days=20) for v in values
            )
        assert len(texts) == len(set(texts))


def test_marks_events_table_puts_the_view_first_and_background_after() -> None:
    events = sample_events()
    view = A.AxisView(pd.Timestamp("2024-11-01"), pd.Timestamp("2024-11-30"))
    shown = A.shown_on_axis(events[S.START], events[S.END], view)
    assert 0 < shown.sum() < len(events)
    table = TB.events_table(events, details=True, shown=shown)
    n = int(shown.sum())
    assert set(table[S.EVENT_ID].head(n)) == set(events[S.EVENT_ID][shown])
    assert table[TB.DATE].head(n).is_monotonic_increasing
    assert table[TB.DATE].iloc[n:].dropna().is_monotonic_increasing
    assert list(TB.events_table(events)[TB.DATE].dropna()) == sorted(events[S.START].dropna().dt.floor("D"))


def test_marks_shown_on_axis_counts_the_mark_not_the_edge_of_a_long_interval() -> None:
    view = A.AxisView(pd.Timestamp("1997-01-01"), pd.Timestamp("1997-07-01"))
    start, end = ts("1996-01-01", "1997-04-01", "1949-01-01"), ts("1997-01-01", "1997-04-02", "1950-01-01")
    assert list(A.shown_on_axis(start, end, view)) == [False, True, False]  # "last year" of 1997 is 1996
    assert list(A.shown_on_axis(start, end, view, overlap=True)) == [True, True, False]


def test_marks_map_marks_small_territories_without_an_outline() -> None:
    hk = S.conform(
        [_event(1, "h", "Hong Kong protested", "PROTEST", ["Hong Kong"], ["HKG"], "absolute",
                "1997-04-01", "1997-04-02", None)],
        S.EVENTS,
    )  # fmt: skip
    assert "HKG" not in geo.world() and "HKG" in geo.centres()
    fig = geo.map_figure(hk)
    bubbles = [t for t in fig.data if t.customdata is not None]
    assert bubbles and list(bubbles[0].customdata) == ["HKG"]
    squares = [t for t in fig.data if t.mode == "markers" and t.customdata is None]
    assert squares and squares[0].marker.symbol == "square"
    assert "not on the map" not in fig.layout.title.text
    assert not [
        t for t in geo.map_figure(sample_events()).data if t.mode == "markers" and t.customdata is None
    ]


@pytest.mark.parametrize("lane", ["actor", "country", "type"])
def test_marks_count_lanes_equals_counting_lane_rows(lane: str) -> None:
    events = replicate(sample_events(), 3000)
    countries = F.actor_countries(sample_actors())
    rows = F.lane_rows(events, lane, Filters(), countries, detail=False)
    freq = C.choose_freq(rows)
    got, got_freq = C.count_lanes(events, lane, countries)
    want = C.aggregate_rows(rows, freq)
    key = [S.LANE, S.PERIOD]
    assert got_freq == freq
    pd.testing.assert_frame_equal(
        got.sort_values(key).reset_index(drop=True),
        want.sort_values(key).reset_index(drop=True),
        check_dtype=False,
    )
    empty, _ = C.count_lanes(events.iloc[0:0], lane, countries)
    assert len(empty) == 0


ORDER = [f"L{k}" for k in range(30)]  # lanes top to bottom


@pytest.mark.parametrize(
    ("lanes", "pinned", "drawn"),
    [
        (("L0", "L1"), [], True),  # next lane
        (("L10", "L6"), [], True),  # 4 lanes up: still followed by eye
        (("L0", "L20"), [], False),  # across twenty lanes: not drawn (the hover names the target)
        (("L25", "L3"), [], False),
        (("L0", "L20"), ["L0"], True),  # a chosen lane's counterpart: the filter asked for it
        (("L7", "L29"), ["L29"], True),
        (("L7", "L29"), ["L1"], False),  # another lane chosen: this one still too far
    ],
)
def test_marks_links_drawn_only_between_near_or_chosen_lanes(
    lanes: tuple[str, str], pinned: list[str], drawn: bool
) -> None:
    pairs = pd.DataFrame(
        {"x0": [pd.Timestamp("2024-11-16")], "lane0": [lanes[0]], "x1": [pd.Timestamp("2024-11-16")],
         "lane1": [lanes[1]], S.EVENT_ID: ["e"]}
    )  # fmt: skip
    assert len(M.near_links(pairs, ORDER, pinned)) == int(drawn)


def test_marks_demo_first_view_draws_no_link_across_many_lanes() -> None:
    from extract.viz import demo as D

    demo = D.restrict(D.shipped_extraction(), D.story_doc_ids())
    fig, _ = view_figure(
        demo.events, "actor", Filters(), F.actor_countries(demo.actors),
        published=demo.documents[S.PUBLISHED], places=F.places(demo.actors),
    )  # fmt: skip
    rank = {v: k for k, v in enumerate(fig.layout.yaxis.categoryarray)}
    links = [t for t in fig.data if t.mode == "lines+markers" and t.x is not None and t.x[0] is not None]
    ys = list(links[0].y)
    spans = [abs(rank[a] - rank[b]) for a, b in zip(ys[0::3], ys[1::3], strict=True)]
    assert len(spans) >= 10 and max(spans) <= M.LINK_LANES  # most of the story's links stay


T0, T1 = pd.Timestamp("1997-01-01"), pd.Timestamp("1997-12-31")
CUT = [(pd.Timestamp("1997-02-01"), pd.Timestamp("1997-12-01"))]  # most of the year cut out of the axis


@pytest.mark.parametrize(
    ("x", "top", "breaks", "expected"),
    [
        ("1997-06-01", False, [], "top right"),  # mid-range, a lower lane: above right
        ("1997-06-01", True, [], "bottom right"),  # the top lane: below (above is cut by the plot's edge)
        ("1997-12-30", False, [], "top left"),  # the last day in view: left (right runs off the plot)
        ("1997-12-30", True, [], "bottom left"),
        ("1997-11-30", False, [], "top right"),  # a month before the end: room on the right
        ("1997-12-20", False, [], "top left"),  # 97 % of the way
        ("1997-12-20", False, CUT, "top right"),  # most of the year cut: 82 % of the visible time
        ("1997-12-30", False, CUT, "top left"),
    ],
)
def test_marks_badges_stay_inside_the_plot(x: str, top: bool, breaks: list, expected: str) -> None:
    got = M.badge_positions(pd.Series([pd.Timestamp(x)]), np.array([top]), T0, T1, breaks)
    assert list(got) == [expected]
