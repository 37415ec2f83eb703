"""Resolve an underspecified cue against an anchor date and the sentence's tense.

``resolve_cue`` is a pure function of (cue, anchor, tense): no text, no state. Without an
anchor, relative cues keep an underspecified TIMEX3 value (``XXXX-WXX-2``, ``XXXX``) and get no
interval. Handlers for calendar-named cues (dates, months, seasons, quarters) are here; those for
counted and vague cues are in :mod:`extract.timecues.relative`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from extract.timecues import calendar as cal
from extract.timecues.dates import nth_weekday, period, pick_year, resolve_date
from extract.timecues.relative import (
    resolve_ago,
    resolve_duration,
    resolve_rel_unit,
    resolve_relday,
    resolve_set,
    resolve_time,
    resolve_vague,
    resolve_weekday,
)
from extract.timecues.types import Cue, Resolution, Tense

__all__ = ["HANDLERS", "Handler", "nth_weekday", "period", "pick_year", "resolve_cue", "resolve_date"]

Handler = Callable[[dict[str, Any], date | None, Tense], Resolution | None]


_PAST_MONTH_SLACK_DAYS = 62  # a bare month told in the past is at most the month after next
# (TempEval-3 TBAQ, wikiwars-dev and tweets-dev value-correct unchanged at 62; 1 fewer on TBAQ at 31)


def resolve_month(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A month name (+ year or relative word): "July 1998", "last November", "early December"."""
    m = f["month"]
    if "year" in f:
        return period(date(f["year"], m, 1), "month", "absolute", f.get("mod"), 0.95)
    if anchor is None:
        return Resolution("DATE", f"XXXX-{m:02d}", "relative", f.get("mod"), confidence=0.4)
    here = anchor.replace(day=1)
    rel = f.get("rel")
    if "owner" in f:  # "January this year", "April next year"
        start = date(anchor.year + int(f["owner"]), m, 1)
    elif rel == 0:
        start = date(anchor.year, m, 1)
    elif rel is not None:
        start = date(anchor.year + (0 if (m < anchor.month if rel < 0 else m > anchor.month) else rel), m, 1)
    else:
        start = pick_year(lambda y: date(y, m, 1), here, tense) or here
        if tense is Tense.PAST and (start - here).days > _PAST_MONTH_SLACK_DAYS:
            # "was arrested in March" in a December story: that March is behind us (pick_year lets a
            # past-tense date run 90 days ahead, for participles: "extended to Nov. 20")
            start = date(start.year - 1, m, 1)
    return period(start, "month", "relative", f.get("mod"), 0.8)


def resolve_season(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A season: "the summer of 1944", "this spring", "last fall"."""
    code = f["season"]
    if "year" in f:
        start = cal.season_start(f["year"], code)
        return period(start, "season", "absolute", f.get("mod"), 0.9, f"{f['year']:04d}-{code}")
    if anchor is None:
        return Resolution("DATE", f"XXXX-{code}", "relative", f.get("mod"), confidence=0.4)
    if "owner" in f:  # "autumn this year", "the spring of last year"
        y = anchor.year + int(f["owner"])
        return period(cal.season_start(y, code), "season", "relative", f.get("mod"), 0.85, f"{y:04d}-{code}")
    rel = f.get("rel")
    y = anchor.year
    this = cal.season_start(y, code)
    if rel is None:
        if tense in (Tense.PAST, Tense.BEHIND) and this > anchor:
            y -= 1
        elif tense is Tense.FUTURE and cal.end_of(this, "season") <= anchor:
            y += 1
    elif rel < 0:
        y = y if cal.end_of(this, "season") <= anchor else y - 1
    elif rel > 0:
        y = y if this > anchor else y + 1
    start = cal.season_start(y, code)
    return period(start, "season", "relative", f.get("mod"), 0.8, f"{y:04d}-{code}")


def _yearless(f: dict[str, Any], anchor: date | None) -> int | None:
    """Explicit year, else the anchor's year moved by "last/next year's"."""
    if "year" in f:
        return int(f["year"])
    if anchor is None:
        return None
    return anchor.year + int(f.get("owner", 0)) + int(f.get("rel", 0))


def resolve_quarter(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A quarter: "the third quarter", "third-quarter", "the first quarter of 1999"."""
    q = int(f["ord"])
    y = _yearless(f, anchor)
    if y is None:
        return Resolution("DATE", f"XXXX-Q{q}", "relative", confidence=0.4)
    if anchor is not None and "year" not in f and "owner" not in f:
        current = (anchor.month - 1) // 3 + 1
        if q > current and tense not in (Tense.FUTURE, Tense.AHEAD):
            y -= 1
        if f.get("year_ago"):  # "the year-earlier third quarter"
            y -= 1
    kind = "absolute" if "year" in f else "relative"
    return period(date(y, 3 * q - 2, 1), "quarter", kind, f.get("mod"), 0.85)


def resolve_half(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A half year: "the first half of 1999"."""
    h = min(int(f["ord"]), 2)  # "the last half" is the second
    y = _yearless(f, anchor)
    if y is None:
        return Resolution("DATE", f"XXXX-H{h}", "relative", confidence=0.4)
    return period(date(y, 1 if h == 1 else 7, 1), "half_year", "absolute" if "year" in f else "relative")


def resolve_year(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A year, possibly with a modifier or an era: "1992", "mid-2023", "480 BC", "post-1998"."""
    y = int(f["year"])
    mod = f.get("mod")
    if f.get("era") == "BC":
        return Resolution("DATE", f"BC{y:04d}", "absolute", mod, granularity="year", confidence=0.9)
    if y < 1:
        return None
    if mod == "AFTER":
        return Resolution("DATE", f"{y:04d}", "absolute", mod, cal.at(date(y + 1, 1, 1)), None, "year", 0.8)
    if mod == "BEFORE":
        return Resolution("DATE", f"{y:04d}", "absolute", mod, None, cal.at(date(y, 1, 1)), "year", 0.8)
    return period(date(y, 1, 1), "year", "absolute", mod, 0.95)


def resolve_bc(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """Dates before year 1: "August 480 BC" → BC0480-08, "the 470s BC" → BC047. No interval
    (Python dates start at year 1)."""
    if "decade" in f:
        value = f"BC{int(f['decade']):03d}"
    elif "century" in f:
        value = f"BC{int(f['century']):02d}"
    else:
        value = f"BC{int(f['year']):04d}"
        if "month" in f:
            value += f"-{int(f['month']):02d}"
        elif "season" in f:
            value += f"-{f['season']}"
    return Resolution("DATE", value, "absolute", f.get("mod"), granularity=None, confidence=0.85)


def resolve_decade(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A decade: "the 1990s" → 199, "the early '60s" → 196 (mod START)."""
    return period(date(int(f["decade"]) * 10, 1, 1), "decade", "absolute", f.get("mod"), 0.9)


def resolve_century(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A century: "the 20th century" → 19."""
    c = int(f["century"])
    return period(date(max(1, c * 100), 1, 1), "century", "absolute", f.get("mod"), 0.9, f"{c:02d}")


def resolve_year_range(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A span of years "1957-58": the value of its first year, the interval of both."""
    y1 = int(f["year"])
    if f.get("year2") is None:  # "2010-09": no span of years; a month when the digits can be one
        tail = int(f["tail"])
        return period(
            date(y1, tail, 1) if 1 <= tail <= 12 else date(y1, 1, 1),
            "month" if 1 <= tail <= 12 else "year",
            "absolute",
        )
    y2 = int(f["year2"])
    return Resolution(
        "DATE",
        f"{y1:04d}",
        "absolute",
        None,
        cal.at(date(y1, 1, 1)),
        cal.at(date(y2 + 1, 1, 1)),
        "year",
        0.85,
    )


def resolve_holiday(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """A fixed-date holiday: "Christmas", "New Year's Eve 1999"."""
    return resolve_date(f, anchor, tense)


# Python's own messages for a date outside years 1..9999 or a day the month lacks
_OUT_OF_CALENDAR = re.compile(r"out of range|must be in \d")

HANDLERS: dict[str, Handler] = {
    "date": resolve_date,
    "month": resolve_month,
    "season": resolve_season,
    "quarter": resolve_quarter,
    "half": resolve_half,
    "year": resolve_year,
    "decade": resolve_decade,
    "bc": resolve_bc,
    "century": resolve_century,
    "year_range": resolve_year_range,
    "holiday": resolve_holiday,
    "ago": resolve_ago,
    "rel_unit": resolve_rel_unit,
    "weekday": resolve_weekday,
    "relday": resolve_relday,
    "duration": resolve_duration,
    "set": resolve_set,
    "vague": resolve_vague,
    "time": resolve_time,
}


def resolve_cue(cue: Cue, anchor: date | None, tense: Tense = Tense.UNKNOWN) -> Resolution | None:
    """TIMEX3 type/value and interval of ``cue`` against ``anchor`` (None when it is no time)."""
    handler = HANDLERS.get(cue.handler)
    if handler is None:
        raise ValueError(f"rule {cue.rule!r}: unknown handler {cue.handler!r}")
    try:
        return handler(cue.fields, anchor, tense)
    except OverflowError:  # beyond what datetime can hold ("99999 days ago" from year 1): no date
        return None
    except ValueError as exc:  # "3000 years ago": year -1002 is out of Python's calendar
        if _OUT_OF_CALENDAR.search(str(exc)):
            return None
        raise  # anything else is a bug (a missing field raises KeyError, also not caught)
