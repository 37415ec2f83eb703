"""Actor mentions of one parsed document: find the candidate spans, resolve them, emit mentions.

:func:`find_actor_mentions` works on one spaCy ``Doc`` (see :func:`extract.nlp.load_nlp`).
The resolution rules and their data are described in ``docs/actors.md``.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import IDX
from spacy.tokens import Doc

from extract.actors.columns import token_columns
from extract.actors.data import load_gazetteer, norm_key
from extract.actors.dateline import dateline_country, dateline_is_capital, dateline_place
from extract.actors.find import find_candidates
from extract.actors.model import ActorMention
from extract.actors.places import load_places
from extract.actors.resolve import resolve

__all__ = ["find_actor_mentions", "mentions_by_token"]


def find_actor_mentions(doc: Doc, dateline: str | None = None) -> list[ActorMention]:
    """All actor mentions of a parsed document, sorted by ``char_start``; [] when none.

    ``dateline`` is the story's dateline when the corpus keeps it apart from the text
    ("ANKARA, April 8 (AFP)"); without it a dateline opening the text is used.
    """
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError("find_actor_mentions needs a parsed Doc: use extract.nlp.load_nlp()(text)")
    gaz = load_gazetteer()
    home = dateline_country(doc, gaz, load_places(), dateline)
    out: list[ActorMention] = []
    capital = home if home is not None and dateline_is_capital(doc, gaz, dateline) else None
    found = resolve(doc, gaz, find_candidates(doc, gaz), home, capital)
    filed_at = dateline_place(doc, dateline) if home is not None else None
    if filed_at is not None:  # "WADI KELT, West Bank": "in Wadi Kelt" is in PSE
        for c in found:
            if (
                c.country is None
                and c.kind in ("place", "region")
                and norm_key(c.actor) == norm_key(filed_at)
            ):
                c.give_country(home, "dateline")
    texts, _, spaces, _ = token_columns(doc)
    starts = doc.to_array(IDX).tolist() if found else []
    for c in found:  # offsets and text from the columns: a Span per mention cost more than the rest
        last = c.end - 1
        out.append(
            ActorMention(
                char_start=starts[c.start],
                char_end=starts[last] + len(texts[last]),
                text="".join(
                    [texts[k] + " " if spaces[k] else texts[k] for k in range(c.start, last)] + [texts[last]]
                ),
                actor=c.actor,
                kind=c.kind,
                country=c.country,
                head_token=c.start if c.end - c.start == 1 else doc[c.start : c.end].root.i,
                token_start=c.start,
                token_end=c.end,
                country_source=c.source if c.country is not None else None,
            )
        )
    out.sort(key=lambda m: m.char_start)
    return out


def mentions_by_token(mentions: Sequence[ActorMention]) -> dict[int, ActorMention]:
    """Token index -> the mention covering it (for walking the parse)."""
    return {i: m for m in mentions for i in range(m.token_start, m.token_end)}
