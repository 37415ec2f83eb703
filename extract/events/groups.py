"""Common-noun groups as actors named as written: "riot police", "Thai troops" (with Thailand as
country), "hundreds of ISAF troops", "groups of youths", "a mob of whites" (roles.toml: group_agents and
the group vocabularies)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from extract.actors import ActorMention as Mention
from extract.events.rules import definite_agent_nouns, definite_determiners, group_agents, group_words

if TYPE_CHECKING:
    from extract.events.agents import MentionIndex


_GROUP_MODIFIERS = frozenset({"amod", "compound", "nmod"})


def _group_head(tok: Token, demonyms: dict[int, str]) -> Token | None:
    """The group noun a phrase names ("riot police", "hundreds of ISAF troops", "groups of youths"),
    or None; a quantity's "of" group wins over the quantity ("*groups* of youths" are youths)."""
    words = group_words()
    if tok.lower_ in words["quantity_nouns"] or tok.pos_ == "NUM":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (
                        pobj.lower_ in group_agents() or demonyms.get(pobj.i) == "plural"
                    ):
                        return pobj
    if tok.lower_ in group_agents() and tok.pos_ in ("NOUN", "PROPN"):
        return tok
    if tok.lower_ in definite_agent_nouns() and tok.pos_ == "NOUN" and _definite(tok):
        return tok  # "Nepal's government", "the Chinese government"; not "formed *a* government"
    of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    if tok.lower_ in words["crowd_nouns"] and not of and tok.dep_ in ("nsubj", "nsubjpass"):
        return tok  # "Thousands protested": a crowd acts
    return None


def _definite(tok: Token) -> bool:
    """A noun with a possessor or a determiner that points back ("the", "its", "this")."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in definite_determiners()) for c in tok.children
    )


def group_actor(index: MentionIndex, tok: Token, as_group: bool = False) -> Mention | None:
    """A common-noun group as an actor named as written ("Thai troops"), with a modifier's country;
    ``as_group``: take ``tok`` itself as the group noun."""
    head = tok if as_group else _group_head(tok, index.demonyms)
    if head is None or (head.i in index.by_head and head.i not in index.demonyms):
        return None  # "China's People's Liberation Army" is a named organisation, not a group as written
    mods = [c for c in head.children if c.dep_ in _GROUP_MODIFIERS and c.i < head.i]
    first = min([head.i, *(t.i for m in mods for t in m.subtree)])
    # the possessor is part of the group's name: a common noun or unknown name by its head word ("the
    # teachers' union"), an actor whole, which also gives the country ("*Sri Lanka's* government", "Israel's
    # army": both names a reader may know it by)
    poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    owner_from = -1
    if poss is not None:
        owner_from = poss.left_edge.i if poss.i in index.by_token else poss.i
        first = min(first, owner_from)
    words = [
        t
        for t in head.doc[first : head.i + 1]
        if not t.is_punct
        and t.dep_ not in ("det", "poss", "nummod", "preconj")  # not "*both* Chinese and French governments"
        or (poss is not None and owner_from <= t.i <= poss.i and t.dep_ != "det")
    ]
    # the text as written from the first kept word ("day-release", "anti-graft officers" keep their hyphens)
    last = head.i
    if head.lower_ in group_words()["of_phrase_groups"] or (
        head.lower_ in definite_agent_nouns() and country_of_origin(index, head) is not None
    ):  # "a mob of whites", "a member of the public", "the delegation of the Republic of Korea"
        pobj = [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if pobj:
            last = pobj[0].right_edge.i
    # a span's text, not Doc.text (which joins the whole document on every call)
    name = head.doc[words[0].i : last + 1].text if words else head.text
    owners = [t for t in poss.subtree if t.i in index.by_token] if poss is not None else []
    country = (
        next(
            (
                m.country
                for t in [*words, *owners]
                if (m := index.by_token.get(t.i)) is not None and m.country
            ),
            None,
        )
        or country_of_origin(index, head)
        or _owner_country(index, head)
    )
    return Mention(
        head.doc[first].idx,
        head.idx + len(head.text),
        name,
        name,
        "group",
        country,
        head.i,
        first,
        head.i + 1,
    )


def _owner_country(index: MentionIndex, head: Token) -> str | None:
    """The country of the person "his" or "her" stands for ("President Rajapakse said *his* government
    would …": Sri Lanka), or None when the pronoun is unresolved."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    person = index.person_for_pronoun(owner) if owner is not None else None
    return person.country if person is not None else None


def country_of_origin(index: MentionIndex, head: Token) -> str | None:
    """The country of a group named by where it is from: "Senior diplomats *from Japan*", "police *of
    the Palestinian Authority*", "troops *in Kosovo*" is not one (a place, not an origin)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
            for pobj in prep.children:
                found = index.in_phrase(pobj, max_depth=1) if pobj.dep_ == "pobj" else None
                if found is not None and found.country:
                    return found.country
    return None
