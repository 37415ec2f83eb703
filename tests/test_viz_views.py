"""Map, network, events table, names and saved stores: the pure parts of the dashboard's views."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract import schema as S
from extract.filters import Filters
from extract.model import Extraction
from extract.viz import controls as C
from extract.viz import frames as F
from extract.viz import geo, network, saved
from extract.viz import marks as M
from extract.viz import table as TB
from extract.viz.names import country_label, type_label
from extract.viz.synthetic import XSS, sample_actors, sample_events

EVENTS = sample_events()


def test_views_map_counts_countries_and_ships_its_outlines() -> None:
    counts = dict(zip(*geo.country_counts(EVENTS).T.values, strict=True))
    assert counts == {"UKR": 3, "KOR": 2, "CHN": 3, "PRK": 2, "RUS": 2}
    fig = geo.map_figure(EVENTS)
    assert all(t.type == "scattergeo" and t.locationmode is None for t in fig.data)  # nothing asks for a CDN
    assert fig.layout.geo.visible is False
    bubbles = [t for t in fig.data if t.mode == "markers"][0]
    assert set(bubbles.customdata) == set(counts)
    assert any("North Korea (PRK)" in t for t in bubbles.text)


def test_views_map_of_nothing_draws_only_outlines() -> None:
    fig = geo.map_figure(EVENTS.iloc[0:0])
    assert [t.mode for t in fig.data] == ["lines"]


def test_views_network_edges_count_source_target_pairs() -> None:
    edges = network.edges(EVENTS)
    pairs = set(zip(edges[S.SOURCE_ACTOR], edges[S.TARGET_ACTOR], edges[S.COUNT], strict=True))
    assert pairs == {
        ("Yoon Suk Yeol", "Xi Jinping", 2),
        ("North Korea", "Russia", 1),
        ("Russia", "Ukraine", 1),
    }
    fig = network.network_figure(EVENTS, F.actor_countries(sample_actors()))
    nodes = [t for t in fig.data if t.customdata is not None][0]
    assert set(nodes.customdata) == {"Yoon Suk Yeol", "Xi Jinping", "North Korea", "Russia", "Ukraine"}
    widths = {t.name: t.line.width for t in fig.data if t.mode == "lines"}
    assert len(widths) == 3 and all(w > 0 for w in widths.values())  # one trace (colour) per event type
    assert max(widths.values()) == widths[next(n for n in widths if n.startswith(("REQUEST", "CONSULT")))]
    assert not any("<img" in str(x) for t in fig.data for x in (t.hovertext or t.text or []))


def test_views_network_layout_is_deterministic() -> None:
    links = network.edges(EVENTS)
    nodes = ["Yoon Suk Yeol", "Xi Jinping", "North Korea", "Russia", "Ukraine"]
    assert network.layout(nodes, links) == network.layout(nodes, links)
    assert network.layout([], links) == {}


def test_views_events_table_leads_with_what_a_reader_wants() -> None:
    table = TB.events_table(EVENTS, {"a": "Yoon meets Xi"})
    assert list(table.columns[:7]) == [TB.DATE, TB.UNTIL, TB.WHO, TB.WHAT, TB.WHOM, TB.TYPE, TB.ARTICLE]
    row = table[table[TB.WHAT] == "North Korea sent troops to Russia"].iloc[0]
    assert row[TB.UNTIL] == pd.Timestamp("2024-10-31")  # [Oct 1, Nov 1) ends on Oct 31
    assert row[TB.ARTICLE] == "Yoon meets Xi" and "North Korea (PRK)" in row[TB.COUNTRIES]
    one_day = table[table[TB.WHAT] == "Yoon asked Xi to help"].iloc[0]
    assert pd.isna(one_day[TB.UNTIL])
    assert S.RULE not in table.columns and S.RULE in TB.events_table(EVENTS, details=True).columns


def test_views_actors_table_speaks_plain_words() -> None:
    """The Actors tab names countries and how they were found in words, never the schema's codes."""
    actors = sample_actors()
    found = ["name", "title", "dateline", "same", None, None][: len(actors)]
    actors[S.COUNTRY_SOURCE] = pd.array(found, dtype="string")
    table = TB.actors_table(actors, EVENTS)
    assert list(table.columns) == list(TB.ACTOR_COLUMNS)
    words = dict(zip(table["actor"], table["country from"], strict=True))
    assert words["Yoon Suk Yeol"] == "its name" and words["Ukraine"] == ""
    assert words["North Korea"] == "the article's dateline (a guess)"
    sources = set(table["country from"]) - {""}
    assert sources and sources <= set(TB.COUNTRY_FROM_WORDS.values())
    assert not set(table["country from"]) & set(S.COUNTRY_SOURCES)
    assert all(c == "" or c.endswith(")") for c in table["country"])  # "North Korea (PRK)"
    assert table[F.IN_VIEW].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("code", "label"),
    [("PRK", "North Korea (PRK)"), ("RUS", "Russia (RUS)"), ("(none)", "no country"), ("XKX", "XKX")],
)
def test_views_country_labels(code: str, label: str) -> None:
    assert country_label(code) == label


def test_views_type_labels() -> None:
    assert type_label("REQUEST") == "REQUEST (ask, urge)" and type_label("NEWTYPE") == "NEWTYPE"


def test_views_same_day_peers_are_the_marks_sharing_a_lane_day() -> None:
    rows = F.lane_rows(EVENTS, "actor", Filters(), F.actor_countries(sample_actors()))
    assert set(M.same_day_peers(rows, "a:0")) == {"a:2"}  # Yoon and Xi, both on Nov 16
    assert M.same_day_peers(rows, "b:8") == []
    assert M.same_day_peers(rows, "missing") == []


def extraction() -> Extraction:
    docs = pd.DataFrame(
        {
            S.DOC_ID: ["a", "b"],
            S.TITLE: ["A", XSS],
            S.PUBLISHED: pd.to_datetime(["2024-11-16"] * 2),
            S.PUBLISHED_FROM: ["metadata"] * 2,
            S.CONTENT_HASH: ["h1", "h2"],
            S.N_CHARS: [10, 10],
            S.TEXT: ["x" * 10, "y" * 10],
        }
    )
    return Extraction(events=EVENTS, actors=sample_actors(), documents=S.conform(docs, S.DOCUMENTS))


def test_views_saved_store_opens_with_the_same_events(tmp_path: Path) -> None:
    from extract.store import Store

    root = saved.save_store("my-corpus", extraction(), tmp_path)
    assert root == tmp_path / "stores" / "my-corpus"
    store = Store.open(root)
    assert store.count(Filters()) == len(EVENTS) and len(store.documents()) == 2
    with pytest.raises(ValueError, match="exists already"):
        saved.save_store("my-corpus", extraction(), tmp_path)


@pytest.mark.parametrize("name", ["../evil", "a/b", "", ".hidden", "x" * 80])
def test_views_saved_store_refuses_bad_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="cannot be a store name"):
        saved.save_store(name, extraction(), tmp_path)
    assert not (tmp_path / "stores").exists()


def test_views_saved_store_refuses_too_much_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(saved, "MAX_SAVED_CHARS", 15)
    with pytest.raises(ValueError, match="more than the 15"):
        saved.save_store("big", extraction(), tmp_path)
    assert json.dumps([p.name for p in tmp_path.iterdir()]) == "[]"


@pytest.mark.parametrize(
    ("starts", "published", "aggregated", "has", "has_not"),
    [
        # a 1949 mention in 1997 news: off the axis, and the caption says how many
        (
            ["1949-06-01", "1997-04-01", "1997-04-20"],
            ["1997-04-20"],
            False,
            ["1 from other times off the axis"],
            [],
        ),
        # an undated event is "not drawn", never "off the axis"
        ([None, "1997-04-01"], ["1997-04-01"], False, ["1 without a date not drawn"], ["off the axis"]),
        # counted per period: no axis count (the counts figure places every period)
        (["1949-06-01", "1997-04-01"], ["1997-04-01"], True, ["counted per period"], ["off the axis"]),
        # all news, all dated: neither note
        (
            ["1997-04-01", "1997-04-02"],
            ["1997-04-01"],
            False,
            ["2 of 2 events from 1 article, dated 1997-04-01 … 1997-04-02"],
            ["not drawn", "off the axis", "articles", "2 events,"],
        ),
    ],
)
def test_views_timeline_caption_says_what_the_plot_does_not_show(
    starts: list[str | None], published: list[str], aggregated: bool, has: list[str], has_not: list[str]
) -> None:
    from extract.viz.axis import axis_view
    from extract.viz.controls import timeline_caption

    events = sample_events().head(len(starts)).copy()
    events[S.START] = pd.Series(pd.to_datetime(starts), index=events.index).astype(events[S.START].dtype)
    events[S.END] = pd.Series(pd.NaT, index=events.index).astype(events[S.END].dtype)
    text = timeline_caption(
        events,
        len(events),
        len(events),
        1,
        axis_view(events[S.START], pd.Series(pd.to_datetime(published))),
        Filters(),
        "3 of 9 lanes: x",
        aggregated,
    )
    assert text.startswith("**3 of 9 lanes\\: x** · ")  # the lanes note first, as literal Markdown
    assert all(h in text for h in has) and not any(h in text for h in has_not), text


def test_views_timeline_caption_leaves_the_dates_to_from_and_to() -> None:
    from extract.viz.axis import axis_view
    from extract.viz.controls import timeline_caption

    events = sample_events().head(2).copy()
    day = date(2024, 11, 15)
    shown = Filters(date_from=day, date_to=day)
    text = timeline_caption(events, 2, 9, 2, axis_view(events[S.START], None, day, day), shown)
    assert "2 of 9 events from 2 articles" in text and "dated" not in text
    assert "dated" in timeline_caption(events, 2, 9, 2, axis_view(events[S.START]), Filters())


def test_views_network_arrows_point_from_source_to_target() -> None:
    from extract.viz.demo import restrict, shipped_extraction, story_doc_ids

    result = restrict(shipped_extraction(), story_doc_ids())
    fig = network.network_figure(result.events, F.actor_countries(result.actors))
    nodes = next(t for t in fig.data if t.mode == "markers+text")
    at = {str(name): (x, y) for name, x, y in zip(nodes.customdata, nodes.x, nodes.y, strict=True)}
    arrows = [t for t in fig.data if t.mode == "markers" and t.marker.angleref == "previous"]
    pairs = [
        (t.x[k], t.y[k], t.x[k + 1], t.y[k + 1], t.text[k]) for t in arrows for k in range(0, len(t.x), 3)
    ]
    edges = network.edges(result.events)
    drawn = {
        (a, b)
        for a, b in zip(edges[S.SOURCE_ACTOR], edges[S.TARGET_ACTOR], strict=True)
        if a in at and b in at
    }
    assert len(pairs) == len(drawn)  # one arrow per edge between drawn actors
    leftwards = 0
    for x0, y0, x1, y1, label in pairs:
        source, target = html.unescape(label).split(": ")[0].split(" → ")
        (sx, sy), (tx, ty) = at[source], at[target]
        assert (x1 - x0) * (tx - sx) + (y1 - y0) * (ty - sy) > 0, label  # the arrow heads for the target
        leftwards += tx < sx
    assert leftwards  # some edges run right to left: one fixed arrow shape would point them the wrong way


@pytest.mark.parametrize(
    ("filters_text", "lanes_note", "heading", "note"),
    [
        ("", "", "News timeline", "1,200 events from 3 articles · made with the News → timeline dashboard"),
        (
            "actor Xi Jinping",
            "40 of 90 lanes",
            "News timeline — actor Xi Jinping",
            "1,200 events from 3 articles · 40 of 90 lanes · made with the News → timeline dashboard",
        ),
    ],
)
def test_viz_views_export_titles_state_filters_and_sources(
    filters_text: str, lanes_note: str, heading: str, note: str
) -> None:
    assert C.export_titles(filters_text, 1200, 3, lanes_note) == (heading, note)


@pytest.mark.parametrize(
    ("x", "expected"),
    [(-0.9, "top right"), (-0.3, "top center"), (0.0, "top center"), (0.49, "top center"), (0.8, "top left")],
)
def test_views_network_names_run_inward_from_the_edges(x: float, expected: str) -> None:
    assert network.label_positions([x]) == [expected]
