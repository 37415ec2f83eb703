"""Nouns that lend their day to a clause. The noun of saying whose "that" clause an event is ("NATO's
*announcement* on Monday that it had agreed …"): the clause takes the noun's day when it has none of its
own, as a clause under a verb of saying takes the day it was said ("said Monday that …"). The occasion a
verb of taking part is at ("will attend *next week's summit*"): its day is the verb's. Both are data
(timing.toml [content_nouns] and [taking_part], with examples that a test runs). And a time itself
dates the "when" clause that describes it ("until *Tuesday*, when prosecutors said …")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from extract import schema as S
from extract.events.rules import lexicon, read_rules, require_list

_NOUN_CUE_DEPS = frozenset({"poss", "compound", "nmod", "npadvmod", "amod", "nummod"})


@dataclass(frozen=True)
class WordsAndPreps:
    """A timing.toml table of words (``nouns`` or ``verbs``), the prepositions that go with them and its
    examples: [content_nouns] (nouns whose "that" clause says what they state, the prepositions that date
    such a noun) and [taking_part] (verbs of taking part in an occasion, the prepositions introducing it)."""

    words: frozenset[str]
    preps: frozenset[str]
    examples: tuple[dict[str, Any], ...]


def _words_and_preps(table: str, words: str) -> WordsAndPreps:
    """timing.toml's ``[table]`` (a missing or mistyped field fails naming file and field)."""
    data = read_rules("timing.toml").get(table)
    if not isinstance(data, dict):
        raise ValueError(f"timing.toml: needs a [{table}] table")
    name = f"timing.toml [{table}]"
    return WordsAndPreps(
        frozenset(w.lower() for w in require_list(data, name, words, str)),
        frozenset(w.lower() for w in require_list(data, name, "preps", str)),
        tuple(require_list(data, name, "examples", dict)),
    )


@lru_cache(maxsize=1)
def content_noun_rules() -> WordsAndPreps:
    """[content_nouns]: nouns whose "that" clause says what they state ("the announcement that …")."""
    return _words_and_preps("content_nouns", "nouns")


def content_noun(tok: Token) -> bool:
    """Whether ``tok`` is a noun of saying that governs a "that" clause (see :func:`stated_by`)."""
    return tok.pos_ == "NOUN" and lexicon().lemma(tok.lemma_) in content_noun_rules().words


def stated_by(verb: Token) -> Token | None:
    """The noun of saying whose "that" clause ``verb`` heads ("the announcement *that it had agreed*"),
    or None (a relative clause describes the noun: "the announcement, *which surprised* …")."""
    cur = verb
    while cur.dep_ == "conj" and cur.head is not cur:
        cur = cur.head
    if cur.dep_ not in ("acl", "ccomp") or not content_noun(cur.head):
        return None
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in cur.children)
    return cur.head if that else None


def dates_noun(doc: Doc, cue: dict[str, Any], noun: Token) -> bool:
    """Whether the cue modifies ``noun`` itself: "*Monday's* announcement", "the announcement *on
    Monday*", "a statement *Friday*"."""
    span = doc.char_span(int(cue[S.CHAR_START]), int(cue[S.CHAR_END]), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in content_noun_rules().preps:
        head = head.head
    elif root.dep_ not in _NOUN_CUE_DEPS:
        return False
    return head.i == noun.i and head.i != root.i


@lru_cache(maxsize=1)
def taking_part_rules() -> WordsAndPreps:
    """[taking_part]: verbs of taking part in an occasion ("attend", "take part *in*")."""
    return _words_and_preps("taking_part", "verbs")


def taken_part_in(noun: Token, pred: Token) -> bool:
    """Whether ``noun`` is the occasion the predicate takes part in: its object ("boycott *the May
    elections*") or the noun after "in"/"at" ("participated *in* last week's conference")."""
    rules = taking_part_rules()
    if lexicon().lemma(pred.lemma_) not in rules.words:
        return False
    if noun.dep_ == "dobj":
        return noun.head.i == pred.i
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in rules.preps and prep.head.i == pred.i


@lru_cache(maxsize=1)
def when_words() -> frozenset[str]:
    """The relative adverbs of timing.toml [when_clauses]."""
    data = read_rules("timing.toml").get("when_clauses")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs a [when_clauses] table")
    return frozenset(w.lower() for w in require_list(data, "timing.toml [when_clauses]", "words", str))


def when_clause_of(doc: Doc, cue: dict[str, Any], verb: Token) -> bool:
    """Whether ``verb`` heads a "when" relative clause of a word of the cue ("kept secret until
    *Tuesday when* military prosecutors said …", "in *2003, when* NATO took over"): the cue is its day."""
    words = when_words()
    if verb.dep_ not in ("relcl", "advcl") or not any(
        c.dep_ == "advmod" and c.lower_ in words and c.i < verb.i for c in verb.children
    ):
        return False
    head = verb.head
    return int(cue[S.CHAR_START]) <= head.idx < int(cue[S.CHAR_END])


@dataclass(frozen=True)
class EventRelatives:
    """timing.toml [event_relatives]: the relative words that make a clause part of the event a noun
    names (its subject pronouns, the prepositions before "which", relative adverbs) and the examples."""

    subjects: frozenset[str]
    preps: frozenset[str]
    adverbs: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def event_relative_rules() -> EventRelatives:
    """timing.toml's [event_relatives] (a missing or mistyped field fails naming it)."""
    data = read_rules("timing.toml").get("event_relatives")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs an [event_relatives] table")
    name = "timing.toml [event_relatives]"
    words = [
        frozenset(w.lower() for w in require_list(data, name, k, str))
        for k in ("subjects", "preps", "adverbs")
    ]
    return EventRelatives(words[0], words[1], words[2], tuple(require_list(data, name, "examples", dict)))


def event_of_relative(verb: Token) -> Token | None:
    """The event noun whose relative clause ``verb`` heads when the clause tells part of that event ("a
    1975 coup *in which* Sheikh Mujib *was killed*", "the 2004 tsunami *that killed* 200,000"), so that
    it takes the noun's date; None for a clause about the event from outside it ("the coup *which he
    still condemns*": an object relative)."""
    noun = verb.head
    if (
        verb.dep_ != "relcl"
        or noun.pos_ != "NOUN"
        or not lexicon().happening_noun(lexicon().lemma(noun.lemma_))
    ):
        return None
    rules = event_relative_rules()
    for c in verb.children:
        if c.i > verb.i:
            continue
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in rules.subjects:
            return noun
        if c.dep_ == "advmod" and c.lower_ in rules.adverbs:
            return noun
        if c.dep_ == "prep" and c.lower_ in rules.preps and any(p.lower_ == "which" for p in c.children):
            return noun
    return None
