"""Chieu & Lee's (2004) "interest" of a day: how much the news around it says the same as it does.

A sentence about day d is interesting when many sentences about days near d (within WINDOW days)
say similar things (TF-IDF cosine): the event was big enough for the corpus to keep writing
about it, whether or not the reports name its date. A day's interest is that of its sentences,
summed (``sum``) or the best one (``max``). It does not count how often a day is named, so it can
find days that the mention count misses. Off unless dates.INTEREST_WEIGHT is set.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from extract.story.sentences import DatedSentences

WINDOW = 3
"""Days on each side whose sentences count as news around a day."""
PER_DAY = 60
"""Sentences of a day weighed (those naming it first), bounding the cost."""


def interest(found: DatedSentences, window: int = WINDOW, how: str = "sum") -> dict[date, float]:
    """The interest of every day that has candidate sentences, scaled so the best day has 1."""
    from scipy import sparse

    from extract.story.select import vectorizer

    days = sorted(d for d, c in found.candidates.items() if c)
    if not days:
        return {}
    rows: list[str] = []
    owner: list[int] = []
    for i, day in enumerate(days):
        picked = sorted(found.candidates[day], key=lambda s: (not s.mentioned, s.position, s.doc_id))[
            :PER_DAY
        ]
        rows += [s.text for s in picked]
        owner += [i] * len(picked)
    try:
        matrix = vectorizer().fit_transform(rows)
    except ValueError:  # only stop words
        return {}
    member = sparse.csr_matrix(
        (np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(len(days), len(rows))
    )
    day_sums = member @ matrix  # days x vocabulary: the sum of each day's sentence vectors
    ordinal = np.array([d.toordinal() for d in days])
    near = (np.abs(ordinal[:, None] - ordinal[None, :]) <= window).astype(float)
    np.fill_diagonal(near, 0.0)  # the day's own sentences are not "news around" it
    around = sparse.csr_matrix(near) @ day_sums  # days x vocabulary: the sentences near each day
    per_sentence = np.asarray(matrix.multiply(around[owner]).sum(axis=1)).ravel()
    score = np.zeros(len(days))
    if how == "max":
        np.maximum.at(score, owner, per_sentence)
    else:
        np.add.at(score, owner, per_sentence)
    top = float(score.max()) or 1.0
    return {day: float(s) / top for day, s in zip(days, score, strict=True)}
