"""Event flags (reported, future, hypothetical, negated) from the cue words in flags.toml."""

from __future__ import annotations

from typing import Any

import pytest

from extract import schema as S
from extract.events.rules import FLAGS, flag_cues, read_rules
from extract.pipeline import extract_events

EXAMPLES = flag_cues().examples
EXTRA = [
    {"text": "Xi said China will support the plan.", "predicate": "support", "flags": ["reported", "future"]},
    {"text": "Israel would never attack Iran.", "predicate": "attack", "flags": ["hypothetical", "negated"]},
    {"text": "Xi said China supports the plan.", "predicate": "support", "flags": ["reported"]},
    {"text": "Russia is going to attack Kyiv.", "predicate": "attack", "flags": ["future"]},
    {"text": "Russia went to attack Kyiv on Monday.", "predicate": "attack", "flags": []},
]


@pytest.mark.parametrize("example", EXAMPLES + EXTRA, ids=[e["text"][:40] for e in EXAMPLES + EXTRA])
def test_events_flags_table(example: dict[str, Any]) -> None:
    events = extract_events(example["text"], "2024-11-16")
    found = events[events[S.PREDICATE] == example["predicate"]]
    assert len(found), f"no event {example['predicate']!r} in {events[S.PREDICATE].tolist()}"
    row = found.iloc[0]
    got = [flag for flag in FLAGS if bool(row[flag])]
    assert got == [flag for flag in FLAGS if flag in example["flags"]]


MANDATIVE: list[dict[str, Any]] = read_rules("flags.toml")["hypothetical"]["mandative_examples"]


@pytest.mark.parametrize("example", MANDATIVE, ids=[e["text"][:40] for e in MANDATIVE])
def test_events_flags_mandative_complement_is_no_row(example: dict[str, Any]) -> None:
    """ "Abe suggested the two sides *hold* a meeting": the subjunctive is an act asked for, no row; the
    suggestion is the row. A past form after the same verb is a fact, reported by the speaker."""
    events = extract_events(example["text"], "2006-11-18")
    assert events[S.PREDICATE].tolist() == example["rows"], events[[S.PREDICATE, S.EVENT]]
