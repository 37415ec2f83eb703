"""Per-date summaries: the sentences that best say what happened that day, none repeating another.

Candidates of a day are weighed by TF-IDF cosine to the day's centroid (what most reports of
the day say), with a bonus for naming the day explicitly, for coming from an article published
that day or the next (the day's own news), and a larger one for naming it from an article
published more than two weeks later (the day as it is remembered: one line on what it is known
for); they are then taken greedily, skipping any too similar to one already taken.
TF-IDF is scikit-learn's ``TfidfVectorizer`` (a well-kept, sparse implementation with
sublinear tf and English stop words) rather than a hand-written one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from extract.story.sentences import Sentence
from extract.story.stopwords import stop_words

REDUNDANT = 0.4
"""Cosine similarity above which a sentence says the same as one already chosen."""
MENTION_BONUS = 0.1
LEAD_BONUS = 0.0
"""Bonus for an article's first three sentences."""
FRESH_BONUS = 0.1
"""Bonus for a sentence from an article published on the day or the day after."""
MENTIONED_ONLY = 0
"""When a day has at least this many candidates naming it (0: off), only those are weighed (the
date's mentioning sentences, as news-tls's DATEWISE), not the cue-less sentences of its articles."""
PUBLISHED_WINDOW: int | None = None
"""When set, only sentences of articles published 0..this many days after the day are weighed
(when at least one is), as news-tls's candidate window."""
CONTEXT_WEIGHT = 0.0
"""Weight of a sentence's cosine to the centroid of the days around (``context``): temporal
cohesion (Tran et al. 2013; Chieu & Lee's interest), the day's story as the nearby news tells it.
0: off."""
CONTEXT_DAYS = 1
"""Days on each side whose candidates are the context (used by the caller)."""
REFERENCE_WEIGHT = 0.0
"""Weight of a sentence's cosine to the centroid of the day's look-backs (its candidates naming it
from articles published more than a day later): what the corpus later said about the day as the
query for the day's own reports (0: off)."""
LOOKBACK_BONUS = 0.2
"""Bonus for a sentence naming the day from an article published more than LOOKBACK_DAYS after
it: the day as later reports remember it ("BP capped its blown-out well on July 15"), one line
on what the day is known for, which is what a timeline's entry says (stop 23, docs/story.md)."""
LOOKBACK_DAYS = 14
LENGTH_PENALTY = 0.1
"""Score lost per 10 words a candidate has beyond LONG_WORDS (0: off): a length prior, as a
timeline's entry is a short line (stop 23: our picks had 32 words, the gold's lines 20; the
long ones are the same news told with its background). Chosen by leave-one-topic-out (docs/story.md)."""
LONG_WORDS = 40
MAX_CANDIDATES = 400
"""Candidates weighed per day (mentions first, then by article position), bounding the cost."""


def vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        stop_words=sorted(
            stop_words()
        ),  # the project's list (rules/story/stopwords.toml): scikit-learn's own
        sublinear_tf=True,
        lowercase=True,
        token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9'-]+\b",
    )


def _bounded(candidates: Sequence[Sentence]) -> list[Sentence]:
    ordered = sorted(candidates, key=lambda s: (not s.mentioned, s.position, s.doc_id))
    return ordered[:MAX_CANDIDATES]


def _restricted(candidates: Sequence[Sentence], day: date | None) -> Sequence[Sentence]:
    """The candidates after the MENTIONED_ONLY and PUBLISHED_WINDOW restrictions (unchanged when off)."""
    out = candidates
    if MENTIONED_ONLY and sum(s.mentioned for s in out) >= MENTIONED_ONLY:
        out = [s for s in out if s.mentioned]
    if PUBLISHED_WINDOW is not None and day is not None:
        near = [
            s
            for s in out
            if s.published is not None and day <= s.published <= day + timedelta(days=PUBLISHED_WINDOW)
        ]
        out = near or out
    return out


def _fresh(sentence: Sentence, day: date | None) -> bool:
    published = sentence.published
    return day is not None and published is not None and day <= published <= day + timedelta(days=1)


def _lookback(sentence: Sentence, day: date | None) -> bool:
    published = sentence.published
    return (
        sentence.mentioned
        and day is not None
        and published is not None
        and published > day + timedelta(days=LOOKBACK_DAYS)
    )


def select_sentences(
    candidates: Sequence[Sentence], n: int, day: date | None = None, context: Sequence[Sentence] = ()
) -> list[Sentence]:
    """Up to ``n`` non-redundant sentences of one day (``day``, when known, earns FRESH_BONUS), best
    first; ``context`` (sentences of the days around) counts with CONTEXT_WEIGHT."""
    pool = _bounded(_restricted(candidates, day))
    if n <= 0 or not pool:
        return []
    around = list(context)[:MAX_CANDIDATES] if CONTEXT_WEIGHT else []
    try:
        full = vectorizer().fit_transform([s.text for s in pool] + [s.text for s in around])
    except ValueError:  # only stop words: keep the order of the pool
        return pool[:n]
    matrix = full[: len(pool)]
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid)) or 1.0
    central = np.asarray(matrix @ (centroid / norm)).ravel()
    if around:
        near = np.asarray(full[len(pool) :].mean(axis=0)).ravel()
        central = (
            central
            + CONTEXT_WEIGHT * np.asarray(matrix @ (near / (float(np.linalg.norm(near)) or 1.0))).ravel()
        )
    if REFERENCE_WEIGHT and day is not None:
        back = [
            i
            for i, s in enumerate(pool)
            if s.mentioned and s.published and s.published > day + timedelta(days=1)
        ]
        if back:
            ref = np.asarray(matrix[back].mean(axis=0)).ravel()
            central = (
                central
                + REFERENCE_WEIGHT * np.asarray(matrix @ (ref / (float(np.linalg.norm(ref)) or 1.0))).ravel()
            )
    bonus = np.array(
        [
            MENTION_BONUS * s.mentioned
            + LEAD_BONUS * (s.position < 3)
            + FRESH_BONUS * _fresh(s, day)
            + LOOKBACK_BONUS * _lookback(s, day)
            - LENGTH_PENALTY * max(0, len(s.text.split()) - LONG_WORDS) / 10
            for s in pool
        ]
    )
    order = np.argsort(-(central + bonus), kind="stable")
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= n:
            break
        if chosen and float((matrix[chosen] @ matrix[i].T).max()) > REDUNDANT:
            continue
        chosen.append(int(i))
    return [pool[i] for i in chosen]
