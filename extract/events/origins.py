"""A verb of leaving whose object is the doer's own country or capital names where a trip starts,
not whom it is done to: "Bush departed Washington for Mar del Plata" has no target, while "Syrian
troops left Lebanon" keeps Lebanon (roles.toml ``origin_verbs``)."""

from __future__ import annotations

from spacy.tokens import Token

from extract.actors import ActorMention as Mention
from extract.events.rules import lexicon, role_words


def own_origin(verb: Token, source: Mention | None, target: Mention | None) -> bool:
    """Whether ``target`` is only the doer's own country left behind by a verb of leaving."""
    if source is None or target is None or target.country is None or target.country != source.country:
        return False
    return lexicon().lemma(verb.lemma_) in role_words()["origin_verbs"] and target.kind in (
        "country",
        "place",
    )
