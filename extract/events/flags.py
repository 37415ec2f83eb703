"""Flags of an event: reported, future, hypothetical, negated (cue words in rules/events/flags.toml).

A flag comes from the predicate's own auxiliaries/negation/subordinator, from the verb or noun that
embeds the clause ("Seoul *hopes* that …", "Biden *plans* to …", "Moscow *denied* that …"), or, for
``reported``, from any reporting verb up the chain of embedding clauses ("X said Y told Z that …").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.events.rules import flag_cues, lexicon

EMBED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "acl", "relcl", "parataxis", "pcomp", "pobj"})


@dataclass(frozen=True)
class Flags:
    """The four flags of an event."""

    reported: bool = False
    future: bool = False
    hypothetical: bool = False
    negated: bool = False


COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "acl"})


def governors(tok: Token) -> list[tuple[Token, str]]:
    """(token, relation) pairs embedding ``tok``'s clause, nearest first; conjuncts share their first
    conjunct's governors."""
    chain: list[tuple[Token, str]] = []
    cur = tok
    for _ in range(8):
        while cur.dep_ == "conj" and cur.head is not cur:
            cur = cur.head
        if cur.dep_ == "xcomp" and cur.head.dep_ == "acomp" and cur.head.pos_ == "ADJ":
            chain.append((cur.head, "xcomp"))  # "said he was *prepared to meet*": the copula's clause
            cur = cur.head.head
            continue
        if cur.dep_ not in EMBED_DEPS or cur.head is cur:
            break
        dep = cur.dep_
        cur = cur.head
        if cur.dep_ == "prep" and cur.head is not cur:  # "according to", "after attacking"
            cur = cur.head
        chain.append((cur, dep))
    return chain


def resolve_flags(pred: Token, verb: Token, clause_text: str) -> Flags:
    """Flags for the event whose typed token is ``pred`` inside the clause headed by ``verb``."""
    cues = flag_cues()
    heads = [verb] if pred is verb else [pred, verb]
    own_aux = {c.lower_ for h in heads for c in h.children if c.dep_ in ("aux", "auxpass")}
    own_neg = any(
        c.dep_ in ("neg", "advmod", "det") and c.lower_ in cues.neg for h in heads for c in h.children
    )
    marks = {c.lower_ for h in heads for c in h.children if c.dep_ == "mark"}
    anchor = pred if pred.pos_ in ("VERB", "AUX") else verb  # event nouns borrow their light verb's chain
    pairs = governors(anchor)
    chain = [g for g, _ in pairs]
    # only complements take their governor's mood ("hopes that …", "plans to …", "denied that …"),
    # not adverbial clauses ("While China says …, Shen refused …")
    near = [g for g, dep in pairs[: 2 if anchor is not verb else 1] if dep in COMPLEMENT_DEPS]
    lowered = clause_text.lower()

    def governed(flag: str, among: list[Token]) -> bool:
        return any(lexicon().lemma(g.lemma_) in cues.governors[flag] for g in among)

    reported = governed("reported", chain) or any(p in lowered for p in cues.phrases["reported"])
    # "Lagardo is *due* in Kenya on Friday": an adjective of expectation is its own future
    future = (
        bool(own_aux & cues.aux["future"])
        or (pred.pos_ == "ADJ" and pred.lower_ in cues.governors["future"])
        or any(
            lexicon().lemma(g.lemma_) in cues.governors["future"]
            and (g.lemma_ != "be" or "to" in own_aux)  # "is to visit", not "the problem is that …"
            and (g.lemma_ != "go" or g.tag_ == "VBG")  # "is going to", not "went to"
            for g in [*near, *([verb] if pred is not verb else [])]
        )
    )
    hypothetical = (
        bool(own_aux & cues.aux["hypothetical"]) or bool(marks & cues.marks) or governed("hypothetical", near)
    )
    negated = own_neg or governed("negated", near)
    return Flags(reported=reported, future=future, hypothetical=hypothetical, negated=negated)
