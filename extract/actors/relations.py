"""Country from a name's relations in the text, for :mod:`extract.actors.context`: "<person> of/from
<place or body>", "<person> with <body>", a body "of" a country; a conjunct sharing the title phrase
of the name it is coordinated with ("French energy groups Gaz de France and Suez").
"""

from __future__ import annotations

from extract.actors.columns import span_text, token_columns
from extract.actors.find import Candidate
from extract.actors.rulectx import RuleCtx, lender

__all__ = ["of_place", "shared_title"]

_QUOTES = frozenset({'"', "\u201d", "''"})


def of_place(ctx: RuleCtx, c: Candidate) -> None:
    """ "John Boehner of Ohio", "a senator from Ohio" after a name: that place's country; "X of
    the People's Communist Party", "Yu Xuejun with the State ... Commission": that body's; a body or outlet "of" a country or place ("the
    Orbital Science Corp. of the United States", "the Daily Sunsport of Lagos"): that country; a unit of a body ("the Asian Affairs Department
    of the DPRK Foreign Ministry", "the Information Office under the State Council"): the body's."""
    doc, i = ctx.doc, c.end
    if c.kind in ("organisation", "media"):
        texts, lowers, _, _ = token_columns(doc)
        if i + 1 < len(texts) and texts[i] in _QUOTES:
            i += 1  # 'told the "Daily Sunsport" of Lagos'
        unit = lowers[c.end - 1] in ctx.rules.unit_words
        if i + 1 >= len(texts) or not (lowers[i] == "of" or (unit and lowers[i] == "under")):
            return
        j = i + 2 if lowers[i + 1] == "the" else i + 1
        other = lender(ctx.at(j), c)  # "the Orbital Science Corp. of the United States"
        if other is not None and other.kind in ("country", "place") and other.start == j:
            c.give_country(other.country, "appositive")
        elif other is not None and other.kind == "organisation" and other.start == j and unit:
            c.give_country(
                other.country, "affiliation"
            )  # "the Asian Affairs Department of the DPRK Foreign Ministry"
        return
    if c.kind != "person" or i + 1 >= len(doc):
        return
    body_only = doc[i].lower_ in ctx.rules.body_prepositions  # "Yu Xuejun with the State ... Commission"
    if doc[i].lower_ not in ctx.rules.of_prepositions and not body_only:
        return
    j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
    other = lender(ctx.at(j), c)
    if (
        other is not None
        and other.kind in ("country", "place", "region")
        and other.start == j
        and not body_only
    ):
        c.give_country(other.country, "appositive")
    elif other is not None and other.kind == "organisation" and other.start == j:
        c.give_country(other.country, "affiliation")  # "Lieutenant Ali Khaled of the Baquba police"


def shared_title(ctx: RuleCtx, c: Candidate) -> None:
    """ "French energy groups Gaz de France and Suez": a conjunct shares the title phrase, and so
    the country, of the name it is coordinated with, unless it has words of its own before it or
    is the short form of a person the document named in full elsewhere."""
    doc = ctx.doc
    root = doc[c.start : c.end].root
    first = ctx.at(root.head.i) if root.dep_ == "conj" else None
    if first is None or first is c or first.kind != c.kind:
        return
    if c.kind == "person" and span_text(doc, c.start, c.end) != c.actor:
        return  # "South Korean Foreign Minister Ban Ki-moon and Asao": a short form of a person named before
    if c.start > 0 and doc[c.start - 1].lower_ not in ("and", "or", ","):
        return  # "Liberian President X and UN Special Envoy Alan Doss": a title phrase of its own
    if first.source == "title":
        c.give_country(first.country, "title")
        return
    i = first.start - 1
    while i >= max(0, first.start - 5) and ctx.doc[i].pos_ in ("NOUN", "ADJ", "PROPN"):
        other = lender(ctx.at(i), c)
        if other is not None and other.kind == "country":
            c.give_country(other.country, "title")
            return
        i -= 1
