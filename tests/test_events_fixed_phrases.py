"""Fixed verb phrases: the noun of "comes into force", "took effect", "came to power" is part of the
predicate, no source, target or actor of the row (senses.toml ``[fixed_phrases]``)."""

from __future__ import annotations

from typing import Any

import pytest

from extract import schema as S
from extract.events.rules import read_rules
from extract.pipeline import extract_events

pytestmark = pytest.mark.slow

EXAMPLES: list[dict[str, Any]] = read_rules("senses.toml")["fixed_phrases"]["examples"]


def _parties(text: str) -> list[str]:
    events = extract_events(text, "2005-12-16")
    assert len(events) >= 1, text
    row = events.iloc[0]
    return [str(x) for x in (row[S.SOURCE_ACTOR], row[S.TARGET_ACTOR], *row[S.ACTORS]) if x is not None]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_events_fixed_phrases_examples(example: dict[str, Any]) -> None:
    assert not [p for p in _parties(example["text"]) if example["noun"] in p.lower()]


@pytest.mark.parametrize(
    ("text", "party"),
    [  # not a fixed phrase: the noun stays a party
        ("Syria sent its forces into Lebanon on Monday.", "forces"),
        ("The Indian Air Force came into the city on Monday.", "Indian Air Force"),
        ("The army came to the capital on Monday.", "army"),
    ],
)
def test_events_fixed_phrases_other_nouns_stay_parties(text: str, party: str) -> None:
    assert party in _parties(text)
