"""Calendar-named days: a date's year when the text leaves it out, and the resolver for
month + day (+ year) cues ("Dec. 7, 1941", "March 3", "Thanksgiving").

Both :mod:`extract.timecues.resolver` and :mod:`extract.timecues.relative` (a weekday with a date,
a clock time on a named day) use it, so it sits below both: no import circle.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from extract.timecues import calendar as cal
from extract.timecues.types import Resolution, Tense


def period(
    start: date,
    gran: str,
    kind: str,
    mod: str | None = None,
    confidence: float = 0.9,
    value: str | None = None,
    type_: str = "DATE",
) -> Resolution:
    """Resolution for the calendar period of ``gran`` starting at ``start`` (narrowed by ``mod``)."""
    s, e = cal.narrow(start, cal.end_of(start, gran), mod)
    return Resolution(
        type_, value or cal.value_of(start, gran), kind, mod, cal.at(s), cal.at(e), gran, confidence
    )


# a past-tense sentence may still name a date shortly after the DCT ("was extended to Nov. 20")
_PAST_SLACK_DAYS = 90
_UNKNOWN_SLACK_DAYS = 150


def pick_year(make: Callable[[int], date | None], anchor: date, tense: Tense) -> date | None:
    """The year for a yearless date ("March 3"): future tense → the first one not before the
    anchor; "present" (narrative mode) → the anchor's year; otherwise the one nearest the anchor,
    except that past tense rules out dates more than 90 days after it (measured on TimeBank:
    past-tense markers are too often participles — "extended to Nov. 20" — to trust further)
    and no tense at all rules out dates more than 150 days after it (news mostly reports)."""
    cands = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := make(y)) is not None]
    near = min(cands, key=lambda d: abs((d - anchor).days)) if cands else None
    slack = {Tense.PAST: _PAST_SLACK_DAYS, Tense.UNKNOWN: _UNKNOWN_SLACK_DAYS, Tense.BEHIND: 0}.get(tense)
    if slack is not None and near is not None and (near - anchor).days > slack:
        return max((d for d in cands if d <= anchor), default=None)  # none before year 1: no date
    if tense is Tense.PRESENT:  # narrative mode: the anchor's own year
        return make(anchor.year) or near
    if tense is Tense.FUTURE:
        cands = [d for d in cands if d >= anchor] or cands
        return min(cands) if cands else None
    return near


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def nth_weekday(y: int, m: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of month ``m`` of year ``y`` (n = -1: the last one)."""
    if n > 0:
        first = date(y, m, 1)
        return first + timedelta(days=(weekday - 1 - first.weekday()) % 7 + 7 * (n - 1))
    last = cal.shift(date(y, m, 1), "month", 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - (weekday - 1)) % 7)


def resolve_date(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """Month + day (+ year): "Dec. 7, 1941", "March 3", "Christmas", "Thanksgiving"."""
    m = f["month"]
    if "nth" in f:
        weekday, n = f["nth"]

        def make(y: int) -> date | None:
            return nth_weekday(y, m, weekday, n)

        label = f"XXXX-{m:02d}-XX"
    else:
        d = f["day"]
        if _safe_date(2000, m, d) is None:  # Feb 30 and the like are not dates
            return None

        def make(y: int) -> date | None:
            return _safe_date(y, m, d)

        label = f"XXXX-{m:02d}-{d:02d}"
    if "year" in f:
        day = make(f["year"])
        return None if day is None else period(day, "day", "absolute", f.get("mod"), 0.95)
    rel = f.get("rel")
    if anchor is None:
        return Resolution("DATE", label, "relative", f.get("mod"), confidence=0.4)
    if "owner" in f:  # "July 15 last year", "March 1 next year": the day in that year
        day = make(anchor.year + int(f["owner"]))
        return None if day is None else period(day, "day", "relative", f.get("mod"), 0.9)
    if rel is not None:
        tense = Tense.PAST if rel < 0 else Tense.FUTURE if rel > 0 else Tense.UNKNOWN
    day = pick_year(make, anchor, tense)
    return None if day is None else period(day, "day", "relative", f.get("mod"), 0.85)
