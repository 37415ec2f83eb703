"""The actor mention record shared by the finder, the corpus merge and the events stage.

It lives alone so that :mod:`extract.actors.corpus` can use it without importing the finder.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ActorMention"]


@dataclass(frozen=True)
class ActorMention:
    """One mention of an actor in a document."""

    char_start: int  # half-open offsets into the document text
    char_end: int
    text: str  # surface form as written ("Yoon", "Pyongyang", "Chinese")
    actor: str  # canonical name within the document ("Yoon Suk Yeol", "North Korea")
    kind: str  # person | organisation | country | place | media | international | region
    country: str | None  # ISO 3166-1 alpha-3, None for international bodies / unknown
    head_token: int  # index of the spaCy token heading the mention
    token_start: int = -1  # token span [token_start, token_end) in the Doc
    token_end: int = -1
    country_source: str | None = None  # how the country was found: one of schema.COUNTRY_SOURCES
