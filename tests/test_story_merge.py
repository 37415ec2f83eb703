"""Cross-report merge (extract/story/merge.py): pairs of reports that must and must not become one story event."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from extract import schema as S
from extract.story import merge_events

T = pd.Timestamp

BASE: dict[str, Any] = {
    S.EVENT: "China lifted visa requirements for South Korean travellers",
    S.PREDICATE: "lift",
    S.EVENT_TYPE: "EASE",
    S.SOURCE_ACTOR: "China",
    S.TARGET_ACTOR: "South Korea",
    S.ACTORS: ["China", "South Korea"],
    S.COUNTRIES: ["CHN", "KOR"],
    S.START: T("2024-11-08"),
    S.END: T("2024-11-09"),
    S.GRANULARITY: "day",
    S.TIME_KIND: "absolute",
    S.PUBLISHED: T("2024-11-08"),
    S.SENTENCE_START: 0,
    S.CHAR_START: 0,
    S.CHAR_END: 10,
}


def frame(*changes: dict[str, Any]) -> pd.DataFrame:
    rows = []
    for i, change in enumerate(changes):
        row = {
            **BASE,
            S.EVENT_ID: f"d{i}:0",
            S.DOC_ID: f"d{i}",
            S.SENTENCE: f"China lifted visa requirements for South Korean travellers, report {i} said.",
            **change,
        }
        rows.append(row)
    return S.conform(rows, S.EVENTS)


SAME = [
    ("same wording, two papers", {}),
    ("reworded, same names", {S.EVENT: "China lifts visa requirements for South Korean travellers"}),
    (
        "a later hour of the same day",
        {S.START: T("2024-11-08 15:00"), S.END: T("2024-11-08 16:00"), S.GRANULARITY: "hour"},
    ),
    ("the second report does not name the target", {S.TARGET_ACTOR: None}),
    ("published a day later, same event day", {S.PUBLISHED: T("2024-11-09"), S.TIME_KIND: "relative"}),
]
DIFFERENT = [
    ("another type", {S.EVENT_TYPE: "CONSULT"}),
    ("another day", {S.START: T("2024-11-10"), S.END: T("2024-11-11")}),
    (
        "another source actor",
        {S.SOURCE_ACTOR: "Japan", S.EVENT: "Japan lifted visa requirements for South Korean travellers"},
    ),
    (
        "another target actor",
        {S.TARGET_ACTOR: "Vietnam", S.EVENT: "China lifted visa requirements for Vietnamese travellers"},
    ),
    (
        "same type and day, other wording",
        {S.EVENT: "Beijing announced a trade delegation to Seoul", S.PREDICATE: "announce"},
    ),
    (
        "a month-long time, not that day",
        {S.START: T("2024-11-01"), S.END: T("2024-12-01"), S.GRANULARITY: "month"},
    ),
]


@pytest.mark.parametrize(("case", "change"), SAME, ids=[c for c, _ in SAME])
def test_reports_of_one_event_merge(case: str, change: dict[str, Any]) -> None:
    stories = merge_events(frame({}, change))
    assert len(stories) == 1, case
    story = stories.iloc[0]
    assert story[S.N_SOURCES] == 2 and story[S.REPORTS] == 2
    assert story[S.EVENT_IDS] == ["d0:0", "d1:0"] or sorted(story[S.EVENT_IDS]) == ["d0:0", "d1:0"]
    assert set(story[S.DOC_IDS]) == {"d0", "d1"}
    assert story[S.SOURCE_ACTOR] == "China"
    assert story[S.FIRST_REPORTED] == pd.Timestamp("2024-11-08")


@pytest.mark.parametrize(("case", "change"), DIFFERENT, ids=[c for c, _ in DIFFERENT])
def test_different_events_stay_apart(case: str, change: dict[str, Any]) -> None:
    stories = merge_events(frame({}, change))
    assert len(stories) == 2, case
    assert list(stories[S.N_SOURCES]) == [1, 1]


def test_every_report_is_kept_as_evidence() -> None:
    stories = merge_events(
        frame(
            {},
            {},
            {
                S.EVENT: "Japan held elections",
                S.SOURCE_ACTOR: "Japan",
                S.PREDICATE: "hold",
                S.TARGET_ACTOR: None,
                S.EVENT_TYPE: "ELECT",
            },
            {S.PUBLISHED: T("2024-11-10")},
        )
    )
    assert len(stories) == 2
    top = stories.iloc[0]  # most sources first
    assert top[S.N_SOURCES] == 3 and top[S.LAST_REPORTED] == pd.Timestamp("2024-11-10")
    assert sorted(e for ids in stories[S.EVENT_IDS] for e in ids) == ["d0:0", "d1:0", "d2:0", "d3:0"]
    assert top[S.SENTENCES] == [
        f"China lifted visa requirements for South Korean travellers, report {i} said." for i in (0, 1, 3)
    ]


def test_no_events_is_an_empty_typed_frame() -> None:
    out = merge_events(S.empty_frame(S.EVENTS))
    assert len(out) == 0 and list(out.columns) == S.names(S.STORY_EVENTS)
    assert str(out[S.START].dtype) == S.TIME_DTYPE


def test_a_report_naming_no_one_does_not_chain_two_actors() -> None:
    stories = merge_events(
        frame(
            {},
            {S.SOURCE_ACTOR: None, S.TARGET_ACTOR: None},
            {S.SOURCE_ACTOR: "Japan", S.EVENT: "China lifted visa requirements for South Korean travellers"},
        )
    )
    by_source = {s: n for s, n in zip(stories[S.SOURCE_ACTOR], stories[S.N_SOURCES], strict=True)}
    assert by_source == {"China": 2, "Japan": 1}
