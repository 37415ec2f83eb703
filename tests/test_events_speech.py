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
