"""What the country-from-context rules share: the document being resolved and its candidates.

Split out of :mod:`extract.actors.context` so that the dateline defaults
(:mod:`extract.actors.weak`) read the same document view.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.actors.context_rules import ContextRules
from extract.actors.data import Gazetteer
from extract.actors.find import Candidate
from extract.actors.places import PlaceIndex

__all__ = ["LENDING_KINDS", "RuleCtx", "descriptor_heads", "lender"]

LENDING_KINDS = frozenset({"country", "place", "organisation", "media", "region"})


@dataclass
class RuleCtx:
    """Everything a rule needs about the document being resolved."""

    doc: Doc
    gaz: Gazetteer
    places: PlaceIndex
    rules: ContextRules
    cands: list[Candidate]
    by_token: dict[int, Candidate]
    dateline_country: str | None

    def at(self, i: int) -> Candidate | None:
        return self.by_token.get(i)


def lender(other: Candidate | None, me: Candidate) -> Candidate | None:
    """``other`` if it can lend its country to ``me`` (not itself, not a person)."""
    if other is None or other is me or other.country is None or other.kind not in LENDING_KINDS:
        return None
    return other


def descriptor_heads(ctx: RuleCtx, c: Candidate) -> list[Token]:
    """Heads of the noun phrases that describe ``c``: appositives after it (not another name of its
    kind: that is a list), and the noun it is an appositive of ("a Swiss drugmaker, Novartis")."""
    span = ctx.doc[c.start : c.end]
    heads = [
        ch
        for tok in span
        for ch in tok.children
        if ch.i >= c.end and ch.dep_ == "appos" and not _list_member(ctx, c, ch)
    ]
    root = span.root
    if root.dep_ == "appos" and root.head.i < c.start and ctx.at(root.head.i) is None:
        heads.append(root.head)
    return heads


def _list_member(ctx: RuleCtx, c: Candidate, head: Token) -> bool:
    """Is an "appositive" another name of ``c``'s kind that a list goes on from ("organised by the
    World Psychiatrists Association, the Nepali Department of X, and Y")? It names a second actor,
    not what the first one is; a second name alone may be the first one's ("X, Y said")."""
    other = ctx.at(head.i)
    if other is None or other is c or other.kind != c.kind:
        return False
    doc, end = ctx.doc, head.right_edge.i + 1
    after = [t.lower_ for t in doc[end : end + 2]]
    return (
        any(ch.dep_ == "conj" for ch in head.children)
        or after[:1] in (["and"], ["or"])
        or after == [",", "and"]
    )
