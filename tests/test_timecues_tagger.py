"""tag_time_cues end to end: the seed article, what must stay untagged, datelines, modes, and
the property that it never raises and always returns the schema."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import schema as S
from extract.timecues import find_dateline, tag_time_cues, time_cue_records

_SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1425ebb94b50a240.txt"


def _seed_text() -> str:
    return _SEED.read_text(encoding="utf-8")


def _cue(frame: pd.DataFrame, text: str) -> pd.Series:
    rows = frame[frame[S.TIME_TEXT] == text]
    assert len(rows) == 1, frame[[S.TIME_TEXT, S.TIME_VALUE]].values.tolist()
    return rows.iloc[0]


def test_timecues_tagger_seed_article() -> None:
    text = _seed_text()
    frame = tag_time_cues(text, "2024-11-16")
    past = _cue(frame, "the past two years")
    assert (past[S.TIME_TYPE], past[S.TIME_VALUE]) == ("DURATION", "P2Y")
    assert (past[S.START], past[S.END]) == (pd.Timestamp("2022-11-16"), pd.Timestamp("2024-11-16"))
    recent = _cue(frame, "recently")
    assert (recent[S.TIME_VALUE], recent[S.TIME_KIND]) == ("PAST_REF", "vague")
    assert recent[S.END] == pd.Timestamp("2024-11-16") and recent[S.START] < recent[S.END]
    furniture = text.index("2 mins read")
    assert not ((frame[S.CHAR_START] < furniture + 11) & (frame[S.CHAR_END] > furniture)).any()
    for row in frame.itertuples():
        assert text[row.char_start : row.char_end] == row.time_text


@pytest.mark.parametrize(
    "text",
    [
        "2 mins read",
        "The shares cost $1,998.50 and rose 3.5%.",
        "Arsenal won 3-1 on aggregate.",
        "Call +44 20 7946 0958 or 555-1998.",
        "Theresa May said the vote counts.",
        "May said no.",
        "Reference number 2882015 was issued.",
        "Do you have a car?",
        "Share this article",
        "He sent 2000 troops.",
        "Prices fall sharply.",
        # a month inside a name: after "the", or between capitalised words
        "They marked the October Revolution.",
        'Slogans hailed "the Great October Holiday!"',
    ],
)
def test_timecues_tagger_finds_nothing(text: str) -> None:
    frame = tag_time_cues(text, "2024-11-16")
    assert frame.empty, frame[[S.TIME_TEXT, S.RULE]].values.tolist()


def test_timecues_tagger_dateline_gives_the_dct() -> None:
    text = "KUALA LUMPUR, April 1 , 1997 (AFP) - Shares fell on Monday and will recover next week."
    line = find_dateline(text)
    assert line is not None and line.date == date(1997, 4, 1)
    frame = tag_time_cues(text)
    assert _cue(frame, "April 1 , 1997")[S.TIME_KIND] == "publication"
    assert _cue(frame, "Monday")[S.TIME_VALUE] == "1997-03-31"
    assert _cue(frame, "next week")[S.TIME_VALUE] == "1997-W15"


def test_timecues_tagger_dateline_without_year() -> None:
    line = find_dateline("SEOUL, Nov. 16 (Yonhap) — Talks began.")
    assert line is not None
    assert (line.month, line.day, line.year, line.date) == (11, 16, None, None)
    assert find_dateline("Beijing recently added South Korea.") is None


def test_timecues_tagger_without_dct_keeps_values_underspecified() -> None:
    frame = tag_time_cues("The minister said on Tuesday that talks would start last week.")
    assert set(frame[S.TIME_VALUE]) == {"XXXX-WXX-2", "XXXX-WXX"}
    assert frame[S.START].isna().all()


def test_timecues_tagger_narrative_anchors_on_the_last_date() -> None:
    text = "The war began in September 1939. On 17 September the Soviets invaded. The next day, Warsaw fell."
    frame = tag_time_cues(text, "2009-12-19", mode="narrative")
    assert _cue(frame, "17 September")[S.TIME_VALUE] == "1939-09-17"
    assert _cue(frame, "The next day")[S.TIME_VALUE] == "1939-09-18"
    news = tag_time_cues(text, "2009-12-19", mode="news")
    assert _cue(news, "17 September")[S.TIME_VALUE] != "1939-09-17"


def test_timecues_tagger_accepts_every_date_type() -> None:
    values = {
        tag_time_cues("yesterday", p)[S.TIME_VALUE].iloc[0]
        for p in ("2024-11-16", date(2024, 11, 16), pd.Timestamp("2024-11-16 10:00"))
    }
    assert values == {"2024-11-15"}
    with pytest.raises(ValueError, match="published"):
        tag_time_cues("yesterday", "not a date")


def test_timecues_tagger_empty_text_is_an_empty_frame() -> None:
    frame = tag_time_cues("", "2024-11-16")
    assert frame.empty and list(frame.columns) == S.names(S.TIME_CUES)


_PIECES = [
    "May",
    "Feb.",
    "29",
    "31",
    "1998",
    "0000",
    "99",
    "'90s",
    "BC",
    "AD 0",
    "last",
    "next",
    "week",
    "ago",
    "the past",
    "two",
    "years",
    "on",
    "Tuesday",
    "quarter",
    "third",
    "mid-",
    "early",
    "10:30",
    "a.m.",
    "tonight",
    ",",
    ".",
    "-",
    " ",
    "\n",
    "recently",
    "fiscal",
    "century",
    "20th",
    "SEOUL,",
    "(AFP)",
    "Christmas",
    "weekend",
    "daily",
    "every",
    "half",
    "of",
    "and a half",
]
_TEXTS = (
    st.text(max_size=120)
    | st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join)
    | st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)
)


@settings(max_examples=400, deadline=None)
@given(
    _TEXTS,
    st.sampled_from(["news", "narrative"]),
    st.sampled_from([None, "2024-02-29", "1998-01-08", "0001-01-01", "9999-12-31"]),
)
def test_timecues_tagger_never_raises(text: str, mode: str, published: str | None) -> None:
    frame = tag_time_cues(text, published, mode=mode)  # type: ignore[arg-type]
    assert list(frame.columns) == S.names(S.TIME_CUES)
    assert [str(t) for t in frame.dtypes] == [c.dtype for c in S.TIME_CUES]
    assert (
        (frame[S.CHAR_START] >= 0)
        & (frame[S.CHAR_START] <= frame[S.CHAR_END])
        & (frame[S.CHAR_END] <= len(text))
    ).all()
    assert frame[S.CHAR_START].is_monotonic_increasing
    records = time_cue_records(text, published, mode=mode)  # type: ignore[arg-type]
    pd.testing.assert_frame_equal(S.conform(records, S.TIME_CUES), frame)


@pytest.mark.parametrize("mode", ["news", "narrative"])
def test_timecues_tagger_records_are_the_frame_rows(mode: str) -> None:
    text = _seed_text() + " In 480 BC, in August, the fleet sailed; 14 years later it returned."
    frame = tag_time_cues(text, "2024-11-16", mode=mode)  # type: ignore[arg-type]
    assert len(frame) >= 5 and frame[S.START].notna().any()
    pd.testing.assert_frame_equal(
        S.conform(time_cue_records(text, "2024-11-16", mode=mode), S.TIME_CUES), frame
    )


def test_timecues_tagger_narrative_before_christ() -> None:
    text = (
        "In 480 BC the Persians invaded Greece. In August, they reached Thermopylae. Two years later, peace."
    )
    frame = tag_time_cues(text, "2009-12-19", mode="narrative")
    assert _cue(frame, "480 BC")[S.TIME_VALUE] == "BC0480"
    assert _cue(frame, "August")[S.TIME_VALUE] == "BC0480-08"
    assert _cue(frame, "Two years later")[S.TIME_VALUE] == "BC0478"
    assert frame[S.START].isna().all()


def test_timecues_tagger_anaphora_uses_the_stated_date() -> None:
    text = "The plant opened in March 1995. The following month it was sold, and later that year it closed."
    frame = tag_time_cues(text, "1998-01-08")
    assert _cue(frame, "The following month")[S.TIME_VALUE] == "1995-04"
    assert _cue(frame, "later that year")[S.TIME_VALUE] == "1995"
    assert (
        _cue(tag_time_cues("It will open next month.", "1998-01-08"), "next month")[S.TIME_VALUE] == "1998-02"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KIPUSHI, Zaire-Zambia border, April 14 , 1997 (AFP) - Rebels", date(1997, 4, 14)),
        ("GENEVA, April 4 , 1997, (AFP) - The", date(1997, 4, 4)),
        ("WASHINGTON, Dec 2 , 2005\nThe president", date(2005, 12, 2)),
        ("by Li Xuejun\n\nMAR DEL PLATA, Argentina, Nov. 5, 2005 (Xinhua) -- The", date(2005, 11, 5)),
        ("WASHINGTON (AP) — The Senate", None),
    ],
)
def test_timecues_tagger_dateline_forms(text: str, expected: date | None) -> None:
    line = find_dateline(text)
    assert line is not None and line.date == expected


@pytest.mark.parametrize(
    "text",
    ["Beijing recently added South Korea.", "The USA, in 1997, said (AP) no.", "In Seoul, Nov. 16 was cold."],
)
def test_timecues_tagger_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("a dividend of $1.76 a year, payable", "SET"),
        ("four flights a week to Bombay", "SET"),
        ("victory within a week.", "DURATION"),
        ("the smallest gain in a year.", "DURATION"),
    ],
)
def test_timecues_tagger_rates_are_sets(text: str, type_: str) -> None:
    frame = tag_time_cues(text, "1998-01-08")
    assert frame[S.TIME_TYPE].tolist() == [type_]


def test_timecues_tagger_year_written_after_a_chain_of_dates() -> None:
    frame = tag_time_cues("Fighting in August and September 1914 was heavy.", "2009-12-19", mode="narrative")
    assert _cue(frame, "August")[S.TIME_VALUE] == "1914-08"
    other = tag_time_cues("Talks on March 3, the 1950s, 1957 and more.", "2024-11-16")
    assert not _cue(other, "March 3")[S.TIME_VALUE].startswith("1957")
    # a year further on after other words is not shared ("elected in January, ... until the end of 2010")
    later = tag_time_cues(
        "The parliament, elected in January, stays in place until the end of 2010.", "2006-06-17"
    )
    assert _cue(later, "January")[S.TIME_VALUE] == "2006-01"
    aside = tag_time_cues("It fell on December 7 (December 8 in Asian time zones), 1941.", "2006-06-17")
    assert _cue(aside, "December 8")[S.TIME_VALUE] == "1941-12-08"
    holiday = tag_time_cues("Nineteen people were killed on Christmas Eve in 2000.", "2005-12-21")
    assert _cue(holiday, "Christmas Eve")[S.TIME_VALUE] == "2000-12-24"


def test_timecues_tagger_clock_time_on_the_day_named_before() -> None:
    frame = tag_time_cues("The bomb went off on Friday. At 6 a.m. police arrived.", "1998-08-10")
    assert _cue(frame, "6 a.m.")[S.TIME_VALUE] == "1998-08-07T06:00"


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("the summit on April 24 and 25. The", ["1999-04-24", "1999-04-25"]),
        ("Surrendering on May 4 and 5 were the", ["1999-05-04", "1999-05-05"]),
        # nothing more: a count, or a number after a full date
        ("on May 4 and 5 people died", ["1999-05-04"]),
        ("on March 3, 1998 and 4 others", ["1998-03-03"]),
        ("on May 4 and 5.5 percent", ["1999-05-04"]),
    ],
)
def test_timecues_tagger_second_day(text: str, values: list[str]) -> None:
    frame = tag_time_cues(text, published=datetime(1999, 3, 12))
    assert frame[S.TIME_VALUE].tolist() == values


@pytest.mark.parametrize(
    ("text", "mode", "cue", "value"),
    [
        # news mode (TimeBank): the count is a DURATION, "later" a signal outside the cue
        ("Three days later, the index closed.", "news", "Three days", "P3D"),
        ("A few days later, it announced cuts.", "news", "A few days", "PXD"),
        ("A day earlier, trucks crossed.", "news", "A day earlier", "P1D"),
        # a year earlier stays a date in news; narrative mode keeps dates (WikiWars)
        ("Net was $2 million a year earlier.", "news", "a year earlier", "1998"),
        ("The war began on 3 May 1990. Two days later, the", "narrative", "Two days later", "1990-05-05"),
    ],
)
def test_timecues_tagger_counted_from_event(text: str, mode: str, cue: str, value: str) -> None:
    frame = tag_time_cues(text, published=datetime(1999, 3, 12), mode=mode)  # type: ignore[arg-type]
    row = frame[frame[S.TIME_TEXT] == cue]
    assert row[S.TIME_VALUE].tolist() == [value], frame[[S.TIME_TEXT, S.TIME_VALUE]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They will look for ways around Wednesday's ruling.", "1999-03-10"),  # possessive: reported
        ("They will meet on Wednesday.", "1999-03-17"),
        ("They will meet next Wednesday's guests.", "1999-03-17"),  # "next" still decides
        # the future act takes place in the possessed event: that event is ahead too
        ("Warne will play his final Test in Wednesday's match at Sydney.", "1999-03-17"),
        ("The leaders will speak at Wednesday's summit.", "1999-03-17"),
        ("He was injured in Wednesday's match.", "1999-03-10"),
        # an occasion the future act is about is ahead; an outcome stays reported
        ("Rosicky will miss Wednesday's trip to Porto.", "1999-03-17"),
        ("The minister will attend Sunday's meeting of donors.", "1999-03-14"),
        ("They will discuss Monday's attack on the embassy.", "1999-03-08"),
        ("He attended Wednesday's meeting.", "1999-03-10"),
    ],
)
def test_timecues_tagger_possessive_weekday(text: str, value: str) -> None:
    frame = tag_time_cues(text, published=datetime(1999, 3, 12))  # a Friday
    assert frame[S.TIME_VALUE].tolist() == [value]


@pytest.mark.parametrize(
    "text",
    ["In October President Bush said so.", "Pakistan October exports rose.", "Hello February, and more."],
)
def test_timecues_tagger_month_beside_a_capitalised_word_is_a_month(text: str) -> None:
    """Only a month between a capitalised non-preposition and a capitalised word is read as a name."""
    frame = tag_time_cues(text, "2005-11-07")
    assert len(frame) == 1 and frame[S.TIME_TYPE].iloc[0] == "DATE"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # "later in the day" is the rest of that day, drawn as the day (was an empty interval on the next)
        ("He was to meet later in the day with the president.", "1999-03-12", "1999-03-13"),
        ("Talks will resume later this week.", "1999-03-13", "1999-03-15"),
    ],
)
def test_timecues_tagger_later_in_the_unit(text: str, start: str, end: str) -> None:
    frame = tag_time_cues(text, published=datetime(1999, 3, 12))  # a Friday
    assert (str(frame[S.START].iloc[0].date()), str(frame[S.END].iloc[0].date())) == (start, end)
