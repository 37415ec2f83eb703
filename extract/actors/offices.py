"""Who holds an office, as the weak defaults read it: a title in the title phrase right before the
name ("EU Commissioner X"), heading an appositive after it ("X, director-general of UNESCO"), or named
after it with "as" ("the appointment of Roni Bar-On *as industry minister*"); a sports rank is no
office; a foreign office ("Israel's ambassador") is not the dateline's. Words: context.toml [dateline]."""

from __future__ import annotations

import re

from spacy.tokens import Token

from extract.actors.find import POSSESSIVE, Candidate
from extract.actors.rulectx import RuleCtx, descriptor_heads
from extract.actors.titlephrase import link_neighbours

__all__ = ["foreign_office", "office_holder"]


def office_holder(ctx: RuleCtx, c: Candidate) -> tuple[bool, Candidate | None, str]:
    """Does a person hold an office (a title in the title phrase right before the name, or heading
    an appositive after it), which actor, if any, qualifies the title ("EU Commissioner X",
    "Fontana Mayor X", "former CIA director X"), and the title's words (lowercase)?"""
    doc, titles = ctx.doc, ctx.rules.office_titles
    i, titled = c.start - 1, False
    while i >= max(0, c.start - 6):  # no sentence check: the parser splits "..., UNESCO Director X"
        tok = doc[i]
        under = ctx.rules.staff_titles | ctx.rules.ranks
        if i == c.start - 1 and tok.lower_ == "of" and doc[i - 1].lower_.rstrip(".") in under:
            break  # "a senior lieutenant of Osama bin Laden": the title is another's, held under him
        other = ctx.at(i)
        if other is not None:
            return titled, other, " ".join(t.lower_ for t in doc[i + 1 : c.start])
        word = tok.lower_.rstrip(".")
        titled = titled or (
            (word in titles or word.removesuffix("s") in titles)  # "deputy prime ministers X and Y"
            and not _sports_rank(ctx, tok)
        )
        hyphen = tok.text == "-" and not tok.whitespace_ and not doc[i - 1].whitespace_
        if (tok.is_punct and not hyphen) or (
            not tok.is_punct
            and tok.pos_ not in ("PROPN", "NOUN", "ADJ")
            and tok.lower_ != "of"
            and tok.text not in POSSESSIVE  # "Olmert's spokeswoman Miri Eisin"
            and not _inside_title(ctx, i)
        ):
            break
        i -= 1
    heads = descriptor_heads(ctx, c)
    subtree = [t for h in heads for t in h.subtree]
    words = [t.lower_ for t in doc[i + 1 : c.start]] + [t.lower_ for t in subtree]
    # "Koichiro Matsuura, director-general of UNESCO": an office at an international body
    body = next((o for t in subtree if (o := ctx.at(t.i)) is not None and o.kind == "international"), None)
    titled = titled or any(h.lower_.removesuffix("s") in titles and not _sports_rank(ctx, h) for h in heads)
    after = _as_title(ctx, c)  # "the appointment of Roni Bar-On *as industry minister*"
    return titled or bool(after), body, " ".join(words + after)


def _as_title(ctx: RuleCtx, c: Candidate) -> list[str]:
    """The words of an office named after the name with "as" ("Olmert *as finance minister*", "Bar-On as
    industry, trade and employment minister"), or [] when no office title ends the phrase."""
    doc, titles = ctx.doc, ctx.rules.office_titles
    if c.end >= len(doc) or doc[c.end].lower_ != "as":
        return []
    words: list[str] = []
    for tok in doc[c.end + 1 : c.end + 9]:
        word = tok.lower_.rstrip(".")
        if word in titles and not _sports_rank(ctx, tok):
            return [*words, word]
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN", "CCONJ") and tok.text != ",":
            return []
        words.append(word)
    return []


def _inside_title(ctx: RuleCtx, i: int) -> bool:
    """Is token ``i`` a small word inside a capitalised title ("Minister of Health and
    Population", "Minister of State for the Environment"): the nearest other words on both sides
    capitalised, and neither part of an actor?"""
    sides = link_neighbours(ctx.doc, i)
    return sides is not None and all(
        ctx.doc[j].text.istitle() and ctx.at(j) is None  # "Senator Bob Smith and Gen. Peter Pace": two people
        for j in sides
    )


def _sports_rank(ctx: RuleCtx, tok: Token) -> bool:
    """A rank written lower-case ("captain Graeme Smith at mid-off", "Trescothick (capt)") is a
    team's captain, not an officer: military ranks are titles written with a capital. ("general"
    lower-case is part of an office: "general manager", "director general".)"""
    word = tok.lower_.rstrip(".")
    return tok.is_lower and word in ctx.rules.ranks and word != "general"


def foreign_office(ctx: RuleCtx, title: str) -> bool:
    """Is the title an office the dateline's country does not have ("secretary of state" under
    BAGHDAD, "vice premier" under WASHINGTON)? context.toml [dateline.national_offices] and
    [dateline.offices_absent]. An international word counts only before the portfolio ("UN envoy",
    "European Commissioner for Trade"; not "head of international economic relations")."""
    padded, home = f" {title} ", ctx.dateline_country
    office = re.split(r" (?:of|for) ", padded, maxsplit=1)[0]  # not "head of international relations"
    if any(w in ctx.rules.international_titles for w in office.split()):
        return True  # "European Commissioner Louis Michel" under MOGADISHU
    return any(
        f" {office} " in padded and home not in countries
        for office, countries in ctx.rules.national_offices.items()
    ) or any(
        f" {office} " in padded and home in countries
        for office, countries in ctx.rules.offices_absent.items()
    )
