"""Find actor spans in a parsed document: gazetteer matches first, then spaCy's named entities.

A known gazetteer entry wins over the NER label (spaCy's small model tags "Yonhap" PERSON and
splits "Asia- Pacific Economic Cooperation"); NER fills in what the gazetteer does not know
(people, most organisations, minor places). The result is a list of :class:`Candidate` spans,
which :mod:`extract.actors.resolve` then turns into canonical actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.symbols import ADV, AUX, DET, VERB
from spacy.tokens import Doc, Span

from extract.actors.columns import entity_spans, span_text, token_columns, token_flags
from extract.actors.context_rules import load_context_rules
from extract.actors.data import (
    ROLE_CAPITAL,
    ROLE_CITY,
    ROLE_COUNTRY,
    ROLE_DEMONYM,
    ROLE_ORG,
    Entry,
    Gazetteer,
    norm_key,
)
from extract.actors.nerfix import place_cut_surname, plural_short_form, whole_name
from extract.actors.places import DIVISION_WEIGHT, load_places

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


@dataclass
class Candidate:
    """A span that names an actor, before canonical names are settled (mutable while resolving)."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    actor: str
    kind: str
    country: str | None
    entry: Entry | None = None  # the gazetteer entry, None for NER-only spans
    label: str = ""  # spaCy NER label when NER found it
    absorbed: bool = False  # a demonym folded into the name it modifies; not emitted
    source: str | None = None  # how the country was found (schema.COUNTRY_SOURCES); None without one

    def give_country(self, country: str | None, source: str) -> bool:
        """Set the country, and how it was found, when it has none yet; True when it was set."""
        if self.country is not None or country is None:
            return False
        self.country, self.source = country, source
        return True


def scan_gazetteer(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Greedy longest matches of gazetteer keys starting at capitalised tokens, or at the first
    word of a surface written lower-case ("al Qaeda", "dpa")."""
    texts, lowers, spaced, _ = token_columns(doc)
    out: list[Candidate] = []
    n = len(texts)
    i = 0
    starts = gaz.lower_starts
    while i < n:  # operators rather than str methods here: this loop visits every token
        first = texts[i][:1]
        if not ("A" <= first <= "Z" or (first > "\x7f" and first.isupper())):
            low = lowers[i]
            if (low.split("-")[0] if "-" in low else low) not in starts:
                i += 1
                continue
        key = ""
        best: tuple[int, Entry] | None = None
        j = i
        while j < n and not texts[j].isspace():
            piece = lowers[j]
            key += piece
            if piece[-1:] == "-" and piece != "-" and spaced[j]:
                # "the United Arab Emirates- flagged ship": a hyphen cut from its next word
                entry = gaz.entries.get(key[:-1])
                if entry is not None and entry.exact is None:
                    best = (j + 1, entry)
            if key not in gaz.prefixes:
                break
            entry = gaz.entries.get(key)
            if entry is not None and (entry.exact is None or "".join(texts[i : j + 1]) == entry.exact):
                best = (j + 1, entry)
            if spaced[j] and piece[-1:] != "-":
                key += " "
            j += 1
        if best is None:
            i += 1
            continue
        end, entry = best
        source = "name" if entry.country is not None else None
        out.append(Candidate(i, end, entry.actor, entry.kind, entry.country, entry, source=source))
        i = end
    return out


def _trim(doc: Doc, start: int, end: int, titles: frozenset[str], person: bool) -> tuple[int, int]:
    """Drop leading determiners (and titles, for people), a bracketed tail ("Council (PLC"), a
    tail from a lowercase verb on ("Suez won European Union") and trailing possessives,
    punctuation and weekdays ("the Great Hall of the People Sunday"). Reads the token columns."""
    texts, lowers, _, _ = token_columns(doc)
    pos, punct = token_flags(doc)
    end = next(
        (i for i in range(start + 1, end) if texts[i] == "(" or (pos[i] in _VERBS and texts[i].islower())),
        end,
    )
    while start < end and (
        pos[start] in _LEAD_POS or punct[start] or (person and lowers[start].rstrip(".") in titles)
    ):
        start += 1
    last = end - 1
    while end > start and (
        texts[last] in POSSESSIVE
        or punct[last]
        or lowers[last] in _WEEKDAYS  # "the Great Hall of the People Sunday"
        or lowers[last] in ("of", "and", "the")  # "the Fifth Republic Movement of [President X]"
    ):
        end, last = end - 1, last - 1
    return start, end


_VERBS = frozenset({VERB, AUX})
_LEAD_POS = frozenset({DET, ADV})


def _span_text(span: Span) -> str:
    return " ".join(span.text.split())


def _ner_candidate(doc: Doc, start: int, end: int, label: str, gaz: Gazetteer) -> Candidate | None:
    """A candidate for an NER span the gazetteer does not know; None for what is not an actor."""
    text = span_text(doc, start, end)
    if not text[:1].isupper() or any(map(str.isdigit, text)) or text.lower() in gaz.not_actors:
        return None
    if (
        end - start == 1
        and (doc[start].tag_ in ("NN", "NNS") or text.lower().rstrip(".") in gaz.titles)
        and not plural_short_form(doc, doc[start])
    ):
        return None  # "Budget carrier AirAsia", "Russian Defense Minister": not a name
    if (
        end - start == 1
        and text.lower() in gaz.portfolios
        and end < len(doc)
        and doc[end].lower_ in gaz.titles
    ):
        return None  # "Interior Minister Jawad al-Bolani": a portfolio of the title, not a ministry
    prev = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
    if label != "PERSON" and (prev in gaz.strong_titles or prev.removesuffix("s") in gaz.strong_titles):
        label = "PERSON"  # "finance minister Peer Steinbrueck" tagged GPE; "prime ministers Anatoly Chubais"
    if label == "PERSON":
        return Candidate(start, end, text, "person", None, label=label)
    if label == "ORG":
        return Candidate(start, end, text, "organisation", None, label=label)
    if label in ("GPE", "FAC", "LOC"):
        # the country comes later from the place gazetteer, which weighs the document's countries
        return Candidate(start, end, text, "region" if label == "LOC" else "place", None, label=label)
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in gaz.place_nouns:
        return Candidate(start, end, text, "place", None, label=label)  # "the city of Sderot" as NORP
    return None  # NORP the gazetteer does not know (religions, parties): not an actor


def _role(c: Candidate) -> str | None:
    return c.entry.role if c.entry is not None else None


def _national_body(label: str, end: int, hits: list[Candidate]) -> bool:
    """An NER ORG span made of a demonym or country and a known international body's name that
    ends it ("the Russian Security Council", "the Chinese Red Cross"): that country's body."""
    return (
        label == "ORG"
        and len(hits) == 2
        and hits[0].end == hits[1].start
        and hits[1].end == end
        and _role(hits[0]) in (ROLE_COUNTRY, ROLE_DEMONYM)
        and hits[1].kind == "international"
    )


def _resolve_overlap(
    doc: Doc, gaz: Gazetteer, start: int, end: int, label: str, hits: list[Candidate]
) -> tuple[Candidate | None, bool]:
    """An NER span [start, end) bigger than the gazetteer matches inside it.

    Returns the candidate to add (or None) and whether the gazetteer matches are dropped.
    """
    first, last = hits[0], hits[-1]
    if _national_body(label, end, hits):
        # "the Russian Security Council": a country's body named like an international one
        body = Candidate(first.start, last.end, _span_text(doc[first.start : last.end]), "organisation", None)
        body.give_country(first.country, "title")
        return body, True
    if any(_role(h) == ROLE_ORG for h in hits):
        return None, False  # a known organisation inside a bigger span: the gazetteer wins
    if label in ("GPE", "LOC") and len(hits) == 1 and _role(first) == ROLE_DEMONYM and first.start == start:
        whole = _span_text(
            doc[start:end]
        )  # "British Columbia", "South Australia": a place, not the demonym's country
        if load_places().weight(whole) >= DIVISION_WEIGHT:
            return Candidate(start, end, whole, "place", None, label=label), True
    after = last.end
    if after < end and doc[after].text in POSSESSIVE:
        # "Russia's Rosneft" tagged as one span: Russia stays, the rest is the entity
        rest_start, rest_end = _trim(doc, after + 1, end, gaz.titles, label == "PERSON")
        if rest_start < rest_end:
            return _ner_candidate(doc, rest_start, rest_end, label, gaz), False
        return None, False
    if label in ("ORG", "FAC") or (
        label in ("GPE", "LOC") and len(hits) == 1 and _role(first) in (ROLE_CAPITAL, ROLE_CITY)
    ):
        # "the Chinese Foreign Ministry", "IBC Gulf Conferences", "Metro Manila": one entity
        cand = _ner_candidate(doc, min(start, first.start), max(end, last.end), label, gaz)
        if cand is None:
            return None, False
        named_after = doc[end - 1].lower_ in load_context_rules().named_after  # "Palestine Street" in Baghdad
        if not named_after and not norm_key(cand.actor).endswith(gaz.about_suffixes):  # "Iraq Study Group"
            cand.give_country(next((h.country for h in hits if h.country), None), "part")
        return cand, True
    if label == "PERSON":
        # "Korean President Yoon Suk Yeol" as one span: the demonym stays, the rest is the person
        rest_start, rest_end = _trim(doc, after, end, gaz.titles, True)
        if rest_start < rest_end:
            return _ner_candidate(doc, rest_start, rest_end, label, gaz), False
    return None, False


def _ner_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    """spaCy's entity spans as (start, end, label), a span ending in a collective noun's
    possessive joined to the organisation right after it ("[Ethiopian People's] [Revolutionary
    Democratic Party]": one organisation; bodies.toml [generic] collectives)."""
    spans = entity_spans(doc)
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if (
            out
            and label == "ORG"
            and out[-1][1] == start
            and start >= 2
            and doc[start - 1].text in POSSESSIVE
            and doc[start - 2].lower_ in gaz.collectives
        ):
            out[-1] = (out[-1][0], end, "ORG")
            continue
        out.append((start, end, label))
    return out


def _demonym_surname(doc: Doc, gaz: Gazetteer, start: int, end: int, hits: list[Candidate]) -> bool:
    """A PERSON span whose last word is a demonym after given names ("Mavericks owner Mark
    Cuban", "Chris French"): a surname, not the country."""
    return (
        len(hits) == 1
        and _role(hits[0]) == ROLE_DEMONYM
        and hits[0].end == end
        and hits[0].start == end - 1
        and hits[0].start > start
        and all(
            t.pos_ == "PROPN" and t.text.istitle() and t.lower_.rstrip(".") not in gaz.titles
            for t in doc[start : end - 1]
        )
    )


def _after_portfolio(doc: Doc, gaz: Gazetteer, start: int, end: int) -> int:
    """Where the name starts in an NER span that opens with the portfolio of the title before it
    ("Permanent Secretary for [Interior Pongpayom Wasaputi]", "Minister of [Safety and Security
    Charles Nqakula]"): after the capitalised portfolio words, when a title word (and "for"/"of")
    stands right before the span and two proper names or more follow; ``start`` otherwise."""
    _, lowers, _, _ = token_columns(doc)
    if start < 2 or lowers[start - 1] not in ("for", "of") or lowers[start - 2] not in gaz.titles:
        return start
    i = start
    while i < end and (
        (doc[i].text.istitle() and doc[i].lower_ in gaz.portfolios)
        or (i > start and doc[i].lower_ in ("and", "&"))
    ):
        i += 1
    rest = doc[i:end]
    if i == start or doc[i - 1].lower_ in ("and", "&") or len(rest) < 2:
        return start
    if not all(t.pos_ == "PROPN" and t.text.istitle() and t.lower_ not in gaz.titles for t in rest):
        return start
    return i


def _widen(
    doc: Doc, gaz: Gazetteer, start: int, end: int, label: str, owner: dict[int, Candidate]
) -> tuple[int, int, bool]:
    """A span with the words NER cut off: a person's name words (and a surname tagged as a place,
    True then), an organisation's apostrophe ("Sainsbury's said")."""
    if label == "PERSON":
        start, end = whole_name(doc, gaz, start, end, owner)
        if place_cut_surname(doc, end, owner):
            return start, end + 1, True
    elif (
        label == "ORG"
        and end < len(doc)
        and doc[end].text in POSSESSIVE
        and doc[start:end].root.dep_ != "poss"
    ):
        end += 1  # "Sainsbury's said": the apostrophe is part of the name, not a possessive
    return start, end, False


def merge_entities(doc: Doc, gaz: Gazetteer, found: list[Candidate]) -> list[Candidate]:
    """Add NER spans to the gazetteer matches; a known gazetteer entry wins over the NER label."""
    owner: dict[int, Candidate] = {i: c for c in found for i in range(c.start, c.end)}
    dropped: set[int] = set()
    out = list(found)
    taken = 0  # the end of a person name that took in the next NER span
    for ent_start, ent_end, label in _ner_spans(doc, gaz):
        if label not in NER_LABELS:
            continue
        if label == "PERSON" and " " + doc[ent_end - 1].lower_ in gaz.generic_suffixes:
            label = "ORG"  # "Cambodian People's Party" tagged PERSON: a party is an organisation
        start, end = _trim(doc, ent_start, ent_end, gaz.titles, label == "PERSON")
        if start >= end:
            continue
        named = _after_portfolio(doc, gaz, start, end)
        if named > start:
            start, label = named, "PERSON"  # "Permanent Secretary for [Interior] Pongpayom Wasaputi"
        if start < taken:
            continue  # "Kasuri", already the surname of "Khurshid Mahmood Kasuri"
        start, end, took = _widen(doc, gaz, start, end, label, owner)
        taken = end if took else taken
        hits = list({id(owner[i]): owner[i] for i in range(start, end) if i in owner}.values())
        if not hits:
            cand = _ner_candidate(doc, start, end, label, gaz)
        elif _national_body(label, end, hits):
            cand, _ = _resolve_overlap(doc, gaz, start, end, label, hits)
            dropped.update(id(h) for h in hits)
        elif hits[0].start <= start and hits[-1].end >= end:
            cand = None  # the gazetteer covers the entity
        elif label == "PERSON" and (
            all(h.entry is not None and h.entry.defer_to_person for h in hits)
            or _demonym_surname(doc, gaz, start, end, hits)
        ):
            dropped.update(id(h) for h in hits)  # "Michael Jordan", "Mark Cuban": a person
            cand = _ner_candidate(doc, start, end, label, gaz)
        else:
            cand, drop = _resolve_overlap(doc, gaz, start, end, label, hits)
            if drop:
                dropped.update(id(h) for h in hits)
        if cand is not None:
            out.append(cand)
    out = [c for c in out if id(c) not in dropped]
    out.sort(key=lambda c: c.start)
    return out


def names_document(doc: Doc, gaz: Gazetteer, c: Candidate) -> bool:
    """Does the span name a treaty or agreement rather than an actor? A place right before a
    document word ("the Kyoto Protocol", "the Oslo accords"), or a name the gazetteer does not
    know ending in a capitalised one ("the Maastricht Treaty"). Countries, people and known
    bodies stay ("the US-Japan treaty", "Warsaw Pact", "the Hamas accord")."""
    words = gaz.document_words
    if c.kind == "person" or (c.entry is not None and _role(c) not in (ROLE_CAPITAL, ROLE_CITY)):
        return False
    if c.entry is None and doc[c.end - 1].lower_ in words and doc[c.end - 1].text[:1].isupper():
        return True
    place = c.kind in ("place", "region") or _role(c) in (ROLE_CAPITAL, ROLE_CITY)
    if not place or c.end >= len(doc):
        return False
    after = doc[c.end]
    return after.lower_ in (words if after.text[:1].isupper() else gaz.document_lowercase)


def names_currency(doc: Doc, c: Candidate) -> bool:
    """Does a country, demonym or city name a currency ("700 million US dollars", "Hong Kong
    dollars", "the Australian dollar")? Then it is no actor. The currency words are those of
    context.toml [market.currencies], singular or plural."""
    if (
        c.end >= len(doc)
        or c.kind == "person"
        or _role(c) not in (ROLE_COUNTRY, ROLE_DEMONYM, ROLE_CAPITAL, ROLE_CITY)
    ):
        return False
    word = doc[c.end].lower_
    currencies = load_context_rules().currencies  # read once per process (cached), not at import
    return word in currencies or f"{word}s" in currencies


def find_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """All actor spans of a document, sorted by position, non-overlapping; none for the names of
    treaties and agreements, nor a country naming a currency."""
    return [
        c
        for c in merge_entities(doc, gaz, scan_gazetteer(doc, gaz))
        if not names_document(doc, gaz, c) and not names_currency(doc, c)
    ]
