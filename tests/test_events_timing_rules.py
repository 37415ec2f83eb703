"""The time rules kept as data in rules/events/timing.toml: every example of every table is run
through the real pipeline (publication date 2005-11-15, a Tuesday), including the cases where a rule
must not fire (the row keeps its own day, or the publication day)."""

from __future__ import annotations

import tomllib
from typing import Any

import pandas as pd
import pytest

from extract import extract_events
from extract import schema as S
from extract.events.rules import RULES_DIR
from extract.events.timing_lead import lead_day_rules
from extract.events.timing_nouns import content_noun_rules, event_relative_rules
from extract.events.timing_order import same_day_phrases
from extract.events.timing_settings import (
    occasion_participle_rules,
    scheduled_date_rules,
    superlative_bound_rules,
)

RULES: dict[str, Any] = tomllib.loads((RULES_DIR / "timing.toml").read_text(encoding="utf-8"))
PUBLISHED = "2005-11-15"


def _examples(table: str) -> list[dict[str, Any]]:
    return list(RULES[table]["examples"])


def _row(example: dict[str, Any]) -> pd.Series:
    events = extract_events(example["text"], published=PUBLISHED)
    rows = events[events[S.PREDICATE] == example["predicate"]]
    assert len(rows), f"no {example['predicate']!r} row in {list(events[S.PREDICATE])}"
    return rows.iloc[0]


def _check(example: dict[str, Any]) -> None:
    row = _row(example)
    if example["end"] == "":  # no rule reached the row: the publication day, marked as such
        assert row[S.TIME_KIND] == "publication", (row[S.EVENT], row[S.TIME_TEXT])
        return
    got = (row[S.START], row[S.END])
    assert got == (pd.Timestamp(example["start"]), pd.Timestamp(example["end"])), row[S.EVENT]


@pytest.mark.parametrize("example", _examples("content_nouns"), ids=lambda e: e["text"][:50])
def test_events_timing_content_noun_lends_its_day(example: dict[str, Any]) -> None:
    """ "NATO's announcement on Monday that it had agreed …": the noun's day dates its "that" clause when
    the clause has none of its own; a relative clause or another noun's day does not take it."""
    _check(example)


def test_events_timing_content_nouns_are_lemmas() -> None:
    rules = content_noun_rules()
    assert rules.words and all(n == n.lower() and " " not in n for n in rules.words)
    assert len(rules.examples) == len(_examples("content_nouns"))


@pytest.mark.parametrize("example", _examples("measured_order"), ids=lambda e: e["text"][:50])
def test_events_timing_measured_order_moves_the_governing_day(example: dict[str, Any]) -> None:
    """ "resigned on Monday, *one day after* Democrats won": the win is the Sunday; without a measure,
    with "hours", or with a day of its own, the ordered clause is not moved."""
    _check(example)


def test_events_timing_measured_order_says_it_in_the_cue_text() -> None:
    events = extract_events(
        "Rumsfeld resigned on Monday, two days after Democrats won control of the House.", published=PUBLISHED
    )
    row = events[events[S.PREDICATE] == "win"].iloc[0]
    assert row[S.TIME_TEXT] == "2 D before Monday"


@pytest.mark.parametrize("example", _examples("taking_part"), ids=lambda e: e["text"][:50])
def test_events_timing_taking_part_takes_the_occasions_day(example: dict[str, Any]) -> None:
    """ "will attend *next week's* summit": the verb happens at the occasion; "postponed Sunday's
    elections" or "criticised Sunday's elections" do not."""
    _check(example)


@pytest.mark.parametrize("example", _examples("when_clauses"), ids=lambda e: e["text"][:50])
def test_events_timing_when_clause_takes_the_time_it_describes(example: dict[str, Any]) -> None:
    """ "until *Friday when* prosecutors said they had charged …": the clause is Friday's; a "when"
    clause of a verb ("attacked the town when the talks collapsed") takes no cue it does not describe."""
    _check(example)


@pytest.mark.parametrize("example", _examples("event_relatives"), ids=lambda e: e["text"][:50])
def test_events_timing_event_relative_takes_the_nouns_date(example: dict[str, Any]) -> None:
    """ "a 1975 coup in which Sheikh Mujib was killed": the killing is 1975's; an undated event lends
    nothing, and an object relative ("the 1975 coup, which the army condemned") keeps its own day."""
    _check(example)


def test_events_timing_event_relatives_are_read() -> None:
    rules = event_relative_rules()
    assert rules.subjects and rules.preps and rules.adverbs
    assert len(rules.examples) == len(_examples("event_relatives"))


@pytest.mark.parametrize("example", _examples("scheduled_dates"), ids=lambda e: e["text"][:60])
def test_events_timing_scheduled_date_dates_no_setting(example: dict[str, Any]) -> None:
    """ "the court set April 29 for the next hearing": neither the setting nor the adjournment coordinated
    with it is April 29's; a day of the setting itself ("set bail … on Monday") still dates it."""
    _check(example)


def test_events_timing_scheduled_date_is_lent_to_no_conjunct() -> None:
    """The adjournment coordinated with the setting is not dated by the date set for the hearing."""
    text = "The court was adjourned about two hours into the trial, and the court set April 29 for the next hearing."
    events = extract_events(text, published=PUBLISHED)
    assert len(events) and (events[S.TIME_TEXT] != "April 29").all(), list(events[S.TIME_TEXT])


def test_events_timing_scheduled_dates_are_read() -> None:
    rules = scheduled_date_rules()
    assert rules.verbs and rules.preps
    assert len(rules.examples) == len(_examples("scheduled_dates"))


@pytest.mark.parametrize("example", _examples("occasion_days"), ids=lambda e: e["text"][:50])
def test_events_timing_eve_of_a_dated_occasion(example: dict[str, Any]) -> None:
    """ "withdrew on the eve of Sunday's race": the Saturday; a day of its own wins, and an eve of an
    undated occasion gives no day."""
    _check(example)


@pytest.mark.parametrize("example", _examples("lead_day"), ids=lambda e: e["text"][:50])
def test_events_timing_lead_day_told_by_its_speaker(example: dict[str, Any]) -> None:
    """ "Sulagh *has criticised* the training …. …, the minister said Monday": a lead in the present
    perfect takes the day its doer spoke in the next sentences; another speaker's day, a day outside the
    news week, a simple past lead, a later sentence or a day too far on leave the publication day."""
    _check(example)


def test_events_timing_lead_day_rules_read() -> None:
    rules = lead_day_rules()
    assert rules.window >= 1 and "has" in rules.perfect
    assert len(rules.examples) == len(_examples("lead_day"))


@pytest.mark.parametrize("example", _examples("occasion_participles"), ids=lambda e: e["text"][:50])
def test_events_timing_occasion_lends_its_held_day(example: dict[str, Any]) -> None:
    """ "made at the summit of the AU council *held on* Nov. 9", "during the summit, *to be held on*
    Thursday", "discuss the developments at an emergency meeting on Thursday": the occasion's day; the
    participle of another verb ("a man *killed* on Sunday", "a hotel *built* in 1920") dates no clause."""
    _check(example)


@pytest.mark.parametrize("example", _examples("superlative_bounds"), ids=lambda e: e["text"][:50])
def test_events_timing_superlative_bound_dates_nothing(example: dict[str, Any]) -> None:
    """ "its lowest price *since July 26*", "the highest level *since 2001*": a comparison's range, the
    clause keeps the publication day; a "since" of the clause and a day of its own still date it."""
    _check(example)


def test_events_timing_setting_tables_read() -> None:
    occasions, bounds = occasion_participle_rules(), superlative_bound_rules()
    assert "hold" in occasions.verbs and all(v == v.lower() for v in occasions.verbs)
    assert "since" in bounds.preps and len(bounds.examples) == len(_examples("superlative_bounds"))
    assert len(occasions.examples) == len(_examples("occasion_participles"))


@pytest.mark.parametrize("example", _examples("same_day"), ids=lambda e: e["text"][:50])
def test_events_timing_same_day_is_the_last_event_day(example: dict[str, Any]) -> None:
    """ "… exploded on Sunday, police said on Monday. At the same day, … clashed": Sunday, the last
    event's day, not the reporting day; with no event told before, or a day of its own, nothing moves."""
    _check(example)


def test_events_timing_same_day_phrases_read() -> None:
    assert "the same day" in same_day_phrases()
    assert all(p == p.lower() for p in same_day_phrases())
