"""Names in argument phrases: a person named after a title ("Nike's director … *Martha Benson*",
"Tibet's exiled spiritual leader, *the Dalai Lama*", "President and NC Chairman *Omar al-Bashir*"), a titled person the small model hangs on an
organisation ("Arab League (AL) *chief Amr Moussa*"), and a proper noun the actor finder does not
know, as written ("Yoon")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from extract.actors import ActorMention as Mention
from extract.actors import is_not_actor, load_gazetteer
from extract.events.rules import role_words

if TYPE_CHECKING:
    from extract.events.agents import MentionIndex


def titled_person(index: MentionIndex, tok: Token) -> Mention | None:
    """The person named in apposition at the end of a title's phrase ("Nike's director of communications
    for the Asia Pacific Region *Martha Benson*"); not one after a preposition ("a spokesman for *Howard*")."""
    if tok.pos_ != "NOUN" or tok.lower_ not in role_words()["title_nouns"]:
        return None
    last = tok.right_edge
    found = index.by_token.get(last.i)
    if found is None:  # "Tibet's exiled spiritual leader, *the Dalai Lama*,": a name the finder does not know
        name = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None and name.ent_type_ in ("PERSON", "") and name.i not in index.by_token:
            named = name_as_written(name)
            return None if is_not_actor(named.actor) else named
        return None
    if found.kind != "person" or found.char_start <= tok.idx:
        return None
    head = tok.doc[found.head_token]
    return found if head.dep_ == "appos" and head.head.i != tok.i else None


def titled_conjunct(index: MentionIndex, tok: Token) -> Mention | None:
    """The person after coordinated titles ("Sudanese *President* and NC Chairman *Omar al-Bashir*
    will address …", which the small model parses as three conjuncts): every other conjunct is a title
    and a title stands right before the name. Not two people ("the president and opposition leader
    Bashir met": a title with a determiner is a person of its own)."""
    titles = role_words()["title_nouns"]
    if (
        tok.pos_ not in ("NOUN", "PROPN")
        or tok.lower_ not in titles
        or any(c.dep_ == "det" for c in tok.children)
    ):
        return None  # "*the* president and opposition leader Bashir": two people
    conjuncts = [c for c in tok.children if c.dep_ == "conj"]
    if not conjuncts:
        return None
    person = index.by_token.get(conjuncts[-1].i)
    if person is None or person.kind != "person" or person.token_start < 1:
        return None
    before = tok.doc[person.token_start - 1]
    if before.lower_ not in titles or any(c.lower_ not in titles for c in conjuncts[:-1]):
        return None
    return person


def titled_apposition(index: MentionIndex, tok: Token) -> Mention | None:
    """A titled person in apposition to an organisation ("Arab League (AL) *chief Amr Moussa* welcomed",
    as the small model parses it): the person acts, not the organisation."""
    org = index.at(tok)
    if org is None or org.kind not in ("organisation", "international", "country"):
        return None
    titles = role_words()["title_nouns"]
    for c in tok.children:
        person = index.at(c) if c.dep_ == "appos" else None
        if (
            person is not None
            and person.kind == "person"
            and any(t.lower_ in titles and t.pos_ == "NOUN" for t in c.subtree if t.i < c.i)
        ):
            return person
    return None


NAME_PARTS = frozenset({"compound", "flat"})
HYPHENS = frozenset({"-", "‐", "–"})
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "LAW"})


def name_as_written(tok: Token) -> Mention:
    """A proper-noun phrase as an actor named as written: the name's own tokens (compounds, flat)."""
    doc, first = tok.doc, tok.i  # the proper nouns right before it in its phrase, nested compounds too
    while first > tok.left_edge.i:
        prev = doc[first - 1]
        if prev.pos_ == "PROPN" and prev.dep_ in NAME_PARTS:  # "New York Times"
            first -= 1
        elif (  # a hyphen inside one written word: "ITAR-TASS"
            prev.text in HYPHENS
            and not prev.whitespace_
            and first - 2 >= tok.left_edge.i
            and doc[first - 2].pos_ == "PROPN"
            and not doc[first - 2].whitespace_
        ):
            first -= 2
        else:
            break
    name = doc[first : tok.i + 1].text
    return Mention(doc[first].idx, tok.idx + len(tok.text), name, name, "name", None, tok.i, first, tok.i + 1)


_OFFICE_PREPS = frozenset({"of", "for"})


def office_holder(index: MentionIndex, tok: Token) -> Mention | None:
    """The name at the end of a capitalised title with its office ("Danish Minister of Foreign Affairs
    *Per Stig Moeller*", "French Minister for Foreign Trade *Christine Lagardo*"), which the parser hangs
    under "of"/"for" and the finder may not know: the capitalised words after the office's portfolio
    words (people.toml [titles] portfolios). None for a title with a determiner ("the head of …"), a
    phrase ending in a known actor ("Minister of Foreign Affairs of *Japan*") or in the portfolio itself."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in role_words()["title_nouns"] or not tok.is_title:
        return None
    if any(c.dep_ == "det" for c in tok.children) or not any(
        c.dep_ == "prep" and c.lower_ in _OFFICE_PREPS for c in tok.children
    ):
        return None
    doc, last = tok.doc, tok.right_edge
    found = index.by_token.get(last.i)
    if found is not None:
        return found if found.kind == "person" else None
    portfolios = load_gazetteer().portfolios
    first = last.i
    while first - 1 > tok.i and doc[first - 1].is_title and doc[first - 1].lower_ not in portfolios:
        first -= 1
    before = doc[first - 1]
    if last.pos_ != "PROPN" or last.i - first < 1 or before.lower_ not in portfolios or first - 1 <= tok.i:
        return None  # a name of two words or more, right after the portfolio
    if any(doc[i].i in index.by_token for i in range(first, last.i + 1)):
        return None
    name = doc[first : last.i + 1].text
    if is_not_actor(name):
        return None
    return Mention(
        doc[first].idx, last.idx + len(last.text), name, name, "name", None, last.i, first, last.i + 1
    )
