"""Key dates: rank days by how much the corpus says about them.

A day scores, per article, once for naming it in a sentence (twice when the article was
published more than a day later: a day still spoken about afterwards is a day that mattered),
plus half a point per article published on it, plus one point per independent source of a
story event dated to it (when events were extracted). Only days that have a summary candidate
can be chosen. Mentions and publications count only for topical articles (at least
TOPICAL_SENTENCES sentences holding a keyword), so off-topic articles of a folder do not
rank days. No weight is learned from gold timelines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import date, timedelta

from extract.story.sentences import DatedSentences

LATER_WEIGHT = 2.0
"""Weight of a mention in an article published more than a day after the day it names."""
PUBLISHED_WEIGHT = 0.5
"""Weight of an article published on the day (news of the day, whatever it names)."""
EVENT_SOURCE_WEIGHT = 1.0
"""Weight of each distinct document reporting an event dated to the day."""
LEAD_SENTENCES = 3
LEAD_WEIGHT = 1.0
"""A mention in an article's first LEAD_SENTENCES sentences counts this many times more."""
VOLUME_EXPONENT = 0.0
"""A mention is divided by (topical articles published the same day as its article) ** this."""
MENTION_WINDOW: int | None = None
"""When set, a mention counts only from an article published at most this many days after the
day it names (or before it): news-tls's date ranking by mentions within a publication window."""
SPREAD_WEIGHT = 0.0
"""Weight of each distinct later publication day on which the day is named."""
INTEREST_WEIGHT = 0.0
"""Share of Chieu & Lee's interest (extract.story.interest) in a day's score, both scaled to the
best day's (0: the count score alone)."""
INTEREST_HOW = "sum"
INTEREST_WINDOW = 3
EARLIER_WEIGHT = 1.0
"""Weight of a mention in an article published before the day it names (an announcement, a plan)."""
SAME_DAY_WEIGHT = 1.0
"""Weight of a mention in an article published on the day it names or the next (the date-reference
view of Tran et al. 2013 counts only later references: 0 drops these self-references)."""
OFF_TOPIC_WEIGHT = 1.0
"""Weight of a mention in a sentence holding no keyword (sentence-level evidence: 0 counts only time
cues dating a sentence about the story)."""
BURST_WEIGHT = 0.0
"""Weight of a day's publication burst: topical articles published on it and the next day above the
daily mean of the BURST_DAYS days before it (0: off)."""
BURST_DAYS = 7
SUPPRESS_DAYS = 0
"""Non-maximum suppression: a day within this many days of a better-ranked chosen day is taken only
when the span has no other candidate day left (0: off)."""


def day_scores(found: DatedSentences, event_sources: Mapping[date, int] | None = None) -> dict[date, float]:
    """The score of every day with a mention, a publication or an event."""
    scores: dict[date, float] = defaultdict(float)
    volume = {d: sum(found.topical(x) for x in docs) for d, docs in found.published.items()}
    for day, mentions in found.mentions.items():
        best: dict[str, float] = {}
        spread: set[date] = set()
        for m in mentions:
            if not found.topical(m.doc_id):
                continue
            if (
                MENTION_WINDOW is not None
                and m.published is not None
                and m.published > day + timedelta(days=MENTION_WINDOW)
            ):
                continue
            later = m.published is not None and m.published > day + timedelta(days=1)
            weight = _lag_weight(day, m.published) * (LEAD_WEIGHT if m.position < LEAD_SENTENCES else 1.0)
            if not m.on_topic:
                weight *= OFF_TOPIC_WEIGHT
            if VOLUME_EXPONENT and m.published is not None:
                weight /= max(volume.get(m.published, 1), 1) ** VOLUME_EXPONENT
            best[m.doc_id] = max(best.get(m.doc_id, 0.0), weight)
            if later and m.published is not None:
                spread.add(m.published)
        scores[day] += sum(best.values()) + SPREAD_WEIGHT * len(spread)
    for day, docs in found.published.items():
        scores[day] += PUBLISHED_WEIGHT * sum(found.topical(d) for d in docs)
    for day, n in (event_sources or {}).items():
        scores[day] += EVENT_SOURCE_WEIGHT * n
    if BURST_WEIGHT:
        for day, burst in _bursts(volume).items():
            scores[day] += BURST_WEIGHT * burst
    if INTEREST_WEIGHT:
        from extract.story.interest import interest

        top = max(scores.values(), default=0.0) or 1.0
        shares = interest(found, INTEREST_WINDOW, INTEREST_HOW)
        return {
            d: (1 - INTEREST_WEIGHT) * scores.get(d, 0.0) / top + INTEREST_WEIGHT * shares.get(d, 0.0)
            for d in set(scores) | set(shares)
        }
    return dict(scores)


def _lag_weight(day: date, published: date | None) -> float:
    """A mention's weight by when its article came out relative to the day it names."""
    if published is None:
        return 1.0
    if published > day + timedelta(days=1):
        return LATER_WEIGHT
    return SAME_DAY_WEIGHT if published >= day else EARLIER_WEIGHT


def _bursts(volume: Mapping[date, int]) -> dict[date, float]:
    """Per day: topical articles of the day and the next above the mean of the BURST_DAYS days before."""
    out = {}
    for day in volume:
        for d in (day, day - timedelta(days=1)):
            now = volume.get(d, 0) + volume.get(d + timedelta(days=1), 0)
            before = sum(volume.get(d - timedelta(days=i), 0) for i in range(1, BURST_DAYS + 1)) / BURST_DAYS
            out[d] = max(0.0, now - 2 * before)
    return out


def _spread(ranked: list[date], k: int) -> list[date]:
    """The first ``k`` of ``ranked`` skipping days within SUPPRESS_DAYS of one already taken (taken
    last when too few remain)."""
    if not SUPPRESS_DAYS:
        return ranked[:k]
    taken: list[date] = []
    skipped: list[date] = []
    for d in ranked:
        if len(taken) >= k:
            break
        if any(abs((d - t).days) <= SUPPRESS_DAYS for t in taken):
            skipped.append(d)
        else:
            taken.append(d)
    return taken + skipped[: k - len(taken)]


def key_dates(
    found: DatedSentences,
    k: int,
    event_sources: Mapping[date, int] | None = None,
    first: Collection[date] = (),
) -> list[tuple[date, float]]:
    """The ``k`` best days that have summary candidates, best first (ties: earlier day first).

    Days in ``first`` (the days of the articles a reader chose) come before all others.
    """
    scores = day_scores(found, event_sources)
    ranked = sorted(
        (d for d in scores if found.candidates.get(d)), key=lambda d: (d not in first, -scores[d], d)
    )
    return [(d, scores[d]) for d in _spread(ranked, max(k, 0))]
