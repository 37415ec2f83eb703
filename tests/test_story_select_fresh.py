"""Sentence choice prefers the day's own news (extract/story/select.py, FRESH_BONUS).

Of two sentences about the same day that say it equally well, the one from an article published
that day or the next is chosen over one from an article looking back a week later (a look back
of more than LOOKBACK_DAYS weighs more still: tests/test_story_select_lookback.py). The sentences
were written for this test so that both are equally central (the same words, reordered).
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.story.select import select_sentences
from extract.story.sentences import Sentence

DAY = date(2024, 3, 1)
LATER = Sentence(
    "The river Alder flooded Brill and families left their homes", "late", date(2024, 3, 9), 0, True
)
NEXT = Sentence(
    "Families left their homes when the river Alder flooded Brill", "next", date(2024, 3, 2), 0, True
)
SAME = Sentence("Families left their homes when the river Alder flooded Brill", "same", DAY, 0, True)
BEFORE = Sentence(
    "Families left their homes when the river Alder flooded Brill", "before", date(2024, 2, 28), 0, True
)

CASES = [
    # candidates, day, expected doc of the one sentence chosen
    ([LATER, NEXT], DAY, "next"),  # published the day after: fresh
    ([LATER, SAME], DAY, "same"),  # published on the day: fresh
    # no bonus: equal scores keep the pool's order (by document id: "before" < "late" < "next")
    ([LATER, BEFORE], DAY, "before"),  # published before the day: not fresh
    ([LATER, NEXT], None, "late"),  # day unknown
]


@pytest.mark.parametrize(("candidates", "day", "expected"), CASES)
def test_the_days_own_news_is_preferred(candidates: list[Sentence], day: date | None, expected: str) -> None:
    assert [s.doc_id for s in select_sentences(candidates, 1, day)] == [expected]


def test_no_candidates_choose_nothing() -> None:
    assert select_sentences([], 2, DAY) == []
