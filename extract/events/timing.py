"""Attach to an event the time cue that governs its clause, or the publication date.

Order: a cue of the clause itself (inside its tokens, or attached to its verb; nearest to the
predicate), else a cue of a clause that governs it (not a reporting clause: "police said Thursday
that … were arrested" does not date the arrest), else the publication day with time_kind
"publication" so that a reader can tell a dated event from an undated one. Never a cue of another
clause of the sentence. Durations are a property of the event, not its date.
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
    values = [
        cues[c].tolist() for c in cues.columns
    ]  # column-wise: far cheaper than to_dict on Arrow strings
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)]


def publication_time(published: date | None) -> dict[str, Any]:
    """Time fields for an event dated only by its publication day (NaT without a date)."""
    if published is None:
        return {
            S.TIME_KIND: "publication",
            S.START: pd.NaT,
            S.END: pd.NaT,
            S.TIME_CHAR_START: None,
            S.TIME_CHAR_END: None,
        }
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


def _is_duration(cue: dict[str, Any]) -> bool:
    return cue.get(S.TIME_TYPE) == "DURATION" or cue.get(S.TIME_KIND) == "duration"


def _is_set(cue: dict[str, Any]) -> bool:
    """A frequency ("every evening", "a year"): no date of the event."""
    return cue.get(S.TIME_TYPE) == "SET" or cue.get(S.TIME_KIND) == "set"


def governing_verb(sentence: Span, cue: dict[str, Any]) -> int:
    """Index of the verb whose clause holds the cue (the first verb up from the cue's root), or -1."""
    span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0:
        return -1
    tok = span.root
    nouns = 0  # noun phrases the cue is buried in: "said at the funerals of victims of *the weekend* attack"
    for _ in range(12):
        if tok.head is tok:
            return tok.i if tok.pos_ in ("VERB", "AUX") else -1
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and not (tok.dep_ == "acl" and tok.tag_ == "VBG"):
            return int(tok.i)  # not a participle describing a noun: "departments *ringing* Paris overnight"
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj":
            nouns += 1
            if nouns >= 2:
                return (
                    -1
                )  # it dates a noun two phrases down, not the verb ("killed in *Sunday's* attack" does)
    return -1


def attach_time(
    clause_tokens: Sequence[Token],
    pred: Token,
    sentence: Span,
    cues: Sequence[dict[str, Any]],
    published: date | None,
    governors: Sequence[Token] = (),
    reporting: Sequence[Token] = (),
    conjuncts: Sequence[Token] = (),
) -> tuple[dict[str, Any], str]:
    """(time fields, rule) for the clause: its own cue, else the cue of a clause governing it, else that
    of a later conjunct sharing the coordination, else that of the reporting clause above it (the day
    it was said: ``time:reporting_clause``), else the publication day, marked as such.

    A duration ("for three days", "within 72 hours") never dates a row: it fills ``S.DURATION``."""
    lo, hi = sentence.start_char, sentence.end_char
    in_sentence = [
        c for c in cues if lo <= int(c[S.CHAR_START]) and int(c[S.CHAR_END]) <= hi and not _is_set(c)
    ]
    spans = [(t.idx, t.idx + len(t.text)) for t in clause_tokens]
    own_verbs = {pred.i}
    verb_of = {id(c): governing_verb(sentence, c) for c in in_sentence}

    def own(c: dict[str, Any]) -> bool:
        inside = any(a < int(c[S.CHAR_END]) and int(c[S.CHAR_START]) < b for a, b in spans)
        return inside or verb_of[id(c)] in own_verbs

    mine = [c for c in in_sentence if own(c)]
    duration = next((str(c.get(S.TIME_TEXT)) for c in mine if _is_duration(c)), None)
    dated = [c for c in mine if not _is_duration(c)]
    chosen = min(dated, key=lambda c: _distance(c, pred.idx)) if dated else None
    rule = "time:in_clause"
    steps = (
        [(g, "time:governing_clause") for g in governors]
        + [(c, "time:conjunct") for c in conjuncts]
        + [(r, "time:reporting_clause") for r in reporting]
    )
    for other, name in steps if chosen is None else []:
        above = [c for c in in_sentence if verb_of[id(c)] == other.i and not _is_duration(c)]
        if (
            above
        ):  # of a governor's cues, the one nearest this clause ("*After ordering* … Monday, … overnight")
            near = pred if name == "time:governing_clause" else other
            chosen, rule = min(above, key=lambda c: _distance(c, near.idx)), name
            break
    if chosen is None:
        fields = publication_time(published)
        fields[S.DURATION] = duration
        fields[S.UNDATED_REASON] = None if published is not None else "no publication date"
        return fields, "time:publication"
    fields = {k: chosen.get(k) for k in TIME_FIELDS}
    fields[S.TIME_CHAR_START] = int(chosen[S.CHAR_START])
    fields[S.TIME_CHAR_END] = int(chosen[S.CHAR_END])
    fields[S.DURATION] = duration
    fields[S.UNDATED_REASON] = None if _anchored(chosen) else "time cue not anchored"
    return fields, rule


def _anchored(cue: dict[str, Any]) -> bool:
    start = cue.get(S.START)
    return start is not None and not pd.isna(start)
