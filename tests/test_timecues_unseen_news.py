"""Cases found on unseen news (issue 13), each stating the interval the timeline must get.

Written by hand from what the sentence means; intervals are half-open [start, end).
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from extract import schema as S
from extract.timecues import tag_time_cues

D = datetime


def _cue(text: str, published: str, cue_text: str) -> pd.Series:
    frame = tag_time_cues(text, published)
    rows = frame[frame[S.TIME_TEXT] == cue_text]
    assert len(rows) == 1, frame[[S.TIME_TEXT, S.TIME_VALUE]].values.tolist()
    return rows.iloc[0]


# (text, publication date, cue text, TIMEX3 type, value, interval start, interval end)
CASES = [
    # a day with a relative year is one cue in that year, not this year's day beside "last year"
    (
        "He was arrested on July 15 last year.",
        "2006-11-20",
        "July 15 last year",
        "DATE",
        "2005-07-15",
        D(2005, 7, 15),
        D(2005, 7, 16),
    ),
    (
        "The agreement signed on 21 June last year expired.",
        "2006-11-20",
        "21 June last year",
        "DATE",
        "2005-06-21",
        D(2005, 6, 21),
        D(2005, 6, 22),
    ),
    # the last completed quarter, not Q4
    (
        "Profits rose 4 percent in the last quarter.",
        "2025-09-15",
        "the last quarter",
        "DATE",
        "2025-Q2",
        D(2025, 4, 1),
        D(2025, 7, 1),
    ),
    (
        "Sales fell last quarter, the company said.",
        "2025-01-20",
        "last quarter",
        "DATE",
        "2024-Q4",
        D(2024, 10, 1),
        D(2025, 1, 1),
    ),
    # ... but "the last quarter of 2024" is Q4
    (
        "Output grew in the last quarter of 2024.",
        "2025-09-15",
        "the last quarter of 2024",
        "DATE",
        "2024-Q4",
        D(2024, 10, 1),
        D(2025, 1, 1),
    ),
    # the day before the day last named
    (
        "He arrived on Monday, Oct. 13. The day before, he had called the embassy.",
        "2025-10-15",
        "The day before",
        "DATE",
        "2025-10-12",
        D(2025, 10, 12),
        D(2025, 10, 13),
    ),
    (
        "The vote was held on March 3. The day after, the minister resigned.",
        "2025-03-10",
        "The day after",
        "DATE",
        "2025-03-04",
        D(2025, 3, 4),
        D(2025, 3, 5),
    ),
    # a deadline still ahead, though the clause is in the past tense
    (
        "The ceasefire was extended to run through June.",
        "2025-09-15",
        "June",
        "DATE",
        "2026-06",
        D(2026, 6, 1),
        D(2026, 7, 1),
    ),
    (
        "The plan, set to run through June, was approved last week.",
        "2025-09-15",
        "June",
        "DATE",
        "2026-06",
        D(2026, 6, 1),
        D(2026, 7, 1),
    ),
    # a range of years is one cue over both years
    (
        "The 1957-58 season was his best.",
        "2025-09-15",
        "1957-58",
        "DATE",
        "1957",
        D(1957, 1, 1),
        D(1959, 1, 1),
    ),
    (
        "Spending in the 1999-00 budget rose.",
        "2025-09-15",
        "1999-00",
        "DATE",
        "1999",
        D(1999, 1, 1),
        D(2001, 1, 1),
    ),
    # vague spans get a vague interval (vague.toml's widths), not NaT
    (
        "Prices have risen over the past several months.",
        "2025-09-15",
        "the past several months",
        "DURATION",
        "PXM",
        D(2025, 3, 19),
        D(2025, 9, 15),
    ),
    (
        "Prices have risen in recent years.",
        "2025-09-15",
        "recent years",
        "DATE",
        "PAST_REF",
        D(2020, 9, 15),
        D(2025, 9, 15),
    ),
    (
        "Talks will go on over the next few weeks.",
        "2025-09-15",
        "the next few weeks",
        "DURATION",
        "PXW",
        D(2025, 9, 16),
        D(2025, 10, 28),
    ),
    # thirds of a year and of a month as a reader counts them (the events guidelines' table)
    (
        "The process would be completed by the end of this year.",
        "2006-11-02",
        "the end of this year",
        "DATE",
        "2006",
        D(2006, 9, 1),
        D(2007, 1, 1),
    ),
    (
        "Prices slumped in early 2021.",
        "2022-03-03",
        "early 2021",
        "DATE",
        "2021",
        D(2021, 1, 1),
        D(2021, 5, 1),
    ),
    (
        "He left in late January.",
        "2006-03-03",
        "late January",
        "DATE",
        "2006-01",
        D(2006, 1, 21),
        D(2006, 2, 1),
    ),
    (
        "Talks resume in mid-February.",
        "2006-01-03",
        "mid-February",
        "DATE",
        "2006-02",
        D(2006, 2, 11),
        D(2006, 2, 21),
    ),
    # the scheduling present names the coming weekday (published on a Tuesday)
    (
        "Iraq goes to the polls on Thursday to elect its first full-term parliament.",
        "2005-12-13",
        "Thursday",
        "DATE",
        "2005-12-15",
        D(2005, 12, 15),
        D(2005, 12, 16),
    ),
    (
        "Talks between the two sides resume Monday, officials said.",
        "2005-12-13",
        "Monday",
        "DATE",
        "2005-12-19",
        D(2005, 12, 19),
        D(2005, 12, 20),
    ),
    # a bare month told in the past, three months ahead of the story: the one behind it
    (
        "The company was declared bankrupt in March by a Moscow court.",
        "2006-12-15",
        "March",
        "DATE",
        "2006-03",
        D(2006, 3, 1),
        D(2006, 4, 1),
    ),
    # ... but not in the future tense
    (
        "The company will be declared bankrupt in March.",
        "2006-12-15",
        "March",
        "DATE",
        "2007-03",
        D(2007, 3, 1),
        D(2007, 4, 1),
    ),
]


@pytest.mark.parametrize(("text", "published", "cue_text", "type_", "value", "start", "end"), CASES)
def test_timecues_unseen_news_interval(
    text: str, published: str, cue_text: str, type_: str, value: str, start: datetime, end: datetime
) -> None:
    row = _cue(text, published, cue_text)
    assert (row[S.TIME_TYPE], row[S.TIME_VALUE]) == (type_, value)
    assert (row[S.START], row[S.END]) == (pd.Timestamp(start), pd.Timestamp(end))


def test_timecues_unseen_news_vague_span_is_marked_vague() -> None:
    assert (
        _cue("Prices have risen over the past several months.", "2025-09-15", "the past several months")[
            S.TIME_KIND
        ]
        == "vague"
    )


EMAIL = (
    "The court heard the messages on Monday. In an e-mail dated Dec. 2, 2024, he wrote: "
    '"I will be at the hotel Sunday night, 8 PM. Bring the papers." He denies it.'
)


def test_timecues_unseen_news_quoted_email_counts_from_its_own_date() -> None:
    """The e-mail's "Sunday night" is the Sunday after Dec. 2, 2024, not one near the publication date."""
    sunday = _cue(EMAIL, "2025-09-15", "Sunday night")
    assert (sunday[S.TIME_VALUE], sunday[S.START], sunday[S.END]) == (
        "2024-12-08TNI", pd.Timestamp(2024, 12, 8), pd.Timestamp(2024, 12, 9))  # fmt: skip
    eight = _cue(EMAIL, "2025-09-15", "8 PM")
    assert (eight[S.TIME_VALUE], eight[S.START]) == ("2024-12-08T20:00", pd.Timestamp(2024, 12, 8, 20))
    # the cue outside the quotation still counts from the publication date
    assert _cue(EMAIL, "2025-09-15", "Monday")[S.TIME_VALUE] == "2025-09-15"


@pytest.mark.parametrize(
    "text",
    [
        # no written message named before the quotation: a speech is left as it was
        'On Dec. 2, 2024, the minister said: "We will meet on Sunday."',
        # the dated e-mail is in an earlier sentence
        'He sent an e-mail on Dec. 2, 2024. Later he told reporters: "We will meet on Sunday."',
    ],
)
def test_timecues_unseen_news_undated_quotes_keep_the_publication_date(text: str) -> None:
    assert _cue(text, "2025-09-15", "Sunday")[S.TIME_VALUE] == "2025-09-21"


@pytest.mark.parametrize(
    ("text", "cue_text"),
    [
        ("The day before the vote, he called.", None),  # counted from an event: not this rule
        ("He finished the last quarter-century of his career abroad.", None),
        ("Dial 1957-581 for details.", None),
    ],
)
def test_timecues_unseen_news_finds_nothing_there(text: str, cue_text: str | None) -> None:
    rules = set(tag_time_cues(text, "2025-09-15")[S.RULE])
    assert not rules & {"the_day_before", "last_quarter", "year_range"}


@pytest.mark.parametrize(
    ("text", "value"),
    [  # short unit forms count as their unit (tweets write them): not days
        ("It took 9 mins.", "PT9M"),
        ("a 2.5 hrs wait", "PT2.5H"),
        ("less than 12 hrs", "PT12H"),
        ("every 10 secs", "PT10S"),
    ],
)
def test_timecues_unseen_news_short_units(text: str, value: str) -> None:
    values = tag_time_cues(text, "2014-01-08")[S.TIME_VALUE].tolist()
    assert value in values, values
