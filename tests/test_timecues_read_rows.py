"""Time-cue bugs found by reading event rows of real news, each stated as what the sentence means.

Each table holds the failing sentences and the ones that must stay as they are (or find nothing);
intervals are half-open [start, end). 2005-11-02 is a Wednesday, 2005-12-16 a Friday.
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


def _check(text: str, published: str, cue_text: str, value: str, start: datetime) -> None:
    row = _cue(text, published, cue_text)
    assert (row[S.TIME_VALUE], row[S.START]) == (value, pd.Timestamp(start))


# (text, publication date, cue, value, interval start)
UNTIL_CASES = [
    # a day after "until" in a past or perfect clause is behind us
    (
        "His escape has been kept in secret by the US military until Tuesday when prosecutors said so.",
        "2005-11-02",
        "Tuesday",
        "2005-11-01",
        D(2005, 11, 1),
    ),
    (
        "The road remained closed until Tuesday, when troops withdrew.",
        "2005-11-02",
        "Tuesday",
        "2005-11-01",
        D(2005, 11, 1),
    ),
    (
        "It was not until Tuesday that the army admitted the raid.",
        "2005-11-02",
        "Tuesday",
        "2005-11-01",
        D(2005, 11, 1),
    ),
    # must stay ahead: a deferral verb, the future, or no verb at all
    ("The vote has been postponed until Tuesday.", "2005-11-02", "Tuesday", "2005-11-08", D(2005, 11, 8)),
    ("The court adjourned the trial until Tuesday.", "2005-11-02", "Tuesday", "2005-11-08", D(2005, 11, 8)),
    (
        "The judge gave the defence until Tuesday to reply.",
        "2005-11-02",
        "Tuesday",
        "2005-11-08",
        D(2005, 11, 8),
    ),
    ("The embassy will stay closed until Tuesday.", "2005-11-02", "Tuesday", "2005-11-08", D(2005, 11, 8)),
    ("Voting runs until Tuesday.", "2005-11-02", "Tuesday", "2005-11-08", D(2005, 11, 8)),
]


@pytest.mark.parametrize(("text", "published", "cue", "value", "start"), UNTIL_CASES)
def test_timecues_read_rows_until_in_past_clause(
    text: str, published: str, cue: str, value: str, start: datetime
) -> None:
    _check(text, published, cue, value, start)


WEEKEND_CASES = [
    # what is prepared for is ahead; "a feared outbreak" is an adjective; ", officers said Friday"
    # says when it was said, not the tense of the crackdown
    (
        "Police arrested 19 people in Sydney as they prepared for a major crackdown on a feared new outbreak"
        " of racial violence at the weekend, officers said Friday.",
        "2005-12-16",
        "the weekend",
        "2005-W50-WE",
        D(2005, 12, 17),
    ),
    (
        "Police are preparing for a clampdown at the weekend, officers said Friday.",
        "2005-12-16",
        "the weekend",
        "2005-W50-WE",
        D(2005, 12, 17),
    ),
    # must stay: a past verb in the cue's own clause
    (
        "Fighting broke out at the weekend, officers said Friday.",
        "2005-12-16",
        "the weekend",
        "2005-W49-WE",
        D(2005, 12, 10),
    ),
    (
        "Rioters clashed with police over the weekend.",
        "2005-12-19",
        "the weekend",
        "2005-W50-WE",
        D(2005, 12, 17),
    ),
    # a sentence-initial cue: the verb after the comma is its own clause's
    ("In September, it announced plans to sell.", "1989-10-30", "September", "1989-09", D(1989, 9, 1)),
]


@pytest.mark.parametrize(("text", "published", "cue", "value", "start"), WEEKEND_CASES)
def test_timecues_read_rows_weekend_ahead(
    text: str, published: str, cue: str, value: str, start: datetime
) -> None:
    _check(text, published, cue, value, start)


THE_MONTH_CASES = [
    # a month after "the" that modifies a noun is that month, resolved like any bare month
    ("Students called for a boycott of the May elections.", "1999-03-10", "May", "1999-05", D(1999, 5, 1)),
    (
        "He will stand in the December presidential elections.",
        "2005-11-16",
        "December",
        "2005-12",
        D(2005, 12, 1),
    ),
    (
        "Police gathered evidence in the October slaying of a doctor.",
        "1999-04-19",
        "October",
        "1998-10",
        D(1998, 10, 1),
    ),
]


@pytest.mark.parametrize(("text", "published", "cue", "value", "start"), THE_MONTH_CASES)
def test_timecues_read_rows_month_before_a_noun(
    text: str, published: str, cue: str, value: str, start: datetime
) -> None:
    _check(text, published, cue, value, start)


@pytest.mark.parametrize(
    "text",
    [
        "the October Revolution changed Russia",  # a name
        "the March on Washington drew thousands",  # the noun "march"
        "the March for Life was held",
        "The March was peaceful.",
        "Theresa May elections",  # a person
        "the May of his youth",
    ],
)
def test_timecues_read_rows_month_after_the_finds_nothing(text: str) -> None:
    assert tag_time_cues(text, "2005-11-16").empty


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a sports clock reading is no date, nor is the game's quarter it names; the durations stay
        (
            "The incident came with nine minutes and 13 seconds to play in the fourth quarter of Seattle's"
            " 106-90 victory.",
            ["PT9M", "PT13S"],
        ),
        ("Miller hit a jumper with 2:30 left in the third quarter.", []),
        ("He scored 12 points in the fourth quarter of the game.", []),
        # must stay: a quarter of the year
        ("Profit fell in the fourth quarter.", ["2005-Q4"]),
        ("Sales will rise 5 percent in the fourth quarter, the company said.", ["2005-Q4"]),
    ],
)
def test_timecues_read_rows_game_clock_is_no_date(text: str, kept: list[str]) -> None:
    assert tag_time_cues(text, "2005-12-10")[S.TIME_VALUE].tolist() == kept


EVENT_YEAR_CASES = [
    # a yearless date in a clause that says when "the 2006 Asian Games" are held is in 2006
    ("The 2006 Asian Games will begin on December 1 in Doha.", "2005-11-16", "December 1", "2006-12-01"),
    ("The 2008 Olympics open on August 8.", "2007-09-01", "August 8", "2008-08-08"),
    ("The 2010 World Cup kicks off on June 11.", "2009-12-04", "June 11", "2010-06-11"),
    ("The 2006 Games will take place in Doha in December.", "2005-11-16", "December", "2006-12"),
    (
        "The 2002 elections are scheduled to be held in the capital on October 5.",
        "2001-09-20",
        "October 5",
        "2002-10-05",
    ),
    # must stay: the year modifies another noun's modifier, the verb is no "held", the year is no subject
    ("The 2006 World Cup draw will be held on December 9.", "2005-11-16", "December 9", "2005-12-09"),
    ("The 2006 budget was approved on December 1.", "2005-12-10", "December 1", "2005-12-01"),
    (
        "After the 2004 elections, parliament will meet on December 1.",
        "2005-11-16",
        "December 1",
        "2005-12-01",
    ),
    ("Preparations for 2006 Asian Games will begin on December 1.", "2005-11-16", "December 1", "2005-12-01"),
]


@pytest.mark.parametrize(("text", "published", "cue", "value"), EVENT_YEAR_CASES)
def test_timecues_read_rows_event_year(text: str, published: str, cue: str, value: str) -> None:
    assert _cue(text, published, cue)[S.TIME_VALUE] == value


def test_timecues_read_rows_attribution_ends_the_clause() -> None:
    # the clause after an attribution ("adding that he would …") does not set the tense before it
    text = (
        "Tadic was feeling well after undergoing surgery at the hospital on Monday, said the office, "
        "adding that Tadic would remain at home."
    )
    assert _cue(text, "2006-11-22", "Monday")[S.TIME_VALUE] == "2006-11-20"


# read on news-silver after the first form of these rules: each stays as the sentence means it
SILVER_CASES = [
    (
        "The agency said it was putting off the start of operations until Saturday.",
        "1997-04-17",
        "Saturday",
        "1997-04-19",
    ),
    (
        "A summit was put off until Thursday, local media reported on Wednesday.",
        "2006-11-29",
        "Thursday",
        "2006-11-30",
    ),
    (
        "Flight disruptions were to continue until Thursday, the airline said.",
        "2005-12-14",
        "Thursday",
        "2005-12-15",
    ),
    ("Lugar warned that a government might not be finalised until April.", "2005-12-15", "April", "2006-04"),
    (
        "A second man was questioned and can be held until Saturday at the latest.",
        "2006-12-21",
        "Saturday",
        "2006-12-23",
    ),
    (
        "In his Nov. 8 memorandum prepared for Bush, Hadley recommended a change.",
        "2006-11-29",
        "Nov. 8",
        "2006-11-08",
    ),
    (
        "Social welfare is to be at the heart of the March ballot, said analysts.",
        "2005-11-26",
        "March",
        "2006-03",
    ),
]


@pytest.mark.parametrize(("text", "published", "cue", "value"), SILVER_CASES)
def test_timecues_read_rows_news_silver_stays(text: str, published: str, cue: str, value: str) -> None:
    assert _cue(text, published, cue)[S.TIME_VALUE] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "were about to" is a future seen from the past; the attribution after the cue does not decide
        (
            "The man dashed towards the pupils when they were about to cross the street on Wednesday afternoon,"
            " Xinhua news agency reported.",
            "2006-12-13TAF",
        ),
        # must stay: "is about to" is ahead
        ("The court is about to rule on Wednesday afternoon, lawyers said.", "2006-12-20TAF"),
    ],
)
def test_timecues_read_rows_future_seen_from_the_past(text: str, value: str) -> None:
    assert _cue(text, "2006-12-18", "Wednesday afternoon")[S.TIME_VALUE] == value


@pytest.mark.parametrize(
    ("text", "published", "cue", "value"),
    [
        # a start after "since" is on or before the publication date, even a few weeks "ahead" of it
        ("Shares saw the largest one-day fall since the May curbs.", "1997-04-13", "May", "1996-05"),
        ("Cases had risen by 80 percent since January, she said.", "2006-11-10", "January", "2006-01"),
        # must stay: the month of publication itself, and a past month
        ("Prices have risen since November.", "2006-11-10", "November", "2006-11"),
        ("Prices have risen since March.", "2006-11-10", "March", "2006-03"),
    ],
)
def test_timecues_read_rows_since_is_behind(text: str, published: str, cue: str, value: str) -> None:
    assert _cue(text, published, cue)[S.TIME_VALUE] == value
