"""Resolvers for counted, deictic and vague cues: "two years ago", "last week", "on Tuesday",
"yesterday", "the past two years", "daily", "recently", "10:30 a.m."."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from extract.timecues import calendar as cal
from extract.timecues.dates import resolve_date
from extract.timecues.types import Resolution, Tense
from extract.timecues.vocab import load_count_widths

_LETTER = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y"}
_COUNT_WIDTHS = load_count_widths()
_PAST_RELS = {"past", "last", "previous", "preceding", "prior", "the past", "the last", "the previous"}
_NEXT_RELS = {"next", "coming", "following", "upcoming", "remaining"}


def _fmt(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(num: float | None, unit: str) -> str:
    """ISO 8601 duration of ``num`` ``unit``s (X when the number is vague): P2Y, PT24H, PXW."""
    n: float | None = num
    if unit == "quarter":  # TimeBank writes quarters as Q: "every quarter" P1Q, "several quarters" PXQ
        return f"P{'X' if num is None else _fmt(num)}Q"
    if unit == "decade":
        unit, n = "year", None if num is None else num * 10
    elif unit == "century":
        unit, n = "year", None if num is None else num * 100
    elif unit == "fortnight":
        unit, n = "week", None if num is None else num * 2
    count = "X" if n is None else _fmt(n)
    letter = _LETTER.get(unit, "D")
    return f"PT{count}{letter}" if unit in ("hour", "minute", "second") else f"P{count}{letter}"


def _delta(num: float, unit: str) -> relativedelta:
    if unit in ("hour", "minute", "second"):
        return relativedelta(**{unit + "s": num})  # type: ignore[arg-type]
    gran = cal.UNIT_GRANULARITY.get(unit, "day")
    step = {
        "day": relativedelta(days=1),
        "week": relativedelta(weeks=1),
        "month": relativedelta(months=1),
        "quarter": relativedelta(months=3),
        "year": relativedelta(years=1),
        "decade": relativedelta(years=10),
        "century": relativedelta(years=100),
    }[gran]
    if unit == "fortnight":
        num *= 2
    if num == int(num):
        return step * int(num)
    return relativedelta(
        days=round(
            num
            * {
                "day": 1,
                "week": 7,
                "month": 30.44,
                "quarter": 91.3,
                "year": 365.25,
                "decade": 3652.5,
                "century": 36525,
            }[gran]
        )
    )


def resolve_duration(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "two years" → P2Y; "the past two years" → P2Y and [anchor − 2 years, anchor)."""
    unit = f["unit"]
    num = f.get("num", 1.0)
    if num is not None and "half" in f:
        num += f["half"]
    value = duration_value(num, unit)
    rel = f.get("rel_word", "").removeprefix("the ")
    if num is None and anchor is not None and (rel in _PAST_RELS or rel in _NEXT_RELS):
        return _vague_count(value, unit, rel in _PAST_RELS, anchor, f.get("mod"))
    if anchor is None or num is None or not (rel in _PAST_RELS or rel in _NEXT_RELS):
        return Resolution("DURATION", value, "duration", f.get("mod"), confidence=0.85)
    a = cal.at(anchor)
    if rel in _PAST_RELS:
        start, end = a - _delta(num, unit), a
    else:
        start, end = a, a + _delta(num, unit)
    return Resolution(
        "DURATION", value, "duration", f.get("mod"), start, end, cal.UNIT_GRANULARITY.get(unit), 0.85
    )


def _vague_count(value: str, unit: str, past: bool, anchor: date, mod: str | None) -> Resolution:
    """ "the past several months": DURATION PXM, kind vague, over vague.toml's width for the unit
    before (or, for "the next few weeks", after) the anchor; no interval for units it lacks (hours)."""
    days = _COUNT_WIDTHS.get(unit)
    if days is None:
        return Resolution("DURATION", value, "duration", mod, confidence=0.85)
    a = cal.at(anchor)
    width = timedelta(days=days)
    start, end = (a - width, a) if past else (a + timedelta(days=1), a + timedelta(days=1) + width)
    return Resolution("DURATION", value, "vague", mod, start, end, "day", 0.5)


def resolve_ago(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "two years ago" → the year two years before the anchor; "months ago" → PAST_REF."""
    unit, num, sign = f["unit"], f.get("num"), f.get("dir", -1)
    if f.get("dir_word") in ("before", "after"):  # "several months before he entered": from an event
        return Resolution("DURATION", duration_value(num, unit), "duration", confidence=0.7)
    if num is None:  # "months ago", "several years ago"
        return resolve_vague({"ref": "PAST_REF" if sign < 0 else "FUTURE_REF", "days": 365}, anchor, tense)
    gran = cal.UNIT_GRANULARITY.get(unit, "day")
    if anchor is None:
        return Resolution("DATE", cal.underspecified(gran), "relative", confidence=0.4)
    if unit in ("hour", "minute", "second"):
        t = cal.at(anchor) + _delta(num, unit) * sign
        return Resolution(
            "DATE", t.date().isoformat(), "relative", None, t, t + timedelta(minutes=1), "minute", 0.6
        )
    if f.get("quarter_rel") and unit == "year":  # "a year ago" in a quarterly report: that quarter
        start = cal.shift(cal.floor(anchor, "quarter"), "quarter", -1 + 4 * sign * num)
        return Resolution(
            "DATE",
            cal.value_of(start, "quarter"),
            "relative",
            None,
            cal.at(start),
            cal.at(cal.end_of(start, "quarter")),
            "quarter",
            0.7,
        )
    target = anchor + _delta(num, unit) * sign
    start = cal.floor(target, gran)
    s, e = start, cal.end_of(start, gran)
    return Resolution(
        "DATE", cal.value_of(start, gran), "relative", f.get("mod"), cal.at(s), cal.at(e), gran, 0.8
    )


def resolve_rel_unit(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "last week", "this year", "earlier this month", "the previous day", "the latest quarter"."""
    unit = f["unit"]
    rel = int(f.get("rel", 0))
    mod = f.get("mod")
    if unit in ("hour", "minute", "second"):
        return resolve_duration({"unit": unit, "num": 1.0, "rel_word": f.get("rel_word", "")}, anchor, tense)
    gran = cal.UNIT_GRANULARITY.get(unit, "day")
    if f.get("plural"):  # "coming months", "the past several quarters": vague
        ref = "FUTURE_REF" if rel > 0 else "PAST_REF" if rel < 0 else "PRESENT_REF"
        return resolve_vague({"ref": ref, "days": 180}, anchor, tense)
    if f.get("weekend"):
        return _weekend(f, anchor, tense)
    if f.get("quarter_rel") and "rel" not in f:
        rel = -5 if f.get("year_ago") else -1  # the latest reported quarter, or the one a year before it
    if anchor is None:
        return Resolution("DATE", cal.underspecified(gran), "relative", mod, confidence=0.4)
    start = cal.floor(anchor, gran)
    start = cal.shift(start, gran, rel)
    if f.get("quarter_rel") and "year" in f:  # "the 1988 quarter": the latest quarter, in 1988
        start = start.replace(year=int(f["year"]))
    end = cal.end_of(start, gran)
    s, e = cal.narrow(start, end, mod)
    word = f.get("mod_word", "")
    if rel == 0 and word == "earlier":
        s, e = start, max(anchor, start + timedelta(days=1))
    elif rel == 0 and word == "later":  # the rest of the unit after the anchor's day; "later in the
        s, e = (
            (start, end) if gran == "day" else (min(anchor + timedelta(days=1), end), end)
        )  # day": that day
    return Resolution("DATE", cal.value_of(start, gran), "relative", mod, cal.at(s), cal.at(e), gran, 0.85)


def _weekend(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution:
    if anchor is None:
        return Resolution("DATE", "XXXX-WXX-WE", "relative", confidence=0.4)
    rel = f.get("rel")
    monday = cal.floor(anchor, "week")
    if rel is None:
        rel = 0 if anchor.weekday() >= 5 or tense in (Tense.FUTURE, Tense.AHEAD) else -1
    sat = monday + timedelta(days=5 + 7 * int(rel))
    return Resolution(
        "DATE",
        f"{cal.value_of(cal.floor(sat, 'week'), 'week')}-WE",
        "relative",
        None,
        cal.at(sat),
        cal.at(sat + timedelta(days=2)),
        "day",
        0.8,
    )


def _pod(d: date, pod: str | None, kind: str, mod: str | None, conf: float) -> Resolution:
    if pod:
        return Resolution(
            "TIME",
            f"{d.isoformat()}T{pod}",
            kind,
            mod,
            cal.at(d),
            cal.at(d + timedelta(days=1)),
            "part_of_day",
            conf,
        )
    s, e = cal.narrow(d, d + timedelta(days=1), mod)
    return Resolution("DATE", d.isoformat(), kind, mod, cal.at(s), cal.at(e), "day", conf)


def resolve_weekday(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "on Tuesday" → the nearest Tuesday before (past tense) or after (future) the anchor."""
    w = int(f["weekday"])
    if "month" in f and "day" in f:
        return resolve_date(f, anchor, tense)  # a weekday with a date: the date wins
    pod = f.get("pod")
    if anchor is None:
        v = f"XXXX-WXX-{w}" + (f"T{pod}" if pod else "")
        return Resolution("TIME" if pod else "DATE", v, "relative", confidence=0.4)
    rel = f.get("rel")
    diff = w - 1 - anchor.weekday()  # -6..6, 0 on the same weekday
    if rel is not None and rel < 0:
        back = (-diff) % 7 or 7
        d = anchor - timedelta(days=back)
    elif rel is not None and rel > 0:
        d = anchor + timedelta(days=diff % 7 or 7)
    elif rel == 0:
        d = cal.floor(anchor, "week") + timedelta(days=w - 1)
    elif tense in (Tense.FUTURE, Tense.AHEAD):
        d = anchor + timedelta(days=diff % 7)
    else:
        d = anchor - timedelta(days=(-diff) % 7)
    return _pod(d, pod, "relative", None, 0.8)


def resolve_relday(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "yesterday", "tonight", "this morning", "last night", "the next morning"."""
    offset = int(f.get("offset", f.get("rel", 0)))
    pod = f.get("pod")
    if anchor is None:
        return Resolution(
            "TIME" if pod else "DATE",
            "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
            "relative",
            f.get("mod"),
            confidence=0.4,
        )
    return _pod(anchor + timedelta(days=offset), pod, "relative", f.get("mod"), 0.85)


def resolve_time(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """Clock times: "10:30 a.m." → 1998-01-08T10:30 (on the anchor day, or the day named)."""
    h, m = int(f["hour"]), int(f.get("minute", 0))
    ampm = f.get("ampm")
    if ampm == "p" and h < 12:
        h += 12
    elif ampm == "a" and h == 12:
        h = 0
    if h > 23:
        return None
    if anchor is None:
        return Resolution("TIME", f"XXXX-XX-XXT{h:02d}:{m:02d}", "relative", confidence=0.4)
    d = anchor + timedelta(days=int(f.get("offset", 0)))
    if "month" in f and "day" in f:  # "5 p.m. EST, Nov. 9"
        day = resolve_date(f, anchor, tense)
        if day is not None and day.start is not None:
            d = day.start.date()
    elif "weekday" in f:  # "4 a.m. EDT Thursday", "noon Tuesday"
        day = resolve_weekday({k: f[k] for k in ("weekday", "rel") if k in f}, anchor, tense)
        if day is not None and day.start is not None:
            d = day.start.date()
    t = datetime(d.year, d.month, d.day, h, m)
    return Resolution(
        "TIME",
        f"{d.isoformat()}T{h:02d}:{m:02d}",
        "relative",
        None,
        t,
        t + timedelta(minutes=1),
        "minute",
        0.85,
    )


def resolve_set(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """ "daily" → P1D, "every week" → P1W, "every Monday" → XXXX-WXX-1."""
    if "set_value" in f:
        value = f["set_value"]
    elif "weekday" in f:
        value = f"XXXX-WXX-{f['weekday']}"
    elif "pod" in f:
        value = f"XXXX-XX-XXT{f['pod']}"
    else:
        value = duration_value(f.get("num", 1.0) or 1.0, f["unit"])
    return Resolution("SET", value, "set", confidence=0.8)


def resolve_vague(f: dict[str, Any], anchor: date | None, tense: Tense) -> Resolution | None:
    """PAST_REF / PRESENT_REF / FUTURE_REF with the documented default window around the anchor."""
    ref, days = f["ref"], int(f.get("days", 30))
    if anchor is None:
        return Resolution("DATE", ref, "vague", confidence=0.3)
    a = cal.at(anchor)
    one = timedelta(days=1)
    if ref == "PAST_REF":
        start, end = a - timedelta(days=days), a
    elif ref == "FUTURE_REF":
        start, end = a + one, a + one + timedelta(days=days)
    else:
        start, end = a - timedelta(days=days - 1), a + one
    return Resolution("DATE", ref, "vague", None, start, end, "day", 0.5)
