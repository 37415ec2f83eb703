"""Sentence choice prefers a timeline-length line to a long report of the same news
(extract/story/select.py, LENGTH_PENALTY and LONG_WORDS).

A timeline's entry is a short line (the Timeline17 golds average 20 words; our picks averaged 32):
of two sentences saying the same, the one past LONG_WORDS loses LENGTH_PENALTY per 10 extra
words. The penalty is small: a long sentence on the day's story still beats a short one on
something else. The sentences were written for this test.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.story import select
from extract.story.select import select_sentences
from extract.story.sentences import Sentence

DAY = date(2024, 3, 1)
SHORT = "The river Alder flooded Brill and families left their homes"
LONG = (
    "The river Alder , swollen by three days of heavy rain that had fallen across the hills above the"
    " valley and by melting snow from the higher ground to the north , flooded Brill and families of"
    " the town left their homes as the water rose through the night and the fire brigade"
    " moved them to the school hall"
)
RAIN = "Heavy rain and melting snow swelled the river Alder above the valley"
OTHER = "A charity sold calendars to raise money"


def sentence(doc: str, text: str) -> Sentence:
    return Sentence(text, doc, DAY, 0, True)


CASES = [
    # candidates, expected docs of the sentence chosen (n = 1)
    # the same news, shorter, even when the long one is more central (it also says what RAIN says)
    ([sentence("a-long", LONG), sentence("b-short", SHORT), sentence("c-rain", RAIN)], ["b-short"]),
    ([sentence("a-short", SHORT), sentence("b-long", LONG), sentence("c-rain", RAIN)], ["a-short"]),
    (  # the day's story, told long, beats a short line on something else
        [sentence("a-other", OTHER), sentence("b-long", LONG), sentence("c-long", LONG + " again")],
        ["b-long"],
    ),
]


@pytest.mark.parametrize(("candidates", "expected"), CASES, ids=range(len(CASES)))
def test_select_length_short_line_is_preferred(candidates: list[Sentence], expected: list[str]) -> None:
    assert [s.doc_id for s in select_sentences(candidates, 1, DAY)] == expected


@pytest.mark.parametrize("first", ["short", "long"])
def test_select_length_penalty_off_prefers_the_central_long_one(
    monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    assert len(SHORT.split()) <= select.LONG_WORDS < len(LONG.split()) <= 60
    monkeypatch.setattr(select, "LENGTH_PENALTY", 0.0)  # off: ranked by centrality alone
    pool = [sentence("a-short", SHORT), sentence("a-long", LONG), sentence("c-rain", RAIN)]
    pool = pool if first == "short" else [pool[1], pool[0], pool[2]]
    assert [s.doc_id for s in select_sentences(pool, 1, DAY)] == ["a-long"]
