"""Short forms of organisations within one document: "(KDI)" after "Korea Development
Institute", its initials ("CPP"), its first word ("Sandline"), its words before a lower-case
preposition ("the American Institute" for "the American Institute in Taiwan"), its last word when
a plural after a place ("Mavericks" for "the Dallas Mavericks"); merged only when
one organisation of the document has that short form. Split out of :mod:`extract.actors.resolve`.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from extract.actors.columns import span_text, token_columns
from extract.actors.find import Candidate

__all__ = ["initials", "keep_possessives_whole", "merge_organisations", "repeated_names"]


def _text(doc: Doc, c: Candidate) -> str:
    return span_text(doc, c.start, c.end)


_PREFIX_CUTS = frozenset({"in", "for", "of", "on"})
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "&"})


def initials(name: str) -> str:
    """The acronym an organisation's name makes ("Khmer Nation Party" -> "KNP", "Cambodian
    People's Party" -> "CPP"); "" for one-word names."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _MINOR_WORDS]
    return (
        "".join(w[0] for w in words).upper()
        if len(words) >= 2 and all(w[:1].isupper() for w in words)
        else ""
    )


def _plural_name(word: str) -> bool:
    """A capitalised plural ending a name, as teams are named ("Mavericks", "Knicks")."""
    return len(word) > 3 and word.istitle() and word.endswith("s") and not word.endswith("ss")


def _org_aliases(
    doc: Doc,
    cands: list[Candidate],
    short_suffixes: frozenset[str] = frozenset(),
    is_place: Callable[[str], bool] = lambda _: False,
) -> dict[str, str]:
    """Short forms -> the organisation named in full in this document: "(KDI)" after the name,
    its initials, its first word; a short form two organisations share is dropped."""
    aliases: dict[str, set[str]] = {}
    n = len(doc)
    for c in cands:
        if c.kind != "organisation" or c.entry is not None:
            continue
        if (
            c.end + 2 < n
            and doc[c.end].text == "("
            and doc[c.end + 2].text == ")"
            and doc[c.end + 1].is_upper
        ):
            aliases.setdefault(doc[c.end + 1].text, set()).add(c.actor)
        if acronym := initials(c.actor):
            aliases.setdefault(acronym, set()).add(c.actor)
        words = c.actor.split()
        if len(words) >= 2 and len(words[0]) > 2 and not words[0].isupper() and not doc[c.start].is_stop:
            aliases.setdefault(words[0], set()).add(c.actor)
        # "the American Institute" after "the American Institute in Taiwan": the words before a
        # lower-case preposition, two or more
        cut = next((k for k, w in enumerate(words) if k >= 2 and w in _PREFIX_CUTS), 0)
        if cut:
            aliases.setdefault(" ".join(words[:cut]), set()).add(c.actor)
        if len(words) >= 2 and words[-1].lower() in short_suffixes:  # "Democratic Action party"
            aliases.setdefault(" ".join(words[:-1]), set()).add(c.actor)
        if len(words) >= 2 and _plural_name(words[-1]) and is_place(" ".join(words[:-1])):
            aliases.setdefault(words[-1], set()).add(c.actor)  # "the Dallas Mavericks": "Mavericks"
    return {short: next(iter(full)) for short, full in aliases.items() if len(full) == 1}


def _defined_acronyms(doc: Doc, cands: list[Candidate], aliases: dict[str, str]) -> frozenset[str]:
    """Acronyms the document defines in brackets after an organisation's name ("National
    Empowerment Corporation (NEC)") that the gazetteer knows as another organisation (NEC, the
    Japanese company): in this document they mean the organisation named there."""
    out: set[str] = set()
    for c in cands:
        entry = c.entry
        inside = c.start > 0 and c.end < len(doc) and doc[c.start - 1].text == "(" and doc[c.end].text == ")"
        if entry is not None and entry.kind in ("organisation", "media") and inside:
            acronym = _text(doc, c)
            if acronym in aliases and aliases[acronym] != entry.actor:
                out.add(acronym)
    return frozenset(out)


def merge_organisations(
    doc: Doc,
    cands: list[Candidate],
    short_suffixes: frozenset[str] = frozenset(),
    is_place: Callable[[str], bool] = lambda _: False,
) -> list[Candidate]:
    """Short forms of organisations named in full in the document, merged only when unambiguous.

    "Korea Development Institute (KDI)" makes later "KDI" the same organisation, so do the
    initials ("CPP" after "Cambodian People's Party") and a bare first word ("Sandline" after
    "Sandline International").
    """
    aliases = _org_aliases(doc, cands, short_suffixes, is_place)
    if not aliases:
        return cands
    full = {c.actor: c for c in cands if c.kind == "organisation" and c.entry is None}
    defined = _defined_acronyms(doc, cands, aliases)
    for c in cands:
        target = aliases.get(_text(doc, c))
        if target is not None and c.entry is not None and _text(doc, c) in defined:
            c.entry, c.actor = None, _text(doc, c)  # "National Empowerment Corporation (NEC)"
        if (
            target is not None
            and c.entry is None
            and c.actor == _text(doc, c)
            and c.actor != target
            and (c.kind != "person" or c.label == "PERSON")
        ):
            c.actor, c.kind = target, "organisation"
            c.country, c.source = full[target].country, full[target].source
    return cands


def keep_possessives_whole(cands: list[Candidate]) -> None:
    """An organisation whose name ends in 's ("Sainsbury's said") keeps it in its possessive
    uses too ("Sainsbury's chief" is read as "Sainsbury" + 's): one actor, not two."""
    whole = {
        c.actor.replace("\u2019", "'")[:-2]: c.actor
        for c in cands
        if c.kind == "organisation" and c.entry is None and c.actor.replace("\u2019", "'").endswith("'s")
    }
    for c in cands:
        if c.kind == "organisation" and c.entry is None and c.actor in whole:
            c.actor = whole[c.actor]


def repeated_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "took control of Lithuania's Mazeikiu Nafta ... its stake in Mazeikiu Nafta": an
    organisation's name of two words or more that NER found once is the same organisation wherever
    else the document writes it word for word and nothing else covers it (NER tags names unevenly)."""
    texts = token_columns(doc)[0]
    names = {
        tuple(texts[c.start : c.end]): c
        for c in cands
        if c.kind == "organisation"
        and c.entry is None
        and c.end - c.start >= 2
        and texts[c.start][:1].isupper()
        and all(t[:1].isalnum() for t in texts[c.start : c.end])  # words, not "Middle-Eastern"
    }
    if not names:
        return cands
    firsts: dict[str, list[tuple[tuple[str, ...], Candidate]]] = {}
    for words, c in names.items():
        firsts.setdefault(words[0], []).append((words, c))
    covered = {i for c in cands for i in range(c.start, c.end)}
    added: list[Candidate] = []
    for i, text in enumerate(texts):
        for words, c in firsts.get(text, ()):
            end = i + len(words)
            if tuple(texts[i:end]) == words and covered.isdisjoint(range(i, end)):
                added.append(Candidate(i, end, c.actor, c.kind, None, label=c.label))
                covered.update(range(i, end))
    _person_tagged_last_words(cands)
    return sorted(cands + added, key=lambda c: c.start) if added else cands


def _person_tagged_last_words(cands: list[Candidate]) -> None:
    """ "The Polish group PKN Orlen ... Orlen acquired": NER took the company for a person, and its
    last word alone for a person too; that word is the company when exactly one such organisation
    ends with it and no person of the document is named with it."""
    people = {w for c in cands if c.kind == "person" and " " in c.actor for w in c.actor.split()}
    lasts: dict[str, set[str]] = {}
    for c in cands:
        if c.kind == "organisation" and c.label == "PERSON" and " " in c.actor:
            lasts.setdefault(c.actor.rsplit(" ", 1)[-1], set()).add(c.actor)
    for c in cands:
        owners = lasts.get(c.actor, set()) if c.kind == "person" and c.end - c.start == 1 else set()
        if len(owners) == 1 and c.actor not in people:
            c.actor, c.kind = next(iter(owners)), "organisation"
