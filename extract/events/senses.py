"""Sense checks: the type of an event reads its clause, not only its lemma (``rules/events/senses.toml``).

"met its main goal" is no meeting, "declined to comment" no rejection, "workers struck" no assault:
each sense names a lemma, one test on the clause and the type it gives ("NONE": no event); the
predicate can be an event noun governed by a light verb ("teachers launched their *strike*").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from extract.actors import ActorMention
from extract.events.quotations import DOUBLE_QUOTES
from extract.events.rules import EVENT_TYPES, lexicon, read_rules

NO_EVENT = "NONE"
TESTS = (
    "object_in",
    "xcomp_in",
    "subject_in",
    "has_dep",
    "passive",
    "amount",
    "prep_object_in",
    "complement_in",
    "infinitive",
    "content_aux_in",
)
FLAG_TESTS = ("passive", "amount", "infinitive")  # tests without words: ``passive = true``
COMPLEMENT_DEPS = ("oprd", "acomp", "xcomp", "advcl", "conj")


@dataclass(frozen=True)
class Sense:
    """One sense check (see senses.toml)."""

    id: str
    lemma: str
    test: str
    words: frozenset[str]
    type: str
    examples: tuple[dict[str, str], ...]


def _sense(i: int, raw: dict[str, Any]) -> Sense:
    where = f"rules/events/senses.toml: senses[{i}] ({raw.get('id', '?')})"
    for name in ("id", "lemma", "type"):
        if not isinstance(raw.get(name), str):
            raise ValueError(f"{where}: field {name!r} must be a string")
    if raw["type"] not in (*EVENT_TYPES, NO_EVENT):
        raise ValueError(f"{where}: field 'type' is {raw['type']!r}, not an event type or {NO_EVENT!r}")
    tests = [t for t in TESTS if t in raw]
    if len(tests) != 1:
        raise ValueError(f"{where}: needs exactly one test field of {TESTS}, has {tests}")
    value = raw[tests[0]]
    if tests[0] in FLAG_TESTS:
        if value is not True:
            raise ValueError(f"{where}: field {tests[0]!r} must be true")
        words: frozenset[str] = frozenset()
    elif isinstance(value, list) and value and all(isinstance(w, str) for w in value):
        words = frozenset(w.lower() for w in value)
    else:
        raise ValueError(f"{where}: field {tests[0]!r} must be a non-empty list of strings")
    examples = raw.get("examples")
    if not isinstance(examples, list) or not examples:
        raise ValueError(f"{where}: field 'examples' must be a non-empty list")
    return Sense(raw["id"], raw["lemma"].lower(), tests[0], words, raw["type"], tuple(examples))


@lru_cache(maxsize=1)
def senses() -> dict[str, tuple[Sense, ...]]:
    """The sense checks by lemma."""
    raw = read_rules("senses.toml").get("senses")
    if not isinstance(raw, list):
        raise ValueError("rules/events/senses.toml: field 'senses' must be an array of tables")
    out: dict[str, list[Sense]] = {}
    for i, entry in enumerate(raw):
        sense = _sense(i, entry)
        out.setdefault(sense.lemma, []).append(sense)
    return {k: tuple(v) for k, v in out.items()}


def _lemmas(verb: Token, deps: tuple[str, ...]) -> set[str]:
    return {lexicon().lemma(c.lemma_) for c in verb.children if c.dep_ in deps}


def _quoted(clause: Token) -> bool:
    """A clause in quotation marks: words a speaker used, rhetoric more than a demand told."""
    doc = clause.doc
    before = doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return (before is not None and before.text in DOUBLE_QUOTES) or any(
        t.text in DOUBLE_QUOTES for t in clause.subtree
    )


def _counted(tok: Token) -> bool:
    """A number or a counted noun ("70 sen", "1.1 percent")."""
    return tok.like_num or any(c.dep_ == "nummod" for c in tok.children)


def _holds(sense: Sense, verb: Token) -> bool:
    if sense.test == "object_in":  # in the passive, its subject: "a Molotov cocktail was thrown";
        # a participle's noun: "a report *released* by scientists"
        described = (
            {lexicon().lemma(verb.head.lemma_)} if verb.dep_ == "acl" and verb.tag_ == "VBN" else set()
        )
        return bool((_lemmas(verb, ("dobj", "obj", "nsubjpass")) | described) & sense.words)
    if sense.test == "xcomp_in":
        return bool(_lemmas(verb, ("xcomp",)) & sense.words)
    if sense.test == "subject_in":
        # an event noun reads the subject of its light verb: "teachers *launched* their strike"
        clause = verb.head if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "obj") else verb
        return bool(_lemmas(clause, ("nsubj", "nsubjpass")) & sense.words)
    if sense.test == "complement_in":  # "left 16 people *dead*"
        return any(
            lexicon().lemma(c.lemma_) in sense.words and c.i > verb.i
            for c in verb.children
            if c.dep_ in COMPLEMENT_DEPS
        )
    if sense.test == "has_dep":
        return any(c.dep_ in sense.words for c in verb.children)
    if sense.test == "infinitive":  # "told residents *to leave*", not "told *visiting* minister X that"
        return any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in verb.children
        )
    if sense.test == "content_aux_in":  # "France *must* inform the Commission …, officials said"
        contents = [c for c in verb.children if c.dep_ == "ccomp"]
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            contents.append(verb.head)  # "France must …, officials said" parsed with the content as head
        contents = [c for c in contents if not _quoted(c)]  # "“Malaysia must not be put through …,” he said"
        return any(  # the modal after the subject: not the inverted "should he be refused" of a condition
            a.dep_ == "aux" and a.lower_ in sense.words and s.i < a.i < c.i
            for c in contents
            for a in c.children
            for s in c.children
            if s.dep_ in ("nsubj", "nsubjpass")
        )
    if sense.test == "amount":  # "declined *70 sen*", "eased *to 12.00 ringgit*", "dipped *1.1 percent*"
        return any(_counted(c) for c in verb.children if c.dep_ in ("dobj", "obj", "npadvmod")) or any(
            _counted(p)
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("to", "by", "from")
            for p in c.children
            if p.dep_ == "pobj"
        )
    if sense.test == "prep_object_in":
        return any(
            lexicon().lemma(p.lemma_) in sense.words
            for c in verb.children
            if c.dep_ == "prep"
            for p in c.children
            if p.dep_ == "pobj"
        )
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and any(c.dep_ == "prep" and c.lower_ in ("from", "of") for c in verb.children)


def sense_type(verb: Token, lemma: str, event_type: str) -> tuple[str, str]:
    """(type, rule) after the sense checks of ``lemma`` on ``verb``'s clause (unchanged when none holds)."""
    for sense in senses().get(lemma, ()):
        if _holds(sense, verb):
            return sense.type, f"sense:{sense.id}"
    return event_type, ""


@lru_cache(maxsize=1)
def fixed_phrases() -> frozenset[str]:
    """The fixed verb phrases of senses.toml ``[fixed_phrases]`` ("come into force", "take effect")."""
    raw = read_rules("senses.toml").get("fixed_phrases")
    phrases = raw.get("phrases") if isinstance(raw, dict) else None
    if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
        raise ValueError("rules/events/senses.toml: field 'fixed_phrases.phrases' must be a list of strings")
    return frozenset(p.lower() for p in phrases)


def fixed_noun(verb: Token) -> Token | None:
    """The noun a fixed phrase fuses into ``verb``'s predicate ("comes into *force*", "took *effect*"): part
    of what happened, no party to it; None when the verb heads no fixed phrase."""
    lemma = lexicon().lemma(verb.lemma_)
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and f"{lemma} {child.lemma_.lower()}" in fixed_phrases():
            return child
        if child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and f"{lemma} {child.lower_} {pobj.lemma_.lower()}" in fixed_phrases():
                    return pobj
    return None


def part_of_predicate(verb: Token, mention: ActorMention) -> bool:
    """Whether ``mention`` is the noun of a fixed phrase of ``verb`` ("into *force*"), not a party."""
    noun = fixed_noun(verb)
    return noun is not None and mention.char_start <= noun.idx < mention.char_end


def without_fixed_noun(
    verb: Token, target: ActorMention | None, obj: Token | None
) -> tuple[ActorMention | None, Token | None]:
    """(target, its token), or (None, None) when the target is the noun of a fixed phrase of ``verb``."""
    return (None, None) if target is not None and part_of_predicate(verb, target) else (target, obj)
