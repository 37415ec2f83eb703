"""The Plotly timeline: styles, colours, lane order, selection ids, aggregation, escaping."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

from extract import schema as S
from extract.filters import Filters
from extract.viz import figure as G
from extract.viz import frames as F
from extract.viz.colours import colour_of
from extract.viz.plotbase import PER_BURST, lift_title
from extract.viz.synthetic import replicate, sample_actors, sample_events
from extract.viz.text import esc


def rows(n: int | None = None, lane: str = "actor", filters: Filters | None = None) -> pd.DataFrame:
    events = sample_events() if n is None else replicate(sample_events(), n)
    filters = filters or Filters()
    return F.lane_rows(F.apply_filters(events, filters), lane, filters, F.actor_countries(sample_actors()))


def marker_traces(fig: go.Figure) -> list[go.Scatter]:
    """The traces that draw events (or counts): markers with data, not legend keys or links."""
    return [
        t
        for t in fig.data
        if t.mode in ("markers", "markers+text")
        and t.x is not None
        and len(t.x)
        and t.x[0] is not None
        and t.legendgroup != "styles"
    ]


def test_figure_draws_every_row_once_with_its_event_id() -> None:
    r = rows()
    fig = G.build_figure(r)
    drawn = [cd for t in marker_traces(fig) for cd in t.customdata]
    assert sorted(drawn) == sorted(r[S.EVENT_ID])


def test_figure_styles_are_visibly_different() -> None:
    r = rows()
    fig = G.timeline_figure(r)
    points = {
        (cd, sym, op)
        for t in marker_traces(fig)
        for cd, sym, op in zip(t.customdata, t.marker.symbol, t.marker.opacity, strict=True)
    }
    by_id = {cd: (sym, op) for cd, sym, op in points}
    code = G.SYMBOL_CODES
    assert by_id["a:0"][0] == code["circle"] and by_id["a:1"][0] == code["square"]  # exact date, interval
    assert by_id["a:3"][0] == code["circle-open"] and by_id["a:3"][1] >= 0.7  # vague: open, yet visible
    assert by_id["a:2"][0] == code["diamond-open"]  # publication date only
    lines = [t for t in fig.data if t.mode == "lines"]
    assert {t.line.dash for t in lines} == {"solid", "dot"}  # intervals solid, vague dotted
    assert any(t.name == G.STYLE_NAMES[F.PUBLICATION] for t in fig.data)  # legend explains the symbols


def test_figure_lanes_busiest_on_top_and_colours_fixed_per_country() -> None:
    r = rows(200)
    fig = G.timeline_figure(r)
    order = list(fig.layout.yaxis.categoryarray)[::-1]
    assert order == [esc(v) for v in F.lane_order(r)]
    for t in marker_traces(fig):  # the colour of a trace is its country's fixed colour
        code = t.name.rsplit("(", 1)[-1].rstrip(")") if "(" in t.name else "(none)"
        assert t.marker.color == colour_of(code)
    legend = [t.name for t in fig.data if t.showlegend is not False and t.legendgroup != "styles"]
    assert legend and len(legend) == len(set(legend))
    assert not any(name.lower() == "other" for name in legend)  # no grey bucket to clash with type OTHER
    # no overview strip: Plotly draws it without the axis breaks (a grey box with a sliver of
    # window on the demo) and it draws every trace a second time
    assert not fig.layout.xaxis.rangeslider.visible


@pytest.mark.parametrize(
    ("lane", "filters"),
    [
        ("country", Filters()),
        ("country", Filters(countries=("PRK",))),
        ("actor", Filters()),
        ("actor", Filters(countries=("PRK",))),
    ],
)
def test_figure_north_korea_keeps_its_colour_whatever_the_filter(lane: str, filters: Filters) -> None:
    fig = G.build_figure(rows(lane=lane, filters=filters))
    prk = [t for t in marker_traces(fig) if t.name == "North Korea (PRK)"]
    assert prk and {t.marker.color for t in prk} == {colour_of("PRK")}


def test_figure_country_filter_keeps_counterparts_with_the_chosen_lanes_on_top() -> None:
    filters = Filters(countries=("PRK",))
    events = F.apply_filters(sample_events(), filters)
    fig, _ = G.view_figure(events, "actor", filters, F.actor_countries(sample_actors()))
    lanes = {y for t in marker_traces(fig) for y in t.y}
    assert {"North Korea", "Russia"} <= lanes  # North Korea's counterpart in "sent troops to Russia"
    assert list(fig.layout.yaxis.categoryarray)[-1] == "North Korea"  # the top lane


def test_figure_actor_filter_keeps_counterparts() -> None:
    filters = Filters(actors=("Xi Jinping",))
    events = F.apply_filters(sample_events(), filters)
    fig, _ = G.view_figure(events, "actor", filters, F.actor_countries(sample_actors()))
    lanes = {y for t in marker_traces(fig) for y in t.y}
    assert lanes == {"Xi Jinping", "Yoon Suk Yeol"}
    assert list(fig.layout.yaxis.categoryarray)[-1] == "Xi Jinping"


def test_figure_links_source_to_target_lanes() -> None:
    events = sample_events()
    fig, _ = G.view_figure(events, "actor", Filters(), F.actor_countries(sample_actors()))
    links = [t for t in fig.data if t.mode == "lines+markers" and t.x is not None and t.x[0] is not None]
    assert len(links) == 1
    ys = [y for y in links[0].y if y is not None]
    pairs = set(zip(ys[0::2], ys[1::2], strict=True))
    assert ("Yoon Suk Yeol", "Xi Jinping") in pairs and ("North Korea", "Russia") in pairs
    assert all(a != b for a, b in pairs)
    assert any("who → whom" in str(t.name) for t in fig.data)  # explained in the legend


def test_figure_same_day_marks_never_stack_exactly() -> None:
    one = sample_events().iloc[[0]]
    same_day = S.conform(
        pd.concat([one.assign(**{S.EVENT_ID: f"a:{i}"}) for i in range(40)], ignore_index=True), S.EVENTS
    )  # 40 events: the same actors, the same day
    r = F.lane_rows(same_day, "actor", Filters(), F.actor_countries(sample_actors()))
    fig = G.timeline_figure(r)
    for t in marker_traces(fig):
        spots = list(zip(t.x, t.y, strict=True))
        assert len(spots) == len(set(spots)), t.name
    assert any(str(s) == "40" for t in marker_traces(fig) for s in t.text)  # the count badge


def test_figure_hover_has_no_rule_names() -> None:
    fig = G.timeline_figure(rows())
    hovers = [str(h) for t in marker_traces(fig) for h in t.hovertext]
    assert hovers and not any("synthetic" in h or "rule" in h for h in hovers)
    assert any("Yoon Suk Yeol → Xi Jinping" in h for h in hovers)


@pytest.mark.parametrize(
    ("n", "aggregated"), [(G.AGGREGATE_ABOVE // 2, False), (G.AGGREGATE_ABOVE * 2, True)]
)
def test_figure_aggregates_above_the_threshold(n: int, aggregated: bool) -> None:
    r = rows(n)
    fig = G.build_figure(r)
    drawn = sum(len(t.x) for t in marker_traces(fig))
    if aggregated:
        assert len(r) > G.AGGREGATE_ABOVE and drawn < len(r) / 5
        assert sum(int(s) for t in marker_traces(fig) for s in t.marker.size) == len(r)
        assert "counted per" in fig.layout.title.text
    else:
        assert drawn == len(r)


def test_figure_of_nothing_is_an_empty_figure() -> None:
    fig = G.build_figure(rows(filters=Filters(countries=("FRA",))))
    assert marker_traces(fig) == []


def test_figure_hover_and_legend_never_carry_raw_html_from_the_text() -> None:
    fig = G.timeline_figure(rows())
    html_bits = [str(x) for t in fig.data if t.text is not None for x in t.text] + [
        str(t.name) for t in fig.data
    ]
    html_bits += [str(y) for t in fig.data if t.y is not None for y in t.y] + list(
        fig.layout.yaxis.categoryarray
    )
    assert html_bits and not any("<img" in b or "<script" in b for b in html_bits)
    assert any("&lt;img src=x onerror=alert(1)&gt;" in b for b in html_bits)


@pytest.mark.parametrize(("days", "freq"), [(10, "D"), (400, "W"), (3000, "M"), (40000, "Y")])
def test_figure_choose_freq_keeps_periods_few(days: int, freq: str) -> None:
    r = rows(2)
    first = r[S.START].min()
    r = r.assign(**{S.START: [first + pd.Timedelta(days=days * (i % 2)) for i in range(len(r))]})
    assert G.choose_freq(r) == freq


@pytest.mark.parametrize("n", [50, G.AGGREGATE_ABOVE * 2])
def test_figure_view_figure_matches_building_from_full_rows(n: int) -> None:
    events = replicate(sample_events(), n)
    countries = F.actor_countries(sample_actors())
    fig, n_rows = G.view_figure(events, "actor", Filters(), countries)
    full = F.lane_rows(events, "actor", Filters(), countries)
    assert n_rows == len(full)
    expected = G.build_figure(full)
    assert [(t.name, len(t.x)) for t in fig.data if t.legendgroup != "styles"] == [
        (t.name, len(t.x)) for t in expected.data if t.legendgroup != "styles"
    ]


@pytest.mark.parametrize(
    ("day", "freq", "expected"),
    [
        ("2024-11-16", "D", "2024-11-16"),
        ("2024-11-16", "W", "2024-11-11"),
        ("2024-11-11", "W", "2024-11-11"),
        ("2024-11-16", "M", "2024-11-01"),
        ("2024-11-16", "Q", "2024-10-01"),
        ("2024-03-31", "Q", "2024-01-01"),
        ("2024-11-16", "Y", "2024-01-01"),
        ("1066-10-14", "Y", "1066-01-01"),
        ("1066-10-14", "W", "1066-10-08"),
    ],
)
def test_figure_period_start_floors_to_the_period(day: str, freq: str, expected: str) -> None:
    start = pd.Series([pd.Timestamp(day)]).astype(S.TIME_DTYPE)
    assert str(G.period_start(start, freq)[0])[:10] == expected


def test_figure_aggregate_rows_count_every_row_once() -> None:
    r = rows(3000)
    counts = G.aggregate_rows(r, "M")
    assert int(counts["count"].sum()) == len(r)
    assert counts.groupby([F.LANE, "period"]).size().max() == 1
    lane_colour = dict(zip(r[F.LANE].astype(str), r[F.COLOR].astype(str), strict=True))
    assert all(
        lane_colour[lane] == colour for lane, colour in zip(counts[F.LANE], counts[F.COLOR], strict=True)
    )


@pytest.mark.parametrize(("max_lanes", "cut"), [(3, True), (100, False)])
def test_figure_says_when_lanes_are_cut(max_lanes: int, cut: bool) -> None:
    r = rows(200)
    fig = G.timeline_figure(r, max_lanes=max_lanes)
    drawn = {y for t in marker_traces(fig) for y in t.y}
    assert drawn == {esc(v) for v in F.lane_order(r)[:max_lanes]}
    assert (
        f"{max_lanes} of {len(F.lane_order(r))} lanes: the busiest" in (fig.layout.title.text or "")
    ) is cut


def test_figure_a_small_recent_story_keeps_its_lanes_beside_a_large_old_one() -> None:
    from extract.viz.synthetic import _event

    old = [
        _event(
            i,
            "old",
            f"Actor {i % 30} met",
            "CONSULT",
            [f"Actor {i % 30}"],
            [],
            "absolute",
            f"1997-04-{1 + i % 28:02d}",
            f"1997-04-{2 + i % 28:02d}",
            "on Monday",
        )
        for i in range(300)
    ]
    new = [
        _event(
            900,
            "new",
            "Yoon asked Xi",
            "REQUEST",
            ["Yoon Suk Yeol", "Xi Jinping"],
            ["KOR", "CHN"],
            "publication",
            "2024-11-16",
            "2024-11-17",
            None,
        )
    ]
    events = S.conform(old + new, S.EVENTS)
    published = pd.Series(pd.to_datetime(["1997-04-20", "2024-11-16"]))
    rows = F.lane_rows(events, "actor")
    fig = G.timeline_figure(rows, max_lanes=10, published=published)
    drawn = set(fig.layout.yaxis.categoryarray)
    assert {"Yoon Suk Yeol", "Xi Jinping"} <= drawn and len(drawn) == 10
    plain = set(G.timeline_figure(rows, max_lanes=10).layout.yaxis.categoryarray)
    assert "Yoon Suk Yeol" not in plain  # without article dates: the busiest only
    # each burst's busiest lanes together, in date order (6 of 1997, then the 2 of 2024: the first
    # screen), the 2 others under them, although busier than Yoon and Xi (one event each)
    top = list(fig.layout.yaxis.categoryarray)[::-1]
    assert top[:PER_BURST] == F.lane_order(rows)[:PER_BURST]  # 1997's block, busiest first
    assert set(top[PER_BURST : PER_BURST + 2]) == {"Yoon Suk Yeol", "Xi Jinping"}


def test_figure_lift_title_moves_the_title_out_of_the_plot() -> None:
    r = rows(200)
    fig = G.timeline_figure(r, max_lanes=3)
    text = lift_title(fig)
    assert text.startswith("3 of ") and "lanes" in text
    assert not fig.layout.title.text and fig.layout.margin.t < 70
    assert lift_title(G.timeline_figure(r, max_lanes=100)) == ""  # nothing cut: nothing to say


@pytest.mark.parametrize(
    ("old_events", "news_lanes", "max_lanes", "old_drawn"),
    [
        # 10 one-event lanes in the news, a lane of 3 background events only: the news lanes fill the slots
        (3, 10, 8, False),
        # room for every lane: the background lane is drawn too (its marks are reached by From/To)
        (3, 4, 8, True),
    ],
)
def test_figure_lanes_left_after_the_bursts_are_those_in_the_news_first(
    old_events: int, news_lanes: int, max_lanes: int, old_drawn: bool
) -> None:
    base = sample_events().head(1)
    news = [
        base.assign(**{S.EVENT_ID: f"n:{k}", S.START: pd.Timestamp("1997-04-01") + pd.Timedelta(days=k)})
        for k in range(news_lanes)
    ]
    old = [
        base.assign(**{S.EVENT_ID: f"o:{k}", S.START: pd.Timestamp("1950-06-01") + pd.Timedelta(days=k)})
        for k in range(old_events)
    ]
    events = pd.concat(news + old, ignore_index=True)
    events[S.END] = pd.Series(pd.NaT, index=events.index).astype(events[S.END].dtype)
    events[S.ACTORS] = [[f"Actor {k}"] for k in range(news_lanes)] + [["Old"]] * old_events
    published = pd.Series(pd.to_datetime(["1997-04-05"]))
    fig, _ = G.view_figure(events, "actor", Filters(), {}, published=published, max_lanes=max_lanes)
    lanes = list(fig.layout.yaxis.categoryarray)
    assert len(lanes) == min(max_lanes, news_lanes + 1)
    assert ("Old" in lanes) is old_drawn


@pytest.mark.parametrize(
    ("name", "label"),
    [
        # an apostrophe stays itself: Plotly drew "Korean People&#x27;s A…" as written
        ("Korean People's Army", "Korean People's A…"),
        # what Plotly reads as markup is escaped
        ("Evil <img src=x onerror=alert(1)>", "Evil &lt;img src=x o…"),
        ("AT&T", "AT&amp;T"),
    ],
)
def test_viz_figure_lane_labels_escape_markup_not_quotes(name: str, label: str) -> None:
    assert esc(name, 18) == label


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        # by busyness alone: A1, B1, A2 …: the 2005 lane between two 1997 ones
        (
            {"A1": ["1997-04-01"] * 10 + ["2024-11-16"], "A2": ["1997-04-02"] * 2, "F1": ["1997-04-03"]}
            | {"B1": ["2005-11-15"] * 5, "C1": ["2024-11-16"], "X": ["1950-06-25"]},
            ["A1", "A2", "F1", "B1", "C1"],  # 1997's block (A1 has most of its marks there), 2005, 2024
        ),
        # one burst, nothing to group: busiest first, as before
        (
            {"A1": ["1997-04-01"] * 3, "A2": ["1997-04-02"] * 2, "F1": ["1997-04-03"], "X": ["1950-06-25"]},
            ["A1", "A2", "F1"],
        ),
    ],
)
def test_figure_lanes_of_each_news_burst_drawn_together_in_date_order(
    marks: dict[str, list[str]], expected: list[str]
) -> None:
    from extract.viz.synthetic import _event

    day = pd.Timedelta(days=1)
    events = [
        _event(
            i,
            f"d{i}",
            f"{lane} met",
            "CONSULT",
            [lane],
            [],
            "absolute",
            start,
            str((pd.Timestamp(start) + day).date()),
            "on Monday",
        )
        for i, (lane, start) in enumerate((lane, start) for lane, starts in marks.items() for start in starts)
    ]
    published = pd.Series(pd.to_datetime(["1997-04-03", "2005-11-15", "2024-11-16"]))  # the three news days
    rows = F.lane_rows(S.conform(events, S.EVENTS), "actor")
    fig = G.timeline_figure(rows, max_lanes=len(marks) - 1, published=published)
    assert list(fig.layout.yaxis.categoryarray)[::-1] == expected  # the old background lane X left out


@pytest.mark.parametrize(("lane", "story_only"), [("actor", True), ("country", True), ("country", False)])
def test_figure_countries_drawn_together_have_distinct_colours(lane: str, story_only: bool) -> None:
    """On the demo, Italy and Greece (one spare colour by hash) were drawn in the same colour."""
    from extract.viz import demo as D

    demo = D.shipped_extraction()
    if story_only:
        demo = D.restrict(demo, D.story_doc_ids())
    countries_of = F.actor_countries(demo.actors)
    fig, _ = G.view_figure(demo.events, lane, Filters(), countries_of, places=F.places(demo.actors))
    keys = [t for t in fig.data if t.legendgroup != "styles" and t.showlegend is not False and t.name]
    colours = [t.marker.color for t in keys]
    assert len(keys) > 10 and len(set(colours)) == len(colours)
    assert {"Italy (ITA)", "Greece (GRC)"} <= {t.name for t in keys}
    from extract.viz.colours import TWIN, _distance, load

    spare = load()[2]
    for t in keys:  # a spare colour is never a near twin of another drawn (all 34 articles: too many to keep)
        if story_only and t.marker.color in spare:
            assert min(_distance(t.marker.color, u.marker.color) for u in keys if u is not t) >= TWIN, t.name
