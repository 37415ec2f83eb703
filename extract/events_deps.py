"""What the events engine uses from its neighbours, in one place: the model loader
(:mod:`extract.nlp`), the actor finder (:mod:`extract.actors`) and the time-cue tagger
(:mod:`extract.timecues`).
"""

from __future__ import annotations

from datetime import date

from extract.actors import ROLE_DEMONYM, build_actors_frame, find_actor_mentions, load_gazetteer, norm_key
from extract.actors import ActorMention as Mention
from extract.nlp import load_nlp
from extract.timecues import find_dateline, time_cue_records

__all__ = ["Mention", "build_actors_frame", "find_actor_mentions", "find_dateline_date", "is_demonym",
           "load_nlp", "time_cue_records"]


def _demonym(key: str) -> bool:
    entry = load_gazetteer().entries.get(key)
    return entry is not None and entry.role == ROLE_DEMONYM


def is_demonym(mention: Mention) -> str:
    """"plural" for a plural demonym ("Palestinians": its singular is a demonym too), "singular" for
    another demonym ("Israeli", "Chinese"), "" for a name."""
    key = norm_key(mention.text)
    if not _demonym(key):
        return ""
    return "plural" if key.endswith("s") and _demonym(key[:-1]) else "singular"


def find_dateline_date(text: str) -> date | None:
    """The date stated by the text's dateline ("SEOUL, Nov. 16 (Yonhap) —"), or None."""
    found = find_dateline(text)
    return found.date if found is not None else None
