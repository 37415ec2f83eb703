"""Repairs of NER's person and organisation spans, used by :mod:`extract.actors.find`: the name
words NER cut off a person ("Lee Hsien [Loong]", "Minister of Health and Population Mohammad Awad
Afifi [Tag Eddin]"), and a capitalised plural kept as an organisation's short form ("Mavericks
owner Mark Cuban" after "the Dallas Mavericks"). Split out of ``find``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from extract.actors.columns import token_columns
from extract.actors.data import Gazetteer
from extract.actors.places import load_places

if TYPE_CHECKING:
    from extract.actors.find import Candidate

__all__ = [
    "appositive_people",
    "demonym_bodies",
    "place_cut_surname",
    "plural_short_form",
    "surname_full_names",
    "whole_name",
]

MAX_NAME = 4  # words of a person's name found by its appositive


def plural_short_form(doc: Doc, tok: Token) -> bool:
    """A capitalised plural tagged as a common noun that ends an organisation's name elsewhere in
    the document ("Mavericks owner Mark Cuban" after "the Dallas Mavericks"): its short form."""
    return (
        tok.tag_ == "NNS"
        and tok.text.istitle()
        and any(
            e.label_ == "ORG" and len(e) >= 2 and e[-1].text == tok.text and e.start != tok.i
            for e in doc.ents
        )
    )


def _name_part(tok: Token, gaz: Gazetteer, owner: dict[int, Candidate]) -> bool:
    """Could this token be a word of a person's name NER left out ("Lee Hsien [Loong]")?"""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and not tok.ent_type_
        and tok.i not in owner
        and tok.lower_.rstrip(".") not in gaz.titles
    )


def whole_name(
    doc: Doc, gaz: Gazetteer, start: int, end: int, owner: dict[int, Candidate]
) -> tuple[int, int]:
    """A PERSON span with the name words NER cut off: proper nouns with no entity label after it
    ("Prime Minister Lee Hsien Loong", "Jean-Luc Dehaene" tagged "Jean-Luc"), and one before it
    written with an inner apostrophe or hyphen ("Mes'eda Hweihi" tagged "Hweihi"), or up to two
    before a surname tagged alone ("Croatian Ivan Ljubicic" tagged "Ljubicic")."""
    while end < len(doc) and end - start < 5 and _name_part(doc[end], gaz, owner):
        end += 1
    before = doc[start - 1] if start > 0 else None
    if before is not None and _name_part(before, gaz, owner) and any(ch in before.text[1:-1] for ch in "'-’"):
        start -= 1
    elif end - start == 1:  # "the in-form Croatian Ivan [Ljubicic]": a surname tagged alone
        while start > 0 and end - start < 3 and _name_part(doc[start - 1], gaz, owner):
            if not doc[start - 1].text.istitle():
                break
            start -= 1
    elif end - start == 2:  # three words or more: NER did not cut the name ("General Staff X Y Z")
        start = _names_after_title(doc, gaz, start, owner)
    return start, end


def place_cut_surname(doc: Doc, end: int, owner: dict[int, Candidate]) -> bool:
    """ "Pakistani Foreign Minister [Khurshid Mahmood] [Kasuri]": a one-word place or nationality
    NER tagged right after a person's name, that neither gazetteer knows, is the name's last
    word (not "Kim Jong-il Pyongyang", a known place; not across a comma)."""
    if end >= len(doc) or end in owner or not doc[end - 1].whitespace_:
        return False
    tok = doc[end]
    return (
        tok.ent_iob_ == "B"
        and tok.ent_type_ in ("GPE", "LOC", "NORP")
        and (end + 1 == len(doc) or doc[end + 1].ent_iob_ != "I")
        and tok.pos_ == "PROPN"
        and tok.text.istitle()
        and tok.is_alpha
        and load_places().weight(tok.text) == 0
    )


MAX_LEFT_NAMES = 3  # "Minister of Health and Population Mohammad Awad Afifi [Tag Eddin]"


def _names_after_title(doc: Doc, gaz: Gazetteer, start: int, owner: dict[int, Candidate]) -> int:
    """The start of a person's name NER cut after its first words, when only untagged name words
    stand between the span and a capitalised title or portfolio word ("Minister of State for the
    Environment Magid [George Ilyas]"); ``start`` itself otherwise."""
    for k in range(1, MAX_LEFT_NAMES + 1):
        i = start - k
        if (
            i < 1
            or not _name_part(doc[i], gaz, owner)
            or not doc[i].text.istitle()
            or doc[i].lower_ in gaz.portfolios  # "Vice Minister of Foreign Affairs [Aziz Pahad]"
        ):
            return start
        before = doc[i - 1]
        word = before.lower_.rstrip(".")
        if before.text[:1].isupper() and (word in gaz.titles or word in gaz.portfolios):
            return i
    return start


def appositive_people(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """Untagged proper names NER missed, followed by ", a/an <person noun>" ("Abduarhman Olow, a
    businessman in Mogadishu"; people.toml [titles] person_nouns): a person. Two to four
    capitalised words no actor covers; later bare forms are then found as short names."""
    from extract.actors.find import Candidate  # find imports this module

    texts, lowers, _, proper = token_columns(doc)
    covered = {i for c in cands for i in range(c.start, c.end)}
    added: list[Candidate] = []
    n = len(texts)
    for comma in (i for i, text in enumerate(texts) if text == ","):
        if comma + 2 >= n or lowers[comma + 1] not in ("a", "an"):
            continue
        if not any(lowers[k] in gaz.person_nouns for k in range(comma + 2, min(n, comma + 5))):
            continue
        start = comma
        while start > 0 and comma - start < MAX_NAME and proper[start - 1] and texts[start - 1].istitle():
            start -= 1
        if comma - start < 2 or any(i in covered for i in range(start, comma)):
            continue
        if start > 0 and (proper[start - 1] or lowers[start - 1] in gaz.titles):
            continue  # part of a longer name or a title phrase: not a name on its own
        words = [lowers[i].rstrip(".") for i in range(start, comma)]
        if any(w in gaz.titles or w in gaz.portfolios for w in words):
            continue
        added.append(Candidate(start, comma, " ".join(texts[start:comma]), "person", None, label="PERSON"))
    if not added:
        return cands
    return sorted([*cands, *added], key=lambda c: c.start)


def surname_full_names(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """Full names NER missed whose surname it tagged alone elsewhere ("beat top Russian [Nikolay
    Davydenko]" before "Davydenko, who ..."): two or three capitalised proper nouns no actor covers,
    the last one a one-word person of the document, are that person's full name."""
    from extract.actors.find import Candidate  # find imports this module

    texts, lowers, _, proper = token_columns(doc)
    surnames = {
        texts[c.start] for c in cands if c.kind == "person" and c.end - c.start == 1 and c.label == "PERSON"
    }
    if not surnames:
        return cands
    covered = {i for c in cands for i in range(c.start, c.end)}

    def free(i: int) -> bool:
        word = lowers[i]  # "Minister of Labor and Social Security Tian Chengping": no given names
        return (
            proper[i] and i not in covered and texts[i].istitle() and word not in gaz.titles | gaz.portfolios
        )

    added: list[Candidate] = []
    for end in (i + 1 for i, text in enumerate(texts) if text in surnames and i not in covered):
        start = end - 1
        while start > 0 and end - start < 3 and free(start - 1):
            start -= 1
        if end - start >= 2 and not (start > 0 and free(start - 1)):
            added.append(Candidate(start, end, " ".join(texts[start:end]), "person", None, label="PERSON"))
    return sorted([*cands, *added], key=lambda c: c.start) if added else cands


MAX_BODY_WORDS = 7  # "Turkish [Prime Ministry Emergency Management Directorate]"


def demonym_bodies(
    doc: Doc, gaz: Gazetteer, cands: list[Candidate], heads: frozenset[str]
) -> list[Candidate]:
    """ "Turkish Prime Ministry Emergency Management Directorate was quoted": capitalised words NER
    left untagged after a demonym, two or more, the last a body's head word ([media] body_heads,
    "Directorate"), are one organisation of the demonym's country, as NER's "the Chinese Foreign
    Ministry" is; never across a name ("Chinese President Hu Jintao": "President" heads no body)."""
    from extract.actors.data import ROLE_DEMONYM
    from extract.actors.find import Candidate  # find imports this module

    texts, lowers, _, _ = token_columns(doc)
    covered = {i for c in cands for i in range(c.start, c.end)}
    out: list[Candidate] = []
    dropped: set[int] = set()
    for c in cands:
        if c.entry is None or c.entry.role != ROLE_DEMONYM:  # also "South African" (two words)
            continue
        end = c.end
        while (
            end < len(doc)
            and end - c.end < MAX_BODY_WORDS
            and end not in covered
            and texts[end].istitle()
            and texts[end].isalpha()
        ):
            end += 1
        last = end - 1
        while last > c.end and lowers[last] not in heads:
            last -= 1
        if last - c.end < 1 or lowers[last] not in heads:
            continue
        body = Candidate(
            c.start, last + 1, " ".join(texts[c.start : last + 1]), "organisation", None, label="ORG"
        )
        body.give_country(c.country, "part")
        out.append(body)
        dropped.add(id(c))
    if not out:
        return cands
    return sorted([x for x in cands if id(x) not in dropped] + out, key=lambda x: x.start)
