"""Attach to an event the time cue that governs its clause, or the publication date.

Order: a cue inside the clause (nearest to the predicate), else a cue attached to the predicate
elsewhere in the sentence, else the nearest cue in the same sentence; else the publication day with
time_kind "publication" so that a reader can tell a dated event from an undated one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd
from spacy.tokens import Span, Token

from extract import schema as S

TIME_FIELDS = (S.TIME_TEXT, S.TIME_TYPE, S.TIME_VALUE, S.TIME_MOD, S.TIME_KIND, S.START, S.END, S.GRANULARITY)


def cue_records(cues: pd.DataFrame) -> list[dict[str, Any]]:
    """Time cues as plain dicts (faster to scan than frame rows)."""
    if len(cues) == 0:
        return []
    cols = [str(c) for c in cues.columns]
    values = [cues[c].tolist() for c in cues.columns]  # column-wise: far cheaper than to_dict on Arrow strings
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)]


def publication_time(published: date | None) -> dict[str, Any]:
    """Time fields for an event dated only by its publication day (NaT without a date)."""
    if published is None:
        return {S.TIME_KIND: "publication", S.START: pd.NaT, S.END: pd.NaT, S.TIME_CHAR_START: None,
                S.TIME_CHAR_END: None}
    day = pd.Timestamp(published)
    return {
        S.TIME_TEXT: None,
        S.TIME_TYPE: "DATE",
        S.TIME_VALUE: published.isoformat(),
        S.TIME_MOD: None,
        S.TIME_KIND: "publication",
        S.START: day,
        S.END: day + timedelta(days=1),
        S.GRANULARITY: "day",
        S.TIME_CHAR_START: None,
        S.TIME_CHAR_END: None,
    }


def _distance(cue: dict[str, Any], pos: int) -> int:
    start, end = int(cue[S.CHAR_START]), int(cue[S.CHAR_END])
    return 0 if start <= pos < end else min(abs(start - pos), abs(end - pos))


def attach_time(
    clause_tokens: Sequence[Token], pred: Token, sentence: Span, cues: Sequence[dict[str, Any]],
    published: date | None,
) -> tuple[dict[str, Any], str]:
    """(time fields, rule) for the clause."""
    lo, hi = sentence.start_char, sentence.end_char
    in_sentence = [c for c in cues if lo <= int(c[S.CHAR_START]) and int(c[S.CHAR_END]) <= hi]
    chosen: dict[str, Any] | None = None
    rule = "time:publication"
    if in_sentence:
        spans = [(t.idx, t.idx + len(t.text)) for t in clause_tokens]
        inside = [c for c in in_sentence if any(a < int(c[S.CHAR_END]) and int(c[S.CHAR_START]) < b for a, b in spans)]
        attached = [c for c in in_sentence if _head_index(sentence, c) == pred.i]
        for candidates, name in ((inside, "time:in_clause"), (attached, "time:attached"),
                                 (in_sentence, "time:same_sentence")):
            if candidates:
                chosen = min(candidates, key=lambda c: _distance(c, pred.idx))
                rule = name
                break
    if chosen is None:
        return publication_time(published), rule
    fields = {k: chosen.get(k) for k in TIME_FIELDS}
    fields[S.TIME_CHAR_START] = int(chosen[S.CHAR_START])
    fields[S.TIME_CHAR_END] = int(chosen[S.CHAR_END])
    return fields, rule


def _head_index(sentence: Span, cue: dict[str, Any]) -> int:
    """Index of the token the cue's span modifies (its root's head), or -1 if it aligns with no token."""
    span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0:
        return -1
    return int(span.root.head.i)
