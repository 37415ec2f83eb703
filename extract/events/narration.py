"""Tense and placement words that decide whether a clause continues or sets the day a story narrates
(used by ``keep.Narrative``): a clause beside the news ("meanwhile") and a clause told in the present."""

from __future__ import annotations

from spacy.tokens import Token

from extract.events.rules import flag_cues


def concurrent(verb: Token) -> bool:
    """A clause set beside the news of the report ("The opposition, *meanwhile*, vowed …";
    ``concurrent_words`` in flags.toml): no narrative day."""
    return any(c.dep_ == "advmod" and c.lower_ in flag_cues().concurrent for c in verb.children)


def told_as_past(verb: Token) -> bool:
    """A clause not told in the present: a calendar fact or a state in the present ("Poets' Day, which
    *is falling* on Monday", "has been observed since 1944") sets no day a narrative continues; a past,
    an infinitive or a participle ("edged out Fittipaldi *to win* on Sunday") may."""
    first = next((c for c in verb.children if c.dep_ in ("aux", "auxpass")), verb)
    return first.tag_ not in ("VBZ", "VBP")
