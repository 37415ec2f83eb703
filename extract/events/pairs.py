"""A definite pair ("the two leaders", "both countries") as the two parties it stands for: those of
the document's last row with two parties of the kind the noun names (rules/events/pairs.toml). The
first is the source and the other the target, as the guidelines write a joint act."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from extract.actors import ActorMention as Mention
from extract.actors import load_gazetteer
from extract.events.rules import read_rules, require_list

_KINDS = {"person_nouns": {"person"}, "state_nouns": {"country", "organisation"}, "party_nouns": None}
_ANY = frozenset({"person", "organisation", "country", "international", "media"})


@lru_cache(maxsize=1)
def pair_nouns() -> dict[str, frozenset[str]]:
    """Head noun of a pair → the actor kinds its two parties may have."""
    data = read_rules("pairs.toml")
    out: dict[str, frozenset[str]] = {}
    for field, kinds in _KINDS.items():
        for noun in require_list(data, "pairs.toml", field, str):
            out[noun.lower().split()[-1]] = frozenset(kinds) if kinds is not None else _ANY
    return out


def pair_kinds(head: Token | None) -> frozenset[str] | None:
    """The kinds of the two parties a pair phrase headed by ``head`` stands for; None: no pair."""
    if head is None or head.lower_ not in pair_nouns():
        return None
    left = [t.lower_ for t in head.doc[max(0, head.i - 3) : head.i]]
    if "both" not in left and ("the", "two") not in zip(left, left[1:], strict=False):
        return None
    return pair_nouns()[head.lower_]


class Pairs:
    """The two parties of each row so far, newest last: what a later pair stands for."""

    def __init__(self) -> None:
        self.seen: list[tuple[Mention, Mention]] = []

    def add(self, source: Mention | None, target: Mention | None, actors: list[Mention]) -> None:
        """A row's parties: its doer and target, or its doer and the one other actor of its kind
        ("Japan signed a pact *with Australia*"); a person's country and a country target are a pair of
        states as well."""
        if source is None or source.kind == "group":
            return
        if target is None:
            others = {m.actor: m for m in actors if m.kind == source.kind and m.actor != source.actor}
            target = next(iter(others.values())) if len(others) == 1 else None
        if target is not None and target.actor != source.actor and target.kind != "group":
            self.seen.append((source, target))
            # "South Korean Foreign Minister Yoo will visit Japan … the two countries": the person's
            # country and the country visited are a pair of states too
            home = load_gazetteer().country_names.get(source.country or "")
            if source.kind == "person" and target.kind == "country" and home and home != target.actor:
                self.seen.append((replace(source, actor=home, kind="country"), target))

    def resolve(
        self, doc: Doc, source: Mention | None, subject: Token | None
    ) -> tuple[Mention, Mention] | None:
        """The two parties a pair doer stands for (a group mention, or a subject no actor was found
        for), or None: no pair, or no earlier two of its kind."""
        if source is not None and source.kind != "group":
            return None
        kinds = pair_kinds(doc[source.head_token] if source is not None else subject)
        if kinds is None:
            return None
        return next(((a, b) for a, b in reversed(self.seen) if a.kind in kinds and b.kind in kinds), None)
