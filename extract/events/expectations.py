"""Clauses of expectation that hand their event to another word: "troops *are expected to be sent*"
(the sending), "Lagardo *is due* in Kenya on Friday" (an arrival)."""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.rules import arrival_adjectives, lexicon, scheduled_governors


def scheduled(verb: Token) -> tuple[Token, str, str, str] | None:
    """A passive of expectation hands its clause to its verb complement ("troops *are expected to be sent*
    next year": predicate "send"; ``[scheduled]`` in happenings.toml); None for anything else, or for a
    complement that is no event either ("is expected to *remain* weak", "to *last* all day")."""
    lex = lexicon()
    found = arrival(verb)
    if found is not None:
        return found, "arrive", "OTHER", "lexicon:none(scheduled)"
    governors, states = scheduled_governors()
    if lex.lemma(verb.lemma_) not in governors or not any(
        c.dep_ in ("auxpass", "nsubjpass") for c in verb.children
    ):
        return None
    for child in verb.children:
        lemma = lex.lemma(child.lemma_)
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and lemma not in lex.not_events | states:
            return child, lemma, "OTHER", "lexicon:none(scheduled)"
    return None


def arrival(verb: Token) -> Token | None:
    """The adjective of a copula that announces an arrival at a named place ("Lagardo *is due* in Kenya on
    Friday"; ``arrivals`` in happenings.toml); None for "the payment is due in March", "due to arrive"."""
    if verb.lemma_ != "be":
        return None
    for adj in verb.children:
        if adj.dep_ == "acomp" and adj.lower_ in arrival_adjectives():
            if any(c.dep_ == "xcomp" for c in adj.children):
                return None  # "is due to arrive": the infinitive is the clause
            places = [
                o
                for p in [*adj.children, *verb.children]
                if p.dep_ == "prep" and p.lower_ in ("in", "at")
                for o in p.children
                if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC")
            ]
            return adj if places else None
    return None
