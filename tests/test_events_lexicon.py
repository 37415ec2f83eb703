"""The event-type lexicon: every TOML example yields its type; plain sentences yield no event."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.events.rules import EVENT_TYPES, lexicon
from extract.pipeline import extract_events

EXAMPLES = lexicon().examples


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_events_lexicon_examples(example: dict[str, str]) -> None:
    events = extract_events(example["text"], "2024-11-16")
    found = events[events[S.PREDICATE] == example["predicate"]]
    assert len(found), f"no event with predicate {example['predicate']!r}: {events[S.PREDICATE].tolist()}"
    assert found[S.EVENT_TYPE].iloc[0] == example["type"]


def test_events_lexicon_every_type_has_examples() -> None:
    typed = {e["type"] for e in EXAMPLES}
    assert typed == set(EVENT_TYPES) - {"OTHER"}


@pytest.mark.parametrize(
    "text",
    [
        "Malaysian share prices dipped 1.1 percent.",  # no type, no actor, no time of its own
        "Trading volume in the morning session was 162 million shares.",
        "It was raining heavily.",
        "",
        "   \n\n  ",
    ],
)
def test_events_lexicon_no_event_without_type_or_actor(text: str) -> None:
    assert len(extract_events(text, "1997-04-01")) == 0


@pytest.mark.parametrize("text", lexicon().not_event_examples)
def test_events_lexicon_not_events_examples(text: str) -> None:
    assert len(extract_events(text, "1997-04-01")) == 0


def test_events_lexicon_other_for_actor_clause_without_type() -> None:
    events = extract_events("Beijing added South Korea to its list of visa-exempt countries.", "2024-11-16")
    assert events[S.EVENT_TYPE].tolist() == ["OTHER"]
    assert events[S.PREDICATE].tolist() == ["add"]
