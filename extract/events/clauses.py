"""Find event clauses in a parsed document: predicate, type, source and target actors.

A clause is a verb with its dependents, minus the clauses it embeds (ccomp, advcl, relcl, conjoined
verbs…), which become events of their own; an xcomp ("asked Xi *to help stop* …") stays inside its
governor's clause. The predicate's type comes from the lexicon (``rules/events/types.toml``); a light
verb with an event noun ("held talks") takes the noun's type; a verb without a type takes the type
of a typed verb in its xcomp chain ("decided to attack").
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.actors import ROLE_DEMONYM, load_gazetteer, norm_key
from extract.actors import ActorMention as Mention
from extract.events.rules import agent_nouns, group_agents, lexicon
from extract.events.senses import NO_EVENT, sense_type


def _demonym(key: str) -> bool:
    entry = load_gazetteer().entries.get(key)
    return entry is not None and entry.role == ROLE_DEMONYM


def is_demonym(mention: Mention) -> str:
    """"plural" for a plural demonym ("Palestinians": its singular is a demonym too), "singular" for
    another demonym ("Israeli", "Chinese"), "" for a name."""
    key = norm_key(mention.text)
    if not _demonym(key):
        return ""
    return "plural" if key.endswith("s") and _demonym(key[:-1]) else "singular"

# children whose subtree is a clause of its own (not part of the governing clause)
BOUNDARY_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "nsubjpass", "attr", "oprd"})
TARGET_PREPS = frozenset({"to", "with", "against", "on", "at", "toward", "towards", "into"})
NON_FINITE_DEPS = frozenset({"pcomp", "acl", "advcl", "xcomp", "conj"})
# links from a phrase head to an actor that the phrase stands for ("North Korea's provocations", "the
# minister of Japan", "Russia and China"); not compounds/modifiers ("the US speaker", "Malaysian shares")
PHRASE_DEPS = frozenset({"poss", "appos", "conj", "flat", "pobj"})
PRONOUNS = frozenset({"he", "she", "him", "her"})
_INDEFINITE = frozenset({"a", "an", "some", "many", "several", "no", "any"})
MEDIA = "media"
# kinds of mentions that can act or be acted upon (places are where things happen)
ACTING_KINDS = frozenset({"person", "organisation", "country", "international", "region"})


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
    rules: list[str] = field(default_factory=list)

    @property
    def char_start(self) -> int:
        return self.tokens[0].idx

    @property
    def char_end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


class _MentionIndex:
    """Token index → actor mention, for mentions that can be arguments (no media, no places)."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        self.by_head: dict[int, Mention] = {}
        self.persons: list[tuple[int, Mention]] = []
        self.demonyms: dict[int, str] = {}  # head token → "plural"/"singular" for demonym mentions
        for m in mentions:
            if m.kind not in ACTING_KINDS:
                continue
            if number := is_demonym(m):
                self.demonyms[m.head_token] = number
            self.by_head[m.head_token] = m
            span = doc.char_span(m.char_start, m.char_end, alignment_mode="expand")
            for tok in span if span is not None else []:
                self.by_token.setdefault(tok.i, m)
            if m.kind == "person":
                self.persons.append((m.head_token, m))

    def at(self, tok: Token) -> Mention | None:
        found = self.by_head.get(tok.i) or self.by_token.get(tok.i)
        if found is not None and _people_noun(tok, self.demonyms.get(found.head_token, "")):
            return None  # "killed five Israelis": people, not the state
        return found

    def in_phrase(self, tok: Token, max_depth: int = 3) -> Mention | None:
        """The mention nearest to ``tok`` in its subtree (breadth first, not into clauses)."""
        for cur in _phrase_walk(tok, max_depth):
            found = self.at(cur)
            if found is not None:
                return found
        return None

    def people_in_phrase(self, tok: Token, max_depth: int = 3) -> bool:
        """Whether the phrase names people by a demonym ("the deaths of 11 Israelis"), see :func:`_people_noun`."""
        for cur in _phrase_walk(tok, max_depth):
            found = self.by_head.get(cur.i) or self.by_token.get(cur.i)
            if found is not None:
                return _people_noun(cur, self.demonyms.get(found.head_token, ""))
        return False

    def last_person_before(self, i: int) -> Mention | None:
        best = None
        for head, m in self.persons:
            if head < i:
                best = m
        return best


def _phrase_walk(tok: Token, max_depth: int) -> Iterator[Token]:
    """``tok`` and the tokens of its phrase that can name its referent, breadth first."""
    queue: deque[tuple[Token, int]] = deque([(tok, 0)])
    while queue:
        cur, depth = queue.popleft()
        yield cur
        if depth < max_depth:
            group = cur.lower_ in agent_nouns()  # "US officials", "Israeli troops"
            # an apposition names the phrase itself: "Russia's negotiator, Ivan Rybkin," is Rybkin
            children = sorted(cur.children, key=lambda c: c.dep_ != "appos")
            queue.extend(
                (c, depth + 1) for c in children
                if _phrase_link(c) or (group and c.dep_ in ("compound", "amod", "nmod") and c.i < cur.i)
            )


def _people_noun(tok: Token, demonym: str) -> bool:
    """A demonym used as a noun for people, not the state: counted or bare ("five Israelis",
    "hundreds of Palestinians", "deported Georgians", "a Palestinian"). A modifier ("Israeli troops")
    or a definite plural ("the North Koreans have indicated…": the side) still stands for the country."""
    if not demonym or tok.dep_ in ("amod", "compound") or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    if any(d not in _INDEFINITE for d in dets):
        return False
    return demonym == "plural" or bool(dets) or any(c.dep_ == "nummod" for c in tok.children)


def _phrase_link(child: Token) -> bool:
    """Whether an actor under ``child`` is the phrase's referent ("North Korea's provocations", "the
    minister of Japan"), not a modifier ("Malaysian share prices")."""
    if child.dep_ == "prep":
        return child.lower_ == "of"
    return child.dep_ in PHRASE_DEPS


def _clause_tokens(verb: Token) -> list[Token]:
    """The verb's subtree without embedded clauses; edge punctuation and conjunctions trimmed."""
    keep: list[Token] = []
    stack = [verb]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        for child in tok.children:
            is_clause = child.dep_ in BOUNDARY_DEPS and (child.dep_ != "conj" or child.pos_ in ("VERB", "AUX"))
            if child.dep_ == "conj" and tok.dep_ == "xcomp":
                is_clause = False  # "agreed to continue … and improve …": one clause
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
    if lemma in lex.light_verbs:
        for child in verb.children:
            if child.dep_ in ("dobj", "obj") and (noun_type := lex.noun_type(child.lemma_)):
                return child, child.lemma_.lower(), noun_type, "lexicon:light_verb+noun"
    found = lex.verb_type(lemma)
    if found and lemma in lex.speech_only and not any(
        c.dep_ in ("ccomp", "parataxis") for c in verb.children
    ) and any(c.dep_ in ("dobj", "obj") for c in verb.children):
        found = None  # "Beijing added South Korea to its list" is not a statement
    if found:
        return verb, lemma, found, "lexicon:verb"
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            inner = _type_of(child)
            if inner is not None:
                return inner[0], inner[1], inner[2], inner[3] + "(xcomp)"
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited from the first conjunct or the modified noun when absent."""
    cur = verb
    for _ in range(4):
        for child in cur.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if cur.dep_ in ("conj", "xcomp") and cur.head is not cur:
            cur = cur.head
        elif cur.dep_ in ("relcl",) and cur.head is not cur:
            return cur.head
        else:
            return None
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _objects(verb: Token) -> list[Token]:
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


_QUANTITY = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "some", "group", "groups", "members"})
_GROUP_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def _group_head(tok: Token) -> Token | None:
    """The group noun a phrase names ("riot police", "hundreds of ISAF troops"), or None."""
    if tok.lower_ in group_agents() and tok.pos_ in ("NOUN", "PROPN"):
        return tok
    if tok.lower_ in _QUANTITY or tok.pos_ == "NUM":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in group_agents():
                        return pobj
    return None


def _group_actor(index: _MentionIndex, tok: Token) -> Mention | None:
    """A common-noun group as an actor named as written ("Thai troops"), with a modifier's country."""
    head = _group_head(tok)
    if head is None:
        return None
    mods = [c for c in head.children if c.dep_ in _GROUP_MODIFIERS and c.i < head.i]
    first = min([head.i, *(t.i for m in mods for t in m.subtree)])
    words = [t for t in head.doc[first:head.i + 1] if not t.is_punct and t.dep_ not in ("det", "poss", "nummod")]
    name = " ".join(t.text for t in words) if words else head.text
    country = next((m.country for t in words if (m := index.by_token.get(t.i)) is not None and m.country), None)
    return Mention(head.doc[first].idx, head.idx + len(head.text), name, name, "group", country, head.i,
                   first, head.i + 1)


def _actor_for(index: _MentionIndex, tok: Token | None) -> tuple[Mention | None, str]:
    if tok is None:
        return None, ""
    if tok.lower_ in PRONOUNS:
        return index.last_person_before(tok.i), "pronoun"
    group = _group_actor(index, tok)
    if group is not None:
        return group, "group"
    return index.in_phrase(tok), ""


def find_clauses(
    doc: Doc,
    mentions: Sequence[Mention],
    skip_sentence: Callable[[Span], bool] = lambda _s: False,
) -> list[Clause]:
    """Event clauses of ``doc`` in text order, skipping sentences for which skip_sentence is true."""
    index = _MentionIndex(doc, mentions)
    clauses: list[Clause] = []
    for sent in doc.sents:
        if skip_sentence(sent):
            continue
        for verb in sent:
            if verb.pos_ != "VERB" or verb.dep_ in ("amod", "aux", "auxpass", "compound"):
                continue
            if _absorbed(verb):
                continue  # part of its governor's clause
            clause = _build(verb, sent, index)
            if clause is not None:
                clauses.append(clause)
    return clauses


def _absorbed(verb: Token) -> bool:
    """An xcomp (or a conjunct of one) belongs to its governor's clause."""
    if verb.dep_ == "conj" and verb.head.dep_ == "xcomp":
        verb = verb.head
    return verb.dep_ == "xcomp" and verb.head.pos_ == "VERB"


def _build(verb: Token, sent: Span, index: _MentionIndex) -> Clause | None:
    typed = _type_of(verb)
    tokens = _clause_tokens(verb)
    token_ids = {t.i for t in tokens}
    passive = any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
    subj = _agent(verb) if passive else _subject(verb)
    if subj is None and verb.dep_ == "acl" and not passive:
        subj = verb.head
    rules: list[str] = []
    source, how = _actor_for(index, subj)
    if how:
        rules.append("source:" + how)
    target: Mention | None = None
    obj_tok: Token | None = None
    for obj in _objects(verb):
        found, _ = _actor_for(index, obj)
        if found is not None and (source is None or found.actor != source.actor):
            target, obj_tok = found, obj
            break
    if obj_tok is None and passive and verb.dep_ == "acl":
        target_m, _ = _actor_for(index, verb.head)
        if target_m is not None:
            target, obj_tok = target_m, verb.head
    actors: list[Mention] = []
    seen: set[str] = set()
    in_clause = [m for i, m in index.by_head.items() if i in token_ids]
    for m in [x for x in (source, target) if x is not None] + sorted(in_clause, key=lambda m: m.char_start):
        if m.actor not in seen:
            seen.add(m.actor)
            actors.append(m)
    if typed is None:
        people = any(index.people_in_phrase(a) for a in [subj, *_objects(verb)] if a is not None)
        if (source is None and target is None and not people) or lexicon().lemma(verb.lemma_) in lexicon().not_events:
            return None
        pred_tok, predicate, event_type, rule = verb, lexicon().lemma(verb.lemma_), "OTHER", "lexicon:none+actor"
    elif not actors and verb.dep_ in NON_FINITE_DEPS and verb.tag_ in ("VBG", "VBN"):
        return None  # "a step toward improving ties": no actor, no finite clause
    else:
        pred_tok, predicate, event_type, rule = typed
        event_type, sense_rule = sense_type(pred_tok, predicate, event_type)
        if event_type == NO_EVENT:
            return None
        if sense_rule:
            rules.append(sense_rule)
    return Clause(
        verb=verb, sent=sent, pred=pred_tok, predicate=predicate, event_type=event_type, tokens=tokens,
        source=source, target=target, actors=actors, subject=subj, obj=obj_tok, rules=[rule, *rules],
    )
