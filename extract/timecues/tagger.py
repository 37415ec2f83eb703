"""``tag_time_cues``: find the cues, choose each one's anchor and tense, resolve, build the frame."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Literal

import pandas as pd

from extract import schema as S
from extract.timecues.dateline import find_dateline
from extract.timecues.finder import find_cues
from extract.timecues.resolver import resolve_cue
from extract.timecues.tense import tense_at
from extract.timecues.types import Cue, Resolution, Tense

# handlers whose resolution depends on the sentence's tense
_TENSED = {"date", "month", "season", "quarter", "weekday", "holiday", "rel_unit"}
# "a year ago" in a quarterly report means that quarter a year before (TimeBank convention)
_QUARTERLY = re.compile(r"\bquarter", re.IGNORECASE)
_QUARTER_WINDOW = 600
# in narrative mode, a resolved cue of these granularities becomes the anchor of what follows
_ANCHORING = {"day", "month", "year", "season", "quarter"}


def as_date(published: date | datetime | str | pd.Timestamp | None) -> date | None:
    """The publication date as a ``date`` (None stays None); a bad string raises ValueError."""
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


def _row(cue: Cue, res: Resolution, anchor: date | None) -> dict[str, Any]:
    return {
        S.CHAR_START: cue.char_start,
        S.CHAR_END: cue.char_end,
        S.TIME_TEXT: cue.text,
        S.TIME_TYPE: res.type,
        S.TIME_VALUE: res.value,
        S.TIME_MOD: res.mod,
        S.TIME_KIND: res.kind,
        S.START: res.start,
        S.END: res.end,
        S.GRANULARITY: res.granularity,
        S.ANCHOR: datetime(anchor.year, anchor.month, anchor.day) if anchor else None,
        S.RULE: cue.rule,
        S.CONFIDENCE: res.confidence,
    }


def tag_cues(text: str, dct: date | None, mode: str) -> list[tuple[Cue, Resolution, date | None]]:
    """Resolved cues of ``text``, in order (the engine behind :func:`tag_time_cues`)."""
    out: list[tuple[Cue, Resolution, date | None]] = []
    anchor = dct
    for cue in find_cues(text, mode=mode):
        if mode == "narrative":
            tense = Tense.PRESENT  # history runs forward: a yearless date is in the anchor's year
        else:
            tense = tense_at(text, cue.char_start, cue.char_end) if cue.handler in _TENSED else Tense.UNKNOWN
        if (cue.handler == "ago" and cue.fields.get("unit") == "year" and cue.fields.get("num") == 1
                and _QUARTERLY.search(text, max(0, cue.char_start - _QUARTER_WINDOW), cue.char_start)):
            cue = replace(cue, fields={**cue.fields, "quarter_rel": 1})
        res = resolve_cue(cue, anchor, tense)
        if res is None:
            continue
        out.append((cue, res, anchor))
        if (mode == "narrative" and res.start is not None and res.granularity in _ANCHORING
                and res.start.year > 0):
            anchor = res.start.date()
    return out


def tag_time_cues(
    text: str,
    published: date | datetime | str | pd.Timestamp | None = None,
    mode: Literal["news", "narrative"] = "news",
) -> pd.DataFrame:
    """Every time cue of ``text`` as a frame of schema ``S.TIME_CUES``, sorted by ``char_start``.

    News mode resolves relative cues against the publication date (``published``, else the
    dateline's date when it has a year); narrative mode against the last explicit date before
    the cue, falling back to the publication date. Never raises on any ``str``.
    """
    if mode not in ("news", "narrative"):
        raise ValueError(f"mode must be 'news' or 'narrative', not {mode!r}")
    dct = as_date(published)
    if not isinstance(text, str) or not text:
        return S.empty_frame(S.TIME_CUES)
    line = find_dateline(text)
    if dct is None and line is not None and line.date is not None:
        dct = line.date
    rows = []
    for cue, res, anchor in tag_cues(text, dct, mode):
        if line is not None and line.char_start <= cue.char_start < line.char_end and line.month:
            res = Resolution(res.type, res.value, "publication", res.mod, res.start, res.end,
                             res.granularity, res.confidence)
        rows.append(_row(cue, res, anchor))
    if not rows:
        return S.empty_frame(S.TIME_CUES)
    return S.conform(rows, S.TIME_CUES).sort_values(S.CHAR_START, kind="stable").reset_index(drop=True)
