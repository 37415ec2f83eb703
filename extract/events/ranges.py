"""A range stated with two cues ("from 1991 to 1996", "between March 3 and March 5") dates an event
from the first cue's start to the second's end: the time-cue stage tags the two ends apart, as TimeML
does, and a clause that takes one of them would otherwise sit on one end only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from extract import schema as S

_OPENS = re.compile(r"\b(?P<word>from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_JOINS = {"from": re.compile(r"\s*(?:to|until|till|through|thru|-|–|—)\s*(?:the\s+)?$", re.IGNORECASE)}
_JOINS["between"] = re.compile(r"\s*(?:and|-|–)\s*(?:the\s+)?$", re.IGNORECASE)


def stated_range(chosen: dict[str, Any], dated: Sequence[dict[str, Any]], text: str) -> dict[str, Any] | None:
    """The time fields of the range ``chosen`` is one end of, or None when it ends no such range.

    Both ends must be anchored and in order (the first starts before the second ends)."""
    by_start = sorted(dated, key=lambda c: int(c[S.CHAR_START]))
    for first, second in zip(by_start, by_start[1:], strict=False):
        if chosen is not first and chosen is not second:
            continue
        a_end, b_start = int(first[S.CHAR_END]), int(second[S.CHAR_START])
        opens = _OPENS.search(text, max(0, int(first[S.CHAR_START]) - 16), int(first[S.CHAR_START]))
        if opens is None or not _JOINS[opens.group("word").lower()].fullmatch(text[a_end:b_start]):
            continue
        start, end = first.get(S.START), second.get(S.END)
        if start is None or end is None or pd.isna(start) or pd.isna(end) or start >= end:
            return None
        return {
            **first,
            S.TIME_TEXT: text[opens.start() : int(second[S.CHAR_END])],
            S.TIME_VALUE: f"{first.get(S.TIME_VALUE)}/{second.get(S.TIME_VALUE)}",
            S.TIME_MOD: None,
            S.START: start,
            S.END: end,
            S.CHAR_START: int(first[S.CHAR_START]),
            S.CHAR_END: int(second[S.CHAR_END]),
        }
    return None
