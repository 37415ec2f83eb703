"""Actors the events stage names that the actor finder does not, into the document's actors.

The events stage makes groups named as written ("Thai troops", "the Danish embassy") and names taken as
written; without this they had a country in the events frame but no row in the actors frame, so the
dashboard drew them as grey lanes beside the country lanes. Here each gets a mention with its kind,
country and how the country was found ("the Japanese government" stays as written, a group of Japan's); a
bare "the government", "parliament" takes the story's country only when the dateline and the actors name just one
(rules/actors/event_actors.toml).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from extract.actors.data import load_gazetteer, read_rule_file
from extract.actors.dateline import dateline_country
from extract.actors.model import ActorMention
from extract.actors.places import load_places

GROUP = "group"
_SKIPPED_DEPS = frozenset({"det", "case", "punct"})


@dataclass(frozen=True)
class EventActorRules:
    """The heads of bodies every country has (event_actors.toml)."""

    bare_heads: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_event_actor_rules() -> EventActorRules:
    data = read_rule_file("event_actors.toml")
    return EventActorRules(frozenset(w.lower() for w in data["bare_heads"]))


def _key(m: ActorMention) -> tuple[int, int, str]:
    return (m.char_start, m.char_end, m.actor)


def story_country(doc: Doc, mentions: Sequence[ActorMention], dateline: str | None) -> str | None:
    """The one country the story is about: the dateline's and every actor's code agree (None else)."""
    codes = {m.country for m in mentions if m.country and m.kind != "international"}
    home = dateline_country(doc, load_gazetteer(), load_places(), dateline)
    if home is not None:
        codes.add(home)
    return next(iter(codes)) if len(codes) == 1 else None


def _words(doc: Doc, m: ActorMention) -> list[int]:
    """The group's tokens that name it, without determiners, possessive endings and punctuation."""
    return [
        i
        for i in range(m.token_start, m.token_end)
        if doc[i].dep_ not in _SKIPPED_DEPS and not (doc[i].dep_ == "poss" and doc[i].tag_ == "PRP$")
    ]


def _source(group: ActorMention, by_token: dict[int, ActorMention]) -> str:
    """How a group's country was found: a modifier or possessor inside it, else where it is from."""
    inside = (by_token.get(i) for i in range(group.token_start, group.token_end))
    return "modifier" if any(m is not None and m.country == group.country for m in inside) else "origin"


def event_actors(
    doc: Doc,
    mentions: Sequence[ActorMention],
    named: Iterable[ActorMention],
    dateline: str | None = None,
) -> tuple[list[ActorMention], dict[ActorMention, ActorMention]]:
    """The mentions to add to the document's actors, and the event mentions whose country they change.

    ``named`` are the mentions the event rows use; those the finder did not make are added as written, with
    a kind and a country source (a bare "the government" may take the story's country)."""
    known = {_key(m) for m in mentions}
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    rules = load_event_actor_rules()
    home: list[str | None] = []  # the story's country, computed once and only when needed
    added: dict[tuple[int, int, str], ActorMention] = {}
    changed: dict[ActorMention, ActorMention] = {}
    for m in named:
        if _key(m) in known or m in changed or _key(m) in added:
            continue
        new = m
        if m.kind == GROUP:
            head = doc[m.head_token].lower_
            bare = _words(doc, m) == [m.head_token]
            if m.country is None and bare and head in rules.bare_heads:
                if not home:
                    home.append(story_country(doc, mentions, dateline))
                if home[0] is not None:
                    new = replace(m, country=home[0], country_source="story")
            elif m.country is not None:  # "the Japanese government" stays as written, a group of Japan's: the
                # rename to the country (CAMEO's JPN + GOV) lowered held-out source accuracy at stop 23
                new = replace(m, country_source=_source(m, by_token))
        if new is not m:
            changed[m] = new
        added[_key(m)] = new
    return list(added.values()), changed
