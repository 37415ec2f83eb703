"""Team line-ups and squad lists: "Indians (from): Rahul Dravid (captain), VVS Laxman, ...",
"Rest of South Africa: Jacques Rudolph (captain), Alviro Petersen, ...". The people listed after a
line's country and colon play for that country; the dateline (the host of the match) would give
the visitors the wrong code.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import token_columns
from extract.actors.find import Candidate

__all__ = ["lineup_countries"]

MAX_LABEL = 6  # tokens from the line's start to the colon: "Rest of South Africa", "Indians (from)"


def _line_start(doc: Doc, i: int) -> int:
    """The first token of the line (after a newline token) that holds token ``i``."""
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    return i


def lineup_countries(doc: Doc, cands: list[Candidate]) -> None:
    """Every person listed after "<country or demonym> [(from)]:" at a line's start, up to the end
    of the line, takes that country (source ``affiliation``)."""
    texts, _, _, _ = token_columns(doc)
    if ":" not in texts and "):" not in texts:
        return  # most stories have no colon token: one scan in C, no Python loop
    colons = [i for i, text in enumerate(texts) if text in (":", "):")]  # "Indians (from):"
    if not colons:
        return
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    for colon in colons:
        start = _line_start(doc, colon)
        if colon - start > MAX_LABEL or colon == start:
            continue
        label = {id(c): c for i in range(start, colon) if (c := by_token.get(i)) is not None}
        if len(label) != 1:
            continue
        team = next(iter(label.values()))
        if team.kind != "country" or team.country is None:
            continue
        i = colon + 1
        while i < len(doc) and "\n" not in doc[i].text:
            c = by_token.get(i)
            if c is not None and c.kind == "person":
                c.give_country(team.country, "affiliation")
            i = c.end if c is not None else i + 1
