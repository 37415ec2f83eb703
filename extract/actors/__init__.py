"""Actors: who is named in a document, with a canonical name, a kind and an ISO3 country.

Public calls:

- :func:`find_actor_mentions` -- the :class:`ActorMention` list of one parsed spaCy ``Doc``;
- :func:`mentions_by_token` -- token index -> the mention covering it;
- :func:`build_actors_frame` -- merge a corpus's mentions into the ``ACTORS_FRAME`` frame;
- :func:`load_gazetteer`, :func:`norm_key`, :data:`ROLE_DEMONYM` -- the compiled vocabulary and its
  look-up key, for stages that ask "is this word a demonym?".

Modules: ``model`` (the mention record), ``data`` (gazetteer from ``extract/rules/actors/*.toml``),
``find`` (candidate spans), ``resolve`` (canonical names, kinds, countries), ``mentions`` (the
per-document entry point), ``corpus`` (cross-document merge). See ``docs/actors.md``.
"""

from __future__ import annotations

from extract.actors.corpus import build_actors_frame
from extract.actors.data import ROLE_DEMONYM, is_not_actor, load_gazetteer, norm_key
from extract.actors.mentions import find_actor_mentions, mentions_by_token
from extract.actors.model import ActorMention

__all__ = [
    "ROLE_DEMONYM",
    "ActorMention",
    "build_actors_frame",
    "find_actor_mentions",
    "is_not_actor",
    "load_gazetteer",
    "mentions_by_token",
    "norm_key",
]
