"""Key dates count only articles about the story (extract/story/dates.py, sentences.TOPICAL_SENTENCES).

A folder of news on one story also holds articles that name it once in passing. With keywords,
an article's day mentions and its publication count for the date score only when at least two
of its sentences hold a keyword. The texts below were written for this test; which article is
topical was decided by counting keyword sentences by hand.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.story.dates import day_scores
from extract.story.sentences import gather
from extract.story.sources import Article

FLOOD = Article(
    "flood",
    date(2024, 3, 2),
    "The river Alder flooded the town of Brill on March 1, 2024, forcing families from homes. "
    "Rescue teams said the flood was the worst in fifty years in the county.",
)  # two keyword sentences: topical
PASSING = Article(
    "market",
    date(2024, 3, 5),
    "Shares of the Oxley bank rose sharply on March 4 after strong results were reported. "
    "Traders said on March 4 that the bank had gained more than ten percent in a day. "
    "One analyst mentioned the flood insurance claims as a small risk for the coming year.",
)  # one keyword sentence ("flood"), naming March 4 twice: not topical

CASES = [
    # keywords, articles, day, expected score (1 per mentioning article, 0.5 per article published on it)
    (["flood"], [FLOOD], date(2024, 3, 1), 1.0),
    (["flood"], [FLOOD], date(2024, 3, 2), 0.5),
    (["flood"], [FLOOD, PASSING], date(2024, 3, 4), 0.0),  # mentions only by a passing article
    (["flood"], [PASSING], date(2024, 3, 5), 0.0),  # published, but not about the story
    (["tornado"], [FLOOD], date(2024, 3, 1), 0.0),  # no article holds the keyword: nothing counts
    (None, [FLOOD, PASSING], date(2024, 3, 4), 1.0),  # no keywords: every article counts
]


@pytest.mark.parametrize(("keywords", "articles", "day", "expected"), CASES)
def test_only_topical_articles_score_days(
    keywords: list[str] | None, articles: list[Article], day: date, expected: float
) -> None:
    found = gather([articles], keywords)
    assert day_scores(found).get(day, 0.0) == pytest.approx(expected)


def test_an_article_counts_its_keyword_sentences_once_each() -> None:
    found = gather([[FLOOD, PASSING]], ["flood"])
    assert found.keyword_sentences == {"flood": 2, "market": 1}
    assert found.topical("flood") and not found.topical("market")
