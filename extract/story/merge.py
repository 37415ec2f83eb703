"""Cross-report merge: event rows that are the same real-world event become one story event.

Two reports are the same event when they have the same type, the same time (the same day for
day-or-finer times, the same interval otherwise; undated ones the same publication day), no
contradicting actors (a source or target named by both must agree) and similar wording: TF-IDF
cosine of their labels and predicates of at least :data:`MERGE_SIMILARITY` and of their
sentences of at least :data:`SENTENCE_SIMILARITY`. TF-IDF is
scikit-learn's (sparse, well kept); it weighs rare shared words (names, numbers) over common
ones, which is what tells "China lifted visa rules" from "China held a meeting".
Merging is transitive (union-find), and the blocks of equal type and time are small, so the
cost is a sparse product per block. Every report is kept as evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from extract import schema as S
from extract.story.select import vectorizer

MERGE_SIMILARITY = 0.5
SENTENCE_SIMILARITY = 0.3
"""... and of their sentences: a short generic label ('people died') must not join reports of other deaths."""
"""Cosine of TF-IDF vectors of two labels above which (with type, time, actors) they merge."""
_FINE = {"second", "minute", "hour", "part_of_day", "day"}


def _time_key(row: dict[str, Any]) -> tuple[Any, ...]:
    start = row[S.START]
    if pd.isna(start):
        published = row[S.PUBLISHED]
        return ("published", None if pd.isna(published) else pd.Timestamp(published).normalize())
    if row[S.GRANULARITY] in _FINE:
        return ("day", pd.Timestamp(start).normalize())
    return ("span", pd.Timestamp(start), None if pd.isna(row[S.END]) else pd.Timestamp(row[S.END]))


def _agree(a: Any, b: Any) -> bool:
    return bool(a is None or b is None or pd.isna(a) or pd.isna(b) or a == b)


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Type, time and named actors allow ``a`` and ``b`` to be one event (wording aside)."""
    return (
        a[S.EVENT_TYPE] == b[S.EVENT_TYPE]
        and _time_key(a) == _time_key(b)
        and _agree(a[S.SOURCE_ACTOR], b[S.SOURCE_ACTOR])
        and _agree(a[S.TARGET_ACTOR], b[S.TARGET_ACTOR])
    )


def _text(row: dict[str, Any]) -> str:
    return f"{row[S.EVENT] or ''} {row[S.PREDICATE] or ''}"


class _Groups:
    """Union-find over row numbers that refuses to join groups naming different actors in one role
    (so "China did X" and "Japan did X" never meet through a report naming no one)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.parent = list(range(len(rows)))
        self.roles = [
            tuple(None if pd.isna(r[c]) else r[c] for c in (S.SOURCE_ACTOR, S.TARGET_ACTOR)) for r in rows
        ]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a == b or not all(_agree(x, y) for x, y in zip(self.roles[a], self.roles[b], strict=True)):
            return
        root, child = min(a, b), max(a, b)
        self.parent[child] = root
        self.roles[root] = tuple(
            x if x is not None else y for x, y in zip(self.roles[a], self.roles[b], strict=True)
        )


def _link_block(
    rows: list[dict[str, Any]], members: list[int], matrix: Any, sentences: Any, groups: _Groups
) -> None:
    if len(members) < 2:
        return
    sims = (matrix[members] @ matrix[members].T).toarray()
    context = (sentences[members] @ sentences[members].T).toarray()
    wordless = np.asarray(sentences[members].getnnz(axis=1) == 0)
    context[wordless, :] = 1.0  # a sentence without words cannot disagree
    context[:, wordless] = 1.0
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            a, b = rows[members[x]], rows[members[y]]
            if sims[x, y] >= MERGE_SIMILARITY and context[x, y] >= SENTENCE_SIMILARITY and compatible(a, b):
                groups.union(members[x], members[y])


def _tfidf(texts: list[str]) -> Any:
    """Row-normalised TF-IDF vectors of ``texts`` (all zero when they hold no word at all)."""
    try:
        return vectorizer().fit_transform(texts)
    except ValueError:  # no word at all: nothing can be compared, every row stands alone
        from scipy.sparse import csr_matrix

        return csr_matrix((len(texts), 1))


def _first(values: Iterable[Any]) -> Any:
    return next((v for v in values if not pd.isna(v)), None)


def _story(rows: list[dict[str, Any]], members: list[int], matrix: Any) -> dict[str, Any]:
    if len(members) > 1:
        sims = np.asarray((matrix[members] @ matrix[members].T).sum(axis=1)).ravel()
        best = members[int(np.argmax(sims))]
    else:
        best = members[0]
    rep = rows[best]
    reports = sorted(
        (rows[i] for i in members),
        key=lambda r: (
            pd.isna(r[S.PUBLISHED]),
            r[S.PUBLISHED] if not pd.isna(r[S.PUBLISHED]) else 0,
            r[S.EVENT_ID],
        ),
    )
    docs = list(dict.fromkeys(str(r[S.DOC_ID]) for r in reports))
    published = [r[S.PUBLISHED] for r in reports if not pd.isna(r[S.PUBLISHED])]
    actors = list(dict.fromkeys(a for r in reports for a in r[S.ACTORS]))
    countries = list(dict.fromkeys(c for r in reports for c in r[S.COUNTRIES]))
    out = {c.name: rep.get(c.name) for c in S.STORY_EVENTS if c.name in rep}
    out.update(
        {
            S.STORY_ID: rep[S.EVENT_ID],
            S.SOURCE_ACTOR: _first(r[S.SOURCE_ACTOR] for r in reports),
            S.TARGET_ACTOR: _first(r[S.TARGET_ACTOR] for r in reports),
            S.ACTORS: actors,
            S.COUNTRIES: countries,
            S.REPORTS: len(reports),
            S.N_SOURCES: len(docs),
            S.DOC_IDS: docs,
            S.EVENT_IDS: [str(r[S.EVENT_ID]) for r in reports],
            S.SENTENCES: list(dict.fromkeys(str(r[S.SENTENCE]) for r in reports)),
            S.FIRST_REPORTED: min(published) if published else None,
            S.LAST_REPORTED: max(published) if published else None,
        }
    )
    return out


def merge_events(events: pd.DataFrame) -> pd.DataFrame:
    """Story events (schema STORY_EVENTS) of an events frame, most sources first, then by time.

    Call it on all events, or on the events of one period at a time: reports of one event share
    its time, so a period never splits one.
    """
    if len(events) == 0:
        return S.empty_frame(S.STORY_EVENTS)
    rows: list[dict[str, Any]] = [
        dict(zip(map(str, r.keys()), r.values(), strict=True))
        for r in S.conform(events, S.EVENTS).to_dict("records")
    ]
    matrix = _tfidf([_text(r) for r in rows])
    sentences = _tfidf([str(r[S.SENTENCE] or "") for r in rows])
    blocks: dict[tuple[Any, ...], list[int]] = {}
    for i, r in enumerate(rows):
        blocks.setdefault((r[S.EVENT_TYPE], _time_key(r)), []).append(i)
    groups = _Groups(rows)
    for members in blocks.values():
        _link_block(rows, members, matrix, sentences, groups)
    by_root: dict[int, list[int]] = {}
    for i in range(len(rows)):
        by_root.setdefault(groups.find(i), []).append(i)
    stories = [_story(rows, members, matrix) for members in by_root.values()]
    frame = S.conform(stories, S.STORY_EVENTS)
    return frame.sort_values(
        [S.N_SOURCES, S.START, S.STORY_ID], ascending=[False, True, True], na_position="last", kind="stable"
    ).reset_index(drop=True)
