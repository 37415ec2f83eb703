"""Names that share words across "and": "Bob and Mike Bryan" (two people, one surname) and "the British
and Irish Lions" (one body, two demonyms). NER tags only the last conjunct whole, so without these the
first was a one-word person "Bob" and the body an "Irish Lions" of Ireland. Examples in people.toml and
organisations.toml."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.actors.columns import token_columns
from extract.actors.data import ROLE_DEMONYM, Gazetteer, norm_key
from extract.actors.find import Candidate

__all__ = ["coordinated_demonyms", "shared_surnames"]


def _demonym(gaz: Gazetteer, text: str) -> bool:
    entry = gaz.entries.get(norm_key(text))
    return entry is not None and entry.role == ROLE_DEMONYM


def coordinated_demonyms(doc: Doc, gaz: Gazetteer, cands: list[Candidate]) -> list[Candidate]:
    """ "<demonym> and <demonym> <Names>", where NER took only the second demonym into an organisation (or
    none): both modify one plural name ("the British and Irish Lions", a side of two nations), which is
    one organisation named whole, with no one country; not "the North Korean and Chinese leaders" (no
    name), nor "Israeli and Palestinian Authority officials" (a body of one nation, singular)."""
    texts, lowers, _, _ = token_columns(doc)
    by_end = {c.end: c for c in cands}
    covered = {i for c in cands for i in range(c.start, c.end)}
    dropped: set[int] = set()
    for c in cands:
        if c.start < 2 or lowers[c.start - 1] != "and" or not _demonym(gaz, texts[c.start]):
            continue
        first = by_end.get(c.start - 1)
        if first is None or first.entry is None or first.entry.role != ROLE_DEMONYM:
            continue
        end = c.end
        if c.kind == "organisation" and c.label == "ORG" and c.entry is not None:
            continue  # a body the gazetteer knows is a body of its own
        if c.kind != "organisation" or c.label != "ORG":  # "Irish" alone: the untagged name after it
            if c.entry is None or c.entry.role != ROLE_DEMONYM:
                continue
            while end < len(texts) and end not in covered and texts[end].istitle() and texts[end].isalpha():
                end += 1
        if end - c.start < 2 or (end == c.end and c.kind != "organisation"):
            continue
        if doc[end - 1].tag_ != "NNPS":
            continue  # a side named by its members ("Lions"); not "Israeli and Palestinian Authority officials"
        c.start, c.end, c.kind, c.label = first.start, end, "organisation", "ORG"
        c.actor = " ".join(texts[c.start : c.end])
        c.entry, c.country, c.source = None, None, None
        dropped.add(id(first))
    return [c for c in cands if id(c) not in dropped] if dropped else cands


def shared_surnames(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Bob and Mike Bryan", "Venus and Serena Williams": a lone given name coordinated with a two-word
    name shares its surname, so it is that person in full. News names a person in full first, so a
    single word that no full name of the document explains and that the gazetteer does not know is a
    given name here; "Bush and Tony Blair" keeps Bush (a known name, already "George W. Bush"), and a
    list keeps its places ("Hpa-an, Taunggyi and Kyaing Tong"). The word must be nowhere else in the
    document: a word used alone again is a surname ("greeted by Chang and Darryl Johnson ... Chang
    stressed"), whatever NER's tag (PERSON, ORG as for "Venus", or none)."""
    texts, lowers, _, _ = token_columns(doc)
    by_start = {c.start: c for c in cands}
    covered = {i for c in cands for i in range(c.start, c.end)}
    surnames = {c.actor.split()[-1] for c in cands if c.kind == "person" and " " in c.actor}
    added: list[Candidate] = []
    for other in cands:
        i = other.start - 2
        if other.kind != "person" or other.end - other.start != 2 or i < 0 or lowers[i + 1] != "and":
            continue
        word, surname = texts[i], texts[other.end - 1]
        if other.actor != f"{texts[other.start]} {surname}" or word == surname or word in surnames:
            continue
        if not (word.isalpha() and word.istitle()) or (i > 0 and lowers[i - 1] in (",", "and", "or")):
            continue
        c = by_start.get(i)
        if c is None and i not in covered and doc[i].pos_ == "PROPN":
            c = Candidate(i, i + 1, word, "person", None)
            added.append(c)
        if c is None or c.end != i + 1 or c.entry is not None or c.actor != word:
            continue
        if c.kind not in ("person", "organisation") or sum(t == word for t in texts) > 1:
            continue
        c.actor, c.kind, c.label = f"{word} {surname}", "person", "PERSON"
    return sorted([*cands, *added], key=lambda c: c.start) if added else cands
