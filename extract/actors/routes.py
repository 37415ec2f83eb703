"""Places named in the name of a route: "the Puttalam-Anuradhapura highway", "the
Beijing-Shanghai high-speed railway", "the Udakanda-Mahiyanganaya and Hatton-Nuwara Eliya
roads". Each side of the hyphen is a place (NER tags such names person or organisation at
random, or cuts them across the hyphen); their country comes later from the place gazetteer, or,
for a small town no library lists, from the dateline as for other small places named as such.
Route nouns: context.toml [place_in] route_nouns.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import span_text, token_columns
from extract.actors.context_rules import load_context_rules
from extract.actors.find import Candidate

__all__ = ["ROUTE_LABEL", "route_places"]

ROUTE_LABEL = "ROUTE"  # Candidate.label of a place read from a route's name
_JOINERS = frozenset({",", "and", "the", "or"})
_HYPHENS = frozenset({"-", "\u2013"})
MAX_MODIFIERS = 3  # lower-case words between the names and the route noun ("high-speed")


def _is_hyphen(tok_text: str) -> bool:
    return tok_text in _HYPHENS


def _chain_start(doc: Doc, end: int) -> int:
    """The first token of the run of names, hyphens and joiners that ends at ``end``."""
    i = end - 1
    while i >= 0:
        t = doc[i]
        if t.text[:1].isupper() or _is_hyphen(t.text) or t.lower_ in _JOINERS:
            i -= 1
            continue
        break
    return i + 1


def _names(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The names of the hyphenated pairs in [start, end): a segment between joiners counts only
    when it holds a hyphen ("Puttalam-Anuradhapura", "Nuwara Eliya- Badulla")."""
    out: list[tuple[int, int]] = []
    seg: list[int] = []
    for i in [*range(start, end), end]:
        if i < end and doc[i].lower_ not in _JOINERS:
            seg.append(i)
            continue
        hyphened = any(_is_hyphen(doc[k].text) or doc[k].text.endswith("-") for k in seg)
        if hyphened:
            run: list[int] = []
            for k in [*seg, -1]:
                if k >= 0 and doc[k].text[:1].isupper():
                    run.append(k)
                    if not doc[k].text.endswith("-"):
                        continue
                if run:
                    out.append((run[0], run[-1] + 1))
                run = []
        seg = []
    return out if len(out) >= 2 else []


def route_places(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Add the places named in routes' names; NER spans inside them are dropped, gazetteer
    matches (countries, capitals, known cities) and spans reaching outside the names kept."""
    nouns = load_context_rules().route_nouns
    texts, _, _, _ = token_columns(doc)  # no Token objects for the many documents without a route
    hits = [i for i, text in enumerate(texts) if text in nouns]
    if not hits:
        return cands
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    dropped: set[int] = set()
    added: list[Candidate] = []
    for i in hits:
        tok = doc[i]
        end = tok.i
        while (
            end > 0
            and tok.i - end < MAX_MODIFIERS
            and doc[end - 1].is_lower
            and doc[end - 1].pos_ in ("ADJ", "NOUN")
        ):
            end -= 1
        start = _chain_start(doc, end)
        for a, b in _names(doc, start, end):
            inside = {id(c): c for k in range(a, b) if (c := owner.get(k)) is not None}
            if any(c.entry is not None for c in inside.values()):
                continue  # "the Beijing-Shanghai railway": the gazetteer knows them
            if any(c.start < start or c.end > end for c in inside.values()):
                continue
            dropped.update(inside)
            name = span_text(doc, a, b).rstrip("-")
            added.append(Candidate(a, b, name, "place", None, label=ROUTE_LABEL))
    if not added:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + added, key=lambda c: c.start)
