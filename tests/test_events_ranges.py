"""The time a clause states: a range of two cues spans both; an adverbial cue comes before a subject date."""

from __future__ import annotations

import tomllib
from typing import Any

import pandas as pd
import pytest

from extract import extract_events
from extract import schema as S
from extract.events.rules import RULES_DIR


@pytest.mark.parametrize(
    ("text", "verb", "start", "end"),
    [
        (
            "From 1991 to 1996 the Russian authorities did not celebrate the day.",
            "celebrate",
            "1991-01-01",
            "1997-01-01",
        ),
        ("Prices rose sharply between 2001 and 2004.", "rose", "2001-01-01", "2005-01-01"),
        ("The talks ran from March 3 to March 5 in Geneva.", "ran", "2005-03-03", "2005-03-06"),
        ("He served as mayor from 1990 until 1995.", "served", "1990-01-01", "1996-01-01"),
        # two cues that are no range: each clause keeps its own day
        ("The army shelled the town on March 3 and left on March 9.", "shelled", "2005-03-03", "2005-03-04"),
        ("Rebels attacked the base on March 3 and again on March 5.", "attacked", "2005-03-03", "2005-03-04"),
        # a range written backwards is no range
        ("Prices rose between 2004 and 2001.", "rose", "2004-01-01", "2005-01-01"),
    ],
)
def test_events_ranges_span_both_cues(text: str, verb: str, start: str, end: str) -> None:
    events = extract_events(text, published="2005-11-14")
    row = events[events[S.EVENT].str.contains(verb)].iloc[0]
    assert (row[S.START], row[S.END]) == (pd.Timestamp(start), pd.Timestamp(end)), row[S.EVENT]


@pytest.mark.parametrize(
    ("text", "verb", "start"),
    [
        ("In 1996, Nov. 7 was renamed the Day of Reconciliation.", "renamed", "1996-01-01"),
        # the only cue is the subject: it still dates the clause
        ("Nov. 7 was renamed the Day of Reconciliation.", "renamed", "2005-11-07"),
        ("The army attacked the town on Monday.", "attacked", "2005-11-14"),
        # the predicate's own adverbial before a cue of a verb inside its clause
        (
            "At the first summit in 1994, leaders from 34 countries agreed to set up a free trade zone"
            " with January 2005 as the deadline.",
            "agreed",
            "1994-01-01",
        ),
        # but not one of an event the clause is ordered against ("before the holding of … on Nov. 18")
        (
            "The ministerial meeting is scheduled to be held on Tuesday, before the holding of the"
            " leaders' meeting on Nov. 18 in Busan.",
            "scheduled",
            "2005-11-15",
        ),
        # a date word inside the subject's phrase is no adverbial
        ("The current campaign is slated to last until the end of September.", "slated", "2006-09-21"),
    ],
)
def test_events_ranges_adverbial_cue_before_a_subject_date(text: str, verb: str, start: str) -> None:
    events = extract_events(text, published="2005-11-14")
    row = events[events[S.EVENT].str.contains(verb)].iloc[0]
    assert row[S.START] == pd.Timestamp(start), row[S.EVENT]


DAY_RANGES: list[dict[str, Any]] = tomllib.loads((RULES_DIR / "ranges.toml").read_text())["examples"]


@pytest.mark.parametrize("example", DAY_RANGES, ids=[e["text"][:40] for e in DAY_RANGES])
def test_events_ranges_day_number_closes_the_range(example: dict[str, Any]) -> None:
    """ "from Nov. 19 to 20", "on Nov. 15-16": a bare day number after a day cue ends the range
    (ranges.toml); without an opening word, or when the number counts something, it does not."""
    events = extract_events(example["text"], published="2006-11-07")
    row = events[events[S.PREDICATE] == example["predicate"]].iloc[0]
    assert (row[S.START], row[S.END]) == (pd.Timestamp(example["start"]), pd.Timestamp(example["end"]))
