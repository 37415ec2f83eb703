"""Where an unknown place lies, from the words after it (context.toml [place_in]).

- "Jabalia refugee camp in northern Gaza Strip", "the town of Beit Hanoun in the Gaza Strip":
  a place followed (after its place noun) by "in/near/outside [the] [northern] <place>", after a
  comma only with a compass word ("the town of Wuyin, in southern Guangdong province");
- "Kibera slums, south of Nairobi", "Fontana, some 80 km east of Los Angeles": by
  "[,] [N km] <compass> of <place>";
- "the Sydney suburb of Auburn": a place before "<place noun> of";
- "Shishou City of Hubei Province": the known place after "of" in the name;
- "in Rangoon, Mandalay, Sittwe and two other cities": a name listed with places of one country;
- "the capital's Mathare slums": "the capital" is the dateline's city when it is a capital;
- "the northwestern town Balakot": a small place named with a compass adjective lies in the
  country the story last named (by its name) before it;
- "the Al-Kindi hospital", "the village of Maipon" with no other clue: the dateline's country,
  as a weak default, while the dateline is the document's main country.

Small places (slums, camps, villages, temples) are in no library; the words around them say
where they are. Only places without a country are touched, and only by a place, region or
country named right there, so a foreign place keeps no dateline code.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import sentence_starts, token_columns
from extract.actors.context_rules import ContextRules
from extract.actors.cues import after_place_noun, place_noun_of
from extract.actors.data import ROLE_COUNTRY
from extract.actors.find import POSSESSIVE, Candidate
from extract.actors.kinds import place_head_end
from extract.actors.places import PlaceIndex
from extract.actors.routes import ROUTE_LABEL

__all__ = [
    "capital_places",
    "drop_type_words",
    "framed_places",
    "listed_places",
    "local_places",
    "located_places",
    "short_place_forms",
]

_HOSTS = frozenset({"place", "region", "country"})


def _host_at(doc: Doc, rules: ContextRules, by_token: dict[int, Candidate], i: int) -> Candidate | None:
    """The place, region or country with a code that starts at token ``i`` after optional
    qualifiers ("the", "northern")."""
    while i < len(doc) and doc[i].lower_ in rules.qualifiers and by_token.get(i) is None:
        i += 1
    host = by_token.get(i)
    if host is None or host.start != i or host.country is None or host.kind not in _HOSTS:
        return None
    return host


def _after_place(
    doc: Doc, rules: ContextRules, by_token: dict[int, Candidate], c: Candidate
) -> Candidate | None:
    """The place named after ``c`` by "in <place>" or "[,] [N km] <compass> of <place>"."""
    i = place_head_end(doc, c.end)
    comma = i < len(doc) and doc[i].text == ","
    i += 1 if comma else 0
    if i + 1 >= len(doc):
        return None
    if doc[i].lower_ in rules.place_prepositions and (not comma or _compass_word(doc, rules, i + 1)):
        return _host_at(doc, rules, by_token, i + 1)  # "the town of Wuyin, in southern Guangdong province"
    if doc[i].lower_ in ("some", "about", "around") and i + 1 < len(doc) and doc[i + 1].like_num:
        i += 1
    if doc[i].like_num and i + 1 < len(doc) and doc[i + 1].lower_ in rules.units:
        i += 2
    if i + 1 < len(doc) and doc[i].lower_ in rules.compass and doc[i + 1].lower_ == "of":
        return _host_at(doc, rules, by_token, i + 2)
    return None


def _compass_word(doc: Doc, rules: ContextRules, i: int) -> bool:
    """Is token ``i`` a compass qualifier ("southern"; not "the")? After a comma, "in" locates the
    place before it only with one ("Wuyin, in southern Guangdong"; not "Paris, in the spring")."""
    return i < len(doc) and doc[i].lower_ in rules.qualifiers and doc[i].lower_ != "the"


def _before_place(
    doc: Doc, place_nouns: frozenset[str], by_token: dict[int, Candidate], c: Candidate
) -> Candidate | None:
    """The place named before ``c`` in "the Sydney suburb of Auburn", "China's province of X",
    "Georgia's breakaway regions of South Ossetia and Abkhazia" (adjectives crossed, conjuncts
    included)."""
    noun = place_noun_of(doc, place_nouns, c.start, c.end)
    if noun is None:
        return None
    owner = next((ch.i for ch in noun.children if ch.dep_ == "poss" and ch.i < noun.i), None)
    j = noun.i - 1
    while j > 0 and doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN") and by_token.get(j) is None:
        j -= 1  # "breakaway", "southern"
    j = j - 1 if j >= 1 and doc[j].text in POSSESSIVE else j
    host = by_token.get(owner if owner is not None else j)
    return host if host is not None and host.country is not None and host.kind in _HOSTS else None


_TOWN_WORDS = frozenset(
    {"city", "county", "district", "town", "township", "village", "prefecture", "municipality"}
)


def _of_place(places: PlaceIndex, context: frozenset[str], c: Candidate) -> str | None:
    """ "Shishou City of Hubei Province", "Xiangtan County of Hunan Province": a town named with
    its type word, then "of" and a known place; not a sea or gulf ("Gulf of Aden" spans two)."""
    head, of, tail = c.actor.rpartition(" of ")
    town = head.rsplit(" ", 1)[-1].lower() in _TOWN_WORDS
    return places.country(tail, context) if of and town and c.kind == "place" and tail[:1].isupper() else None


def located_places(
    doc: Doc,
    rules: ContextRules,
    place_nouns: frozenset[str],
    by_token: dict[int, Candidate],
    cands: list[Candidate],
    places: PlaceIndex,
    context: frozenset[str],
) -> None:
    """Unknown places take the country of the place they are said to be in or near; what the text
    says ("the Hillsborough stadium in England") beats the place gazetteer's guess (a US city)."""
    for c in cands:
        if c.entry is None and c.kind in ("place", "region") and (c.country is None or c.source == "place"):
            # what the text calls the place ("the Israeli town of Kfar Azza, east of Gaza") beats where it lies
            host = _before_place(doc, place_nouns, by_token, c) or _after_place(doc, rules, by_token, c)
            if host is not None and host is not c:
                c.country, c.source = host.country, "appositive"
            else:
                c.give_country(_of_place(places, context, c), "place")
    # what the text says of one mention beats the gazetteer's guess for the others of that name
    said = {c.actor: c.country for c in cands if c.kind in ("place", "region") and c.source == "appositive"}
    for c in cands:
        if c.source == "place" and c.actor in said:
            c.country, c.source = said[c.actor], "same"


def local_places(
    doc: Doc, rules: ContextRules, place_nouns: frozenset[str], cands: list[Candidate], country: str
) -> None:
    """The dateline as a weak default for small places named as such, with no other clue: "the
    Al-Kindi hospital", "the village of Maipon" under a home dateline (see ``context._dateline``)."""
    for c in cands:
        if c.country is not None or c.entry is not None or c.kind not in ("place", "region"):
            continue
        last = doc[c.end - 1]  # "Wangyu Village", "Capital Airport": the head is in the name
        own_head = c.end - c.start >= 2 and last.text[:1].isupper() and last.lower_ in rules.place_heads
        if c.kind == "region" and not own_head:
            continue
        c.kind = "place"  # "Jinja Road", a region to NER, is a place named as such
        if c.end < len(doc) and doc[c.end].lower_ in rules.border_heads:
            continue  # "the Kerem Shalom crossing" lies between two countries
        police = c.end < len(doc) and doc[c.end].is_lower and doc[c.end].lower_ in rules.police_words
        route = c.label == ROUTE_LABEL  # "the Puttalam-Anuradhapura highway"
        named = own_head or place_head_end(doc, c.end) > c.end or police or route  # "Johore police"
        if named or after_place_noun(doc, place_nouns, c.start, c.end):
            c.give_country(country, "dateline")


_LIST_JOINS = frozenset({",", "and", "or"})


def _enumeration(doc: Doc, by_token: dict[int, Candidate], c: Candidate) -> list[Candidate]:
    """The other names of the written list ``c`` stands in ("in Mandalay, Mawlamyine, Hpa-an,
    Taunggyi and Kyaing Tong"): names joined by commas, the last one after "and"/"or" (so "Tokyo
    and Osaka, Koizumi said" stops at Osaka; a comma alone is no list); the parse splits such
    lists at random."""
    last = c.start >= 1 and doc[c.start - 1].lower_ in ("and", "or")
    members, i = [c], c.start - 1
    while i >= 1 and (doc[i].lower_ == "," or (members[0] is c and last)):
        k = i - 1 - (doc[i].lower_ != "," and doc[i - 1].lower_ == ",")  # "A, B, and C"
        o = by_token.get(k)
        if o is None or o.end != k + 1:
            break
        members.insert(0, o)
        i = o.start - 1
    closed, j = last, c.end
    while not closed and j + 1 < len(doc) and doc[j].lower_ in _LIST_JOINS:
        k = j + 2 if doc[j].lower_ == "," and doc[j + 1].lower_ in ("and", "or") else j + 1
        o = by_token.get(k)
        if o is None or o.start != k:
            break
        closed = doc[k - 1].lower_ in ("and", "or")
        members.append(o)
        j = o.end
    return [o for o in members if o is not c] if closed else []


def listed_places(doc: Doc, by_token: dict[int, Candidate], cands: list[Candidate]) -> None:
    """ "in Rangoon, Mandalay, Sittwe and two other cities": a name no gazetteer knows, coordinated
    with two or more places of one country and none of another, is a place of that country (NER
    tags such names person at random; a name that is a person elsewhere in the document is kept).
    The list is read from the parse and from the written "A, B, C and D" (other unknown names of
    the list are no objection: "Taunggyi and Kyaing Tong" after three Myanmar towns)."""
    people = {c.actor for c in cands if c.kind == "person" and c.end - c.start > 1}
    for c in cands:
        listed_person = c.kind == "person" and c.end - c.start <= 2 and c.label == "PERSON"
        if c.country is not None or c.entry is not None or not (c.kind == "place" or listed_person):
            continue
        if any(p.endswith(" " + c.actor) or p.startswith(c.actor + " ") for p in people):
            continue
        root = doc[c.start : c.end].root
        chain = [root.head] if root.dep_ == "conj" else []
        chain += [t for t in (chain[0] if chain else root).conjuncts if t.i != root.i]
        parsed = {id(o): o for t in chain if (o := by_token.get(t.i)) is not None and o is not c}
        written = {id(o): o for o in _enumeration(doc, by_token, c)}
        others = {**parsed, **written}
        unknown = {k for k, o in others.items() if o.country is None and o.entry is None and k in written}
        if c.kind == "person" and c.end - c.start == 2 and not written:
            continue  # a two-word name only by the written list
        coded = [o for k, o in others.items() if k not in unknown]
        kinds = {o.kind for o in coded}
        countries = {o.country for o in coded}
        if (
            len(coded) >= 2
            and kinds <= {"place", "region"}
            and len(countries) == 1
            and None not in countries
            and all(
                o.kind in ("place", "person") and o.end - o.start <= 2
                for k, o in others.items()
                if k in unknown
            )
        ):
            c.kind = "place"
            c.give_country(next(iter(countries)), "place")


def capital_places(doc: Doc, rules: ContextRules, cands: list[Candidate], country: str) -> None:
    """ "the capital's Mathare slums", "the capital's Masaba hospital": in the dateline's country."""
    for c in cands:
        if (
            c.country is not None
            or c.entry is not None
            or c.kind not in ("place", "organisation")
            or c.start < 3
        ):
            continue
        the, capital, poss = doc[c.start - 3 : c.start]
        if the.lower_ == "the" and capital.lower_ in rules.capital_words and poss.text in POSSESSIVE:
            c.give_country(country, "dateline")


def drop_type_words(doc: Doc, rules: ContextRules, cands: list[Candidate]) -> None:
    """ "in southern Guangdong province": a division's type word written lower-case after its name
    ([place_in] type_words) is no part of the actor's name, so "Guangdong province" and
    "Guangdong" are one actor (the mention's text keeps the word)."""
    texts = token_columns(doc)[0]
    for c in cands:
        last = texts[c.end - 1]  # written lower-case: the columns' text as it stands
        if c.end - c.start >= 2 and last in rules.type_words and c.kind in ("place", "region"):
            c.actor = c.actor.removesuffix(last).rstrip() or c.actor


def short_place_forms(doc: Doc, rules: ContextRules, cands: list[Candidate]) -> None:
    """ "Bagram Air Base ... security at Bagram ... the Bagram prison": a one-word name NER tagged
    place or organisation that starts exactly one place of the document whose other words are
    place words ("air", "base", "refugee", "camp", "slums") is that place (actor and kind); its
    country comes with the place's (same-actor propagation)."""
    longs: dict[str, set[str]] = {}
    texts, lowers, _, _ = token_columns(doc)
    for c in cands:
        rest = lowers[c.start + 1 : c.end]
        if c.kind == "place" and rest and all(w in rules.short_form_words for w in rest):
            longs.setdefault(texts[c.start], set()).add(c.actor)
    if not longs:
        return
    for c in cands:
        owners = longs.get(texts[c.start], set()) if c.end - c.start == 1 else set()
        if c.entry is None and c.kind in ("place", "organisation") and len(owners) == 1:
            c.actor, c.kind = next(iter(owners)), "place"


FRAME_SENTENCES = 2  # the country named in the place's sentence or the two before it


def framed_places(doc: Doc, rules: ContextRules, place_nouns: frozenset[str], cands: list[Candidate]) -> None:
    """ "set their tent on fire in the northwestern town Balakot" after "engineers who came to
    Pakistan": a place nothing else placed, named with a compass adjective before its place noun
    ("the <northwestern> town X", "the <southern> city of X"), lies in the country the story last
    named by its name (not a demonym, not a capital) in its sentence or the two before; the
    compass word is relative to that country (under an ANKARA dateline a dateline default would
    give Balakot Turkey's code)."""
    starts: list[int] = []
    sentence_of: dict[int, int] = {}
    for c in cands:
        if c.country is not None or c.entry is not None or c.kind not in ("place", "region") or c.start < 2:
            continue
        noun = c.start - 2 if doc[c.start - 1].lower_ == "of" else c.start - 1
        if noun < 1 or doc[noun].lower_ not in place_nouns or doc[noun - 1].lower_ not in rules.qualifiers:
            continue
        if doc[noun - 1].lower_ in ("the", "occupied") or not doc[noun - 1].lower_.endswith(("ern", "al")):
            continue  # "northwestern", "central"; not "north" (a name: "the North town")
        if not starts:  # read the sentences only for a place so named
            starts = sentence_starts(doc)
            sentence_of = {s: n for n, s in enumerate(sorted(set(starts)))}
        here = sentence_of[starts[c.start]]
        named = [
            o
            for o in cands
            if o.end <= c.start
            and o.kind == "country"
            and o.entry is not None
            and o.entry.role == ROLE_COUNTRY
            and here - sentence_of[starts[o.start]] <= FRAME_SENTENCES
        ]
        if named:
            c.give_country(named[-1].country, "appositive")
