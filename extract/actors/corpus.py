"""Merge per-document actor mentions into one actors frame for a corpus.

Within a document the canonical names are already settled (:mod:`extract.actors.resolve`).
Across documents a one-word person name ("Netanyahu") merges into the full name that ends with it
("Benjamin Netanyahu") -- or starts with it, for family-name-first countries ("Xi" -> "Xi
Jinping") -- when one full name clearly dominates and the countries agree; a full name misspelt by
one edit in one word ("Taro Asao") merges into the dominant spelling ("Taro Aso").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from extract import schema as S
from extract.actors.model import ActorMention
from extract.actors.spelling import one_edit

# countries whose names are written family name first in English copy: across documents a bare
# first word is a family name only for them (inside one document both ends merge)
WEAK_SOURCE = "dateline"  # a country from the dateline default yields to any other evidence

FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MNG"})


def _majority(counter: Mapping[str, int]) -> str | None:
    """Most common value; ties go to the alphabetically first (deterministic)."""
    if not counter:
        return None
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _add(counts: dict[Any, int], key: Any, n: int = 1) -> None:
    counts[key] = counts.get(key, 0) + n


class _Tally:
    """Everything known about one doc-level canonical name across the corpus (plain dicts and
    slots: thousands are made per corpus, and Counter objects cost far more to build)."""

    __slots__ = ("countries", "docs", "kinds", "mentions", "sources", "surfaces", "weak_countries")

    def __init__(self) -> None:
        self.kinds: dict[str, int] = {}
        self.countries: dict[str, int] = {}  # from every source but the dateline
        self.weak_countries: dict[str, int] = {}  # from the dateline default only
        self.sources: dict[tuple[str, str], int] = {}  # (country, how it was found)
        self.surfaces: set[str] = set()
        self.mentions = 0
        self.docs: set[str] = set()

    def absorb(self, other: _Tally) -> None:
        """Add another name's tally to this one (a rename across documents)."""
        for mine, theirs in (
            (self.kinds, other.kinds),
            (self.countries, other.countries),
            (self.weak_countries, other.weak_countries),
            (self.sources, other.sources),
        ):
            for key, n in theirs.items():
                _add(mine, key, n)
        self.surfaces |= other.surfaces
        self.mentions += other.mentions
        self.docs |= other.docs


def _tally(mentions_by_doc: Mapping[str, Sequence[ActorMention]]) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for doc_id, mentions in mentions_by_doc.items():
        for m in mentions:
            t = tallies[m.actor]
            _add(t.kinds, m.kind)
            if m.country:
                source = m.country_source or "name"
                _add(t.weak_countries if source == WEAK_SOURCE else t.countries, m.country)
                _add(t.sources, (m.country, source))
            t.surfaces.add(" ".join(m.text.split()))
            t.mentions += 1
            t.docs.add(doc_id)
    return tallies


def spelling_key(name: str) -> str:
    """Names that differ only in case, hyphens, spaces or dots are one actor across documents:
    "Ban Ki-moon" = "Ban Ki Moon" = "Ban Ki- moon"; "U.N." = "UN"."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def spelling_renames(tallies: Mapping[str, _Tally]) -> dict[str, str]:
    """Each name -> the most-mentioned name of the same spelling key and majority kind (ties:
    alphabetically first); names alone in their key are not in the map."""
    groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for name, t in tallies.items():
        groups[(spelling_key(name), _majority(t.kinds))].append(name)
    renames: dict[str, str] = {}
    for names in groups.values():
        if len(names) < 2:
            continue
        best = min(names, key=lambda n: (-tallies[n].mentions, n))
        renames.update({n: best for n in names if n != best})
    return renames


def _apply(tallies: dict[str, _Tally], renames: Mapping[str, str]) -> dict[str, _Tally]:
    """The tallies with renamed names absorbed into their target (targets are never renamed)."""
    for name, target in renames.items():
        tallies[target].absorb(tallies.pop(name))
    return tallies


def person_renames(tallies: Mapping[str, _Tally]) -> dict[str, str]:
    """One-word person names -> the dominant full person name they start or end."""
    full_by_part: dict[str, list[str]] = defaultdict(list)
    for name, t in tallies.items():
        parts = name.split()
        if _majority(t.kinds) == "person" and len(parts) >= 2:
            full_by_part[parts[-1]].append(name)
            if _majority(t.countries) in FAMILY_NAME_FIRST:
                full_by_part[parts[0]].append(name)  # "Xi" -> "Xi Jinping", but not "Sam" -> "Sam Rainsy"
    renames: dict[str, str] = {}
    for name, t in tallies.items():
        if " " in name or _majority(t.kinds) != "person" or name not in full_by_part:
            continue
        ranked = sorted(set(full_by_part[name]), key=lambda n: (-len(tallies[n].docs), n))
        best = ranked[0]
        if len(ranked) > 1 and len(tallies[best].docs) < 2 * len(tallies[ranked[1]].docs):
            continue  # "Kim" with several Kims of similar weight: leave it alone
        mine, theirs = _majority(t.countries), _majority(tallies[best].countries)
        if mine and theirs and mine != theirs:
            continue
        renames[name] = best
    return renames


def _deletions(words: tuple[str, ...]) -> set[tuple[int, tuple[str, ...]]]:
    """Keys shared by two full names whose one differing word is one edit apart: the other words,
    and that word with one letter dropped (or whole)."""
    keys: set[tuple[int, tuple[str, ...]]] = set()
    for i, w in enumerate(words):
        for k in range(len(w) + 1):
            keys.add((i, (*words[:i], w[:k] + w[k + 1 :], *words[i + 1 :])))
    return keys


def typo_renames(tallies: Mapping[str, _Tally]) -> dict[str, str]:
    """Full person names -> the dominant full name they misspell by one edit in one word ("Taro
    Asao" -> "Taro Aso"): the other words equal, the dominant name with at least twice the mentions
    and as many documents, no other name that close, the countries not disagreeing, the dominant
    name's own mentions never writing this spelling (then the dominant one is the slip: "Charles
    Million … Millon … Millon"), and neither of a family-name-first country (their given names differ
    by one letter: "Wang Li", "Wang Yi")."""
    people = {
        n: t
        for n, t in tallies.items()
        if " " in n
        and _majority(t.kinds) == "person"
        and _majority(t.countries or t.weak_countries) not in FAMILY_NAME_FIRST
    }
    by_key: dict[tuple[int, tuple[str, ...]], list[str]] = defaultdict(list)
    for name in people:
        for key in _deletions(tuple(name.casefold().split())):
            by_key[key].append(name)
    renames: dict[str, str] = {}
    for name, t in people.items():
        words = name.casefold().split()
        close = {
            other
            for key in _deletions(tuple(words))
            for other in by_key[key]
            if other != name
            and len(o := other.casefold().split()) == len(words)
            and sum(x != y for x, y in zip(o, words, strict=True)) == 1
            and all(x == y or one_edit(x, y) for x, y in zip(o, words, strict=True))
        }
        if len(close) != 1:
            continue
        best = next(iter(close))
        other_t = people[best]
        if other_t.mentions < 2 * t.mentions or len(other_t.docs) < len(t.docs):
            continue
        mine_word = next(x for x, y in zip(words, best.casefold().split(), strict=True) if x != y)
        if any(mine_word in surface.casefold().split() for surface in other_t.surfaces):
            continue  # the dominant name's own mentions write this spelling ("Charles Million", then "Millon")
        mine, theirs = _majority(t.countries), _majority(other_t.countries)
        if mine and theirs and mine != theirs:
            continue
        renames[name] = best
    return renames


def _country_and_source(t: _Tally) -> dict[str, str | None]:
    """The actor's country (the majority of its mentions' codes, where a dateline default counts
    only when nothing else gave one) and how it was found (the commonest way for that code)."""
    country = None if _majority(t.kinds) == "international" else _majority(t.countries or t.weak_countries)
    how = {src: n for (code, src), n in t.sources.items() if code == country}
    return {S.COUNTRY: country, S.COUNTRY_SOURCE: _majority(how) if country else None}


def build_actors_frame(
    mentions_by_doc: Mapping[str, Sequence[ActorMention]],
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The corpus actors frame (schema ``ACTORS_FRAME``) and the rename map applied to it.

    The map sends a document-level canonical name to the corpus canonical name; names that keep
    their name are not in it. One row per corpus actor, most mentioned first.
    """
    tallies = _tally(mentions_by_doc)
    spelled = spelling_renames(tallies)
    tallies = _apply(tallies, spelled)
    typos = typo_renames(tallies)
    tallies = _apply(tallies, typos)
    spelled = {**spelled, **{n: typos.get(t, t) for n, t in spelled.items()}, **typos}
    people = person_renames(tallies)
    renames = {**spelled, **people}
    renames.update({n: people.get(t, t) for n, t in spelled.items()})
    merged: dict[str, _Tally] = {}
    merged_names: dict[str, set[str]] = defaultdict(set)
    for name, t in tallies.items():
        target = renames.get(name, name)
        merged_names[target].add(name)
        m = merged.get(target)
        if m is None:
            merged[target] = t  # most names are not renamed: their tally is the row (tallies are ours)
            continue
        m.absorb(t)
    for name, target in spelled.items():
        merged_names[renames.get(target, target)].add(name)
    ordered = sorted(merged.items(), key=lambda kv: (-kv[1].mentions, kv[0]))
    rows = [
        {
            S.ACTOR: name,
            S.ACTOR_KIND: _majority(t.kinds),
            **_country_and_source(t),
            S.ALIASES: sorted((t.surfaces | merged_names[name]) - {name}),
            S.MENTIONS: t.mentions,
            S.DOC_COUNT: len(t.docs),
        }
        for name, t in ordered
    ]
    return S.conform(rows, S.ACTORS_FRAME), renames
