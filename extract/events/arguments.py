"""A verb's grammatical arguments in the small model's parse: its subject (inherited from a first
conjunct, a governing verb or the noun a relative clause modifies), the agent of a passive, the
candidate objects in order of preference, and whether the verb is passive."""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.agents import RELATIVE_PRONOUNS
from extract.events.complements import destination, temporal_gerund
from extract.events.rules import role_words

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "nsubjpass", "attr", "oprd"})
TARGET_PREPS = frozenset({"to", "with", "against", "on", "at", "toward", "towards", "into"})


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited from the first conjunct or the modified noun when absent."""
    cur = verb
    dated_by = False  # cur is the clause a temporal gerund dates
    for _ in range(4):
        if destination(cur):
            cur = cur.head  # "departed … *for Mar del Plata to attend*": a place to go, the traveller acts
        for child in cur.children:
            if child.dep_ in SUBJECT_DEPS or (dated_by and child.dep_ == "nsubjpass"):
                # "eight students *were arrested* Wednesday after calling for the release …": they called
                if cur.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS and cur.head is not cur:
                    return cur.head  # "the MNLF, which signed a treaty": the noun the clause modifies
                return child
        # a to-infinitive of purpose ("went *to attack*", "Nike *to help* oversee") keeps no subject: a
        # statement of purpose is no event of its own (events-dev guidelines)
        if cur.dep_ in ("conj", "xcomp") and cur.head is not cur:
            cur = cur.head
        elif temporal_gerund(cur):
            cur, dated_by = cur.head.head, True  # "*After ordering* the roundup, the Authority arrested …"
        elif cur.dep_ == "acomp" and cur.pos_ == "ADJ" and cur.head is not cur:
            cur = cur.head  # "he was *prepared* to meet Clerides": the copula's subject
        elif cur.dep_ in ("relcl",) and cur.head is not cur:
            return cur.head
        else:
            return None
    return None


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def objects_of(verb: Token) -> list[Token]:
    """Candidate targets in order of preference: direct/indirect objects, then to/with/against objects."""
    direct = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    direct.sort(key=lambda c: (c.dep_ != "dative", c.dep_ != "dobj", c.i))
    via_prep = [
        pobj
        for c in verb.children
        if c.dep_ in ("prep", "prt") and c.lower_ in TARGET_PREPS
        for pobj in c.children
        if pobj.dep_ == "pobj"
    ]
    return direct + via_prep


def is_passive(verb: Token) -> bool:
    """A passive verb, or a participle modifying a noun ("16 people *killed* in the attack"); not a verb
    that has no passive hung on a sentence's root noun, the small model's reading of a past tense ("all
    negotiators *converged* here Tuesday": the negotiators came)."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and not _intransitive_past(verb)
    )


def _intransitive_past(verb: Token) -> bool:
    root = verb.sent.root
    return (
        root.pos_ in ("NOUN", "PROPN")
        and verb.lemma_.lower() in role_words()["intransitive_verbs"]
        and not any(c.dep_ in ("dobj", "agent") for c in verb.children)
    )


def participle_doer(verb: Token) -> Token:
    """Who does what a participle on a noun says ("troops *guarding* the offices"): that noun; for a past
    tense read as a participle in a sentence whose root is a noun, the root ("all negotiators to the
    fifth round of six-party talks *converged*": the negotiators, not the talks)."""
    return verb.sent.root if _intransitive_past(verb) else verb.head
