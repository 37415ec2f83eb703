"""The measured-and-not-kept story variants (off by default) still do what they say when switched on.

benchmarks/tune_story.py switches them on to measure them (docs/benchmarks.md, Story); each is
checked here on sentences written for the test: news-tls's mention window (dates.MENTION_WINDOW),
Chieu & Lee's interest (extract/story/interest.py), the candidate restrictions and the
temporal-cohesion context of select.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from extract.story import dates, select
from extract.story.interest import interest
from extract.story.select import select_sentences
from extract.story.sentences import DatedSentences, Mention, Sentence

DAY = date(2024, 3, 1)


@pytest.fixture
def restore() -> Iterator[None]:
    saved = {
        (dates, "MENTION_WINDOW"): dates.MENTION_WINDOW,
        (dates, "INTEREST_WEIGHT"): dates.INTEREST_WEIGHT,
        (select, "MENTIONED_ONLY"): select.MENTIONED_ONLY,
        (select, "PUBLISHED_WINDOW"): select.PUBLISHED_WINDOW,
        (select, "CONTEXT_WEIGHT"): select.CONTEXT_WEIGHT,
        (select, "REFERENCE_WEIGHT"): select.REFERENCE_WEIGHT,
        (select, "MENTION_BONUS"): select.MENTION_BONUS,
        (select, "FRESH_BONUS"): select.FRESH_BONUS,
        (select, "REDUNDANT"): select.REDUNDANT,
        **{
            (dates, name): getattr(dates, name)
            for name in (
                "SAME_DAY_WEIGHT",
                "EARLIER_WEIGHT",
                "OFF_TOPIC_WEIGHT",
                "BURST_WEIGHT",
                "SUPPRESS_DAYS",
            )
        },
    }
    yield
    for (module, name), value in saved.items():
        setattr(module, name, value)


def _found(mentions: dict[date, list[Mention]], candidates: dict[date, list[Sentence]]) -> DatedSentences:
    found = DatedSentences()
    found.mentions.update(mentions)
    found.candidates.update(candidates)
    return found


@pytest.mark.parametrize(("window", "expected"), [(None, 3.0), (30, 3.0), (10, 3.0), (7, 1.0), (0, 1.0)])
def test_story_variants_mention_window(restore: None, window: int | None, expected: float) -> None:
    # one mention the same day (weight 1), one from an article 10 days later (weight LATER_WEIGHT=2)
    found = _found(
        {
            DAY: [
                Mention("a", DAY, "absolute", True),
                Mention("b", DAY + timedelta(days=10), "absolute", True),
            ]
        },
        {},
    )
    dates.MENTION_WINDOW = window
    assert dates.day_scores(found)[DAY] == pytest.approx(expected)


def _s(text: str, doc: str, day: date, mentioned: bool = True, position: int = 0) -> Sentence:
    return Sentence(text, doc, day, position, mentioned)


FLOOD = "The river Alder flooded the town of Brill and families fled"
QUAKE_AROUND = {
    DAY: [_s("An earthquake struck the coast of Oxley and destroyed the harbour", "q1", DAY)],
    DAY + timedelta(days=1): [_s("Rescuers searched the harbour of Oxley after the earthquake", "q2", DAY)],
    DAY + timedelta(days=2): [_s("The earthquake in Oxley destroyed the harbour, officials said", "q3", DAY)],
    DAY + timedelta(days=20): [_s(FLOOD, "f1", DAY)],
}


def test_story_variants_interest_finds_the_day_the_news_around_keeps_telling() -> None:
    scores = interest(_found({}, QUAKE_AROUND), window=2)
    quake = [DAY + timedelta(days=k) for k in range(3)]
    assert max(scores, key=lambda d: scores[d]) in quake and max(scores.values()) == 1.0
    assert all(scores[d] > 0.3 for d in quake)  # the news around tells the same story
    assert scores[DAY + timedelta(days=20)] == 0.0  # nothing around the flood says the same
    assert interest(_found({}, {}), window=2) == {}


def test_story_variants_interest_weight_mixes_into_the_day_score(restore: None) -> None:
    found = _found({}, QUAKE_AROUND)
    found.published[DAY + timedelta(days=20)].update({"f1", "f2", "f3"})  # the flood day: most published
    assert max(dates.day_scores(found).items(), key=lambda kv: kv[1])[0] == DAY + timedelta(days=20)
    dates.INTEREST_WEIGHT = 0.7
    best = max(dates.day_scores(found).items(), key=lambda kv: kv[1])[0]
    assert best in {DAY + timedelta(days=k) for k in range(3)}


NAMED = _s("The river Alder flooded Brill on March 1 and families fled", "named", DAY + timedelta(days=30))
PLAIN = _s(
    "Rescue boats carried the old people of Brill to the school on the hill", "plain", DAY, mentioned=False
)


@pytest.mark.parametrize(
    ("mentioned_only", "window", "expected"),
    [
        (0, None, {"named", "plain"}),
        (1, None, {"named"}),  # only the sentences naming the day
        (5, None, {"named", "plain"}),  # fewer than 5 name it: no restriction
        (0, 2, {"plain"}),  # only sentences published 0..2 days after the day
        (1, 2, {"named"}),  # none left in the window after the first restriction: it is kept
    ],
)
def test_story_variants_candidate_restrictions(
    restore: None, mentioned_only: int, window: int | None, expected: set[str]
) -> None:
    select.MENTIONED_ONLY, select.PUBLISHED_WINDOW = mentioned_only, window
    assert {s.doc_id for s in select_sentences([NAMED, PLAIN], 2, DAY)} == expected


def test_story_variants_context_prefers_what_the_days_around_say(restore: None) -> None:
    pool = [
        _s("Oxley harbour workers went on strike over pay and hours", "strike", DAY),
        _s("Rescuers in Oxley searched the harbour after the earthquake", "quake", DAY),
    ]
    around = [s for day in (DAY + timedelta(days=1), DAY + timedelta(days=2)) for s in QUAKE_AROUND[day]]
    first_without = select_sentences(pool, 1, DAY, around)[0].doc_id
    select.CONTEXT_WEIGHT = 1.0
    assert select_sentences(pool, 1, DAY, around)[0].doc_id == "quake"
    assert first_without == "strike"  # equal centrality: the pool's order decides without context


def _m(doc: str, published: date, on_topic: bool = True) -> Mention:
    return Mention(doc, published, "absolute", on_topic)


LATER, SAME, BEFORE = DAY + timedelta(days=5), DAY, DAY - timedelta(days=3)


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ({}, 2.0 + 1.0 + 1.0 + 2.0),  # later ×2, same day ×1, before ×1, later off-topic ×2
        ({"SAME_DAY_WEIGHT": 0.0}, 2.0 + 0.0 + 1.0 + 2.0),  # the date-reference view: no self-reference
        ({"EARLIER_WEIGHT": 0.5}, 2.0 + 1.0 + 0.5 + 2.0),
        ({"OFF_TOPIC_WEIGHT": 0.0}, 2.0 + 1.0 + 1.0 + 0.0),  # only cues dating a sentence on the story
    ],
)
def test_story_variants_mention_weights_by_lag_and_topic(
    restore: None, setting: dict[str, float], expected: float
) -> None:
    found = _found(
        {DAY: [_m("l", LATER), _m("s", SAME), _m("b", BEFORE), _m("o", LATER, on_topic=False)]}, {}
    )
    for name, value in setting.items():
        setattr(dates, name, value)
    assert dates.day_scores(found)[DAY] == pytest.approx(expected)


def test_story_variants_burst_raises_the_day_coverage_jumps(restore: None) -> None:
    found = _found({}, {})
    for k in range(1, 15):  # one article a day for two weeks, then five on DAY
        found.published[DAY - timedelta(days=k)].add(f"quiet{k}")
    found.published[DAY].update({f"burst{i}" for i in range(5)})
    before = dates.day_scores(found)
    dates.BURST_WEIGHT = 1.0
    after = dates.day_scores(found)
    assert after[DAY] - before[DAY] == pytest.approx(5 + 0 - 2 * 1.0)  # 5 today + 0 tomorrow - 2 × mean 1
    assert after[DAY - timedelta(days=3)] == before[DAY - timedelta(days=3)]  # a quiet day: no burst


@pytest.mark.parametrize(("suppress", "expected"), [(0, [0, 1, 10]), (1, [0, 10, 3]), (3, [0, 10, 1])])
def test_story_variants_suppression_spreads_the_days(
    restore: None, suppress: int, expected: list[int]
) -> None:
    days = {0: 9.0, 1: 8.0, 10: 7.0, 3: 1.0}  # offset from DAY: score (as publications)
    found = _found({}, {DAY + timedelta(days=k): [_s("x " * 6, str(k), DAY)] for k in days})
    for k, n in days.items():
        found.published[DAY + timedelta(days=k)].update({f"{k}-{i}" for i in range(int(n * 2))})
    dates.SUPPRESS_DAYS = suppress
    assert [(d - DAY).days for d, _ in dates.key_dates(found, 3)] == expected


def test_story_variants_reference_prefers_what_later_reports_say_of_the_day(restore: None) -> None:
    pool = [
        _s("Oxley harbour workers went on strike over pay and hours", "strike", DAY, mentioned=False),
        _s("The strike over pay by the workers of Oxley harbour went on", "strike2", DAY, mentioned=False),
        _s("Rescuers in Oxley searched the harbour after the earthquake", "quake", DAY, mentioned=False),
        _s(
            "The earthquake that destroyed the Oxley harbour on March 1 killed nine",
            "back",
            DAY + timedelta(days=9),
        ),
    ]
    select.MENTION_BONUS, select.FRESH_BONUS, select.REDUNDANT = 0.0, 0.0, 1.0  # the cosines alone, all kept
    assert [s.doc_id for s in select_sentences(pool, 4, DAY)] == ["strike2", "strike", "quake", "back"]
    select.REFERENCE_WEIGHT = 1.0  # the look-back names the earthquake: the day's quake report rises
    assert [s.doc_id for s in select_sentences(pool, 4, DAY)] == ["back", "strike2", "quake", "strike"]
