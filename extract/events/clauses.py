"""Find event clauses in a parsed document: predicate, type, source and target actors.

A clause is a verb with its dependents, minus the clauses it embeds (ccomp, advcl, relcl, conjoined
verbs…), which become events of their own; an xcomp ("asked Xi *to help stop* …") stays inside its
governor's clause. The predicate's type comes from the lexicon (``rules/events/types.toml``); a light
verb with an event noun ("held talks") takes the noun's type; a verb without a type takes the type
of a typed verb in its xcomp chain ("decided to attack").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.actors import ActorMention as Mention
from extract.events import complements
from extract.events.agents import RELATIVE_PRONOUNS as _RELATIVE_PRONOUNS
from extract.events.agents import MentionIndex, actor_for
from extract.events.arguments import agent_of, is_passive, objects_of, participle_doer, subject_of
from extract.events.complements import for_to_complement, participle_subject, purpose_clause
from extract.events.doers import adjacent_subject, attributed_subject, happened_to, lost_doer, undergoes
from extract.events.expectations import arrival, scheduled
from extract.events.rules import joint_types, lexicon, role_words
from extract.events.senses import NO_EVENT, part_of_predicate, sense_type, without_fixed_noun

BOUNDARY_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj", "pcomp"})
RELATIVE_PRONOUNS = _RELATIVE_PRONOUNS  # who, which, that, whom (labels reads them here)
NON_FINITE_DEPS = frozenset({"pcomp", "acl", "advcl", "xcomp", "conj"})


@dataclass
class Clause:
    """An event clause found in the parse."""

    verb: Token  # syntactic head of the clause
    sent: Span  # the sentence (Token.sent is slow: it walks the document's sentences each time)
    pred: Token  # token carrying the event type (verb, xcomp verb or event noun)
    predicate: str  # lemma, or "lemma particle" for phrasal verbs
    event_type: str
    tokens: list[Token]
    source: Mention | None = None
    target: Mention | None = None
    actors: list[Mention] = field(default_factory=list)
    subject: Token | None = None
    obj: Token | None = None
    patient: Token | None = None  # who it happened to, as the grammatical subject ("students were arrested")
    rules: list[str] = field(default_factory=list)

    @property
    def char_start(self) -> int:
        return self.tokens[0].idx

    @property
    def char_end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


def _clause_tokens(verb: Token) -> list[Token]:
    """The verb's subtree without embedded clauses; edge punctuation and conjunctions trimmed."""
    keep: list[Token] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        for child in tok.children:
            is_clause = (child.dep_ in BOUNDARY_DEPS or participle_subject(child)) and (
                child.dep_ != "conj" or child.pos_ in ("VERB", "AUX")
            )
            if child.dep_ == "conj" and tok.dep_ == "xcomp":
                is_clause = False  # "agreed to continue … and improve …": one clause
            if for_to_complement(child) or purpose_clause(child):
                is_clause = False
            if not is_clause:
                stack.append(child)
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].is_punct or keep[0].is_space or keep[0].dep_ in ("cc", "mark")):
        keep.pop(0)
    while keep and (keep[-1].is_punct or keep[-1].is_space or keep[-1].dep_ == "cc"):
        keep.pop()
    return keep or [verb]


def _type_of(verb: Token) -> tuple[Token, str, str, str] | None:
    """(typed token, predicate, type, rule) for a verb, from the lexicon."""
    lex = lexicon()
    lemma = lex.lemma(verb.lemma_)
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "advmod") and child.i == verb.i + 1:
            phrasal = f"{lemma} {child.lower_}"
            found = lex.verb_type(phrasal)
            if found:
                return verb, phrasal, found, "lexicon:phrasal"
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), "")
    if lemma in lex.light_verbs or f"{lemma} {particle}" in lex.light_verbs:  # "carried out raids"
        for child in verb.children:  # "held talks"; passive: "talks were held"
            if child.dep_ in ("dobj", "obj", "nsubjpass") and (noun_type := lex.noun_type(child.lemma_)):
                return child, child.lemma_.lower(), noun_type, "lexicon:light_verb+noun"
        for child in verb.children:  # "Funerals … were held in the temple": the happening is the noun
            if (
                child.dep_ == "nsubjpass"
                and child.pos_ == "NOUN"
                and child.lemma_.lower() in lex.occasion_nouns
            ):
                return child, child.lemma_.lower(), "OTHER", "lexicon:light_verb+noun"
        head = verb.head
        noun_type = lex.noun_type(head.lemma_) if verb.dep_ == "acl" and verb.tag_ == "VBN" else None
        if (
            noun_type and noun_type != "STATEMENT"
        ):  # "airstrikes carried out by …", not "a report issued by …"
            return head, head.lemma_.lower(), noun_type, "lexicon:light_verb+noun"
    attempted = _xcomp_type(verb) if lemma in lex.xcomp_first else None
    if attempted is not None:  # "tried *to storm* the building": the attempt's event is the storming
        return attempted
    found = lex.verb_type(lemma)
    if (
        found
        and lemma in lex.speech_only
        and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
        and any(c.dep_ in ("dobj", "obj") for c in verb.children)
    ):
        found = None  # "Beijing added South Korea to its list" is not a statement
    if found:
        return verb, lemma, found, "lexicon:verb"
    # "decided to attack"; a state reached: "remained *trapped*"; a purpose: "went to Gaza *to meet* Abbas"
    return _xcomp_type(verb, ("xcomp", "acomp")) or _xcomp_type(verb, ("advcl",), purpose_clause)


def _xcomp_type(
    verb: Token, deps: tuple[str, ...] = ("xcomp",), test: Callable[[Token], bool] = lambda _t: True
) -> tuple[Token, str, str, str] | None:
    """The type of a typed verb complement of ``verb`` (an xcomp, an acomp participle, a purpose)."""
    for child in verb.children:
        if child.dep_ in deps and child.pos_ == "VERB" and test(child):
            inner = _type_of(child)
            if inner is not None:
                return inner[0], inner[1], inner[2], inner[3] + "(xcomp)"
    return None


def find_clauses(
    doc: Doc,
    mentions: Sequence[Mention],
    skip_sentence: Callable[[Span], bool] = lambda _s: False,
) -> list[Clause]:
    """Event clauses of ``doc`` in text order, skipping sentences for which skip_sentence is true."""
    index = MentionIndex(doc, mentions)
    clauses: list[Clause] = []
    for sent in doc.sents:
        if skip_sentence(sent):
            continue
        for verb in sent:
            if (verb.pos_ != "VERB" and arrival(verb) is None) or verb.dep_ in (
                "amod",
                "aux",
                "auxpass",
                "compound",
            ):
                continue  # a copula only when it announces an arrival: "Lagardo *is* due in Kenya on Friday"
            if _absorbed(verb):
                continue  # part of its governor's clause
            clause = _build(verb, sent, index)
            if clause is not None:
                clauses.append(clause)
    return clauses


def _absorbed(verb: Token) -> bool:
    """An xcomp (or a conjunct of one) or a purpose belongs to its governor's clause."""
    if verb.dep_ == "conj" and verb.head.dep_ == "xcomp":
        verb = verb.head
    return (
        (verb.dep_ == "xcomp" and verb.head.pos_ == "VERB") or for_to_complement(verb) or purpose_clause(verb)
    )


def _target(
    index: MentionIndex,
    verb: Token,
    subj: Token | None,
    source: Mention | None,
    passive: bool,
    joint: bool = True,
) -> tuple[Mention | None, Token | None]:
    """(target, its token): an object, else the other conjunct of a joint act ("A and B agreed"),
    else the noun a passive participle modifies."""
    for obj in objects_of(verb):
        found, _ = actor_for(index, obj)
        if found is not None and (source is None or found.actor != source.actor):
            return found, obj
        if found is None and obj.pos_ == "PRON" and obj.dep_ in ("nsubjpass", "dobj"):
            return None, None  # "*He* was detained at the tribunal": someone unresolved, not the place
    if joint and source is not None and subj is not None:
        for conj in sorted(subj.conjuncts, key=lambda c: c.i < subj.i):  # the one named after it first
            found, _ = actor_for(index, conj)
            if found is not None and found.actor != source.actor:
                return found, None
    if passive and verb.dep_ == "acl":
        found, _ = actor_for(index, verb.head)
        if found is not None and (source is None or found.actor != source.actor):
            return found, verb.head  # not "Meshaal's proposal, made": Meshaal made it
    return None, None


def _clause_actors(
    index: MentionIndex, tokens: list[Token], source: Mention | None, target: Mention | None
) -> list[Mention]:
    """Source, target, then every other actor whose head lies in the clause (one entry per actor)."""
    token_ids = {t.i for t in tokens}
    in_clause = sorted((m for i, m in index.by_head.items() if i in token_ids), key=lambda m: m.char_start)
    actors: list[Mention] = []
    seen: set[str] = set()
    for m in [x for x in (source, target) if x is not None] + in_clause:
        if m.actor not in seen:
            seen.add(m.actor)
            actors.append(m)
    return actors


def _typed(
    verb: Token, typed: tuple[Token, str, str, str] | None, has_argument: bool, rules: list[str]
) -> tuple[Token, str, str, str] | None:
    """(typed token, predicate, type, rule) after the sense checks; None when the clause is no event."""
    if typed is None and lexicon().lemma(verb.lemma_) in lexicon().not_events:
        typed = scheduled(verb)
        if typed is None:
            return None
    if typed is None:
        typed = (
            verb,
            lexicon().lemma(verb.lemma_),
            "OTHER",
            "lexicon:none+actor" if has_argument else "lexicon:none",
        )
    pred_tok, predicate, event_type, rule = typed
    event_type, sense_rule = sense_type(pred_tok, predicate, event_type)
    if event_type == NO_EVENT:
        return None
    if sense_rule:
        rules.append(sense_rule)
    return pred_tok, predicate, event_type, rule


INSTRUMENT_PREPS = frozenset({"in", "by", "during"})


def attack_nouns(verb: Token) -> list[Token]:
    """The armed acts a clause happened in ("killed *in two airstrikes* carried out by Israeli aircraft",
    "wounded *in an Israeli raid*"): objects of in/by/during whose noun is an ASSAULT in the lexicon."""
    # a coordination shares its circumstances: "were killed and five others wounded *in two airstrikes*"
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return [
        pobj
        for v in verbs
        for prep in v.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ in INSTRUMENT_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj" and lexicon().noun_type(pobj.lemma_) == "ASSAULT"
    ]


def _attack_doer(index: MentionIndex, verb: Token) -> tuple[Mention | None, str]:
    """The doer of the armed act a doer-less clause happened in: the attack's own modifier ("an *Israeli*
    airstrike") or the agent of a participle on it ("airstrikes carried out *by Israeli army aircraft*")."""
    for noun in attack_nouns(verb):
        found, _ = actor_for(index, noun)
        if found is not None:
            return found, "instrument"
        for acl in noun.children:
            agent = agent_of(acl) if acl.dep_ == "acl" and acl.tag_ == "VBN" else None
            found, _ = actor_for(index, agent)
            if found is not None:
                return found, "instrument"
    return None, ""


def _shared_patient(verb: Token) -> Token | None:
    """The subject a passive conjunct without one of its own shares with its first conjunct: who it
    happened to ("He argued the call and *was ejected*": he was; "were killed and five others wounded" has
    its own)."""
    if verb.dep_ != "conj" or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.head.children):
        # "Kilpatrick cautioned that China had signed … but *had been accused*": the conjunct of the
        # complement clause, hung on the verb of saying by the parser; its subject is not the speaker
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return subject_of(verb)


def shared_patient_start(clause: Clause, row_verbs: set[int]) -> int | None:
    """Where a row's span starts to take in who underwent a passive conjunct, shared with a first conjunct
    that is no row of its own ("*He argued the call and* was ejected"); None otherwise."""
    patient, verb = clause.patient, clause.verb
    if patient is None or verb.dep_ != "conj" or patient.head.i != verb.head.i or verb.head.i in row_verbs:
        return None
    return patient.left_edge.i if clause.sent.start <= patient.i < verb.i else None


def _build(verb: Token, sent: Span, index: MentionIndex) -> Clause | None:
    tokens = _clause_tokens(verb)
    passive = is_passive(verb)
    lexical = _type_of(verb)
    acting = lexical or scheduled(verb)  # "Ekeus was expected *to arrive*": Ekeus arrives
    if (
        passive
        and acting is not None
        and complements.acts_through_xcomp(verb, acting[0])
        and not is_passive(
            acting[0]
        )  # "troops are expected *to be sent*", "Abbas is expected *to be named*": undergone
    ):
        passive = False  # "Beijing is expected to visit Seoul", "… expected to hold talks": Beijing acts
        subj: Token | None = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        subj = (
            agent_of(verb)
            if passive
            else attributed_subject(verb, adjacent_subject(verb) or subject_of(verb))
        )
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if passive else None
    patient = patient or (complements.gerund_patient(verb) if passive else None)  # "after being acquitted"
    patient = patient or (_shared_patient(verb) if passive else None)  # "argued the call and *was ejected*"
    if lexical is not None and complements.state_reached(verb, lexical[0]):  # "42 workers remained trapped"
        patient, subj = subj, agent_of(lexical[0]) if lexical is not None else None
    elif subj is not None and undergoes(verb, subj):
        patient, subj = subj, None  # "Sixteen miners died in the blast", "… and hundreds *wounded*": victims
    to_infinitive = verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if subj is None and verb.dep_ == "acl" and not passive and not to_infinitive:
        subj = participle_doer(
            verb
        )  # "troops *guarding* the offices"; not "a bid *to join* ASEAN" (an intention)
    rules: list[str] = []
    source, how = actor_for(index, subj)
    if happened_to(subj, source):  # "Gotovina's arrest raised the pressure": Gotovina raised nothing
        source, how = None, ""
    if source is None:  # "hosts Vietnam topped", "after a mob of whites attacked", "its decision taken"
        source, how = lost_doer(index, verb, subj, passive)
    if source is None and subj is None:
        source, how = _attack_doer(index, verb)
    if how:
        rules.append("source:" + how)
    reciprocal = role_words()["reciprocal_verbs"]
    joint = (lexical is not None and (lexical[2] in joint_types() or lexical[1] in reciprocal)) or (
        lexicon().lemma(verb.lemma_) in reciprocal
    )
    target, obj_tok = _target(index, verb, subj, source, passive, joint)
    if target is None and patient is not None and (patient.dep_ == "nsubj" or patient.head.i != verb.i):
        target, _ = actor_for(index, patient)
        obj_tok = patient if target is not None else None
    if target is None and lexical is not None and lexical[0].dep_ in ("xcomp", "advcl", "dobj", "obj"):
        # "asked to *meet Xi*"; an event noun's own object: "reached a deal *with Hamas*"
        target, obj_tok = _target(index, lexical[0], None, source, False)
    target, obj_tok = without_fixed_noun(verb, target, obj_tok)  # "comes into *force*": no party
    actors = [m for m in _clause_actors(index, tokens, source, target) if not part_of_predicate(verb, m)]
    non_finite = (
        verb.dep_ in NON_FINITE_DEPS
        and verb.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    )  # "when the site was closed down" is finite
    if not actors and non_finite:
        return None  # "a step toward improving ties": no actor, no finite clause
    people = any(index.people_in_phrase(a) for a in [subj, *objects_of(verb)] if a is not None)
    typed = _typed(verb, lexical, bool(source or target or people), rules)
    if typed is None:
        return None
    pred_tok, predicate, event_type, rule = typed
    return Clause(
        verb=verb,
        sent=sent,
        pred=pred_tok,
        predicate=predicate,
        event_type=event_type,
        tokens=tokens,
        source=source,
        target=target,
        actors=actors,
        subject=subj,
        obj=obj_tok,
        patient=patient,
        rules=[rule, *rules],
    )
