"""Attach to an event the time cue that governs its clause, or the publication date.

Order: a cue of the clause itself (inside its tokens, or attached to its verb; nearest to the
predicate), else a cue of a clause that governs it (not a reporting clause: "police said Thursday
that … were arrested" does not date the arrest), else the publication day with time_kind
"publication" so that a reader can tell a dated event from an undated one. Never a cue of another
clause of the sentence. Durations are a property of the event, not its date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd
from spacy.tokens import Doc, Span, Token

from extract import schema as S
from extract.events.ranges import day_range, stated_range
from extract.events.rules import lexicon
from extract.events.timing_nouns import content_noun, dates_noun, event_of_relative, when_clause_of
from extract.events.timing_order import can_shift, measured_shift, occasion_day, shift_cue
from extract.events.timing_settings import bounds_a_superlative, fixed_for_later, settings_dated
from extract.timecues.tense import after_since

TIME_FIELDS = (S.TIME_TEXT, S.TIME_TYPE, S.TIME_VALUE, S.TIME_MOD, S.TIME_KIND, S.START, S.END, S.GRANULARITY)


_TEXT_KEY = "extract.events.text"


def doc_text(doc: Doc) -> str:
    """The document's text, joined once and kept in ``doc.user_data``: ``Doc.text`` joins every
    token on each access, and reading it per event cost seconds per hundred articles."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


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


_CLOCK = frozenset({"hour", "minute", "second"})


def _weaker(sentence: Span, cue: dict[str, Any], dated: list[dict[str, Any]]) -> int:
    """How little a cue says about the day, when a clause has several: a date 0; a clock time 1 when
    the clause states a day it does not fall on (the clock leans on a day stated elsewhere: "at 9:05
    a.m. (3:05 GMT) *Tuesday*"; "by Tuesday noon" agrees); a vague adverb of the clause 2 ("*Earlier*,
    the activists staged bombings … *on Aug. 17*"), not a vague word of a noun ("in the *current*
    dispute … last year's revolution": neither dates the clause, the nearest stays)."""
    if cue.get(S.TIME_KIND) == "vague":
        span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
        return 2 if span is not None and len(span) and span.root.dep_ in ("advmod", "npadvmod") else 0
    if cue.get(S.GRANULARITY) not in _CLOCK or cue.get(S.START) is None or pd.isna(cue.get(S.START)):
        return 0
    day = pd.Timestamp(cue[S.START]).normalize()
    return int(
        any(
            c.get(S.GRANULARITY) == "day"
            and c.get(S.TIME_KIND) != "vague"
            and c.get(S.START) is not None
            and not pd.isna(c.get(S.START))
            and pd.Timestamp(c[S.START]).normalize() != day
            for c in dated
        )
    )


_PAST_AUX = frozenset({"had", "did", "was", "were"})


def _against_tense(cue: dict[str, Any], verb: Token) -> bool:
    """A vague future reference in a clause in the past ("had talks with Rice on *the future* US role"):
    it names what the clause is about, not when it happened."""
    if cue.get(S.TIME_VALUE) != "FUTURE_REF":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (verb.tag_ == "VBD" and not auxes) or any(a.lower_ in _PAST_AUX for a in auxes)


_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_MODIFIERS = frozenset({"amod", "compound", "nmod"})  # not "poss": "*Tuesday's* aid shipment marked …"


def _is_argument(sentence: Span, cue: dict[str, Any]) -> bool:
    """A cue that is the clause's subject or object ("In 1996, *Nov. 7* was renamed …") names a
    participant, not the time: an adverbial cue of the same clause dates it first."""
    span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root  # or a word of the subject's own phrase: "*The current* campaign is slated to last …"
    return root.dep_ in _ARGUMENTS or (root.dep_ in _MODIFIERS and root.head.dep_ in _ARGUMENTS)


_ATTRIBUTES = frozenset({"nummod", "compound", "amod", "nmod"})


def _attribute(sentence: Span, cue: dict[str, Any]) -> bool:
    """A date that classifies a thing or a person, not an event ("Australia's *1980* winner Alan Jones
    withdrew", "did not breach a *2001* contract", "passed the *2006* budget"): it dates no clause. A
    date of an event noun ("the *1994* genocide", "*Tuesday's* attack") still does."""
    if cue.get(S.TIME_KIND) != "absolute":
        return False  # "the *current* dispute", "*last year's* revolution": read by the other rules
    span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) != 1:
        return False  # "the *May 1997* elections": a date of several words names a time
    root, head = span.root, span.root.head
    if root.dep_ not in _ATTRIBUTES or head.pos_ != "NOUN" or head.i < root.i:
        return False
    return not lexicon().happening_noun(lexicon().lemma(head.lemma_))


_ORDERING = frozenset({"before", "after", "until", "till", "since", "following", "ahead", "prior", "pending"})


def _ordered_event(sentence: Span, cue: dict[str, Any]) -> bool:
    """A cue inside a noun phrase that a clause is ordered against ("scheduled … *before the holding
    of the summit on Nov. 18*"): it dates that event noun, not the clause; "at the summit in 1994"
    (an occasion) does date the clause."""
    span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok, noun = span.root, False
    for _ in range(12):
        if tok.head is tok or tok.head.pos_ in ("VERB", "AUX"):
            return noun and tok.lower_ in _ORDERING
        tok = tok.head
        noun = noun or (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj")
    return False


BURIED = -2  # governing_verb: the cue dates a noun two phrases down, not a verb


def governing_verb(sentence: Span, cue: dict[str, Any]) -> int:
    """Index of the verb whose clause holds the cue (the first verb up from the cue's root), -1 when
    there is none, ``BURIED`` when the cue sits in a phrase two nouns down from it."""
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
        if tok.pos_ == "ADJ" and tok.dep_ == "advcl":
            return int(tok.i)  # "*Notorious* for a riot two years ago, he was arrested …": no date of his
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj":
            nouns += 1
            if nouns >= 2:  # it dates a noun two phrases down, not the verb ("killed in *Sunday's* attack"
                return BURIED  # does; "wrangling over the budget *for 2007 to 2013*" does not)
    return -1


def _since_until_now(cue: dict[str, Any], sentence: Span, pred: Token) -> bool:
    """ "Since 2003 China *has reported* 21 infections": a state or run of happenings from the cue
    until the report (guidelines: "since X" → [X, publication day]), when the clause is in the
    present perfect or the present."""
    start = int(cue[S.CHAR_START])
    if cue.get(S.END) is None or not after_since(doc_text(sentence.doc), start):
        return False
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve") for c in pred.children)
    return perfect or (pred.tag_ in ("VBZ", "VBP") and pred.dep_ == "ROOT")


def attach_time(
    clause_tokens: Sequence[Token],
    pred: Token,
    sentence: Span,
    cues: Sequence[dict[str, Any]],
    published: date | None,
    governors: Sequence[Token] = (),
    reporting: Sequence[Token] = (),
    conjuncts: Sequence[Token] = (),
    foreign: frozenset[int] = frozenset(),
) -> tuple[dict[str, Any], str]:
    """(time fields, rule) for the clause: its own cue, else the cue of a clause governing it, else that
    of a later conjunct sharing the coordination, else that of the reporting clause above it (the day
    it was said: ``time:reporting_clause``), else the publication day, marked as such.

    A duration ("for three days", "within 72 hours") never dates a row: it fills ``S.DURATION``. A cue
    whose start offset is in ``foreign`` dates something else, never this clause ("the toll from *last
    Sunday's* blast rose to 169")."""
    lo, hi = sentence.start_char, sentence.end_char
    in_sentence = [
        c
        for c in cues
        if lo <= int(c[S.CHAR_START])
        and int(c[S.CHAR_END]) <= hi
        and not _is_set(c)
        and int(c[S.CHAR_START]) not in foreign
        and not _attribute(sentence, c)
        and not bounds_a_superlative(sentence, c)
        and not fixed_for_later(sentence, c)
    ]
    spans = [(t.idx, t.idx + len(t.text)) for t in clause_tokens]
    own_verbs = {pred.i, *settings_dated(pred)}
    verb_of = {id(c): governing_verb(sentence, c) for c in in_sentence}

    def own(c: dict[str, Any]) -> bool:
        if verb_of[id(c)] == BURIED:
            return False
        inside = any(a < int(c[S.CHAR_END]) and int(c[S.CHAR_START]) < b for a, b in spans)
        return inside or verb_of[id(c)] in own_verbs or when_clause_of(sentence.doc, c, pred)

    mine = [c for c in in_sentence if own(c)]
    duration = next((str(c.get(S.TIME_TEXT)) for c in mine if _is_duration(c)), None)
    dated = [c for c in mine if not _is_duration(c) and not _against_tense(c, pred)]
    if not dated and (eve := occasion_day(pred, cues)) is not None:  # "on the eve of Sunday's race"
        dated = [eve]
    if not dated:  # "*Three months later*, police arrested Chen": a date counted from the last one stated
        dated = [d for c in mine if _is_duration(c) and (d := anaphoric_date(c, cues, sentence)) is not None]
        duration = None if dated else duration
    # the predicate's own adverbial first ("in 1994 leaders agreed to set up a zone *with January 2005
    # as the deadline*": 1994), then one of a verb inside the clause, a subject or object date last
    chosen = (
        min(
            dated,
            key=lambda c: (
                _is_argument(sentence, c),
                _weaker(sentence, c, dated),
                verb_of.get(id(c)) != pred.i or _ordered_event(sentence, c),
                _distance(c, pred.idx),
            ),
        )
        if dated
        else None
    )
    if chosen is not None and len(dated) > 1:  # "from 1991 to 1996": the whole range
        chosen = stated_range(chosen, dated, doc_text(sentence.doc)) or chosen
    if chosen is not None:  # "from Nov. 19 to 20", "on Nov. 15-16": one month's days
        chosen = day_range(chosen, doc_text(sentence.doc)) or chosen
    rule = S.TIME_IN_CLAUSE
    steps = (
        [(g, S.TIME_GOVERNING) for g in governors]
        + [(c, S.TIME_CONJUNCT) for c in conjuncts]
        + [(r, S.TIME_REPORTING) for r in reporting]
    )
    event = event_of_relative(pred)  # "a 1975 coup in which … was killed": the coup's date
    event_i = -1 if event is None else event.i
    for other, name in steps if chosen is None else []:
        above = [
            c
            for c in in_sentence
            if (
                verb_of[id(c)] == other.i
                or when_clause_of(sentence.doc, c, other)
                or (name == S.TIME_REPORTING and content_noun(other) and dates_noun(sentence.doc, c, other))
                or (name == S.TIME_GOVERNING and other.i == event_i and dates_noun(sentence.doc, c, other))
            )
            and not _is_duration(c)
        ]
        if (
            above
        ):  # of a governor's cues, the one nearest this clause ("*After ordering* … Monday, … overnight")
            near = pred if name == S.TIME_GOVERNING else other
            chosen, rule = min(above, key=lambda c: _distance(c, near.idx)), name
            break
    shift = measured_shift(pred) if rule == S.TIME_GOVERNING and chosen is not None else None
    if chosen is not None and shift is not None and can_shift(chosen, shift[1]):
        chosen = shift_cue(chosen, *shift)  # "resigned Wednesday, *one day after* Democrats won": Tuesday
    if chosen is None:
        fields = publication_time(published)
        fields[S.DURATION] = duration
        fields[S.UNDATED_REASON] = None if published is not None else "no publication date"
        return fields, S.TIME_PUBLICATION
    fields = {k: chosen.get(k) for k in TIME_FIELDS}
    if published is not None and _since_until_now(chosen, sentence, pred):
        fields[S.END] = max(pd.Timestamp(fields[S.END]), pd.Timestamp(published + timedelta(days=1)))
    fields[S.TIME_CHAR_START] = int(chosen[S.CHAR_START])
    fields[S.TIME_CHAR_END] = int(chosen[S.CHAR_END])
    fields[S.DURATION] = duration
    fields[S.UNDATED_REASON] = None if _anchored(chosen) else "time cue not anchored"
    return fields, rule


_SHIFT_WORDS = {"later": 1, "afterwards": 1, "earlier": -1}


def anaphoric_date(
    cue: dict[str, Any], cues: Sequence[dict[str, Any]], sentence: Span
) -> dict[str, Any] | None:
    """ "three months later", "two days earlier": the time-cue stage tags the amount as a duration
    (TimeML's reading); for the event it is a date, the last date the text stated before it moved by
    the amount, at the unit's granularity ("June 21 last year" + "three months later" → that September;
    events-dev guidelines). None when the cue is not followed by such a word or nothing was dated before."""
    found = re.fullmatch(r"P(\d+)([DWMY])", str(cue.get(S.TIME_VALUE) or ""))
    end = int(cue[S.CHAR_END])
    inside = [t for t in sentence if int(cue[S.CHAR_START]) <= t.idx < end]
    after = next((t for t in sentence if t.idx >= end), None)
    if inside and inside[-1].lower_ in _SHIFT_WORDS:  # tagged with its word: "Two days earlier"
        after = inside[-1]
    if found is None or after is None or after.lower_ not in _SHIFT_WORDS:
        return None
    before = [
        c
        for c in cues
        if int(c[S.CHAR_END]) <= int(cue[S.CHAR_START])
        and not _is_duration(c)
        and not _is_set(c)
        and _anchored(c)
    ]
    if not before:
        return None
    anchor = max(before, key=lambda c: int(c[S.CHAR_START]))[S.START]
    amount = int(found.group(1)) * _SHIFT_WORDS[after.lower_]
    moved = shift_cue({**cue, S.START: anchor}, amount, found.group(2))
    return {
        **moved,
        S.TIME_TEXT: str(cue.get(S.TIME_TEXT)) if after in inside else f"{cue.get(S.TIME_TEXT)} {after.text}",
        S.CHAR_END: max(end, after.idx + len(after.text)),
    }


def _anchored(cue: dict[str, Any]) -> bool:
    start = cue.get(S.START)
    return start is not None and not pd.isna(start)
