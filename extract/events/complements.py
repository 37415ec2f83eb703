"""Complements that belong to their governor's clause instead of being clauses of their own.

"agreed *for Gurkhas to monitor*" (a for-to complement), "edged out Fittipaldi *to win* the race" (a
purpose or result), and the subject a gerund after "after"/"before" shares with the clause it dates;
and the reverse: a participle clause the parser took for a subject is a clause of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.rules import departure_verbs, lexicon


def for_to_complement(tok: Token) -> bool:
    """A "for X to Y" clause completing its verb ("agreed *for Gurkhas to monitor* the ceasefire",
    "waited *for the police to leave*"): part of the governing clause, not an event of its own."""
    return (
        tok.dep_ == "advcl"
        and tok.head.pos_ == "VERB"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def destination(tok: Token) -> bool:
    """A "for X to V" after a verb of leaving ("departed Washington *for Mar del Plata to attend* the
    summit"): X is where the traveller goes, the traveller does V (``[destinations]`` of happenings.toml)."""
    head = tok.head
    particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), "")
    lemma = lexicon().lemma(head.lemma_)
    return for_to_complement(tok) and (
        lemma in departure_verbs() or f"{lemma} {particle}" in departure_verbs()
    )


def purpose_clause(tok: Token) -> bool:
    """A to-infinitive of purpose or result without a subject of its own ("edged out Fittipaldi *to win*
    the race on Sunday", "went to Clichy *to discuss* the unrest"): part of its governor's happening, as
    an xcomp is, not a row of its own (events-dev guidelines: a statement of purpose is no event)."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VB"
        and tok.head.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") and c.lower_ != "in" for c in tok.children)
    )


TEMPORAL_PREPS = frozenset({"after", "before", "since", "upon", "while", "when"})


def temporal_gerund(verb: Token) -> bool:
    """A gerund after a temporal preposition, whose doer is the subject of the clause it dates
    ("*after ordering* the roundup of 23 leaders, the Authority arrested …")."""
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.dep_ == "prep"
        and verb.head.lower_ in TEMPORAL_PREPS
        and verb.head.head.pos_ == "VERB"
    )


def participle_subject(tok: Token) -> bool:
    """A past participle parsed as a subject ("*Founded in 2001*, Sinovac … focuses on"): a bare participle
    is no noun phrase, so it is an adverbial clause of its own, not part of the clause it hangs on."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "VBN"


def acts_through_xcomp(verb: Token, typed: Token) -> bool:
    """Whether a passive verb's typed act is its xcomp or the event noun of its xcomp ("Beijing is expected
    *to visit* Seoul", "the AU mission are expected to hold *discussions*"): the passive subject acts."""
    return (
        typed is not verb
        and "xcomp" in (typed.dep_, typed.head.dep_)
        and verb in (typed.head, typed.head.head)
    )


def state_reached(verb: Token, typed: Token) -> bool:
    """A verb typed by its participle complement, a state reached ("42 workers remained *trapped*", "were
    left *stranded*"): its subject is who it happened to."""
    return typed.dep_ == "acomp" and typed.tag_ == "VBN" and typed.head.i == verb.i


def gerund_patient(verb: Token) -> Token | None:
    """Who a passive gerund after a temporal preposition happened to: the subject of the clause it dates
    ("A former US diplomat was charged Friday *after being acquitted* of possessing forged passports": the
    diplomat was acquitted; "Abramov has been admitted to hospital *after being injured*")."""
    passive = any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)
    if not (
        passive and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in TEMPORAL_PREPS
    ):
        return None
    return next((c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def purpose_content(verb: Token) -> bool:
    """A bare infinitive with a subject of its own under a to-infinitive ("to help the Freetown government
    *consolidate* peace", "to help Africans *fight* malaria"): what the purpose is for, not an act told
    (``keep.unrealised``)."""
    head = verb.head
    return (
        verb.tag_ == "VB"
        and verb.dep_ in ("ccomp", "xcomp")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
    )
