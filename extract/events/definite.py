"""Definite descriptions as the actor named before them (rules/events/definite.toml).

"The premier" is the person introduced as Prime Minister, "the soldiers" the "Israeli soldiers" named
before, "the country" the country that was the last subject, "the ministry" the ministry named before.
Each resolves to the latest fitting actor or to nothing: a definite phrase with no named referent stays
as it was (an empty source beats a wrong one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from extract.actors import ActorMention as Mention
from extract.events.groups import group_actor
from extract.events.rules import bare_agent_nouns, group_agents, read_rules, require_list

if TYPE_CHECKING:
    from extract.events.agents import MentionIndex

FILE = "definite.toml"
_DEFINITE = frozenset({"the", "this"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class KindRule:
    """Definite nouns for a kind of actor ("the country"), resolved by name or by the last subject."""

    nouns: frozenset[str]
    kinds: frozenset[str]
    by_name: bool


@dataclass(frozen=True)
class DefiniteRules:
    title_heads: frozenset[str]
    synonyms: dict[str, frozenset[str]]
    fillers: frozenset[str]
    group_determiners: frozenset[str]
    kinds: tuple[KindRule, ...]
    examples: tuple[dict[str, Any], ...]


@lru_cache(maxsize=1)
def definite_rules() -> DefiniteRules:
    data = read_rules(FILE)
    synonyms = data.get("title_synonyms", {})
    if not isinstance(synonyms, dict) or not all(isinstance(v, list) for v in synonyms.values()):
        raise ValueError(f"rules/events/{FILE}: title_synonyms must map a title to a list of titles")
    kinds = []
    for i, k in enumerate(require_list(data, FILE, "kinds", dict)):
        if not isinstance(k.get("by_name"), bool):
            raise ValueError(f"rules/events/{FILE}: kinds[{i}].by_name must be true or false")
        kinds.append(
            KindRule(
                frozenset(require_list(k, FILE, "nouns", str)),
                frozenset(require_list(k, FILE, "kinds", str)),
                k["by_name"],
            )
        )
    return DefiniteRules(
        frozenset(require_list(data, FILE, "title_heads", str)),
        {k.lower(): frozenset(v) for k, v in synonyms.items()},
        frozenset(require_list(data, FILE, "title_fillers", str)),
        frozenset(require_list(data, FILE, "group_determiners", str)),
        tuple(kinds),
        tuple(require_list(data, FILE, "examples", dict)),
    )


def definite_referent(index: MentionIndex, tok: Token) -> Mention | None:
    """The actor named earlier that the definite phrase headed by ``tok`` stands for, or None."""
    if tok.pos_ != "NOUN":
        return None
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    if len(dets) != 1:
        return None
    rules = definite_rules()
    word = tok.lower_
    singular = dets[0] in _DEFINITE and tok.tag_ == "NN" and not any(c.dep_ == "appos" for c in tok.children)
    if singular and word in rules.title_heads:  # "the US president" after "US President George W. Bush"
        titled = _titled(index, tok)  # not "the defense minister, General Likulia Bolongo," (names itself)
        if titled is not None:
            return titled
    if dets[0] in rules.group_determiners and tok.tag_ in ("NN", "NNS") and word in _group_nouns():
        return _earlier_group(index, tok)  # "the army" after "the Israeli army"
    if not singular or word in rules.title_heads or index.in_phrase(tok) is not None:
        return None  # "the Health Ministry": an actor of its own
    rule = next((k for k in rules.kinds if word in k.nouns), None)
    if rule is None or any(c.dep_ in ("prep", "nummod", "appos") for c in tok.children):
        return None  # "the party of X", "the one country, two systems policy": another referent
    if rule.by_name:
        return _named(index, tok, rule.kinds)
    return _last_subject(index, tok, rule.kinds)


@lru_cache(maxsize=1)
def _group_nouns() -> frozenset[str]:
    return group_agents() | bare_agent_nouns()


def _modifiers(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]


def _earlier_group(index: MentionIndex, tok: Token) -> Mention | None:
    """ "The soldiers" → the latest "Israeli soldiers" before it (a group with modifiers of its own)."""
    if _modifiers(tok) or any(c.dep_ in ("prep", "appos") for c in tok.children):
        return None  # "the Israeli soldiers" names itself
    for cand in reversed(tok.doc[: index.sent_start(tok.i)]):
        if cand.lower_ == tok.lower_ and any(_naming(index, m) for m in _modifiers(cand)):
            found = group_actor(index, cand, as_group=True)
            if found is not None:
                return found
    return None


def _naming(index: MentionIndex, mod: Token) -> bool:
    """A modifier that names which group it is ("*opposition* parties", "*Israeli* soldiers"), not a
    quantity ("several more teachers")."""
    return mod.pos_ in ("NOUN", "PROPN") or mod.i in index.by_token


def _acronym_of(word: str, title: Sequence[str]) -> bool:
    """Whether ``word`` ("FA") is the initials of capitalised words of a title ("Football Association")."""
    initials = "".join(w[0] for w in title if w[:1].isupper())
    letters = iter(initials)
    return len(word) > 1 and word.isupper() and all(ch in letters for ch in word)


def _title_words(doc: Doc, m: Mention) -> tuple[list[str], set[str]]:
    """The words of the phrase before a person's name ("Thailand's *Prime Minister* Surayud") and of an
    apposition after it ("Nguyen Hong Minh, *head* of the delegation"), as written, and the heads of
    those titles, lower-cased: the last word before the name that is no preposition's object
    ("Secretary of State Madeleine Albright": secretary; "UN Secretary-General Kofi Annan": general)."""
    head = doc[m.head_token]
    before = doc[head.left_edge.i : max(m.token_start, head.left_edge.i)]
    words = [t.text for t in before]
    last = next(
        (
            t.lower_
            for t in reversed(before)
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("pobj", "poss")
        ),
        None,
    )
    heads = {last} if last else set()
    for c in head.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            words.extend(t.text for t in _modifiers(c))
            words.append(c.text)
            heads.add(c.lower_)
    return words, heads


def _titled(index: MentionIndex, tok: Token) -> Mention | None:
    """ "The premier" → the latest person introduced with that title; see definite.toml."""
    rules = definite_rules()
    heads = {tok.lower_, *rules.synonyms.get(tok.lower_, frozenset())}
    mods = [t.text for t in _modifiers(tok) if t.lower_ not in rules.fillers]
    if tok.lower_ == "head" and not any(c.dep_ == "prep" for c in tok.children):
        return None  # a bare "the head" is a body part as often as a title
    found: list[Mention] = []
    for head_i, m in index.persons:
        if head_i >= tok.i:
            continue
        words, title_heads = _title_words(index.doc, m)
        lower = {w.lower() for w in words}
        if heads & title_heads and all(w.lower() in lower or _acronym_of(w, words) for w in mods):
            found.append(m)  # "the FA president": Football Association president Saburo Kawabuchi
    return found[-1] if found else None


def _named(index: MentionIndex, tok: Token, kinds: frozenset[str]) -> Mention | None:
    """ "The ministry" → the latest actor of ``kinds`` before it whose name has the noun."""
    best: Mention | None = None
    for head_i, m in sorted(index.by_head.items()):
        if head_i >= tok.i:
            break
        if m.kind in kinds and tok.lower_ in (m.actor.lower().split() + m.text.lower().split()):
            best = m
    return best


def _last_subject(index: MentionIndex, tok: Token, kinds: frozenset[str]) -> Mention | None:
    """ "The country" → the actor of the latest subject naming one in this or the two previous
    sentences, when it is of ``kinds``."""
    for cand in reversed(tok.doc[index.window_start(tok, 3) : tok.i]):
        if cand.dep_ not in _SUBJECTS:
            continue
        found = index.in_phrase(cand)
        if found is not None:
            return found if found.kind in kinds else None
    return None
