"""The pure resolver against hand-checked dates around month, year, leap-year and week edges."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extract.timecues import Tense, find_cues, resolve_cue
from extract.timecues.resolver import nth_weekday


def _resolve(text: str, anchor: date | None, tense: Tense = Tense.UNKNOWN):  # type: ignore[no-untyped-def]
    cues = find_cues(text)
    assert len(cues) == 1, cues
    return resolve_cue(cues[0], anchor, tense)


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "value", "start", "end"),
    [
        ("last month", date(2024, 3, 31), Tense.PAST, "2024-02", date(2024, 2, 1), date(2024, 3, 1)),
        ("next month", date(2024, 1, 31), Tense.FUTURE, "2024-02", date(2024, 2, 1), date(2024, 3, 1)),
        ("next year", date(2024, 2, 29), Tense.FUTURE, "2025", date(2025, 1, 1), date(2026, 1, 1)),
        ("last year", date(2024, 1, 1), Tense.PAST, "2023", date(2023, 1, 1), date(2024, 1, 1)),
        ("two years ago", date(2024, 2, 29), Tense.PAST, "2022", date(2022, 1, 1), date(2023, 1, 1)),
        ("a year ago", date(2024, 2, 29), Tense.PAST, "2023", date(2023, 1, 1), date(2024, 1, 1)),
        ("three days ago", date(2024, 3, 1), Tense.PAST, "2024-02-27", date(2024, 2, 27), date(2024, 2, 28)),
        # ISO weeks across the year boundary: 2021-01-03 is a Sunday of 2020-W53
        ("last week", date(2021, 1, 3), Tense.PAST, "2020-W52", date(2020, 12, 21), date(2020, 12, 28)),
        ("last week", date(2021, 1, 5), Tense.PAST, "2020-W53", date(2020, 12, 28), date(2021, 1, 4)),
        ("next week", date(2024, 12, 30), Tense.FUTURE, "2025-W02", date(2025, 1, 6), date(2025, 1, 13)),
        ("this week", date(2024, 12, 31), Tense.PRESENT, "2025-W01", date(2024, 12, 30), date(2025, 1, 6)),
        ("the previous day", date(2024, 3, 1), Tense.PAST, "2024-02-29", date(2024, 2, 29), date(2024, 3, 1)),
        ("yesterday", date(2025, 1, 1), Tense.PAST, "2024-12-31", date(2024, 12, 31), date(2025, 1, 1)),
        ("tomorrow", date(2024, 2, 28), Tense.FUTURE, "2024-02-29", date(2024, 2, 29), date(2024, 3, 1)),
        ("last quarter", date(2024, 2, 10), Tense.PAST, "2023-Q4", date(2023, 10, 1), date(2024, 1, 1)),
        # 2024-11-16 is a Saturday: weekdays on both sides, by tense
        ("Tuesday", date(2024, 11, 16), Tense.PAST, "2024-11-12", date(2024, 11, 12), date(2024, 11, 13)),
        ("Tuesday", date(2024, 11, 16), Tense.FUTURE, "2024-11-19", date(2024, 11, 19), date(2024, 11, 20)),
        ("Saturday", date(2024, 11, 16), Tense.PAST, "2024-11-16", date(2024, 11, 16), date(2024, 11, 17)),
        (
            "last Saturday",
            date(2024, 11, 16),
            Tense.UNKNOWN,
            "2024-11-09",
            date(2024, 11, 9),
            date(2024, 11, 10),
        ),
        (
            "next Monday",
            date(2024, 12, 29),
            Tense.UNKNOWN,
            "2024-12-30",
            date(2024, 12, 30),
            date(2024, 12, 31),
        ),
        # yearless dates take the year from the anchor and the tense
        ("March 3", date(2024, 11, 16), Tense.PAST, "2024-03-03", date(2024, 3, 3), date(2024, 3, 4)),
        ("March 3", date(2024, 11, 16), Tense.FUTURE, "2025-03-03", date(2025, 3, 3), date(2025, 3, 4)),
        ("Dec. 20", date(2024, 1, 5), Tense.PAST, "2023-12-20", date(2023, 12, 20), date(2023, 12, 21)),
        ("Dec. 20", date(2024, 1, 5), Tense.UNKNOWN, "2023-12-20", date(2023, 12, 20), date(2023, 12, 21)),
        ("Feb. 29", date(2023, 6, 1), Tense.PAST, "2020-02-29", date(2020, 2, 29), date(2020, 3, 1)),
        ("Feb. 29", date(2023, 6, 1), Tense.FUTURE, "2024-02-29", date(2024, 2, 29), date(2024, 3, 1)),
        ("last November", date(2024, 11, 16), Tense.PAST, "2023-11", date(2023, 11, 1), date(2023, 12, 1)),
        ("last fall", date(1998, 1, 8), Tense.PAST, "1997-FA", date(1997, 9, 1), date(1997, 12, 1)),
        ("the past two years", date(2024, 11, 16), Tense.PAST, "P2Y", date(2022, 11, 16), date(2024, 11, 16)),
        ("the past two years", date(2024, 2, 29), Tense.PAST, "P2Y", date(2022, 2, 28), date(2024, 2, 29)),
        (
            "the next three months",
            date(2024, 11, 30),
            Tense.FUTURE,
            "P3M",
            date(2024, 11, 30),
            date(2025, 2, 28),
        ),
        ("the 1950s", None, Tense.UNKNOWN, "195", date(1950, 1, 1), date(1960, 1, 1)),
        ("the 20th century", None, Tense.UNKNOWN, "19", date(1900, 1, 1), date(2000, 1, 1)),
        ("Dec. 7, 1941", None, Tense.UNKNOWN, "1941-12-07", date(1941, 12, 7), date(1941, 12, 8)),
    ],
)
def test_timecues_resolver_interval(
    text: str, anchor: date | None, tense: Tense, value: str, start: date, end: date
) -> None:
    res = _resolve(text, anchor, tense)
    assert res is not None
    assert res.value == value
    assert (res.start, res.end) == (
        datetime(start.year, start.month, start.day),
        datetime(end.year, end.month, end.day),
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on Tuesday", "XXXX-WXX-2"),
        ("last week", "XXXX-WXX"),
        ("two years ago", "XXXX"),
        ("recently", "PAST_REF"),
        ("March 3", "XXXX-03-03"),
        ("a week", "P1W"),
        ("next year", "XXXX"),
    ],
)
def test_timecues_resolver_without_anchor_stays_underspecified(text: str, value: str) -> None:
    res = _resolve(text, None)
    assert res is not None
    assert (res.value, res.start, res.end) == (value, None, None)


def test_timecues_resolver_vague_windows_touch_the_anchor() -> None:
    dct = date(2024, 11, 16)
    past, now, future = (_resolve(t, dct) for t in ("recently", "now", "the near future"))
    assert past is not None and now is not None and future is not None
    assert (past.value, past.kind, past.end) == ("PAST_REF", "vague", datetime(2024, 11, 16))
    assert past.start is not None and past.start < datetime(2024, 10, 1)
    assert now.value == "PRESENT_REF" and now.start is not None and now.end is not None
    assert now.start <= datetime(2024, 11, 16) < now.end
    assert future.value == "FUTURE_REF" and future.start is not None and future.start > datetime(2024, 11, 16)


def test_timecues_resolver_rejects_impossible_dates() -> None:
    assert _resolve("Feb. 30, 1999", None) is None


@pytest.mark.parametrize(
    ("year", "month", "weekday", "n", "expected"),
    [
        (2024, 11, 4, 4, date(2024, 11, 28)),
        (2023, 11, 4, 4, date(2023, 11, 23)),
        (2024, 5, 1, -1, date(2024, 5, 27)),
        (2021, 5, 1, -1, date(2021, 5, 31)),
        (2024, 9, 1, 1, date(2024, 9, 2)),
        (2025, 9, 1, 1, date(2025, 9, 1)),
    ],
)
def test_timecues_resolver_nth_weekday(year: int, month: int, weekday: int, n: int, expected: date) -> None:
    assert nth_weekday(year, month, weekday, n) == expected
