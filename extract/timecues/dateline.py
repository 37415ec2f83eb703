"""News datelines: "SEOUL, Nov. 16 (Yonhap) —", "KUALA LUMPUR, April 1 , 1997 (AFP)"."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from extract.timecues.rules import load_rules
from extract.timecues.types import Dateline

_HEAD = 400  # a dateline opens the story: look only at its first characters
_PLACE = r"[A-Z][A-Z.'’-]*(?:[ ][A-Z][A-Z.'’-]*){0,3}"  # upper case: SEOUL, KUALA LUMPUR
_REGION = r"(?:,[ ](?!(?i:{months})\b)[A-Z][\w.'’-]*(?:[ -][\w.'’]+){{0,4}})?"  # ", Zaire-Zambia border"
_AGENCY = r"\([A-Z][\w&.-]*(?:[ ][\w&.-]+){0,3}\)"


@lru_cache(maxsize=1)
def _regex() -> re.Pattern[str]:
    months = "|".join(sorted(load_rules().vocab["month"], key=len, reverse=True))
    return re.compile(
        rf"(?m)^[ \t]*(?P<place>{_PLACE}){_REGION.format(months=months)},?[ \t]+"
        rf"(?:(?P<month>(?i:{months}))\.?[ \t]+(?P<day>[0-3]?\d)(?:[ \t]*,[ \t]*(?P<year>\d{{4}}))?[ \t]*,?[ \t]*)?"
        rf"(?:{_AGENCY}|(?=[-–—_])|$)"
    )


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a news story and the date it states, or None.

    The place must be upper case ("SEOUL", "KUALA LUMPUR"), and an agency in brackets, a dash
    or the end of the line must follow; the month and day are optional, the year rarer still.
    """
    m = _regex().search(text[:_HEAD])
    if m is None:
        return None
    month = day = year = None
    if m.group("month"):
        month = load_rules().vocab["month"].get(m.group("month").lower())
        day = int(m.group("day"))
        year = int(m.group("year")) if m.group("year") else None
    when: date | None = None
    if month and day and year:
        try:
            when = date(year, month, day)
        except ValueError:
            when = None
    return Dateline(m.start("place"), m.end(), when, month, day, year)
