"""Find actor spans in a parsed document: gazetteer matches first, then spaCy's named entities.

A known gazetteer entry wins over the NER label (spaCy's small model tags "Yonhap" PERSON and
splits "Asia- Pacific Economic Cooperation"); NER fills in what the gazetteer does not know
(people, most organisations, minor places). The result is a list of :class:`Candidate` spans,
which :mod:`extract.actors_resolve` then turns into canonical actors.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from extract.actors_data import COUNTRYISH_ROLES, ROLE_ORG, Entry, Gazetteer

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})


@dataclass
class Candidate:
    """A span that names an actor, before canonical names are settled (mutable while resolving)."""

    start: int                  # token index, inclusive
    end: int                    # token index, exclusive
    actor: str
    kind: str
    country: str | None
    entry: Entry | None = None  # the gazetteer entry, None for NER-only spans
    label: str = ""             # spaCy NER label when NER found it
    absorbed: bool = False      # a demonym folded into the name it modifies; not emitted


def scan_gazetteer(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """Greedy longest matches of gazetteer keys starting at capitalised tokens."""
    out: list[Candidate] = []
    n = len(doc)
    i = 0
    while i < n:
        tok = doc[i]
        if not tok.text[:1].isupper():
            i += 1
            continue
        key = ""
        best: tuple[int, Entry] | None = None
        j = i
        while j < n:
            t = doc[j]
            if t.is_space:
                break
            key += t.lower_.replace("\u2019", "'")
            if key not in gaz.prefixes:
                break
            entry = gaz.entries.get(key)
            if entry is not None and (
                entry.exact is None or "".join(x.text for x in doc[i : j + 1]) == entry.exact
            ):
                best = (j + 1, entry)
            j += 1
        if best is None:
            i += 1
            continue
        end, entry = best
        out.append(Candidate(i, end, entry.actor, entry.kind, entry.country, entry))
        i = end
    return out


def _trim(doc: Doc, start: int, end: int, titles: frozenset[str], person: bool) -> tuple[int, int]:
    """Drop leading determiners (and titles, for people) and trailing possessives/punctuation."""
    while start < end and (doc[start].pos_ == "DET" or doc[start].is_punct or doc[start].is_space
                           or (person and doc[start].lower_.rstrip(".") in titles)):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _span_text(span: Span) -> str:
    return " ".join(span.text.split())


def _ner_candidate(doc: Doc, start: int, end: int, label: str, gaz: Gazetteer) -> Candidate | None:
    """A candidate for an NER span the gazetteer does not know."""
    text = _span_text(doc[start:end])
    if not text[:1].isupper():
        return None
    if label == "PERSON":
        return Candidate(start, end, text, "person", None, label=label)
    if label == "ORG":
        return Candidate(start, end, text, "organisation", None, label=label)
    if label in ("GPE", "FAC"):
        return Candidate(start, end, text, "place", gaz.subdivisions.get(text.lower().replace(" ", "")),
                         label=label)
    if label == "LOC":
        return Candidate(start, end, text, "region", None, label=label)
    return None  # NORP the gazetteer does not know (religions, parties): not an actor


def merge_entities(doc: Doc, gaz: Gazetteer, found: list[Candidate]) -> list[Candidate]:
    """Add NER spans to the gazetteer matches; the gazetteer wins where they overlap."""
    owner: dict[int, Candidate] = {i: c for c in found for i in range(c.start, c.end)}
    out = list(found)
    for ent in doc.ents:
        label = ent.label_
        if label not in NER_LABELS:
            continue
        person = label == "PERSON"
        start, end = _trim(doc, ent.start, ent.end, gaz.titles, person)
        if start >= end:
            continue
        hits = [owner[i] for i in range(start, end) if i in owner]
        if not hits:
            cand = _ner_candidate(doc, start, end, label, gaz)
            if cand is not None:
                out.append(cand)
            continue
        first, last = hits[0], hits[-1]
        if first.start <= start and last.end >= end:
            # the gazetteer covers the entity; a person-named country defers to NER ("Jordan")
            if person and first is last and first.entry is not None and first.entry.defer_to_person:
                out.remove(first)
                out.append(Candidate(start, end, _span_text(doc[start:end]), "person", None, label=label))
            continue
        rest_start = max(start, last.end)
        if rest_start < end and doc[rest_start].text in POSSESSIVE:
            rest_start += 1  # "Russia's Rosneft" tagged as one ORG: Russia stays, the rest is the org
        elif label in ("ORG", "FAC") and all(h.entry is not None and h.entry.role in COUNTRYISH_ROLES
                                               for h in hits):
            # "the Chinese Foreign Ministry", "Kuala Lumpur Stock Exchange": one organisation
            for h in set(map(id, hits)):
                out[:] = [c for c in out if id(c) != h]
            ent_start = min(start, first.start)
            cand = _ner_candidate(doc, ent_start, end, label, gaz)
            if cand is not None:
                cand.country = next((h.country for h in hits if h.country), None)
                out.append(cand)
            continue
        if not (person or label == "ORG") or any(h.entry is not None and h.entry.role == ROLE_ORG
                                                 for h in hits):
            continue  # a known place/organisation inside a bigger GPE/LOC/ORG span: the gazetteer wins
        rest_start, rest_end = _trim(doc, rest_start, end, gaz.titles, person)
        if rest_start < rest_end and all(i not in owner for i in range(rest_start, rest_end)):
            cand = _ner_candidate(doc, rest_start, rest_end, label, gaz)
            if cand is not None:
                out.append(cand)
    out.sort(key=lambda c: c.start)
    return out


def find_candidates(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """All actor spans of a document, sorted by position, non-overlapping."""
    return merge_entities(doc, gaz, scan_gazetteer(doc, gaz))
