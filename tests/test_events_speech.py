"""Reported facts, not speech acts: every speech.toml example gives exactly its rows and speakers."""

from __future__ import annotations

from typing import Any

import pytest

from extract import schema as S
from extract.events.speech import speech_rules
from extract.pipeline import extract_events

pytestmark = pytest.mark.slow

EXAMPLES = list(speech_rules().examples)


@pytest.mark.parametrize("example", EXAMPLES, ids=[str(e["text"])[:40] for e in EXAMPLES])
def test_events_speech_examples(example: dict[str, Any]) -> None:
    events = extract_events(str(example["text"]), "2024-11-16")
    assert events[S.PREDICATE].tolist() == example["rows"]
    if "reported_by" in example:
        got = ["" if v is None or v is __import__("pandas").NA else str(v) for v in events[S.REPORTED_BY]]
        assert got == example["reported_by"]


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe are ready,\u201d he said.",  # content-free speech
        "The spokesman told reporters on Monday.",
        "According to the ministry.",
        "They added that talks were useful, he said.",  # opinion under speech: no event verb
    ],
)
def test_events_speech_content_free_speech_gives_no_row(text: str) -> None:
    events = extract_events(text, "2024-11-16")
    assert not events[S.PREDICATE].isin(["say", "tell", "add", "accord"]).any()


def test_events_speech_label_names_the_speaker_once() -> None:
    events = extract_events("Yoon said North Korea fired a missile on Monday.", "2024-11-16")
    label = str(events[S.EVENT].iloc[0])
    assert label.startswith("Yoon") and label.count("Yoon") == 1


def test_events_speech_news_label_carries_its_content() -> None:
    """A speech act that is news reads with what was said, even when that is a row of its own."""
    events = extract_events(
        "The US military on Wednesday acknowledged that a top al Qaeda member escaped from its jail in July.",
        "2005-11-02",
    )
    label = str(events.loc[events[S.PREDICATE] == "acknowledge", S.EVENT].iloc[0])
    assert "escaped" in label
    assert events[S.PREDICATE].tolist() == ["acknowledge", "escape"]


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [
        # a news verb hung after its content (parsed as its adverbial) attributes and dates it, no row of its own
        (
            "Stephen Jackson was suspended by the Indiana Pacers after a heated exchange with coach Rick "
            "Carlisle, the National Basketball Association club announced Monday.",
            "suspend",
            "Monday",
        ),
    ],
)
def test_events_speech_trailing_news_verb_reports_its_content(
    text: str, predicate: str, time_text: str
) -> None:
    events = extract_events(text, "2006-12-11")
    assert events[S.PREDICATE].tolist() == [predicate], events[[S.PREDICATE, S.EVENT]]
    assert bool(events[S.REPORTED].iloc[0])
    assert events[S.TIME_TEXT].iloc[0] == time_text


def test_events_speech_participle_of_a_news_verb_is_no_attribution() -> None:
    """ "sanctions, announced by Albright on Tuesday": the participle has no speaker; the accusation is not
    reported by Albright nor dated by her announcement."""
    events = extract_events(
        "A Burmese official on Wednesday accused the US government of using economic sanctions, announced "
        "by Madeleine Albright in Washington on Tuesday, to boost its political stock.",
        "1997-04-23",
    )
    row = events[events[S.PREDICATE] == "accuse"]
    assert len(row) == 1 and not str(row[S.EVENT].iloc[0]).startswith("Madeleine Albright")
    assert row[S.TIME_TEXT].iloc[0] == "Wednesday"


@pytest.mark.parametrize(
    ("text", "predicates"),
    [
        # a phrasal reporting verb carries its content like "say": no bare "X pointed out" row
        ("Lee pointed out that success will depend on creativity.", []),
        (
            "Moeller pointed out on Friday that terrorists had killed 50 people in Amman on Wednesday.",
            ["kill"],
        ),
        # must not change: "point" with an object is no saying
        ("The troops pointed their guns at the crowd on Monday.", ["point"]),
    ],
)
def test_events_speech_phrasal_reporting_verb(text: str, predicates: list[str]) -> None:
    events = extract_events(text, "2006-11-27")
    assert events[S.PREDICATE].tolist() == predicates, events[[S.PREDICATE, S.EVENT]]
