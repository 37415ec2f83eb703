"""A range stated with two cues ("from 1991 to 1996", "between March 3 and March 5") dates an event
from the first cue's start to the second's end: the time-cue stage tags the two ends apart, as TimeML
does, and a clause that takes one of them would otherwise sit on one end only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import pandas as pd

from extract import schema as S
from extract.events.rules import read_rules

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


@lru_cache(maxsize=1)
def _day_end() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Any]]:
    """The regexes of ranges.toml: a joiner and a bare day number after a day cue, an opening word before it."""
    data = read_rules("ranges.toml")
    words = {w for ws in data["openers"].values() for w in ws}
    dashes = "|".join(re.escape(d) for d in data["dashes"])
    joined = "|".join(re.escape(w) for w in sorted(words))
    counts = "|".join(re.escape(w) for w in data["not_after"])
    after = re.compile(
        rf"(?:\s*(?P<dash>{dashes})\s*|\s+(?P<word>{joined})\s+)(?P<day>\d{{1,2}})\b"
        rf"(?![.,:]\d|\s*(?:{counts})(?!\w))",
        re.IGNORECASE,
    )
    openers = "|".join(re.escape(o) for o in data["openers"])
    before = re.compile(rf"\b(?P<open>{openers})\s+(?:the\s+)?$", re.IGNORECASE)
    return after, before, data["openers"]


def day_range(chosen: dict[str, Any], text: str) -> dict[str, Any] | None:
    """The time fields of a range of days of one month whose second end is a bare number ("from Nov. 19
    *to 20*", "Nov. 15*-16*"), or None: the cue must be one day, the number a later day of its month."""
    if chosen.get(S.GRANULARITY) != "day" or chosen.get(S.START) is None or pd.isna(chosen.get(S.START)):
        return None
    after, before, openers = _day_end()
    lo, hi = int(chosen[S.CHAR_START]), int(chosen[S.CHAR_END])
    found = after.match(text, hi)
    if found is None:
        return None
    if found.group("word"):
        opened = before.search(text, max(0, lo - 16), lo)
        if opened is None or found.group("word").lower() not in openers[opened.group("open").lower()]:
            return None
    start = pd.Timestamp(chosen[S.START])
    day = int(found.group("day"))
    if not start.day < day <= start.days_in_month:
        return None
    last = start.replace(day=day)
    return {
        **chosen,
        S.TIME_TEXT: text[lo : found.end()],
        S.TIME_VALUE: f"{chosen.get(S.TIME_VALUE)}/{last:%Y-%m-%d}",
        S.TIME_MOD: None,
        S.END: last + pd.Timedelta(days=1),
        S.CHAR_END: found.end(),
    }
