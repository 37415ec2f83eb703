"""Dates, in one place: how a publication date given as a date, datetime, Timestamp or string becomes
a ``date``, and the anchoring modes.

Every stage that takes a publication date from a caller (the tagger, the pipeline, the commands, the
dashboard's date inputs) coerces it here, so one bad value gets one error message everywhere.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import pandas as pd

Mode = Literal["news", "narrative"]
"""What relative cues resolve against: the publication date (news) or the last date stated (narrative)."""

MODES: tuple[Mode, ...] = ("news", "narrative")

DateLike = date | datetime | pd.Timestamp | str | None


def as_date(published: DateLike) -> date | None:
    """A ``date`` from a date, datetime, Timestamp or ISO string; None, NaT and '' give None.

    A string that is not a date raises ValueError naming it; another type raises TypeError.
    """
    if published is None:
        return None
    if isinstance(published, pd.Timestamp):
        return None if pd.isna(published) else published.date()
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        if not published.strip():
            return None
        try:
            ts = pd.Timestamp(published.strip())
        except (ValueError, TypeError) as exc:
            raise ValueError(f"published: cannot read {published!r} as a date (use YYYY-MM-DD)") from exc
        return None if pd.isna(ts) else ts.date()
    raise TypeError(f"published: expected a date, datetime, string or None, got {type(published).__name__}")


def iso_day(value: str) -> date:
    """A strict ``YYYY-MM-DD`` day (command-line options, URL parameters); ValueError otherwise."""
    return date.fromisoformat(value.strip())
