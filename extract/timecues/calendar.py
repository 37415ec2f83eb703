"""Calendar periods: the period of a given granularity that contains a date, shifting it, its
TIMEX3 value and its half-open interval. Calendar arithmetic is dateutil's relativedelta."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # meteorological seasons; WI of Y = Dec Y–Feb Y+1

_STEP = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "half_year": relativedelta(months=6),
    "season": relativedelta(months=3),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
}

UNIT_GRANULARITY = {
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "fortnight": "week",
}


def floor(d: date, gran: str) -> date:
    """First day of the ``gran`` period that contains ``d``."""
    if gran == "day":
        return d
    if gran == "week":
        return d - timedelta(days=d.weekday())
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if gran == "half_year":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "year":
        return date(d.year, 1, 1)
    if gran == "decade":
        return date(max(1, d.year // 10 * 10), 1, 1)
    if gran == "century":
        return date(max(1, d.year // 100 * 100), 1, 1)
    raise ValueError(f"unknown granularity {gran!r}")


def shift(d: date, gran: str, n: float) -> date:
    """``d`` moved by ``n`` periods of ``gran`` (fractions round to whole days via months/weeks)."""
    if n == int(n):
        return d + _STEP[gran] * int(n)
    days = {
        "day": 1,
        "week": 7,
        "month": 30.44,
        "quarter": 91.3,
        "half_year": 182.6,
        "season": 91.3,
        "year": 365.25,
        "decade": 3652.5,
        "century": 36525,
    }[gran]
    return d + timedelta(days=round(days * n))


def end_of(start: date, gran: str) -> date:
    """Exclusive end of the period of ``gran`` that starts at ``start``."""
    return start + _STEP[gran]


def value_of(start: date, gran: str) -> str:
    """TIMEX3 value of the period of ``gran`` that starts at ``start``."""
    y = start.year
    if gran == "day":
        return start.isoformat()
    if gran == "week":
        iso = start.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if gran == "month":
        return f"{y:04d}-{start.month:02d}"
    if gran == "quarter":
        return f"{y:04d}-Q{(start.month - 1) // 3 + 1}"
    if gran == "half_year":
        return f"{y:04d}-H{1 if start.month <= 6 else 2}"
    if gran == "year":
        return f"{y:04d}"
    if gran == "decade":
        return f"{y // 10:03d}"
    if gran == "century":
        return f"{y // 100:02d}"
    raise ValueError(f"unknown granularity {gran!r}")


def season_start(year: int, code: str) -> date:
    """First day of season ``code`` of ``year``."""
    return date(year, SEASON_START[code], 1)


def at(d: date) -> datetime:
    """Midnight at the start of ``d``."""
    return datetime(d.year, d.month, d.day)


def _thirds(start: date, end: date) -> tuple[date, date] | None:
    """Where a calendar year or month is cut in thirds, as a reader counts them: January–April,
    May–August, September–December; days 1–10, 11–20, 21 to the end (None: another span)."""
    if start.day != 1:
        return None
    if start.month == 1 and end == date(start.year + 1, 1, 1):
        return start.replace(month=5), start.replace(month=9)
    if end == shift(start, "month", 1):
        return start.replace(day=11), start.replace(day=21)
    return None


def narrow(start: date, end: date, mod: str | None) -> tuple[date, date]:
    """The part of [start, end) a TIMEX3 mod names: START/MID/END → first/middle/last third
    (of a calendar year or month as a reader counts them: "late 2006" is September–December)."""
    if mod not in ("START", "MID", "END"):
        return start, end
    cuts = _thirds(start, end) if not isinstance(start, datetime) else None
    if cuts is not None:
        first, second = cuts
        return {"START": (start, first), "MID": (first, second)}.get(mod, (second, end))
    third = (end - start) / 3
    if mod == "START":
        return start, start + third
    if mod == "MID":
        return start + third, end - third
    return end - third, end


def underspecified(gran: str) -> str:
    """TIMEX3 value of a relative cue of ``gran`` when there is no anchor date."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "half_year": "XXXX-HX",
        "season": "XXXX-XX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }.get(gran, "XXXX")
