"""Resolve candidate spans into canonical actors within one document.

- capitals: the government (kind country) as an agent, a place in a locative phrase;
- short person mentions merge into the full name they start or end ("Yoon" -> "Yoon Suk Yeol"),
  NER mislabels of such short names are fixed; curated one-word names of well-known people;
- an organisation followed by "(ACRONYM)", or its first word, later means the same organisation
  (:mod:`extract.actors.orgnames`);
- a country, demonym, place or organisation in the title phrase before a name, or a possessive /
  demonym / "of <country>" in an appositive after it, gives the name its country ("Chinese
  President Xi Jinping" -> CHN); a demonym that modifies a name is folded into it, otherwise it
  stands for its country ("French troops" -> France); a person keeps their country everywhere.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.actors.acronyms import join_defined_names
from extract.actors.columns import span_text, token_columns
from extract.actors.context import apply_context_rules, document_context, resolve_places
from extract.actors.context_rules import load_context_rules
from extract.actors.coordination import coordinated_demonyms, shared_surnames
from extract.actors.cues import elided_countries, places_named_as_people
from extract.actors.data import ROLE_CAPITAL, ROLE_DEMONYM, Gazetteer
from extract.actors.find import POSSESSIVE, Candidate
from extract.actors.kinds import correct_kinds, soften_names, title_places, whole_word_places
from extract.actors.located import drop_type_words, short_place_forms
from extract.actors.nerfix import appositive_people, demonym_bodies, surname_full_names
from extract.actors.orgnames import keep_possessives_whole, merge_organisations, repeated_names
from extract.actors.outlets import outlet_names
from extract.actors.places import load_places
from extract.actors.predicates import predicate_demonyms
from extract.actors.routes import route_places
from extract.actors.spelling import one_edit
from extract.actors.titlephrase import modifier_country, usable

_LOCATIVE_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})


def _text(doc: Doc, c: Candidate) -> str:
    return span_text(doc, c.start, c.end)


def _role(c: Candidate) -> str | None:
    return c.entry.role if c.entry is not None else None


def is_locative(tok: Token, gaz: Gazetteer) -> bool:
    """Is this (capital) token used as a place rather than for its government?"""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in gaz.locative:
        return True
    if tok.dep_ in _LOCATIVE_DEPS:
        return tok.head.lower_ not in gaz.government_nouns
    # dateline: "SEOUL, Nov 16 (Yonhap) --"
    return tok.is_upper and len(tok) > 2 and tok.is_sent_start is True


def resolve_capitals(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> None:
    """A capital in a locative phrase becomes a place named as written, in its country; elsewhere the
    seat of a body the document names stands for that body ("Brussels rejected the French plan" in a
    story on the European Commission: the EU, not Belgium; places.toml [body_seats])."""
    bodies = {c.actor for c in cands}
    for c in cands:
        if c.entry is None or c.entry.role != ROLE_CAPITAL:
            continue
        if is_locative(doc[c.end - 1], gaz):
            c.kind = "place"
            c.actor = _text(doc, c).title() if doc[c.start].is_upper else _text(doc, c)
        elif gaz.body_seats.get(_text(doc, c)) in bodies:
            c.actor, c.kind, c.country, c.source = gaz.body_seats[_text(doc, c)], "international", None, None


def _is_country(other: Candidate | None) -> bool:
    return other is not None and other.kind == "country" and other.country is not None


def _apposition_country(doc: Doc, c: Candidate, by_token: dict[int, Candidate]) -> Candidate | None:
    """ "Kim Min-sung of South Korea": a country after "of" right after a person's name. (Other
    appositives are read by the affiliation rule in :mod:`extract.actors.context`, nearest
    first: "X, a US citizen of Chinese origin" is American.)"""
    if c.kind != "person":
        return None
    for child in (ch for tok in doc[c.start : c.end] for ch in tok.children):
        if child.i >= c.end and child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                other = by_token.get(obj.i)
                if obj.dep_ == "pobj" and _is_country(other):
                    return other
    return None


def _office_at_body(
    doc: Doc, gaz: Gazetteer, c: Candidate, by_token: dict[int, Candidate]
) -> Candidate | None:
    """ "Vice President Director of PT Telcom, Garuda Sugardo": a person named after the body of an
    office ("<title> of/at <body>, <name>") holds it there, and takes the body's country."""
    if c.kind != "person" or c.start < 3 or token_columns(doc)[0][c.start - 1] != ",":
        return None  # the name follows the body after a comma
    root = doc[c.start : c.end].root
    head = root.head
    if root.dep_ != "appos" or head.i >= c.start or head.dep_ != "pobj":
        return None
    body = by_token.get(head.i)
    prep = head.head
    if body is None or body.kind not in ("organisation", "media") or not usable(body):
        return None
    if prep.lower_ not in ("of", "at") or prep.head.lower_.rstrip(".") not in gaz.titles:
        return None
    return body


def _appositive_end(root: Token, c: Candidate, by_token: dict[int, Candidate]) -> list[int]:
    """Where the title phrase of the noun a name is an appositive of ends: "our German colleague,
    Peer Steinbrueck"; through an actor in a prepositional phrase ("Russia's top negotiator in
    Chechnya, Ivan Rybkin"); not an actor itself ("the NYSE, chief executive Axel Miller said")."""
    head = root.head
    if root.dep_ != "appos" or head.i >= c.start:
        return []
    if head.i not in by_token:
        return [head.i + 1]
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("NOUN", "PROPN"):
        return [head.head.head.i + 1]
    return []


def _possessor_place(doc: Doc, c: Candidate, by_token: dict[int, Candidate]) -> Candidate | None:
    """The country or place with a code whose possessive stands right before ``c``, a name of two
    words or more ("Pyongyang's Sun-an Airport"; not "China's Olympic diving champion")."""
    if c.start < 2 or c.end - c.start < 2 or doc[c.start - 1].text not in POSSESSIVE:
        return None
    owner = by_token.get(c.start - 2)
    return (
        owner
        if owner is not None and owner.country is not None and owner.kind in ("country", "place")
        else None
    )


def _club_player(doc: Doc, gaz: Gazetteer, mod: Candidate, c: Candidate) -> bool:
    """Is ``mod`` a club in front of a player's position ("Tampa Bay Devil Rays infielder Akinori
    Iwamura")? A club fields players from anywhere: it lends no country (people.toml player_roles)."""
    if c.kind != "person" or mod.kind != "organisation" or not mod.end <= c.start:
        return False
    return any(t.lower_ in gaz.player_roles for t in doc[mod.end : c.start])


def attribute_countries(doc: Doc, gaz: Gazetteer, cands: list[Candidate], people_only: bool = False) -> None:
    """Give people and organisations the country named in their title phrase or appositive, and a
    place no gazetteer placed the country of a possessive before it ("at Pyongyang's Sun-an
    Airport"); fold demonyms that modify a name into it. ``people_only``: a second pass over the
    people still without a code, once the context rules have placed the bodies of their title
    phrases ("acting town clerk of Kampala City Council (KCC) Ruth Kijjambu")."""
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    for c in cands:
        if people_only and (c.kind != "person" or c.country is not None):
            continue
        if c.kind == "place" and c.country is None and c.entry is None:
            owner = _possessor_place(doc, c, by_token)
            if owner is not None:
                c.give_country(owner.country, "title")
            continue
        if c.kind not in ("person", "organisation"):
            continue
        root = doc[c.start : c.end].root
        ends = [c.start] + _appositive_end(root, c, by_token)
        mod = next((m for m in (modifier_country(doc, gaz, e, by_token) for e in ends) if m), None)
        if mod is None and c.country is None:
            mod = _apposition_country(doc, c, by_token)
            body = None if mod is not None else _office_at_body(doc, gaz, c, by_token)
            if body is not None:
                c.give_country(body.country, "affiliation")
                continue
        if mod is None or _club_player(doc, gaz, mod, c):
            continue
        c.give_country(mod.country, "title" if mod.end <= c.start else "appositive")
        if _role(mod) == ROLE_DEMONYM and mod.country == c.country:
            mod.absorbed = True


def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(name.split())


_PARTICLES = ("al-", "el-", "ad-", "as-", "an-", "ash-", "at-", "az-")


def _strip_particle(token: str) -> str:
    """'al-Zawahiri' -> 'Zawahiri': Arabic names are shortened without the article."""
    low = token.lower()
    for p in _PARTICLES:
        if low.startswith(p) and len(token) > len(p) + 1:
            return token[len(p) :]
    return token


def _pick(full: list[tuple[str, int]], position: int, relatives: frozenset[str] = frozenset()) -> str | None:
    """Among full names (name, first position) pick the nearest one mentioned before ``position``;
    names introduced as a relative ("Bush's wife Laura Bush") only when no other one is."""
    if len({n for n, _ in full}) == 1:
        return full[0][0]
    before = [(p, n) for n, p in full if p < position]
    main = [(p, n) for p, n in before if n not in relatives]
    return max(main or before)[1] if before else None


def _relatives(doc: Doc, gaz: Gazetteer, first_seen: dict[str, int]) -> frozenset[str]:
    """Full names first mentioned right after a relation word ("his wife Laura Bush")."""
    return frozenset(
        name
        for name, pos in first_seen.items()
        if any(t.lower_ in gaz.relatives for t in doc[max(0, pos - 2) : pos])
    )


def merge_people(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """Short person mentions take the full name they abbreviate; fix NER mislabels of them."""
    first_seen: dict[str, int] = {}
    for c in cands:
        if c.kind == "person" and len(_name_tokens(c.actor)) >= 2:
            first_seen.setdefault(c.actor, c.start)
    # "De Boer" is a short form of "Yvo de Boer", not a full name of its own
    ends = {
        tuple(t.lower() for t in _name_tokens(n)[-k:]) for n in first_seen for k in range(1, len(n.split()))
    }
    first_seen = {
        n: p for n, p in first_seen.items() if tuple(t.lower() for t in _name_tokens(n)) not in ends
    }
    index: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    for name, pos in first_seen.items():
        toks = _name_tokens(name)
        for k in range(1, len(toks)):
            index.setdefault(toks[:k], []).append((name, pos))
            index.setdefault(toks[-k:], []).append((name, pos))
            if toks[-k][:1].islower():  # "De Boer" at a sentence start for "Yvo de Boer"
                index.setdefault((toks[-k][:1].upper() + toks[-k][1:], *toks[-k + 1 :]), []).append(
                    (name, pos)
                )
        bare = _strip_particle(toks[-1])
        if bare != toks[-1]:
            index.setdefault((bare,), []).append((name, pos))  # "al-Zawahiri" -> "Zawahiri"
    for c in cands:
        # "Putin said": a curated one-word name of a well-known person, unless the document
        # names someone else with that word
        known = gaz.known_short.get(c.actor) if c.label == "PERSON" and c.start + 1 == c.end else None
        if known is not None and (c.actor,) not in index:
            c.actor, c.country, c.entry, c.source = known.actor, known.country, known, "name"
    places_named_as_people(doc, cands)
    if not index:
        return cands
    relatives = _relatives(doc, gaz, first_seen)
    covered = {i for c in cands for i in range(c.start, c.end)}
    out: list[Candidate] = []
    for c in cands:
        key = _name_tokens(c.actor)
        if key in index and (c.kind == "person" or (c.entry is None and c.label != "PERSON")):
            target = _pick(index[key], c.start, relatives)
            if target is not None:
                c.actor, c.kind, c.country, c.source = target, "person", None, None
        elif len(key) == 1 and c.entry is None and c.label in ("PERSON", "ORG", "GPE"):
            target = _misspelt_surname(key[0], first_seen, doc)
            if target is not None:  # "Foreign Minister Taro Aso ... Asao said" (NER: an organisation)
                c.actor, c.kind, c.country, c.source = target, "person", None, None
        out.append(c)
    out.extend(_missed_names(doc, first_seen, index, covered, relatives))
    out.sort(key=lambda c: c.start)
    return out


def _misspelt_surname(word: str, first_seen: dict[str, int], doc: Doc) -> str | None:
    """The one full name of the document whose last word ``word`` misspells by one edit, when no
    word of another full name is that close ("Asao" for "Taro Aso"; "Chang" stays alone beside
    "John Chan" and "Lien Chan"), and the document does not write ``word`` more often than that last
    word (then the full name is the slip: "Charles Million" once, "Millon" four times)."""
    close = {n for n in first_seen for w in n.split() if one_edit(word.casefold(), w.casefold())}
    if len(close) != 1:
        return None
    full = next(iter(close))
    last = full.split()[-1].casefold()
    if not one_edit(word.casefold(), last):
        return None
    written = [t.lower_ for t in doc if t.lower_ in (word.casefold(), last)]
    return full if written.count(word.casefold()) <= written.count(last) else None


def _missed_names(
    doc: Doc,
    first_seen: dict[str, int],
    index: dict[tuple[str, ...], list[tuple[str, int]]],
    covered: set[int],
    relatives: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Person names NER missed altogether ("Yoon said ...", a headline's "Xi Jinping")."""
    out: list[Candidate] = []
    names = {_name_tokens(n): n for n in first_seen}
    longest = max(len(k) for k in names)
    firsts = {k[0] for k in names}
    texts, _, _, proper = token_columns(doc)
    i, n = 0, len(texts)
    full: str | None
    while i < n:
        if i in covered or not proper[i]:
            i += 1
            continue
        span = (
            next((k for k in range(min(longest, n - i), 0, -1) if tuple(texts[i : i + k]) in names), 0)
            if texts[i] in firsts
            else 0
        )
        if span:
            full = names[tuple(texts[i : i + span])]
        else:
            span, full = 1, (_pick(index[(texts[i],)], i, relatives) if (texts[i],) in index else None)
        if full is not None and all(j not in covered for j in range(i, i + span)):
            out.append(Candidate(i, i + span, full, "person", None, label="PROPN"))
        i += span
    return out


def propagate_countries(cands: list[Candidate]) -> None:
    """Everyone (and every place) with the same canonical name gets the country any one mention
    gave them."""
    known: dict[tuple[str, str], str] = {}
    for c in cands:
        if c.country is not None and c.kind in ("person", "organisation", "place"):
            known.setdefault((c.actor, c.kind), c.country)
    for c in cands:
        c.give_country(known.get((c.actor, c.kind)), "same")


def resolve(
    doc: Doc,
    gaz: Gazetteer,
    cands: list[Candidate],
    dateline_country: str | None = None,
    capital_country: str | None = None,
) -> list[Candidate]:
    """Run every resolution step; returns the candidates that are actor mentions.

    ``dateline_country`` is the country of the document's dateline, a weak default for
    office-holders and generic national bodies (``context.toml``); ``capital_country`` is it too
    when the dateline is that country's capital ("the capital's Mathare slums" under NAIROBI).
    """
    places = load_places()
    resolve_capitals(doc, gaz, cands)
    cands = route_places(doc, whole_word_places(doc, places, elided_countries(doc, gaz, cands)))
    cands = coordinated_demonyms(doc, gaz, demonym_bodies(doc, gaz, cands, load_context_rules().body_heads))
    correct_kinds(doc, gaz, places, cands)
    cands = outlet_names(doc, cands)
    soften_names(doc, gaz, cands)
    cands = merge_people(doc, gaz, surname_full_names(doc, gaz, appositive_people(doc, gaz, cands)))
    cands = shared_surnames(doc, cands)
    cands = merge_organisations(
        doc,
        join_defined_names(doc, gaz, repeated_names(doc, cands)),
        gaz.short_suffixes,
        lambda name: places.weight(name) > 0,
    )
    keep_possessives_whole(cands)
    drop_type_words(doc, load_context_rules(), cands)
    short_place_forms(doc, load_context_rules(), cands)
    context = document_context(cands, dateline_country)
    resolve_places(places, cands, context, doc)
    cands = title_places(doc, places, cands, context)
    attribute_countries(doc, gaz, cands)
    predicate_demonyms(doc, load_context_rules(), cands)

    def after_appositives() -> None:
        attribute_countries(doc, gaz, cands, people_only=True)
        propagate_countries(cands)

    apply_context_rules(doc, gaz, places, cands, dateline_country, after_appositives, capital_country)
    propagate_countries(cands)
    return [c for c in cands if not c.absorbed]
