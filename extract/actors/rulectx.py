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
    """Heads of the noun phrases that describe ``c``: appositives after it, and the noun it is an
    appositive of ("a Swiss drugmaker, Novartis")."""
    span = ctx.doc[c.start : c.end]
    heads = [ch for tok in span for ch in tok.children if ch.i >= c.end and ch.dep_ == "appos"]
    root = span.root
    if root.dep_ == "appos" and root.head.i < c.start and ctx.at(root.head.i) is None:
        heads.append(root.head)
    return heads
