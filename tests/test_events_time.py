"""Time attachment: explicit cue in the clause, duration state, nearest in sentence, none → publication."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from extract import schema as S
from extract.actors import find_actor_mentions
from extract.events import find_events, set_line_starts
from extract.nlp import load_nlp
from extract.pipeline import extract_events


def _cue(text: str, surface: str, kind: str, start: str, end: str, value: str) -> dict[str, object]:
    at = text.index(surface)
    return {
        S.CHAR_START: at,
        S.CHAR_END: at + len(surface),
        S.TIME_TEXT: surface,
        S.TIME_TYPE: "DATE",
        S.TIME_VALUE: value,
        S.TIME_KIND: kind,
        S.START: start,
        S.END: end,
        S.GRANULARITY: "day",
        S.RULE: "test",
        S.CONFIDENCE: 1.0,
    }


def _events(text: str, cues: list[dict[str, object]], published: date | None) -> pd.DataFrame:
    nlp = load_nlp()
    doc = nlp(set_line_starts(nlp.make_doc(text)))
    return find_events(doc, find_actor_mentions(doc), S.conform(cues, S.TIME_CUES), published, "t")


def test_events_time_cue_in_clause_wins_over_other_clause() -> None:
    text = "Germany said on Friday that Russia attacked Ukraine on Monday."
    cues = [
        _cue(text, "Friday", "relative", "2024-11-15", "2024-11-16", "2024-11-15"),
        _cue(text, "Monday", "relative", "2024-11-11", "2024-11-12", "2024-11-11"),
    ]
    events = _events(text, cues, date(2024, 11, 16)).set_index(S.PREDICATE)
    assert events.loc["attack", S.TIME_TEXT] == "Monday"
    assert "say" not in events.index  # the saying is no row; its Friday does not date the attack
    assert events.loc["attack", S.TIME_CHAR_START] == text.index("Monday")
    assert events.loc["attack", S.START] == pd.Timestamp("2024-11-11")


def test_events_time_duration_is_a_column_and_the_row_keeps_a_date() -> None:
    text = "Russia attacked Kharkiv for three days."
    cues = [_cue(text, "for three days", "duration", "2024-11-13", "2024-11-16", "P3D")]
    row = _events(text, cues, date(2024, 11, 16)).set_index(S.PREDICATE).loc["attack"]
    assert row[S.DURATION] == "for three days"
    assert row[S.TIME_KIND] == "publication"
    assert row[S.START] == pd.Timestamp("2024-11-16")


@pytest.mark.parametrize(
    ("text", "cue", "predicate", "expected"),
    [
        # a cue of another clause of the sentence never dates the row
        (
            "Police detained the man on Thursday, who had fled last summer.",
            "last summer",
            "detain",
            "publication",
        ),
        # what was said, with no time of its own, takes the day it was said (rule time:reporting_clause)
        ("Germany said on Friday that Russia attacked Ukraine.", "Friday", "attack", "relative"),
        # an embedded (non-reporting) clause inherits its governor's cue
        ("On Monday Russia decided to attack Ukraine.", "Monday", "attack", "relative"),
        # the clause's own cue
        ("The governor stepped down on Monday.", "Monday", "step down", "relative"),
    ],
)
def test_events_time_own_or_governing_clause(text: str, cue: str, predicate: str, expected: str) -> None:
    cues = [_cue(text, cue, "relative", "2024-11-11", "2024-11-12", "2024-11-11")]
    rows = _events(text, cues, date(2024, 11, 16))
    row = rows[rows[S.PREDICATE] == predicate].iloc[0]
    assert row[S.TIME_KIND] == expected


def test_events_time_other_sentence_cue_not_used() -> None:
    text = "Russia attacked Ukraine. Talks were held on Monday."
    cues = [_cue(text, "Monday", "relative", "2024-11-11", "2024-11-12", "2024-11-11")]
    row = _events(text, cues, date(2024, 11, 16)).set_index(S.PREDICATE).loc["attack"]
    assert row[S.TIME_KIND] == "publication"


@pytest.mark.parametrize(
    ("published", "start", "end", "value"),
    [
        (date(2024, 11, 16), pd.Timestamp("2024-11-16"), pd.Timestamp("2024-11-17"), "2024-11-16"),
        (date(2024, 12, 31), pd.Timestamp("2024-12-31"), pd.Timestamp("2025-01-01"), "2024-12-31"),
        (None, pd.NaT, pd.NaT, None),
    ],
)
def test_events_time_none_falls_back_to_publication(
    published: date | None,
    start: pd.Timestamp,
    end: pd.Timestamp,
    value: str | None,
) -> None:
    row = _events("Russia attacked Ukraine.", [], published).iloc[0]
    assert row[S.TIME_KIND] == "publication"
    assert pd.isna(row[S.TIME_CHAR_START])
    if value is None:
        assert pd.isna(row[S.START]) and pd.isna(row[S.END]) and pd.isna(row[S.TIME_VALUE])
    else:
        assert (row[S.START], row[S.END], row[S.TIME_VALUE]) == (start, end, value)
        assert row[S.GRANULARITY] == "day"


def test_events_time_with_real_tagger_explicit_cue() -> None:
    events = extract_events("Russia attacked Ukraine on March 3, 2022.", "2024-11-16")
    row = events.set_index(S.PREDICATE).loc["attack"]
    assert row[S.TIME_KIND] == "absolute"
    assert row[S.START] == pd.Timestamp("2022-03-03")


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [  # one-sentence cases of issue 10: a dated event reaches the events frame with its own time
        ("The governor stepped down on Monday.", "step down", "Monday"),
        ("Two days ago, the mayor addressed the council.", "address", "Two days ago"),
        ("Prices slumped in early 2021.", "slump", "early 2021"),
        ("The plant closed in the 1980s.", "close", "the 1980s"),
        ("Riot police detained two students on Friday.", "detain", "Friday"),
    ],
)
def test_events_time_dated_sentence_gives_a_dated_row(text: str, predicate: str, time_text: str) -> None:
    events = extract_events(text, "2024-11-16")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert time_text in str(row[S.TIME_TEXT])
    assert row[S.TIME_KIND] != "publication" and pd.notna(row[S.START])
    assert pd.isna(row[S.UNDATED_REASON])


@pytest.mark.parametrize(
    "text",
    ["The mayor is popular.", "It was raining heavily.", "Prices are high."],
)
def test_events_time_undated_state_gives_no_row(text: str) -> None:
    assert len(extract_events(text, "2024-11-16")) == 0


def test_events_time_undated_row_says_why() -> None:
    events = extract_events("Russia attacked Ukraine.", None)
    assert events[S.UNDATED_REASON].tolist() == ["no publication date"]


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [
        # a clause of the same moment lends its date; a clause of a bound does not
        ("Youths threw rocks at police, while police fired shots in return on Tuesday.", "throw", "Tuesday"),
        ("Youths threw rocks at police when police fired shots on Tuesday.", "throw", "Tuesday"),
        ("Police arrested 19 people as they prepared for a crackdown at the weekend.", "arrest", None),
        ("Youths threw rocks at police after police fired shots on Tuesday.", "throw", None),
        ("Youths threw rocks at police before police fired shots on Tuesday.", "throw", None),
        # the "when" clause of a verb's xcomp predicate dates it; one after it does not
        (
            "A group of students had to be evacuated when a fire broke out at the school on Thursday.",
            "evacuate",
            "Thursday",
        ),
        (
            "Hundreds of people had to be evacuated after a fire broke out at the school on Thursday.",
            "evacuate",
            None,
        ),
        # a day the parser hangs on a past conjunct's infinitive dates that conjunct, so the coordination
        ("Schools were shut down and the elderly told to stay indoors on Tuesday.", "shut", "Tuesday"),
        ("Police arrested five men and plan to question them on Friday.", "arrest", None),
    ],
)
def test_events_time_simultaneous_clause_lends_its_date(
    text: str, predicate: str, time_text: str | None
) -> None:
    events = extract_events(text, "2024-11-16")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    if time_text is None:
        assert row[S.TIME_KIND] == "publication"
    else:
        assert row[S.TIME_TEXT] == time_text


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "overnight" dates its clause; a participle describing a noun is no row and lends its cue upward
        (
            "The violence spread to several other departments ringing the capital overnight.",
            [("spread", "overnight")],
        ),
        # a gerund after "after"/"before" acts with the main clause's subject and takes the cue nearest it
        (
            "After ordering the roundup of 23 strike leaders Monday, the Palestinian Authority arrested "
            "several more teachers overnight.",
            [("order", "Monday"), ("arrest", "overnight")],
        ),
        ("The departments ringing the capital are quiet.", []),
    ],
)
def test_events_time_participles_and_gerunds(text: str, rows: list[tuple[str, str]]) -> None:
    events = extract_events(text, "1997-04-23")
    assert list(zip(events[S.PREDICATE], events[S.TIME_TEXT], strict=True)) == rows


@pytest.mark.parametrize(
    ("text", "predicate", "start", "end"),
    [
        # "N units later/earlier" dates the clause from the last date stated, at the unit's granularity
        (
            "Police questioned him on June 21 last year. Three months later, police arrested Chen.",
            "arrest",
            "2005-09-01",
            "2005-10-01",
        ),
        (
            "The army seized the town on Monday. A day later the rebels attacked it.",
            "attack",
            "2006-11-21",
            "2006-11-22",
        ),
        ("He was elected in 1990 and resigned two years later.", "resign", "1992-01-01", "1993-01-01"),
        (
            "The army seized the town on Monday. Two days earlier the rebels had attacked it.",
            "attack",
            "2006-11-18",
            "2006-11-19",
        ),
    ],
)
def test_events_time_units_later_count_from_the_last_date(
    text: str, predicate: str, start: str, end: str
) -> None:
    events = extract_events(text, "2006-11-22")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert (row[S.START], row[S.END]) == (pd.Timestamp(start), pd.Timestamp(end))
    assert pd.isna(row[S.DURATION])


@pytest.mark.parametrize(
    "text",
    [
        "The rebels attacked the town three months later.",
        "The talks with the rebels lasted three months on Monday.",
    ],
)
def test_events_time_units_later_need_an_earlier_date(text: str) -> None:
    """No date stated before, or no "later": the amount stays a duration and dates nothing."""
    events = extract_events(text, "2006-11-22")
    assert "months" not in " ".join(str(t) for t in events[S.TIME_TEXT])


@pytest.mark.parametrize(
    ("text", "predicate", "rule", "time_text"),
    [
        # an undated simple past continues the news day the story last stated for a happening of its own
        (
            "Nigel Mansell won the Grand Prix at Kyalami on Sunday. Emerson Fittipaldi followed 0.4 seconds behind.",
            "follow",
            "time:narrative",
            "Sunday",
        ),
        # not a present perfect, nor after a date outside the past week
        (
            "Nigel Mansell won the Grand Prix at Kyalami on Sunday. Emerson Fittipaldi has retired.",
            "retire",
            "time:publication",
            None,
        ),
        (
            "Nigel Mansell won the Grand Prix in 1992. Emerson Fittipaldi followed 0.4 seconds behind.",
            "follow",
            "time:publication",
            None,
        ),
        # a bare "later" after a date outside the news week follows that date, not the news day
        (
            "Mansell won the race on Sunday. Refugees have lived in camps after leaving Bhutan in 1990. "
            "Bhutan later expelled more ethnic Nepalese.",
            "expel",
            "time:publication",
            None,
        ),
        # what a speaker "has claimed" or "says" is no happening of the story's day
        (
            "Dunne testified on Monday. Dunne has claimed he ended up handing over 1.3 million punts.",
            "end",
            "time:publication",
            None,
        ),
        (
            "Dunne testified on Monday. Dunne said he ended up handing over 1.3 million punts.",
            "end",
            "time:narrative",
            "Monday",
        ),
        # after a news day, or with an amount ("0.4 seconds later"), the narrative day holds
        (
            "Police arrested the man on Sunday. Police later released him.",
            "release",
            "time:narrative",
            "Sunday",
        ),
        (
            "Mansell won the race on Sunday. Fittipaldi, who won the title in 1972, followed 0.4 seconds later.",
            "follow",
            "time:narrative",
            "Sunday",
        ),
        # a relative clause describes its noun: it does not continue the story's day
        (
            'Prodi visited Vlore on Sunday. Italy has received about 13,000 Albanian refugee "boat people" who'
            " fled the lawlessness in the country.",
            "flee",
            "time:publication",
            None,
        ),
        # nor does a relative clause that dates the event noun it describes set the story's day; one that
        # describes a doer does
        (
            "Hamas rejected on Wednesday an agreement with Israel. Hamas condemned the approval of the agreement"
            " that was reached on Tuesday. Jihad echoed the criticism.",
            "echo",
            "time:narrative",
            "Wednesday",
        ),
        (
            "Mansell, who won the race on Sunday, thanked his team. Fittipaldi followed 0.4 seconds later.",
            "follow",
            "time:narrative",
            "Sunday",
        ),
        # a clause beside the news of the report takes the report's day, not the last day stated
        (
            "The president ordered the deployment on Saturday. The opposition, meanwhile, vowed to hold rallies.",
            "vow",
            "time:publication",
            None,
        ),
        # a calendar fact in the present sets no day the story continues
        (
            "Poets' Day is falling on Saturday this year. Myanmar presented awards to writers.",
            "present",
            "time:publication",
            None,
        ),
    ],
)
def test_events_time_narrative_day(text: str, predicate: str, rule: str, time_text: str | None) -> None:
    events = extract_events(text, "2005-11-14")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert str(row[S.RULE]).endswith(rule)
    assert (None if pd.isna(row[S.TIME_TEXT]) else row[S.TIME_TEXT]) == time_text


@pytest.mark.parametrize(
    ("text", "predicate", "start", "end"),
    [
        # a run of happenings since a date lasts until the report (published 2006-11-02)
        (
            "Since 2003 China has reported 21 human infections of bird flu.",
            "report",
            "2003-01-01",
            "2006-11-03",
        ),
        (
            "Ever since March the two parties have fought over the budget.",
            "fight",
            "2006-03-01",
            "2006-11-03",
        ),
        # a past tense keeps the cue's own interval, and so does a cue without "since"
        ("Since 2003 China reported 21 human infections of bird flu.", "report", "2003-01-01", "2004-01-01"),
        ("In 2003 China has reported 21 human infections of bird flu.", "report", "2003-01-01", "2004-01-01"),
    ],
)
def test_events_time_since_lasts_until_the_report(text: str, predicate: str, start: str, end: str) -> None:
    row = extract_events(text, "2006-11-02").set_index(S.PREDICATE).loc[predicate]
    assert (row[S.START], row[S.END]) == (pd.Timestamp(start), pd.Timestamp(end))


def test_events_time_a_cue_two_nouns_down_dates_no_clause() -> None:
    """ "wrangling over the bloc's budget for 2007 to 2013" is about the budget, not the summit."""
    text = "The summit in Brussels is dominated by intense wrangling over the bloc's budget for 2007 to 2013."
    events = extract_events(text, "2005-12-15")
    assert not (events[S.TIME_TEXT].astype(str) == "2007").any()


@pytest.mark.parametrize(
    ("text", "predicate", "time_text", "start"),
    [
        # a date of the clause beats a vague reference of it
        (
            "Earlier, the activists staged serial bombings in 63 districts on Aug. 17.",
            "bombing",
            "Aug. 17",
            "2005-08-17",
        ),
        # a clock time anchored on a day the clause contradicts gives way to the clause's day
        (
            "Lawyers called a strike for Thursday. A suicide bomber attacked the court at about 9:05 a.m."
            " (3:05 GMT) Tuesday, killing two policemen.",
            "attack",
            "Tuesday",
            "2005-11-29",
        ),
        # a clock time on the clause's own day stays, and a vague reference alone still dates
        ("By Tuesday noon, the firemen had put out the flames.", "put", "noon", "2005-11-29 12:00"),
        ("Police recently arrested the mayor.", "arrest", "recently", "2005-08-31"),
        # a vague word of a noun is no adverb of the clause: the nearest cue stays
        (
            "Analysts have detected in the current dispute Moscow's disapproval of last year's revolution.",
            "detect",
            "current",
            "2005-11-23",
        ),
    ],
)
def test_events_time_day_beats_vague_and_contradicted_clock(
    text: str, predicate: str, time_text: str, start: str
) -> None:
    events = extract_events(text, "2005-11-29")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert (row[S.TIME_TEXT], row[S.START]) == (time_text, pd.Timestamp(start)), row[S.EVENT]


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [
        # a vague future reference in a clause in the past says what it is about, not when
        ("Hakim said he had frank talks with Rice on the future US role in Iraq.", "talk", None),
        # in a future clause it dates it, and a clause's own date stays
        ("The two sides will hold talks in the future.", "talk", "the future"),
        ("The minister discussed plans for the future on Monday.", "discuss", "Monday"),
    ],
)
def test_events_time_future_reference_does_not_date_a_past_clause(
    text: str, predicate: str, time_text: str | None
) -> None:
    events = extract_events(text, "2006-12-04")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert (None if pd.isna(row[S.TIME_TEXT]) else row[S.TIME_TEXT]) == time_text, row[S.EVENT]


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [
        # an undated clause at an earlier occasion takes no narrative day (earlier_words, flags.toml)
        ("A poll showed on Monday that Kadima leads. Likud won 38 seats at the last election.", "win", None),
        ("Police met the strikers on Monday. The union struck at the previous summit.", "strike", None),
        # an idiom or a plain narrative clause still continues the news day
        (
            "Levy met Erbakan on Tuesday. Erbakan accepted the request at the last minute.",
            "accept",
            "Tuesday",
        ),
        ("Levy met Erbakan on Tuesday. Erbakan accepted the request.", "accept", "Tuesday"),
    ],
)
def test_events_time_earlier_occasion_takes_no_narrative_day(
    text: str, predicate: str, time_text: str | None
) -> None:
    events = extract_events(text, "2005-12-12")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert (None if pd.isna(row[S.TIME_TEXT]) else row[S.TIME_TEXT]) == time_text, row[S.EVENT]


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [
        # the event a clause takes place at is dated by its participle: its day is the clause's
        ("The agreement was made at a meeting held on Monday night.", "agreement", "Monday night"),
        ("The deal was signed at a ceremony held on Monday.", "sign", "Monday"),
        # not a place or a thing: a hotel's building year dates no meeting
        ("The two leaders met at a hotel built in 1920.", "meet", None),
        # not another preposition: "in an attack launched on Monday" is the attack's own row to date
        ("The envoy spoke about a plan approved on Monday.", "speak", None),
    ],
)
def test_events_time_setting_dated_by_its_participle(
    text: str, predicate: str, time_text: str | None
) -> None:
    events = extract_events(text, "2005-11-08")
    rows = events[events[S.PREDICATE] == predicate]
    got = [None if t is pd.NA else t for t in rows[S.TIME_TEXT]]
    assert got[:1] == [time_text] or (time_text is None and not got), events[
        [S.EVENT, S.PREDICATE, S.TIME_TEXT]
    ]


@pytest.mark.parametrize(
    ("text", "predicate", "time_text"),
    [
        # a date that classifies a person or a thing dates no clause
        ("Australia's 1980 winner Alan Jones withdrew from the race.", "withdraw", None),
        ("Parliament passed the 2006 budget.", "pass", None),
        # a date of an event noun, or one of several words, still does
        ("Troops killed 20 rebels in the 1994 offensive.", "kill", "1994"),
        ("Rebels attacked the town in the May 1997 elections.", "attack", "May 1997"),
        # a fronted adjective describes the subject: its date is no date of the clause
        ("Notorious for his role in a riot two years ago, Jackson was arrested.", "arrest", None),
        ("Famous for his win in 2004, Smith resigned on Monday.", "resign", "Monday"),
    ],
)
def test_events_time_attribute_dates_no_clause(text: str, predicate: str, time_text: str | None) -> None:
    events = extract_events(text, "2005-11-14")
    rows = events[events[S.PREDICATE] == predicate]
    assert len(rows), events[[S.EVENT, S.PREDICATE]]
    got = rows[S.TIME_TEXT].iloc[0]
    assert (None if got is pd.NA else got) == time_text
