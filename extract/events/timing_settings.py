"""Where a clause takes its day from the occasion it happens at, and where a time dates no clause.

An occasion a clause happens at ("made *at a meeting held on Monday night*", "signed *during a ceremony
held Tuesday*") lends the day of the participle that describes it; so does one held by an organ named in
its "of" phrase ("at the summit of the AU council *held on January 9*") and a planned one ("during the
summit, *to be held on Thursday*") when the participle is a verb of holding an occasion
(timing.toml [occasion_participles]). A time that bounds a superlative ("the highest level *since
2001*") dates no clause ([superlative_bounds])."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Span, Token

from extract import schema as S
from extract.events.rules import lexicon, read_rules, require_list

_SETTING_PREPS = frozenset({"at", "during"})


@dataclass(frozen=True)
class OccasionParticiples:
    """[occasion_participles]: verbs (lemmas) of holding an occasion, and the table's examples."""

    verbs: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def occasion_participle_rules() -> OccasionParticiples:
    """timing.toml's [occasion_participles] (a missing or mistyped field fails naming it)."""
    data = read_rules("timing.toml").get("occasion_participles")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs an [occasion_participles] table")
    name = "timing.toml [occasion_participles]"
    return OccasionParticiples(
        frozenset(v.lower() for v in require_list(data, name, "verbs", str)),
        tuple(require_list(data, name, "examples", dict)),
    )


def _happening(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and lexicon().happening_noun(lexicon().lemma(tok.lemma_))


def _holding(tok: Token) -> bool:
    """A past participle of a verb of holding an occasion ("held", "convened")."""
    return tok.tag_ == "VBN" and lexicon().lemma(tok.lemma_) in occasion_participle_rules().verbs


def settings_dated(pred: Token) -> list[int]:
    """Indices of the participles that date the occasion ``pred`` takes place at: its own participle
    ("at a meeting *held* on Monday"), that of the organ of its "of" phrase when it holds occasions
    ("the summit of the council *held* on January 9"), or a planned one after it ("during the summit,
    *to be held* on Thursday", which the parser hangs on the verb). A noun under a light verb ("The
    decision … was made at the summit") is set where its verb is."""
    anchors = [pred] + ([pred.head] if pred.pos_ == "NOUN" and pred.dep_ in ("nsubjpass", "dobj") else [])
    out: list[int] = []
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SETTING_PREPS:
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or not _happening(noun):
                    continue  # an event or an occasion: not "met at a hotel *built in 1920*"
                out += [c.i for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
                out += [
                    c.i
                    for of in noun.children
                    if of.dep_ == "prep" and of.lower_ == "of"
                    for owner in of.children
                    if owner.dep_ == "pobj"
                    for c in owner.children
                    if c.dep_ == "acl" and _holding(c)
                ]
                out += [
                    c.i
                    for c in anchor.children
                    if c.dep_ == "advcl" and c.i > noun.i and _holding(c) and _to_be(c)
                ]
    return out


def _to_be(verb: Token) -> bool:
    """A passive infinitive: "to be held"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return {"to", "be"} <= auxes


@dataclass(frozen=True)
class SuperlativeBounds:
    """[superlative_bounds]: prepositions of a bound, ordinals that rank like a superlative."""

    preps: frozenset[str]
    ordinals: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def superlative_bound_rules() -> SuperlativeBounds:
    """timing.toml's [superlative_bounds] (a missing or mistyped field fails naming it)."""
    data = read_rules("timing.toml").get("superlative_bounds")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs a [superlative_bounds] table")
    name = "timing.toml [superlative_bounds]"
    return SuperlativeBounds(
        frozenset(w.lower() for w in require_list(data, name, "preps", str)),
        frozenset(w.lower() for w in require_list(data, name, "ordinals", str)),
        tuple(require_list(data, name, "examples", dict)),
    )


def bounds_a_superlative(sentence: Span, cue: dict[str, Any]) -> bool:
    """The cue bounds a superlative ("the lowest price *since July 26*", "the highest level *since
    2001*", "the first visit *since 1994*"): a comparison's range, no date of any clause."""
    span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    rules = superlative_bound_rules()
    root = span.root
    prep = root.head if root.dep_ == "pobj" else root if root.dep_ == "prep" else None
    if prep is None or prep.lower_ not in rules.preps or prep.i == 0:
        return False
    # the noun it hangs on, or the noun right before it when the parser hangs it on the verb ("closed at
    # their highest level since 2000")
    before = prep.doc[prep.i - 1]
    nouns = [t for t in (prep.head, before, before.head) if t.pos_ == "NOUN"]
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in rules.ordinals)
        for n in nouns
        for c in n.children
    )


@dataclass(frozen=True)
class ScheduledDates:
    """[scheduled_dates]: verbs of fixing a date (lemmas), the prepositions of what it is fixed for."""

    verbs: frozenset[str]
    preps: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def scheduled_date_rules() -> ScheduledDates:
    """timing.toml's [scheduled_dates] (a missing or mistyped field fails naming it)."""
    data = read_rules("timing.toml").get("scheduled_dates")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs a [scheduled_dates] table")
    name = "timing.toml [scheduled_dates]"
    return ScheduledDates(
        frozenset(w.lower() for w in require_list(data, name, "verbs", str)),
        frozenset(w.lower() for w in require_list(data, name, "preps", str)),
        tuple(require_list(data, name, "examples", dict)),
    )


def fixed_for_later(sentence: Span, cue: dict[str, Any]) -> bool:
    """The cue is the date a verb of fixing sets for something ("the court *set April 29 for* the next
    hearing", which the parser hangs on "set" as an adverb): the date of the hearing, not of the setting,
    nor of a clause coordinated with it. "The court set bail on Monday" is the setting's day."""
    span = sentence.doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0 or span.end >= len(sentence.doc):
        return False
    rules = scheduled_date_rules()
    root, after = span.root, sentence.doc[span.end]
    verb = root.head
    return (
        root.dep_ in ("dobj", "npadvmod")
        and lexicon().lemma(verb.lemma_) in rules.verbs
        and after.lower_ in rules.preps
        and after.head.i == verb.i
    )
