"""Per-date summaries: the sentences that best say what happened that day, none repeating another.

Candidates of a day are weighed by TF-IDF cosine to the day's centroid (what most reports of
the day say), with a bonus for naming the day explicitly and for coming from an article
published that day or the next (the day's own news, not a later look back); they are then taken greedily, skipping any too similar to one already taken.
TF-IDF is scikit-learn's ``TfidfVectorizer`` (a well-kept, sparse implementation with
sublinear tf and English stop words) rather than a hand-written one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from extract.story.sentences import Sentence

REDUNDANT = 0.4
"""Cosine similarity above which a sentence says the same as one already chosen."""
MENTION_BONUS = 0.1
LEAD_BONUS = 0.0
"""Bonus for an article's first three sentences."""
FRESH_BONUS = 0.1
"""Bonus for a sentence from an article published on the day or the day after."""
MAX_CANDIDATES = 400
"""Candidates weighed per day (mentions first, then by article position), bounding the cost."""


def vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        lowercase=True,
        token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9'-]+\b",
    )


def _bounded(candidates: Sequence[Sentence]) -> list[Sentence]:
    ordered = sorted(candidates, key=lambda s: (not s.mentioned, s.position, s.doc_id))
    return ordered[:MAX_CANDIDATES]


def _fresh(sentence: Sentence, day: date | None) -> bool:
    published = sentence.published
    return day is not None and published is not None and day <= published <= day + timedelta(days=1)


def select_sentences(candidates: Sequence[Sentence], n: int, day: date | None = None) -> list[Sentence]:
    """Up to ``n`` non-redundant sentences of one day (``day``, when known, earns FRESH_BONUS), best first."""
    pool = _bounded(candidates)
    if n <= 0 or not pool:
        return []
    try:
        matrix = vectorizer().fit_transform([s.text for s in pool])
    except ValueError:  # only stop words: keep the order of the pool
        return pool[:n]
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid)) or 1.0
    central = matrix @ (centroid / norm)
    bonus = np.array(
        [
            MENTION_BONUS * s.mentioned + LEAD_BONUS * (s.position < 3) + FRESH_BONUS * _fresh(s, day)
            for s in pool
        ]
    )
    order = np.argsort(-(np.asarray(central).ravel() + bonus), kind="stable")
    chosen: list[int] = []
    for i in order:
        if len(chosen) >= n:
            break
        if chosen and float((matrix[chosen] @ matrix[i].T).max()) > REDUNDANT:
            continue
        chosen.append(int(i))
    return [pool[i] for i in chosen]
