"""A nationality said of a person in a predicate: "X is Thai", "X, who is Thai, ...", "X became
the first German to win", "X came out the first Argentine to reach the final", "X is a Peruvian
citizen". The demonym is the complement of a linking verb whose subject is the person (through a
relative "who", or the subject of the verb an infinitive depends on: "X ... to be the highest
ranked Russian"); a negated verb gives nothing. Words: context.toml [predicate].
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.actors.context_rules import ContextRules
from extract.actors.data import ROLE_DEMONYM
from extract.actors.find import Candidate

__all__ = ["predicate_demonyms"]

_COMPLEMENTS = frozenset({"attr", "acomp", "oprd", "dobj"})  # dobj: "came out the first Argentine"
_RELATIVES = frozenset({"who", "that"})
MAX_CONTROL_STEPS = 2  # "X had been attempting to become the first Russian": two verbs up


def _linking(verb: Token, rules: ContextRules) -> bool:
    """Is ``verb`` a linking verb of [predicate] verbs (phrasal ones with their particle)?"""
    lemma = verb.lemma_.lower()
    particles = [ch.lower_ for ch in verb.children if ch.dep_ == "prt"]
    return (lemma in rules.linking_verbs and not particles) or any(
        f"{lemma} {p}" in rules.linking_verbs for p in particles
    )


def _subject(verb: Token, by_token: dict[int, Candidate]) -> Candidate | None:
    """The person a linking verb speaks of: its subject, the subject of the verb an infinitive
    depends on, or the name a relative clause ("who is Thai") hangs on."""
    for _ in range(MAX_CONTROL_STEPS + 1):
        subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            if subj.lower_ in _RELATIVES and verb.dep_ == "relcl":
                subj = verb.head
            return by_token.get(subj.i)
        if verb.dep_ not in ("xcomp", "conj") or verb.head is verb:
            return None
        verb = verb.head
    return None


def predicate_demonyms(doc: Doc, rules: ContextRules, cands: list[Candidate]) -> None:
    """Give a person without a country the country of a demonym said of them in a predicate, and
    fold the demonym into that person (as a demonym in a title phrase is)."""
    demonyms = [c for c in cands if c.entry is not None and c.entry.role == ROLE_DEMONYM and not c.absorbed]
    if not demonyms:
        return
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    for d in demonyms:
        tok = doc[d.end - 1]
        if (
            tok.dep_ in ("amod", "compound")
            and tok.head.i > tok.i
            and tok.head.lower_ in rules.nationality_nouns
        ):
            tok = tok.head  # "a Peruvian citizen", "the fifth Japanese player"
        if tok.dep_ not in _COMPLEMENTS or not _linking(tok.head, rules):
            continue
        verb = tok.head
        if any(ch.dep_ == "neg" for ch in verb.children):
            continue  # "X is not German"
        person = _subject(verb, by_token)
        if person is None or person.kind != "person" or person.country is not None:
            continue
        person.give_country(d.country, "appositive")
        d.absorbed = True
