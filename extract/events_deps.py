"""The events' dependencies: the model loader and actor finder (extract.nlp, extract.actors) and the
time-cue tagger (extract.timecues).

TEMPORARY: the time-cue tagger is looked up at call time with a no-cues stand-in while it has not
landed; remove that fallback once ``extract.timecues`` is committed.
"""

from __future__ import annotations

from datetime import date, datetime
from importlib import import_module
from typing import Any

import pandas as pd

from extract import schema as S
from extract.actors import ActorMention as Mention
from extract.actors import build_actors_frame, find_actor_mentions
from extract.nlp import load_nlp

__all__ = ["Mention", "build_actors_frame", "find_actor_mentions", "find_dateline_date", "load_nlp",
           "tag_time_cues"]


def _real(module: str, name: str) -> Any:
    """The real function ``module.name``, or None while it has not landed."""
    try:
        return getattr(import_module(module), name, None)
    except ImportError:
        return None


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
