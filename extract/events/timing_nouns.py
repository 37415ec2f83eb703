"""The noun of saying whose "that" clause an event is ("NATO's *announcement* on Monday that it had
agreed …"): the clause takes the noun's day when it has none of its own, as a clause under a verb of
saying takes the day it was said ("said Monday that …"). The nouns are data (timing.toml
[content_nouns], with examples that a test runs)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from extract import schema as S
from extract.events.rules import lexicon, read_rules, require_list

_NOUN_CUE_DEPS = frozenset({"poss", "compound", "nmod", "npadvmod", "amod", "nummod"})


@dataclass(frozen=True)
class ContentNouns:
    """Nouns whose "that" clause says what they state, and the prepositions that date such a noun."""

    nouns: frozenset[str]
    preps: frozenset[str]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def content_noun_rules() -> ContentNouns:
    """The [content_nouns] table of timing.toml (a missing or mistyped field fails naming file and field)."""
    data = read_rules("timing.toml").get("content_nouns")
    if not isinstance(data, dict):
        raise ValueError("timing.toml: needs a [content_nouns] table")
    name = "timing.toml [content_nouns]"
    return ContentNouns(
        frozenset(w.lower() for w in require_list(data, name, "nouns", str)),
        frozenset(w.lower() for w in require_list(data, name, "preps", str)),
        tuple(require_list(data, name, "examples", dict)),
    )


def content_noun(tok: Token) -> bool:
    """Whether ``tok`` is a noun of saying that governs a "that" clause (see :func:`stated_by`)."""
    return tok.pos_ == "NOUN" and lexicon().lemma(tok.lemma_) in content_noun_rules().nouns


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
