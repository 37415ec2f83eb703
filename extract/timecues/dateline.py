"""News datelines: "SEOUL, Nov. 16 (Yonhap) —", "KUALA LUMPUR, April 1 , 1997 (AFP)"."""

from __future__ import annotations

import re
from datetime import date

from extract.timecues.rules import load_rules
from extract.timecues.types import Dateline

_HEAD = 400  # a dateline opens the story: look only at its first characters
_PLACE = r"[A-Z][A-Za-z.'’-]*(?:[ ][A-Za-z.'’-]+){0,4}(?:,[ ][A-Z][A-Za-z. ]{1,30})?"
_AGENCY = r"\((?:[A-Z][\w&.-]*(?:[ ][\w&.-]+){0,3})\)"
_DATELINE: re.Pattern[str] | None = None


def _regex() -> re.Pattern[str]:
    global _DATELINE
    if _DATELINE is None:
        months = "|".join(sorted(load_rules().vocab["month"], key=len, reverse=True))
        _DATELINE = re.compile(
            rf"(?m)^[ \t]*(?P<place>{_PLACE}),?[ \t]+"
            rf"(?:(?P<month>(?i:{months}))\.?[ \t]+(?P<day>[0-3]?\d)(?:[ \t]*,[ \t]*(?P<year>\d{{4}}))?[ \t]*)?"
            rf"(?:{_AGENCY}|(?=[ \t]*[-–—_]))"
        )
    return _DATELINE


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a news story and the date it states, or None.

    The place must be upper case ("SEOUL", "KUALA LUMPUR") and an agency in brackets or a dash
    must follow; the month and day are optional, the year rarer still.
    """
    head = text[:_HEAD]
    for m in _regex().finditer(head):
        place = m.group("place").split(",")[0]
        if not place.replace(" ", "").replace(".", "").replace("-", "").isupper():
            continue
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
    return None
