"""The Story tab's pure functions (extract/viz/story.py) and dates= in links (extract/viz/params.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from extract import schema as S
from extract.story import merge_events
from extract.viz import story as ST
from extract.viz.params import DEFAULT_DATES, MAX_DATES, dates_from_params, dates_to_params


@pytest.mark.parametrize(("n", "first"), [(0, False), (1, False), (5, False), (6, True), (300, True)])
def test_story_leads_more_than_a_handful_of_documents(n: int, first: bool) -> None:
    assert ST.story_first(n) is first


@pytest.mark.parametrize(
    ("params", "n"),
    [
        ({}, DEFAULT_DATES),
        ({"dates": "4"}, 4),
        ({"dates": ["7"]}, 7),
        ({"dates": "0"}, 1),
        ({"dates": "9999"}, MAX_DATES),
        ({"dates": "many"}, DEFAULT_DATES),
        ({"dates": ""}, DEFAULT_DATES),
    ],
)
def test_dates_from_a_link(params: dict[str, Any], n: int) -> None:
    assert dates_from_params(params) == n


def test_dates_round_trip_and_default_stays_out_of_the_link() -> None:
    assert dates_to_params(DEFAULT_DATES) == {}
    assert dates_from_params(dates_to_params(5)) == 5


def test_entries_read_in_date_order_with_a_meta_line() -> None:
    summary = S.conform(
        [
            {
                S.DATE: pd.Timestamp("2024-03-05"),
                S.RANK: 2,
                S.HEADLINE: "Dam repaired",
                S.SUMMARY: ["b"],
                S.REPORTS: 1,
                S.ACTORS: [],
            },
            {
                S.DATE: pd.Timestamp("2024-03-01"),
                S.RANK: 1,
                S.HEADLINE: "<b>Flood</b>",
                S.SUMMARY: ["a1", "a2"],
                S.REPORTS: 4,
                S.ACTORS: ["A", "B", "C", "D", "E", "F", "G"],
            },
        ],
        S.STORY,
    )
    first, second = ST.story_entries(summary)
    assert (first.day, first.headline, first.sentences) == (date(2024, 3, 1), "<b>Flood</b>", ("a1", "a2"))
    assert first.meta == "4 reports · A, B, C, D, E and 2 more"
    assert second.meta == "1 report"
    assert ST.story_entries(S.empty_frame(S.STORY)) == []


@pytest.mark.parametrize(
    ("ranks", "lead_first", "days"),
    [
        ([3, 1, 2], True, ["2024-03-02", "2024-03-01", "2024-03-03"]),  # rank 1 leads, the rest by date
        ([1, 2, 3], True, ["2024-03-01", "2024-03-02", "2024-03-03"]),  # rank 1 is already first
        ([3, 1, 2], False, ["2024-03-01", "2024-03-02", "2024-03-03"]),  # no focus: date order only
    ],
)
def test_story_entries_the_lead_entry_first_when_asked(
    ranks: list[int], lead_first: bool, days: list[str]
) -> None:
    summary = S.conform(
        [
            {
                S.DATE: pd.Timestamp(f"2024-03-0{i + 1}"),
                S.RANK: r,
                S.HEADLINE: f"h{i}",
                S.SUMMARY: [],
                S.REPORTS: 1,
                S.ACTORS: [],
            }
            for i, r in enumerate(ranks)
        ],
        S.STORY,
    )
    assert [e.day.isoformat() for e in ST.story_entries(summary, lead_first=lead_first)] == days
    assert ST.story_entries(S.empty_frame(S.STORY), lead_first=True) == []


def test_a_headline_that_says_a_sentence_whole_is_not_followed_by_it() -> None:
    said = "Beijing warned the United States Tuesday against interfering in Taiwan."
    summary = S.conform(
        [
            {
                S.DATE: pd.Timestamp("1997-04-01"),
                S.RANK: 1,
                S.HEADLINE: "Beijing warned the United States against interfering in Taiwan",
                S.SUMMARY: [said, "Gingrich toned it down."],
                S.REPORTS: 3,
                S.ACTORS: [],
            }
        ],
        S.STORY,
    )
    (entry,) = ST.story_entries(summary)
    assert entry.headline.startswith("Beijing warned") and entry.sentences == ("Gingrich toned it down.",)


def test_entry_period_pads_the_day() -> None:
    assert ST.entry_period(date(2024, 3, 1)) == (date(2024, 2, 29), date(2024, 3, 2))


def test_story_rows_draw_one_mark_per_story_event() -> None:
    base = {
        S.EVENT: "China lifted visa rules for Koreans",
        S.PREDICATE: "lift",
        S.EVENT_TYPE: "EASE",
        S.SOURCE_ACTOR: "China",
        S.START: pd.Timestamp("2024-11-08"),
        S.END: pd.Timestamp("2024-11-09"),
        S.GRANULARITY: "day",
        S.TIME_KIND: "absolute",
        S.SENTENCE_START: 0,
        S.CHAR_START: 0,
        S.CHAR_END: 1,
    }
    events = S.conform(
        [
            {**base, S.EVENT_ID: "a:0", S.DOC_ID: "a", S.ACTORS: ["China"]},
            {**base, S.EVENT_ID: "b:0", S.DOC_ID: "b", S.ACTORS: ["China", "South Korea"]},
            {
                **base,
                S.EVENT_ID: "c:0",
                S.DOC_ID: "c",
                S.EVENT: "Japan held an election",
                S.PREDICATE: "hold",
                S.EVENT_TYPE: "ELECT",
                S.SOURCE_ACTOR: "Japan",
                S.ACTORS: ["Japan"],
            },
        ],
        S.EVENTS,
    )
    rows = ST.story_rows(events, merge_events(events))
    assert len(rows) == 2 and list(rows.columns) == S.names(S.EVENTS)
    merged = rows[rows[S.EVENT].str.endswith("· 2 reports")].iloc[0]
    assert set(merged[S.ACTORS]) == {"China", "South Korea"}
    assert "Japan held an election" in set(rows[S.EVENT])
    assert len(ST.story_rows(S.empty_frame(S.EVENTS), merge_events(S.empty_frame(S.EVENTS)))) == 0


def test_story_viz_latest_day_comes_first_from_its_articles_or_the_ranking() -> None:
    from extract.viz import demo as D

    story = D.restrict(D.shipped_extraction(), D.story_doc_ids())
    latest = ST.latest_entry(story.documents, story.events)
    assert latest is not None and latest.day.isoformat() == "2024-11-16" and latest.latest
    assert "Xi Jinping" in latest.headline and latest.sentences  # the seed's title and its lead
    assert all(s.strip() != latest.headline.strip() for s in latest.sentences)
    ranked = ST.story_entries(D.shipped_story())
    ordered = ST.latest_first(ranked, latest)
    assert ordered[0] == latest and [e.day for e in ordered[1:]] == sorted(e.day for e in ranked)
    # a latest day the ranking already has: that entry moves up, nothing is repeated
    moved = ST.latest_first(ranked, ST.StoryEntry(ranked[-1].day, "x", (), "", latest=True))
    assert moved[0].headline == ranked[-1].headline and moved[0].latest and len(moved) == len(ranked)
    assert ST.latest_first(ranked, None) == ranked
    assert ST.latest_entry(story.documents.iloc[0:0], story.events) is None
