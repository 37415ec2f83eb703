"""Sentence choice prefers the day as later reports remember it (extract/story/select.py, LOOKBACK_BONUS).

A sentence naming the day from an article published more than LOOKBACK_DAYS later says in one
line what the day is known for ("The river Alder flooded Brill on 1 March"), which is what a
timeline's entry says; of equally central sentences it is chosen over the day's own news. It
never outweighs the day's story: a look back about something else stays behind. The sentences
were written for this test (the same words reordered, so equally central).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from extract.story import select
from extract.story.select import select_sentences
from extract.story.sentences import Sentence

DAY = date(2024, 3, 1)
WORDS = "Families left their homes when the river Alder flooded Brill"


def sentence(doc: str, published: date | None, mentioned: bool = True, text: str = WORDS) -> Sentence:
    return Sentence(text, doc, published, 0, mentioned)


LATE = sentence("late", DAY + timedelta(days=select.LOOKBACK_DAYS + 6))
EDGE = sentence("edge", DAY + timedelta(days=select.LOOKBACK_DAYS))  # exactly the window: no look back
NEXT = sentence("next", DAY + timedelta(days=1))
EARLY = sentence("early", DAY + timedelta(days=1))
WEEK = sentence("week", DAY + timedelta(days=7))
OFF = sentence(
    "off", DAY + timedelta(days=40), text="A charity later sold calendars of Brill to raise money for roofs"
)
SAME = [
    sentence(f"same{i}", DAY, text=t) for i, t in enumerate([WORDS, WORDS + " overnight", WORDS + " again"])
]

CASES = [
    # candidates, day, expected docs of the sentences chosen (n = 1)
    ([NEXT, LATE], DAY, ["late"]),  # remembered weeks later: before the day's own news
    ([WEEK, LATE], DAY, ["late"]),
    ([NEXT, EDGE], DAY, ["next"]),  # published LOOKBACK_DAYS later: no bonus, the fresh one wins
    ([WEEK, EDGE], DAY, ["edge"]),  # neither has a bonus: the pool's order (by document id)
    ([EARLY, LATE], None, ["early"]),  # day unknown: no bonus, the pool's order
    ([*SAME, OFF], DAY, ["same0"]),  # a look back on something else does not beat the day's story
]


@pytest.mark.parametrize(("candidates", "day", "expected"), CASES, ids=range(len(CASES)))
def test_select_lookback_remembered_day_is_preferred(
    candidates: list[Sentence], day: date | None, expected: list[str]
) -> None:
    assert [s.doc_id for s in select_sentences(candidates, 1, day)] == expected


def test_select_lookback_needs_a_mention() -> None:
    undated = sentence("late", LATE.published, mentioned=False)
    assert not select._lookback(undated, DAY)  # a sentence not naming the day is no memory of it
    assert select._lookback(LATE, DAY)
    assert not select._lookback(LATE, None)
