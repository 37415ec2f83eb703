"""Country from context: the rules of ``extract/rules/actors/context.toml`` over one document.

Each rule looks at the words around a name the gazetteer did not give a country and, when it
finds a country, records how (``Candidate.source``): "based"/"born" participles after a place,
"of/from <place>" and appositives, an office at a body or place ("affiliation"), a place inside
an organisation's name ("part"), a comma-qualified place ("Beaumont, Texas"), and the dateline as
a weak default for office-holders and generic national bodies. The place gazetteer
(:mod:`extract.actors.places`) resolves places with the document's countries as context.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from extract.actors.columns import span_text, token_columns
from extract.actors.context_rules import load_context_rules
from extract.actors.data import ROLE_CAPITAL, ROLE_CITY, ROLE_DEMONYM, Gazetteer, norm_key
from extract.actors.find import Candidate
from extract.actors.lineups import lineup_countries
from extract.actors.located import capital_places, framed_places, listed_places, local_places, located_places
from extract.actors.places import DOMINANCE, PlaceIndex
from extract.actors.relations import of_place, shared_title
from extract.actors.rulectx import RuleCtx, descriptor_heads, lender
from extract.actors.weak import (
    dateline_defaults,
    dateline_is_home,
    dateline_places_lead,
    generic_bodies,
    home_outlets,
    home_possessed,
    listed_companies,
    local_bodies,
)

__all__ = ["apply_context_rules", "document_context", "resolve_places"]

MAJOR_PLACE_WEIGHT = 1_000_000
MIN_PART_WEIGHT = 100_000  # a place inside an organisation's name must be this notable ("Texas", not "Queen")


def _participles(ctx: RuleCtx) -> Iterable[tuple[Token, str]]:
    """Tokens that are a "based"/"born" word, with their rule name; found by comparing the
    document's lowercase-form array with the words' hashes (no Python visit of every token, and
    no ``doc.text``, which spaCy rebuilds on each call)."""
    doc = ctx.doc
    words = ctx.rules.based | ctx.rules.born
    if words.isdisjoint(token_columns(doc)[1]):
        return  # most stories have none: one set test on the lowercase column
    wanted = [doc.vocab.strings.add(w) for w in words]
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted)):
        if i >= 1:
            tok = doc[int(i)]
            yield tok, "based" if tok.lower_ in ctx.rules.based else "born"


def _based_born(ctx: RuleCtx) -> None:
    """ "California-based HP", "the Lyon-born chef Paul Martin": the place before the participle."""
    doc = ctx.doc
    for tok, source in _participles(ctx):
        place_i = tok.i - 2 if doc[tok.i - 1].text == "-" else tok.i - 1
        place = ctx.at(place_i) if place_i >= 0 else None
        if place is None or place.country is None or place.kind == "person":
            continue
        for target in _described(ctx, tok):
            if target.kind not in ("place", "international") and lender(place, target):
                target.give_country(place.country, source)


def _described(ctx: RuleCtx, tok: Token) -> Iterable[Candidate]:
    """Actors a modifier token describes: the name it modifies, the name right after the common
    noun it modifies ("the Lyon-born chef Paul Martin"), or the name a described common noun is
    an appositive of ("Sergei Kovalev, director of a Moscow-based rights group")."""
    head = tok.head
    for _ in range(ctx.rules.max_depth + 1):
        found = ctx.at(head.i)
        if found is not None:
            yield found
            return
        after = ctx.at(head.i + 1) if head.pos_ == "NOUN" and head.i + 1 < len(ctx.doc) else None
        if after is not None and tok.i < head.i:
            yield after
            return
        before = ctx.at(head.i - 1) if head.pos_ == "NOUN" and tok.i < head.i - 1 else None
        if before is not None and before.kind in ("media", "organisation") and before.end == head.i:
            yield before  # "the London-based Al-Hayat newspaper": the name the noun is named by
            return
        if head.dep_ == "appos" or head.head is head:
            owner = ctx.at(head.head.i) if head.dep_ == "appos" else None
            if owner is not None:
                yield owner
            return
        head = head.head


def _affiliation(ctx: RuleCtx, c: Candidate) -> None:
    """A country, place or body with a country inside an appositive, breadth first, through
    modifiers and the prepositions of context.toml [affiliation]; demonyms count. Beyond
    ``max_depth``, two more steps of an "of" chain may reach a country or demonym ("commander of
    the 10th Battalion of the Bangladeshi peacekeeping troops"). A place reached through a
    preposition in an appositive that names an international body gives nothing."""
    preps = ctx.rules.affiliation_prepositions
    for head in descriptor_heads(ctx, c):
        if c.kind == "person" and _bracketed_place(ctx, c, head):
            continue  # "Hernan Crespo (Inter Milan)" in a list of scorers: the club's city
        queue: deque[tuple[Token, int, bool]] = deque([(head, 0, False)])
        while queue:
            tok, depth, clause = queue.popleft()
            other = lender(ctx.at(tok.i), c)
            # deep in an "of" chain, only a country; in a relative clause, only where one lives or
            # comes from ("who lives in Kenya"), not where one did something ("who came second at
            # Skate Canada")
            wanted = ("country",) if depth > ctx.rules.max_depth else ("country", "place") if clause else None
            if other is not None and other.kind != "region" and (wanted is None or other.kind in wanted):
                direct = depth <= 1 or (other.entry is not None and other.entry.role == ROLE_DEMONYM)
                if not direct and _international_in(ctx, head):
                    return  # "Filipo Grandi, coordinator in eastern Zaire for the UN refugee agency"
                if other.kind == "organisation" and head.lower_ in ctx.gaz.player_roles:
                    return  # "Red Sox lefthander Hideki Okajima" read as an appositive: a club's player
                c.give_country(other.country, "appositive" if direct else "affiliation")
                return
            at = ctx.at(tok.i)
            if depth >= ctx.rules.max_depth + _DEEP_OF or (
                tok is not head and at is not None and at.kind != "region"
            ):
                continue  # (a region lends nothing and hides nothing: "General Motors Asia head")
            for ch in tok.children:
                if depth >= ctx.rules.max_depth and not _of_chain(ch):
                    continue  # deeper, only "of" phrases and their modifiers, for a country
                if ch.dep_ == "prep" and (
                    ch.lower_ not in preps or (clause and ch.lower_ not in _CLAUSE_PREPS)
                ):
                    continue
                if ch.dep_ in ("relcl", "acl", "advcl", "conj", "cc", "punct", "appos") and tok is not head:
                    continue
                queue.append((ch, depth + 1, clause or ch.dep_ in ("relcl", "acl", "advcl")))


def _bracketed_place(ctx: RuleCtx, c: Candidate, head: Token) -> bool:
    """Is the appositive a bare place in brackets right after a person's name ("Mario Frick
    (Siena)")? In sports copy that is the club, not the person's country."""
    doc, other = ctx.doc, ctx.at(head.i)
    return (
        c.end + 1 < len(doc)
        and doc[c.end].text == "("
        and other is not None
        and other.kind in ("place", "country")
        and other.start == c.end + 1
        and other.end < len(doc)
        and doc[other.end].text == ")"
    )


_CLAUSE_PREPS = frozenset({"in", "from"})
_DEEP_OF = 2  # "commander of the 10th Battalion of the Bangladeshi peacekeeping troops"


def _of_chain(tok: Token) -> bool:
    """A step of an "of" chain: the preposition "of", its object, a modifier or a conjunct noun."""
    return (tok.dep_ == "prep" and tok.lower_ == "of") or tok.dep_ in ("pobj", "amod", "compound", "conj")


def _international_in(ctx: RuleCtx, head: Token) -> bool:
    """Does the appositive name an international body? Then a place it names is where the person
    works for that body, not the person's country."""
    return any((o := ctx.at(t.i)) is not None and o.kind == "international" for t in head.subtree)


def _part(ctx: RuleCtx, c: Candidate, context: frozenset[str]) -> None:
    """A notable place at the start of an organisation's name ("Texas A&M University") or after its
    last "of" ("Church of England"): one of the document's countries, or a major place (a
    division or a city of a million); a town abroad is weak evidence ("Moro Islamic Liberation
    Front" is Filipino, Moro a Pakistani town)."""
    if c.kind != "organisation" or c.end - c.start < 2 or norm_key(c.actor).endswith(ctx.gaz.about_suffixes):
        return
    words = [t.text for t in ctx.doc[c.start : c.end]]
    of = max((k for k, w in enumerate(words) if w == "of"), default=0)
    names = [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)]
    if 0 < of < len(words) - 1:
        names.insert(0, " ".join(words[of + 1 :]))  # "Church of England", "University of Texas"
    for name in names:
        weight = ctx.places.weight(name)
        if weight >= MIN_PART_WEIGHT:
            country = ctx.places.country(name, context)
            if country in context or weight >= MAJOR_PLACE_WEIGHT:
                c.give_country(country, "part")
            return


def _legal_form(ctx: RuleCtx, c: Candidate) -> None:
    """A company named with a legal form only one country's law has ("PT Telcom", "Maju Sdn Bhd",
    "OAO Gazprom") is of that country (context.toml [legal_forms])."""
    if c.kind != "organisation" or c.end - c.start < 2:
        return
    words = token_columns(ctx.doc)[0][c.start : c.end]
    country = ctx.rules.legal_prefixes.get(words[0])
    for k in range(1, min(len(words), 5)):
        country = country or ctx.rules.legal_suffixes.get(" ".join(words[-k:]))
    if country is not None:
        c.give_country(country, "part")


def _comma_place(ctx: RuleCtx, c: Candidate) -> None:
    """ "Beaumont, Texas": a place followed by a comma and a country or a first-level division that
    ends the phrase takes that country (not in lists: "Paris, London and Berlin"; not a demonym:
    "... and Abkhazia, Russian officials said")."""
    doc, i = ctx.doc, c.end
    if c.kind != "place" or i + 1 >= len(doc) or doc[i].text != ",":
        return
    other = ctx.at(i + 1)
    if other is None or other.start != i + 1 or other.country is None:
        return
    after = doc[other.end] if other.end < len(doc) else None
    if after is not None and (after.lower_ in ("and", "or") or (after.text == "," and ctx.at(after.i + 1))):
        return
    is_division = other.kind == "place" and ctx.places.weight(span_text(doc, other.start, other.end)) >= 10**6
    role = other.entry.role if other.entry is not None else None
    if (
        (other.kind == "country" and role not in (ROLE_CAPITAL, ROLE_CITY, ROLE_DEMONYM))
        or is_division
        or role == ROLE_CAPITAL
    ):
        c.country, c.source = other.country, "appositive"


def _located(ctx: RuleCtx, c: Candidate) -> None:
    """ "Queen Mary College in London": an institution (context.toml [located]) followed by
    "in <place>" is in that place's country."""
    doc, i = ctx.doc, c.end
    if c.kind != "organisation" or doc[c.end - 1].lower_ not in ctx.rules.institutions:
        return
    if i + 1 < len(doc) and doc[i].lower_ == "in":
        other = lender(ctx.at(i + 1), c)
        if other is not None and other.kind in ("country", "place"):
            c.give_country(other.country, "appositive")


def document_context(cands: list[Candidate], dateline_country: str | None) -> frozenset[str]:
    """The countries a document is about: the countries, capitals and known places it names
    ("England" for "Essex"), and its dateline's."""
    named = {
        c.country
        for c in cands
        if c.country and c.source in ("name", "place") and c.kind in ("country", "place", "region")
    }
    return frozenset(named | ({dateline_country} if dateline_country else set()))


def resolve_places(
    places: PlaceIndex, cands: list[Candidate], context: frozenset[str], doc: Doc | None = None
) -> None:
    """Places and regions without a country get one from the place gazetteer; given the parsed
    ``doc``, a name several countries have takes the one its coordinated places share ("between
    Oxford and Cambridge universities" in a story naming Canada: GBR, not the Canadian city)."""
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    border = load_context_rules().border_heads
    for c in cands:
        if c.country is None and c.kind in ("place", "region") and c.entry is None:
            on_border = doc is not None and c.end < len(doc) and doc[c.end].lower_ in border
            if on_border and len(places.candidates(c.actor)) > 1:
                continue  # "the Rafah crossing": a town on both sides of a border
            shared = _shared_country(places, doc, by_token, c) if doc is not None else None
            c.give_country(shared or places.country(c.actor, context), "place")


def _shared_country(places: PlaceIndex, doc: Doc, by_token: dict[int, Candidate], c: Candidate) -> str | None:
    """The country that a place name several countries have shares with every place it is
    coordinated with (their own code, or the countries their names can mean): the only one, or
    the one whose weakest place outweighs the next country's five times."""
    own = {iso3 for iso3, _ in places.candidates(c.actor)}
    if len(own) < 2:
        return None
    root = doc[c.start : c.end].root
    first = root.head if root.dep_ == "conj" else root
    near = [t.i for t in (first, *first.conjuncts)]
    if c.start >= 2 and doc[c.start - 1].lower_ in ("and", "or"):
        near.append(c.start - 2)  # "between Oxford and Cambridge universities" (parsed as compounds)
    if c.end + 1 < len(doc) and doc[c.end].lower_ in ("and", "or"):
        near.append(c.end + 1)
    others = {
        id(o): o
        for i in near
        if (o := by_token.get(i)) is not None
        and o is not c
        and o.kind != "person"
        and o.kind != "international"
    }
    if not others:
        return None
    weights = dict(places.candidates(c.actor))  # country -> the weakest of the group's places there
    for o in others.values():
        theirs = {o.country: MAJOR_PLACE_WEIGHT} if o.country else dict(places.candidates(o.actor))
        weights = {k: min(w, theirs[k]) for k, w in weights.items() if k in theirs}
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or (ranked and ranked[0][1] >= DOMINANCE * ranked[1][1]):
        return ranked[0][0]
    return None


def apply_context_rules(
    doc: Doc,
    gaz: Gazetteer,
    places: PlaceIndex,
    cands: list[Candidate],
    dateline_country: str | None,
    after_appositives: Callable[[], None],
    capital_country: str | None = None,
) -> None:
    """Run the context rules in order over a document's candidates (mutated in place).

    ``after_appositives`` is the same-actor propagation, run before the dateline default so that
    a country stated once is preferred to the dateline's everywhere; ``capital_country`` is the
    dateline's country when the dateline is its capital ("the capital's Mathare slums").
    """
    ctx = RuleCtx(
        doc,
        gaz,
        places,
        load_context_rules(),
        cands,
        {i: c for c in cands for i in range(c.start, c.end)},
        dateline_country,
    )
    context = document_context(cands, dateline_country)
    for c in cands:
        _comma_place(ctx, c)
    located_places(doc, ctx.rules, gaz.place_nouns, ctx.by_token, cands, places, context)
    listed_places(doc, ctx.by_token, cands)
    framed_places(doc, ctx.rules, gaz.place_nouns, cands)
    if capital_country is not None and dateline_is_home(ctx):
        capital_places(doc, ctx.rules, cands, capital_country)
    _based_born(ctx)
    lineup_countries(doc, cands)
    generic_bodies(ctx)
    local_bodies(ctx)
    for c in cands:
        if c.country is None and c.kind == "organisation":
            _located(ctx, c)  # before the people whose appositive names the institution
    for c in cands:
        if c.country is None and c.kind in ("person", "organisation", "media"):
            shared_title(ctx, c)
            of_place(ctx, c)
            if c.country is None:
                _affiliation(ctx, c)
            if c.country is None:
                _part(ctx, c, context)
            if c.country is None:
                _legal_form(ctx, c)
    after_appositives()
    dateline_defaults(ctx)
    home_outlets(ctx)
    home_possessed(ctx)
    listed_companies(ctx)
    if dateline_country is not None and dateline_is_home(ctx) and dateline_places_lead(ctx):
        local_places(doc, ctx.rules, gaz.place_nouns, cands, dateline_country)
