"""Page furniture ("2 mins read", repeated headline, "Read also", photo credits) yields no events."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.events.furniture import find_furniture
from extract.events.rules import furniture_patterns
from extract.pipeline import extract_events

PATTERNS = furniture_patterns()
POSITIVE = [(p.id, ex) for p in PATTERNS for ex in p.examples]
NEGATIVE = [(p.id, ex) for p in PATTERNS for ex in p.non_examples]


@pytest.mark.parametrize(("rule", "line"), POSITIVE)
def test_events_furniture_pattern_examples(rule: str, line: str) -> None:
    found = find_furniture(f"Some news happened.\n{line}\nMore news.")
    assert [f.rule for f in found] == [f"furniture:{rule}"]


@pytest.mark.parametrize(("rule", "line"), NEGATIVE)
def test_events_furniture_pattern_non_examples(rule: str, line: str) -> None:
    assert find_furniture(line) == []


def test_events_furniture_title_and_repeated_line() -> None:
    text = (
        "Big talks in Lima\n2 mins read\n\nBig talks in Lima\n\nYoon met Xi in Lima.\nYoon met Xi in Lima.\n"
    )
    found = find_furniture(text, title="Big talks in Lima")
    assert [f.rule for f in found] == [
        "furniture:title",
        "furniture:reading_time",
        "furniture:title",
        "furniture:repeated_line",
    ]
    assert text[found[0].char_start : found[0].char_end] == "Big talks in Lima"


def test_events_furniture_no_events_from_furniture_lines() -> None:
    text = (
        "France accuses Russia of attacks\n3 min read\n\nFrance accuses Russia of attacks\n\n"
        "Germany condemned the strike on Kyiv.\n\n"
        "Read also: Russia attacked Ukraine again\n\nPhoto: Reuters\n"
    )
    events = extract_events(text, "2024-11-16", title="France accuses Russia of attacks")
    assert events[S.PREDICATE].tolist() == ["condemn"]
    assert all(
        text[s:e] in "Germany condemned the strike on Kyiv."
        for s, e in zip(events[S.CHAR_START], events[S.CHAR_END], strict=True)
    )
