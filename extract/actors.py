"""Actors: who is named in a document, with a canonical name, a kind and an ISO3 country.

:func:`find_actor_mentions` works on one spaCy ``Doc`` (see :func:`extract.nlp.load_nlp`);
:func:`build_actors_frame` merges the mentions of a corpus into the ``ACTORS_FRAME`` frame.
The resolution rules and their data are described in ``docs/actors.md``; the vocabularies live
in ``extract/rules/actors/*.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from extract.actors_corpus import build_actors_frame
from extract.actors_data import ROLE_DEMONYM, load_gazetteer, norm_key
from extract.actors_find import find_candidates
from extract.actors_resolve import resolve

__all__ = ["ROLE_DEMONYM", "ActorMention", "build_actors_frame", "find_actor_mentions", "load_gazetteer",
           "mentions_by_token", "norm_key"]


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in a document."""

    char_start: int      # half-open offsets into the document text
    char_end: int
    text: str            # surface form as written ("Yoon", "Pyongyang", "Chinese")
    actor: str           # canonical name within the document ("Yoon Suk Yeol", "North Korea")
    kind: str            # person | organisation | country | place | media | international | region
    country: str | None  # ISO 3166-1 alpha-3, None for international bodies / unknown
    head_token: int      # index of the spaCy token heading the mention
    token_start: int = -1  # token span [token_start, token_end) in the Doc
    token_end: int = -1


def find_actor_mentions(doc: Doc) -> list[ActorMention]:
    """All actor mentions of a parsed document, sorted by ``char_start``; [] when none."""
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError("find_actor_mentions needs a parsed Doc: use extract.nlp.load_nlp()(text)")
    gaz = load_gazetteer()
    out: list[ActorMention] = []
    for c in resolve(doc, gaz, find_candidates(doc, gaz)):
        span = doc[c.start : c.end]
        out.append(ActorMention(
            char_start=span.start_char,
            char_end=span.end_char,
            text=span.text,
            actor=c.actor,
            kind=c.kind,
            country=c.country,
            head_token=span.root.i,
            token_start=c.start,
            token_end=c.end,
        ))
    out.sort(key=lambda m: m.char_start)
    return out


def mentions_by_token(mentions: Sequence[ActorMention]) -> dict[int, ActorMention]:
    """Token index -> the mention covering it (for walking the parse)."""
    return {i: m for m in mentions for i in range(m.token_start, m.token_end)}

