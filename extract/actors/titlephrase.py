"""The title phrase in front of a name, read backwards from it: the closest actor with a country
there gives the name its country ("Chinese President Xi Jinping", "Texas Attorney General X",
"Gazprom chief X", "US Assistant Secretary of State for South Asian Affairs X"). The walk crosses
possessives, hyphens, titles joined by "and", and the small words and regions of a capitalised
title; it stops at determiners, prepositions, verbs and punctuation.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import sentence_starts
from extract.actors.data import Gazetteer
from extract.actors.find import POSSESSIVE, Candidate

__all__ = ["MAX_MODIFIER_TOKENS", "modifier_country", "usable"]

MAX_MODIFIER_TOKENS = 8
MAX_TITLE_TOKENS = 16  # a title phrase with "of/for/and" inside a capitalised title may run longer
TITLE_LINKS = frozenset({"of", "and", "for", "the"})
_STOP_POS = frozenset({"DET", "ADP", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM", "PART", "ADV"})


def usable(other: Candidate) -> bool:
    """Can this neighbouring actor lend its country to a name ("Texas Attorney General X")?"""
    return other.country is not None and other.kind in ("country", "place", "organisation", "media")


def modifier_country(
    doc: Doc, gaz: Gazetteer, before: int, by_token: dict[int, Candidate]
) -> Candidate | None:
    """The closest actor with a country in the title phrase ending just before token ``before``:
    a country, demonym or capital, a place ("Texas Attorney General"), an organisation
    ("Gazprom chief"); "and" is crossed between titles ("Deputy Prime Minister and Foreign Minister")."""
    i = before - 1
    first = sentence_starts(doc)[before - 1] if before > 0 else 0
    stop = max(first, before - MAX_MODIFIER_TOKENS)
    while i >= stop:
        tok = doc[i]
        other = by_token.get(i)
        if other is not None and _title_region(doc, other, by_token):
            i = other.start - 1  # "Assistant Secretary of State for South Asian Affairs X": a portfolio
            continue
        if other is not None:
            j = other.start - 1
            j -= 1 if j > stop and doc[j].pos_ == "DET" else 0
            if j > stop and doc[j].pos_ == "ADP" and doc[j - 1].lower_ in gaz.titles:
                i = j - 1  # "US Ambassador to (the) China X" (not "the future of Lebanese president X")
                continue
            bracketed = doc[before - 1].text == ")" and other.end < before
            if bracketed and other.kind == "media":
                return None  # "BEIJING, Nov. 19 (Xinhua) John Smith": a wire's dateline
            return _specific(doc, other, by_token) if usable(other) else None
        if tok.text in POSSESSIVE or tok.text == "-" or (i == before - 1 and tok.text == ")"):
            i -= 1  # "(Ireland captain) Brian O'Driscoll", "clerk of Kampala City Council (KCC) X"
            continue
        if (
            tok.pos_ == "CCONJ"
            and i + 1 < len(doc)
            and doc[i + 1].lower_ in gaz.titles
            and _titled(doc, gaz, i - 1)
        ):
            i -= 1  # "Deputy Prime Minister and Foreign Minister X" (not "Chinese officials and Secretary X")
            continue
        if tok.lower_ in TITLE_LINKS and _title_link(
            doc, i, by_token
        ):  # "US Assistant Secretary of State for ... Affairs X"
            stop = max(first, before - MAX_TITLE_TOKENS)
            i -= 1
            continue
        if tok.is_space or tok.is_punct or tok.pos_ in _STOP_POS:
            return None
        i -= 1
    return None


def _titled(doc: Doc, gaz: Gazetteer, i: int) -> bool:
    """Does a title end at token ``i`` (a title word, or a capitalised word of one)?"""
    return i >= 0 and (doc[i].lower_.rstrip(".") in gaz.titles or doc[i].text.istitle())


def _plain_word(doc: Doc, i: int, by_token: dict[int, Candidate]) -> bool:
    """A capitalised word of a title: no actor, or a region without a country ("Asian Affairs")."""
    other = by_token.get(i)
    return doc[i].text.istitle() and (other is None or (other.kind == "region" and other.country is None))


def link_neighbours(doc: Doc, i: int) -> tuple[int, int] | None:
    """For a small word of a title ("of", "and", "for", "the") at token ``i``, the nearest other words
    on both sides (a run of small words crossed), or None when ``i`` is no such word or a side is
    outside the document."""
    if doc[i].lower_ not in TITLE_LINKS:
        return None
    left, right = i - 1, i + 1
    while left >= 0 and doc[left].lower_ in TITLE_LINKS:
        left -= 1
    while right < len(doc) and doc[right].lower_ in TITLE_LINKS:
        right += 1
    return (left, right) if left >= 0 and right < len(doc) else None


def _title_link(doc: Doc, i: int, by_token: dict[int, Candidate]) -> bool:
    """Is token ``i`` a small word inside a capitalised title ("Secretary of State for South and
    Central Asian Affairs"): the nearest other words on both sides capitalised title words?"""
    sides = link_neighbours(doc, i)
    return sides is not None and all(_plain_word(doc, j, by_token) for j in sides)


def _title_region(doc: Doc, other: Candidate, by_token: dict[int, Candidate]) -> bool:
    """A region without a country inside a capitalised title, between a title link and a
    capitalised word ("for South and Central Asian Affairs", "for East Asian and Pacific Affairs")."""
    if other.kind != "region" or other.country is not None or other.start < 1 or other.end >= len(doc):
        return False
    return doc[other.start - 1].lower_ in TITLE_LINKS and doc[other.end].text.istitle()


def _specific(doc: Doc, other: Candidate, by_token: dict[int, Candidate]) -> Candidate:
    """ "Macao, China's head coach", "Hong Kong, China's team": in "X, Y" the first actor is the
    more specific one, and its country is the name's."""
    first = by_token.get(other.start - 2) if other.start >= 2 and doc[other.start - 1].text == "," else None
    return first if first is not None and usable(first) else other
