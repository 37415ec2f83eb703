"""Value types of the time-cue tagger: an underspecified cue, its resolution, tense, dateline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Tense(StrEnum):
    """Tense of the sentence around a cue, as far as cheap surface cues tell."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    BEHIND = "behind"  # a start we are past ("since March"): the latest such date on or before the DCT
    AHEAD = "ahead"  # a deadline ("until Tuesday", "by February"): a weekday ahead, else the nearest date
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Cue:
    """A time expression as found in the text, not yet resolved.

    ``fields`` holds what the words say (``{"rel": -1, "unit": "week"}`` for "last week",
    ``{"month": 3, "day": 3}`` for "March 3"); ``handler`` names the resolver function.
    """

    char_start: int
    char_end: int
    text: str
    rule: str
    handler: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Resolution:
    """A cue's TIMEX3 type/value/mod and its anchored half-open interval (or none)."""

    type: str
    value: str
    kind: str
    mod: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    granularity: str | None = None
    confidence: float = 0.9


@dataclass(frozen=True)
class Dateline:
    """A news dateline ("SEOUL, Nov. 16 (Yonhap) —") and the date it states, if any."""

    char_start: int
    char_end: int
    date: date | None
    month: int | None
    day: int | None
    year: int | None
