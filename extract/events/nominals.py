"""Dated event nouns: a happening the text states only as a noun with a date of its own.

"the death toll from *last Sunday's explosion* rose to 169", "his protests over *the July 1 takeover*
of Hong Kong", "*a clash Wednesday* between opposition supporters and police left 20 injured": the
explosion, the takeover and the clash are events a timeline reader keeps, dated by the cue on their
noun. Such a noun is a row when no clause row took that cue as its own time (a clause dated by it
already stands for the happening: "16 people were killed in *Sunday's* grenade attack" is one row).
The nouns are the lexicon's event nouns (types.toml), less speech nouns (no row by themselves).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import pandas as pd
from spacy.tokens import Doc, Span, Token

from extract import schema as S
from extract.actors import ActorMention as Mention
from extract.events.rules import lexicon, read_rules, require_list
from extract.events.speech import speech_rules
from extract.events.timing import TIME_FIELDS, doc_text
from extract.events.timing_nouns import taken_part_in

NOMINAL = "lexicon:noun"  # rule of a dated event noun
_CUE_PREPS = frozenset({"on", "in", "at", "during", "of"})
_VAGUE = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_MAX_WORDS = 12


@dataclass(frozen=True)
class NominalRules:
    """happenings.toml [nominals]: nouns that make no row by a date alone, the prepositions of a setting."""

    exclude: frozenset[str]
    setting_preps: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def nominal_rules() -> NominalRules:
    """The [nominals] table of happenings.toml (a missing or mistyped field fails naming file and field)."""
    data = read_rules("happenings.toml").get("nominals")
    if not isinstance(data, dict):
        raise ValueError("happenings.toml: needs a [nominals] table")
    name = "happenings.toml [nominals]"
    words = {
        f: frozenset(w.lower() for w in require_list(data, name, f, str))
        for f in ("exclude", "setting_preps")
    }
    return NominalRules(
        words["exclude"], words["setting_preps"], tuple(require_list(data, name, "examples", dict))
    )


def _event_noun(tok: Token) -> str | None:
    """The lexicon type of an event noun ("explosion": DISASTER), None for other nouns, speech nouns and
    the nouns ``exclude``d (a war or an operation spans more than the date it is given)."""
    if tok.pos_ != "NOUN":
        return None
    lemma = lexicon().lemma(tok.lemma_)
    if lemma in speech_rules().nouns or lemma in nominal_rules().exclude:
        return None
    kind = lexicon().noun_type(lemma) or _gerund_type(lemma)
    return None if kind in (None, "STATEMENT") else kind


def _gerund_type(lemma: str) -> str | None:
    """The type of a gerund nominal of a lexicon verb ("the *signing* of the deal on Monday", "Sunday's
    *bombing*", "the *shelling* of the town"): the verb's, found by taking off "-ing" (and a doubled
    consonant, or putting back a silent "e": "closing" → "close")."""
    if not lemma.endswith("ing") or len(lemma) < 6:
        return None
    base = lemma[:-3]
    candidates = [base, base + "e"] + ([base[:-1]] if base[-1] == base[-2] else [])
    return next((t for c in candidates if (t := lexicon().verb_type(c))), None)


def _noun_of_cue(doc: Doc, cue: dict[str, Any]) -> Token | None:
    """The event noun a cue modifies directly ("*Sunday's* explosion", "the *July 1* takeover", "a clash
    *Wednesday*", "the attack *on Sunday*"), or None."""
    span = doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _CUE_PREPS:
        head = head.head
    elif root.dep_ not in ("poss", "compound", "nmod", "npadvmod", "amod", "nummod"):
        return None
    return head if head.i != root.i and _event_noun(head) is not None else None


def noun_cues(doc: Doc, cues: Sequence[dict[str, Any]]) -> dict[int, Token]:
    """Start offset of each usable cue that modifies an event noun directly → that noun."""
    out: dict[int, Token] = {}
    for cue in cues:
        noun = _noun_of_cue(doc, cue) if _usable(cue) else None
        if noun is not None:
            out[int(cue[S.CHAR_START])] = noun
    return out


def foreign_cues(nouns: dict[int, Token], pred: Token, event_type: str, incident: frozenset[str]) -> set[int]:
    """The cues of event nouns that date the noun, not the clause: all but those of the clause's own event
    noun ("held *talks* on Sunday") or of an incident the clause's incident happened in ("killed in
    *Sunday's* attack"); "repeated his protests over *the July 1 takeover*" is no July event."""
    return {
        start
        for start, noun in nouns.items()
        if noun.i != pred.i
        and not noun.left_edge.i <= pred.i <= noun.right_edge.i  # "his talks *earlier this month* with
        # Ross, who *met* both leaders": a clause inside the noun's phrase shares its date
        and not _setting(noun, pred)
        and not taken_part_in(noun, pred)  # "will attend *next week's* summit": the summit's week
        and not (event_type in incident and _event_noun(noun) in incident)
    }


def _setting(noun: Token, pred: Token) -> bool:
    """The event noun is where the clause happens ("discuss the issue *at a meeting* next month", "were
    arrested *during a demonstration* on Tuesday", also hung on the verb's object: "will discuss *the
    developments* at an emergency meeting on Sunday"): the clause shares its date."""
    prep = noun.head
    owner = prep.head
    on_object = owner.dep_ == "dobj" and owner.head.i == pred.i and _event_noun(owner) is None
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in nominal_rules().setting_preps
        and (owner.i in (pred.i, pred.head.i) or on_object)
    )


def _usable(cue: dict[str, Any]) -> bool:
    start = cue.get(S.START)
    anchored = start is not None and not pd.isna(start)
    return (
        anchored
        and cue.get(S.TIME_TYPE) in ("DATE", "TIME")
        and cue.get(S.TIME_KIND) not in ("duration", "set")
        and str(cue.get(S.TIME_VALUE)) not in _VAGUE
    )


_CUT_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct"})
_DANGLING = frozenset({"det", "prep", "cc", "poss", "case", "punct", "amod", "compound", "nummod"})


def _label(noun: Token) -> tuple[str, int, int]:
    """The noun phrase without the clauses, appositions and conjuncts in it, at most ``_MAX_WORDS`` words
    after the noun and ending on no word that needs what was cut, with its offsets."""

    def keep(tok: Token) -> list[Token]:
        out = [tok]
        for child in tok.children:
            own_conj = tok.i == noun.i and child.dep_ in ("conj", "cc")  # "the blast and the fire"
            if not (child.i > noun.i and (child.dep_ in _CUT_DEPS or own_conj)):
                out.extend(keep(child))
        return out

    toks = sorted(keep(noun), key=lambda t: t.i)
    after = [t for t in toks if t.i > noun.i][:_MAX_WORDS]
    cut = [t for t in toks if t.i <= noun.i] + after
    while len(cut) > 1 and cut[-1].i > noun.i and cut[-1].dep_ in _DANGLING:
        cut = cut[:-1]
    while cut and cut[0].i < noun.i and cut[0].lower_ in ("a", "an", "the"):
        cut = cut[1:]
    start, last = cut[0].idx, cut[-1]
    return doc_text(noun.doc)[start : last.idx + len(last.text)], start, last.idx + len(last.text)


_TARGET_PREPS = frozenset({"to", "of", "against", "on", "with", "into", "between"})


def _parties(
    noun: Token, cue: dict[str, Any], inside: Sequence[Mention]
) -> tuple[Mention | None, Mention | None]:
    """Who did it and to whom, as the noun phrase says: a possessive or "by X" is the doer ("*Chirac's*
    visit", "an attack *by rebels*"), the object of to/of/against/with … the one acted on ("visit *to
    China*", "takeover *of Hong Kong*"); "between A and B": A and B. Not the cue ("*Sunday's* blast")."""
    lo, hi = int(cue[S.CHAR_START]), int(cue[S.CHAR_END])

    def actor(tok: Token | None) -> Mention | None:
        if tok is None or lo <= tok.idx < hi:
            return None
        return next((m for m in inside if m.char_start <= tok.idx < m.char_end), None)

    source = actor(next((c for c in noun.children if c.dep_ == "poss"), None))
    target = None
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ == "by" and source is None:
            source = actor(obj)
        elif prep.lower_ == "between" and obj is not None and source is None:
            source = actor(obj)
            target = target or actor(next((c for c in obj.children if c.dep_ == "conj"), None))
        elif prep.lower_ in _TARGET_PREPS and target is None:
            target = actor(obj)
    return source, target


def nominal_rows(
    doc: Doc,
    cues: Sequence[dict[str, Any]],
    rows: Sequence[dict[str, Any]],
    busy: set[int],
    mentions: Sequence[Mention],
    published: date | None,
    doc_id: str,
    skip: Callable[[Span], bool],
) -> list[dict[str, Any]]:
    """Rows of the dated event nouns whose cue no clause row took as its time, whose noun is no row's
    predicate token (``busy``: "held *talks* on Sunday" is a clause row), and that no row of an overlapping
    time already names ("will hold its elections on May 29 … the May 29 elections")."""
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    nouns = noun_cues(doc, cues)
    claimed = {int(r[S.TIME_CHAR_START]) for r in rows if r.get(S.TIME_CHAR_START) is not None}
    told = [  # the interval, the predicate and the label words of every dated row
        (
            pd.Timestamp(r[S.START]),
            pd.Timestamp(r[S.END]),
            str(r[S.PREDICATE]),
            set(str(r[S.EVENT]).lower().split()),
        )
        for r in rows
        if r.get(S.START) is not None
        and not pd.isna(r[S.START])
        and r.get(S.END) is not None
        and not pd.isna(r[S.END])
    ]
    for cue in cues:
        noun = nouns.get(int(cue[S.CHAR_START]))
        if int(cue[S.CHAR_START]) in claimed or noun is None:
            continue
        if noun.i in busy or noun.i in seen or skip(noun.sent):
            continue
        seen.add(noun.i)
        lemma = lexicon().lemma(noun.lemma_)
        lo, hi = pd.Timestamp(cue[S.START]), pd.Timestamp(cue[S.END])
        if any(
            (a < hi and lo < b and pred == lemma) or (a == lo and {noun.lower_, lemma} & words)
            for a, b, pred, words in told
        ):
            continue  # "will visit Afghanistan this week … Kasuri's December 7-9 visit": one happening, one row
        label, start, end = _label(noun)
        # a later noun of the same happening repeats this row ("the general elections on May 29 … the May 29
        # parliamentary election"): one happening, one row
        told.append((lo, hi, lemma, set(label.lower().split())))
        # the row stands on the clauses that tell about the happening too ("clashes, *which left 30
        # rebels dead*"), as a clause row's span covers its complements
        end = max(
            [
                end,
                *(
                    t.right_edge.idx + len(t.right_edge.text)
                    for t in noun.children
                    if t.dep_ in ("relcl", "acl")
                ),
            ]
        )
        sent = noun.sent
        inside = [m for m in mentions if start <= m.char_start < end]
        source, target = _parties(noun, cue, inside)
        fields = {k: cue.get(k) for k in TIME_FIELDS}
        future = published is not None and pd.Timestamp(cue[S.START]) > pd.Timestamp(published)
        out.append(
            {
                S.EVENT_ID: "",
                S.DOC_ID: doc_id,
                S.PUBLISHED: pd.Timestamp(published) if published else None,
                S.SENTENCE: doc_text(doc)[sent.start_char : sent.end_char].strip(),
                S.SENTENCE_START: sent.start_char + (len(sent.text) - len(sent.text.lstrip())),
                S.CHAR_START: start,
                S.CHAR_END: end,
                S.EVENT: label,
                S.PREDICATE: lexicon().lemma(noun.lemma_),
                S.EVENT_TYPE: _event_noun(noun),
                S.SOURCE_ACTOR: source.actor if source else None,
                S.TARGET_ACTOR: target.actor if target else None,
                S.ACTORS: list(
                    dict.fromkeys(m.actor for m in [*(x for x in (source, target) if x), *inside])
                ),
                S.COUNTRIES: list(dict.fromkeys(m.country for m in inside if m.country)),
                S.ROW_MENTIONS: [m for m in (source, target, *inside) if m is not None],
                S.REPORTED: False,
                S.FUTURE: bool(future),
                S.HYPOTHETICAL: False,
                S.NEGATED: False,
                **fields,
                S.TIME_CHAR_START: int(cue[S.CHAR_START]),
                S.TIME_CHAR_END: int(cue[S.CHAR_END]),
                S.DURATION: None,
                S.UNDATED_REASON: None,
                S.REPORTED_BY: None,
                S.CONFIDENCE: 0.5,
                S.RULE: f"{NOMINAL};{S.TIME_IN_CLAUSE}",
            }
        )
    return out
