"""Small cues in the words around a name that settle what it is (used by :mod:`resolve`).

- "the village of Surif": the name after a place noun and "of" is a place;
- "President Jiang ... reports that Jiang would": a one-word NER place that is written like a
  person of the same document is that person;
- "Washington recognizes the North": "the North" / "the South" is the one country of the document
  whose name starts with that word (North Korea), when there is exactly one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.actors.columns import span_text, token_columns
from extract.actors.data import Gazetteer
from extract.actors.find import Candidate


def _place_noun(word: str, nouns: frozenset[str]) -> bool:
    """A place noun, singular or plural ("towns", "cities")."""
    return word in nouns or word.removesuffix("s") in nouns or word.removesuffix("ies") + "y" in nouns


MAX_LIST_REACH = 40  # tokens between "<place noun> of" and the last name of its list


def place_noun_of(doc: Doc, nouns: frozenset[str], start: int, end: int | None = None) -> Token | None:
    """The place noun of "the village of Surif", "the island of Vaindloo", "the towns of Khan
    Younis and Deir el-Ballah": the name follows "<place noun> of", or (given ``end``, the parse
    is read) is a conjunct of one that does; None otherwise."""
    lowers = token_columns(doc)[1]
    if start >= 2 and lowers[start - 1] == "of" and _place_noun(lowers[start - 2], nouns):
        return doc[start - 2]
    if end is None or "of" not in lowers[max(0, start - MAX_LIST_REACH) : start]:
        return None  # read the parse only when an "of" stands before the name
    tok = doc[start:end].root
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    of = tok.head
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.i < start and of.head.i == of.i - 1:
        return of.head if _place_noun(of.head.lower_, nouns) else None
    return None


def after_place_noun(doc: Doc, nouns: frozenset[str], start: int, end: int | None = None) -> bool:
    """Does the name follow "<place noun> of" (see :func:`place_noun_of`)?"""
    return place_noun_of(doc, nouns, start, end) is not None


def places_named_as_people(doc: Doc, cands: list[Candidate]) -> None:
    """ "President Jiang ... reports that Jiang would offer": a one-word NER place the gazetteer
    does not know, written like a one-word person mention of the same document, is that person."""
    people = {span_text(doc, c.start, c.end): c for c in cands if c.kind == "person" and c.start + 1 == c.end}
    for c in cands:
        person = people.get(span_text(doc, c.start, c.end)) if c.start + 1 == c.end else None
        if (
            person is not None
            and c.entry is None
            and c.kind in ("place", "region")
            and c.label in ("GPE", "LOC")
        ):
            c.actor, c.kind, c.country, c.source = person.actor, "person", person.country, person.source
            c.entry = person.entry


def elided_countries(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """ "the North" for North Korea in a document that names North Korea and no other "North ..."
    country; not before another proper noun ("the North Atlantic") nor when the country is not named."""
    covered = {i for c in cands for i in range(c.start, c.end)}
    countries = {c.actor: c for c in cands if c.kind == "country" and c.country is not None}
    added: list[Candidate] = []
    texts, lowers, _, _ = token_columns(doc)
    for i in (k for k, text in enumerate(texts) if text in gaz.elided_words):
        tok = doc[i]
        if tok.i in covered or tok.i == 0 or lowers[tok.i - 1] != "the":
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue
        named = [c for name, c in countries.items() if name.startswith(tok.text + " ")]
        if len(named) == 1:
            c = named[0]
            added.append(
                Candidate(tok.i, tok.i + 1, c.actor, "country", c.country, c.entry, "PROPN", source="name")
            )
    return sorted(cands + added, key=lambda c: c.start) if added else cands
