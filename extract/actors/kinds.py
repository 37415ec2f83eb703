"""What kind an actor is, where NER and the gazetteer leave it wrong (used by :mod:`resolve`).

- a known place is not an organisation or a person ("rushed to Fontana", "Hauts-de-Seine");
- a name NER tags ORG in one mention is the place it names in another ("Fontana Mayor X" after
  "rushed to Fontana");
- a name followed by a place noun is a place ("the Wat Langka temple", "Kibera slums");
- a hyphenated word the place gazetteer knows is one place, whatever NER cut out of it
  ("Clichy-sous-Bois", "Seine-Saint-Denis", "Val-d'Oise");
- an NER place joined by "and" to a known organisation is an organisation ("Suez and GDF").
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import span_text, token_columns
from extract.actors.context_rules import load_context_rules
from extract.actors.cues import after_place_noun
from extract.actors.data import Gazetteer, norm_key
from extract.actors.find import POSSESSIVE, Candidate
from extract.actors.outlets import is_outlet
from extract.actors.places import DIVISION_WEIGHT, PlaceIndex

__all__ = [
    "correct_kinds",
    "coordinated_organisations",
    "place_head_end",
    "title_places",
    "whole_word_places",
]

MIN_PLACE_WEIGHT = 100_000  # an NER ORG/PERSON after "in/at/to" becomes a place (city of 100,000+)
_EDGE_PUNCT = frozenset({",", ".", ";", ":", "(", ")", '"', "'", "\u201c", "\u201d", "?", "!"})


def place_head_end(doc: Doc, end: int) -> int:
    """The token after the place noun phrase that follows a name ("Jabalia refugee camp": after
    "camp"), ``end`` itself when no place noun (context.toml [place_in] heads) follows; one
    adjective may stand before a noun that only names places ("El Maan natural harbor")."""
    rules = load_context_rules()
    heads = rules.place_heads
    texts, n = token_columns(doc)[0], len(doc)
    for size in (2, 1):
        words = " ".join(texts[end : end + size])
        if end + size <= n and words.islower() and words in heads:
            return end + size
    if (
        end + 1 < n
        and texts[end].islower()
        and texts[end + 1].islower()
        and texts[end + 1] in rules.place_only
        and doc[end].pos_ == "ADJ"
    ):
        return end + 2
    return end


def compass_of_follows(doc: Doc, end: int) -> bool:
    """Is the name followed by "[,] [some] [N km] <compass> of" ("Adale, 95 km northeast of
    Mogadishu", "Kibera slums, south of Nairobi")?"""
    rules = load_context_rules()
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    if i < len(doc) and doc[i].lower_ in ("some", "about", "around"):
        i += 1
    if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].lower_ in rules.units:
        i += 2
    return i + 1 < len(doc) and doc[i].lower_ in rules.compass and doc[i + 1].lower_ == "of"


def whole_word_places(doc: Doc, places: PlaceIndex, cands: list[Candidate]) -> list[Candidate]:
    """A hyphenated word (tokens written without spaces, "Aulnay-sous-Bois") that the place
    gazetteer knows is one place: NER misses such words or cuts a "person" out of them
    ("Clichy"). A candidate reaching outside the word keeps it; one covering it is kept as is."""
    texts, _, spaced, _ = token_columns(doc)
    owner = {i: c for c in cands for i in range(c.start, c.end)}
    dropped: set[int] = set()
    added: list[Candidate] = []
    i, n = 0, len(texts)
    while i < n:
        j = i
        while j + 1 < n and not spaced[j] and not texts[j].isspace():
            j += 1
        start, end = i, j + 1
        i = end
        if end - start < 3:
            continue  # trimming below only shortens the word
        while start < end and texts[start] in _EDGE_PUNCT:
            start += 1
        while end > start and (texts[end - 1] in _EDGE_PUNCT or texts[end - 1].lower() in POSSESSIVE):
            end -= 1
        if end - start < 3 or "-" not in texts[start:end] or not texts[start][:1].isupper():
            continue
        inside = {id(c): c for k in range(start, end) if (c := owner.get(k)) is not None}
        if any(c.start < start or c.end > end or (c.start, c.end) == (start, end) for c in inside.values()):
            continue
        name = "".join(texts[start:end])
        if not places.candidates(name):
            continue
        dropped.update(inside)
        added.append(Candidate(start, end, name, "place", None, label="GPE"))
    if not added:
        return cands
    return sorted([c for c in cands if id(c) not in dropped] + added, key=lambda c: c.start)


def _before_local_force(doc: Doc, end: int) -> bool:
    """Is the name followed by a lower-case noun for a place's police ("Johore police")?
    (context.toml [place_in] police_words)"""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in load_context_rules().police_words


def _kind_by_form(doc: Doc, gaz: Gazetteer, c: Candidate) -> str | None:
    """The kind the words around an NER span give it against its label: "in Yenagoa, Bayelsa
    State" is a place, "its leader, Jean-Marie Le Pen" a person; None when they say nothing."""
    if c.label == "PERSON" and _division_name(doc, c):
        return "place"
    if c.label == "ORG" and _titled_appositive(doc, gaz, c):
        return "person"
    return None


def _division_name(doc: Doc, c: Candidate) -> bool:
    """An NER person of two words or more ending in a division's type word written with a capital
    ("Bayelsa State", "Hunan Province"; [place_in] type_words and "State"): a place."""
    texts = token_columns(doc)[0]
    last = texts[c.end - 1]
    return c.end - c.start >= 2 and last.istitle() and last.lower() in load_context_rules().division_words


def _titled_appositive(doc: Doc, gaz: Gazetteer, c: Candidate) -> bool:
    """An NER organisation in apposition with a person's title right before it ("its leader,
    Jean-Marie Le Pen", "the party's chairman, X"): a person, when its words are all capitalised
    names (not "its owner, General Motors": "owner" is no title)."""
    if c.start < 2 or token_columns(doc)[0][c.start - 1] != ",":
        return False
    root = doc[c.start : c.end].root
    head = root.head
    return (
        root.dep_ == "appos"
        and head.i == c.start - 2
        and head.lower_ in gaz.titles
        and head.lower_ in load_context_rules().office_titles
    )


def _surname_not_city(doc: Doc, gaz: Gazetteer, c: Candidate, surnames: set[str]) -> bool:
    """A one-word place the gazetteer knows, or a city standing for its country, written as a word of
    a person's full name in this document and not after a locative preposition ("Chilean President
    Ricardo Lagos ... Lagos said"): that person. A country written as its own name stays ("Jordan"), and
    so does a demonym ("Mark Cuban ... Cuban officials")."""
    if c.end - c.start != 1 or c.kind not in ("place", "country"):
        return False
    tok = doc[c.start]
    if tok.text not in surnames or (c.kind == "country" and tok.text == c.actor):
        return False
    if tok.tag_ != "NNP" or tok.dep_ in ("amod", "compound", "nmod"):
        return False  # a demonym or a modifier: "Mark Cuban ... *Cuban* officials"
    return not (c.start > 0 and doc[c.start - 1].lower_ in gaz.locative)


def _company_apposition(doc: Doc, c: Candidate) -> bool:
    """An NER person in apposition with a company noun, alone or after "one of" ("Premier Foods, one
    of the country's largest food and beverage companies"), or right after one it is the appositive
    of ("The Polish group PKN Orlen"; context.toml [company])."""
    nouns = load_context_rules().company_nouns
    root = doc[c.start : c.end].root
    noun = root.head
    if root.dep_ == "appos" and noun.i == c.start - 1 and noun.lower_ in nouns:
        # "The Polish group PKN Orlen", "the US firm X": the noun right before it, itself qualified
        # (not "the company John Smith founded")
        return any(ch.dep_ in ("amod", "compound", "nmod") and ch.i < noun.i for ch in noun.children)
    for appos in root.children:
        if appos.dep_ != "appos" or appos.i < c.end:
            continue
        if appos.lower_ in nouns:
            return True
        if appos.lower_ == "one":
            of = [p for ch in appos.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children]
            return any(p.dep_ == "pobj" and p.lower_ in nouns for p in of)
    return False


def _headed_place(doc: Doc, gaz: Gazetteer, c: Candidate) -> bool:
    """A PERSON span whose last word is a capitalised place noun, after a determiner, adjective,
    possessive or locative preposition: "China's famous Shaolin Temple", "at Kotli Hospital"
    (not "actress Shirley Temple"); an ORG or FAC span ending in a noun that only names places
    (`[place_in] place_only`: "Sun-an Airport", "Tiananmen Square"), wherever it stands."""
    last, before = doc[c.end - 1], doc[c.start - 1] if c.start > 0 else None
    rules = load_context_rules()
    if c.label in ("ORG", "FAC") and c.end - c.start >= 2 and last.text.istitle():
        return last.lower_ in rules.place_only
    return (
        c.label == "PERSON"
        and c.end - c.start >= 2
        and last.text.istitle()
        and last.lower_ in rules.place_heads
        and before is not None
        and (before.pos_ in ("DET", "ADJ") or before.text in POSSESSIVE or before.lower_ in gaz.locative)
    )


def _after_bare_place_noun(doc: Doc, gaz: Gazetteer, c: Candidate) -> bool:
    """A name right after a singular place noun that follows a determiner or an adjective: "the
    northwestern town Balakot", "the border town Chaman" (places.toml place_nouns); not a title
    between them ("the town mayor John Smith": "mayor" is no place noun)."""
    if c.start < 2:
        return False
    noun, before = doc[c.start - 1], doc[c.start - 2]
    return (
        noun.is_lower
        and noun.tag_ == "NN"
        and noun.lower_ in gaz.place_nouns
        and noun.lower_ != "state"  # "the state Union Buildings", "the state Antara agency": state-run
        and (before.pos_ in ("DET", "ADJ") or (before.is_lower and before.pos_ == "NOUN"))
    )


def correct_kinds(doc: Doc, gaz: Gazetteer, places: PlaceIndex, cands: list[Candidate]) -> None:
    """A known place is not an organisation or a person: NER's ORG "Fontana" or "Hauts-de-Seine",
    and a PERSON after a locative preposition ("in Kibera"), become places when the place
    gazetteer knows a notable place of that name; an ORG without a locative cue only for a big
    division or city ("Suez", a city, stays the company in "groups Gaz de France and Suez"), or
    when another mention of the name is a place; a name before a place noun is a place."""
    # "flowers to Bush": a word of a person's full name in this document stays that person
    surnames = {w for c in cands if c.label == "PERSON" and c.end - c.start >= 2 for w in c.actor.split()}
    known = {
        w
        for c in cands
        if c.kind == "person" and c.end - c.start >= 2
        for w in doc[c.start : c.end].text.split()
    }
    for c in cands:
        if c.entry is not None and _surname_not_city(doc, gaz, c, surnames | known):
            c.entry, c.label, c.kind, c.country = None, "PERSON", "person", None
            c.actor = doc[c.start].text  # "President Ricardo Lagos ... , Lagos said": not Nigeria's city
            continue
        if c.entry is not None or c.label not in ("ORG", "PERSON", "FAC"):
            continue
        if c.label == "PERSON" and c.actor in surnames:
            continue
        if c.label == "PERSON" and _company_apposition(doc, c):
            while c.start > 0 and doc[c.start - 1].pos_ == "PROPN" and doc[c.start - 1].text.istitle():
                c.start -= 1  # "Premier Foods": the word NER read as a title is the company's
            c.kind, c.actor = "organisation", doc[c.start : c.end].text
            continue
        form = _kind_by_form(doc, gaz, c)
        if form is not None:
            c.kind = form
            continue
        if is_outlet(doc, c):
            c.kind = "media"  # "the local daily Hamburger Abendblatt", "The Star newspaper"
            continue
        if c.label == "PERSON" and c.end - c.start == 1 and _before_local_force(doc, c.end):
            c.kind = "place"  # "Johore police found heroin": the police of a place, not a person
            continue
        if (
            after_place_noun(doc, gaz.place_nouns, c.start, c.end)
            or place_head_end(doc, c.end) > c.end
            or _headed_place(doc, gaz, c)
            or _after_bare_place_noun(doc, gaz, c)
        ):
            c.kind = "place"  # "the village of Surif", "the Wat Langka temple", "Kibera slums"
            continue
        locative = c.start > 0 and doc[c.start - 1].lower_ in gaz.locative
        if locative and compass_of_follows(doc, c.end):
            c.kind = "place"  # "seized near Adale, 95 km northeast of Mogadishu"
            continue
        weight = 0 if norm_key(c.actor) in gaz.generic_names else places.weight(c.actor)
        if (locative and weight >= MIN_PLACE_WEIGHT) or (c.label == "ORG" and weight >= DIVISION_WEIGHT):
            c.kind = "place"
    # "rushed to Fontana ... Fontana Mayor Mark Nuaimi": an ORG named like a place of the document
    named_places = {c.actor for c in cands if c.kind == "place" and c.entry is None}
    for c in cands:
        if c.entry is None and c.label == "ORG" and c.actor in named_places:
            c.kind = "place"
    coordinated_organisations(doc, cands)


def coordinated_organisations(doc: Doc, cands: list[Candidate]) -> None:
    """ "Gaz de France and Suez", "Suez and GDF": an NER place joined by "and" to a known
    organisation is an organisation, and so is every other NER mention of that name in the
    document."""
    by_token = {i: c for c in cands for i in range(c.start, c.end)}
    names: set[str] = set()
    for c in cands:
        if c.entry is not None or c.kind not in ("place", "region"):
            continue
        before = (
            by_token.get(c.start - 2) if c.start >= 2 and doc[c.start - 1].lower_ in ("and", "or") else None
        )
        after = (
            by_token.get(c.end + 1) if c.end + 1 < len(doc) and doc[c.end].lower_ in ("and", "or") else None
        )
        root = doc[c.start : c.end].root
        joined = {root.head.i} if root.dep_ == "conj" else set()
        joined |= {ch.i for ch in root.children if ch.dep_ == "conj"}
        if any(
            o is not None
            and o.kind == "organisation"
            and o.entry is not None
            and joined & set(range(o.start, o.end))
            for o in (before, after)
        ):
            names.add(c.actor)
    for c in cands:
        if c.actor in names and c.entry is None:
            c.kind, c.country, c.source = "organisation", None, None


def soften_names(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> None:
    """ "the Labor Department said" under HONG KONG: a body name the gazetteer files under one
    country but other governments share (bodies.toml [generic] soft_names) keeps that country only
    in a document that names the country otherwise; elsewhere it is a generic body."""
    surfaces = {id(c): span_text(doc, c.start, c.end) for c in cands}
    soft = [c for c in cands if c.entry is not None and norm_key(surfaces[id(c)]) in gaz.soft_names]
    if not soft:
        return
    named = {c.country for c in cands if c.country and all(c is not s for s in soft)}
    for c in soft:
        if c.country not in named:
            c.entry, c.actor, c.kind, c.country, c.source = None, surfaces[id(c)], "organisation", None, None


TITLE_PLACE_WEIGHT = 100_000  # a city this big, or a division ("Toulouse", not a village)


def title_places(
    doc: Doc, places: PlaceIndex, cands: list[Candidate], context: frozenset[str]
) -> list[Candidate]:
    """ "Toulouse fly-half Frederic Michalak", "Lyon striker X": a capitalised word NER left out,
    right before the lower-case nouns of a person's title phrase, that names a notable place of one
    country (in the document's context, or by a clear winner) is that place, so the title phrase
    gives the person its country. Not a word of a person's name in the document ("Jackson
    attorney X" after "Michael Jackson"), not a compass or region word (never looked up)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    names = {w for c in cands if c.kind == "person" for w in c.actor.split()}
    added: list[Candidate] = []
    texts, _, _, _ = token_columns(doc)
    for c in cands:
        if c.kind != "person" or c.label != "PERSON" or c.start < 2 or not texts[c.start - 1].islower():
            continue  # no lower-case title noun before it
        k = c.start - 1
        while (
            k >= 0
            and k >= c.start - 4
            and (
                (doc[k].is_lower and doc[k].pos_ == "NOUN") or (doc[k].text == "-" and not doc[k].whitespace_)
            )
        ):
            k -= 1
        if k == c.start - 1 or k < 0 or k in taken:
            continue
        word = doc[k]
        if not word.text.istitle() or not word.is_alpha or word.text in names or word.ent_type_:
            continue
        if places.weight(word.text) < TITLE_PLACE_WEIGHT:
            continue
        country = places.country(word.text, context)
        if country is not None:
            added.append(Candidate(k, k + 1, word.text, "place", country, source="place", label="GPE"))
            taken.add(k)
    return sorted(cands + added, key=lambda c: c.start) if added else cands
