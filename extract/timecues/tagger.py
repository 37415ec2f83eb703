"""``tag_time_cues``: find the cues, choose each one's anchor and tense, resolve, build the frame."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

from extract import schema as S
from extract.dates import as_date
from extract.timecues.chains import YEARLESS, event_year, year_ahead
from extract.timecues.dateline import find_dateline
from extract.timecues.finder import find_cues
from extract.timecues.quotes import DatedQuotes
from extract.timecues.resolver import resolve_cue
from extract.timecues.spans import timeml_extent
from extract.timecues.tense import tense_at
from extract.timecues.types import Cue, Resolution, Tense
from extract.timecues.vocab import load_vocab

_NAT = np.datetime64("NaT", "s")
_COLUMNS = pd.Index(S.names(S.TIME_CUES))
_ARROW_DTYPE: object = ArrowStringArray(pa.array(["x"], type=pa.large_string())).dtype
_ARROW_STRINGS = (
    pd.StringDtype().storage == "pyarrow" and pd.array(["x"], dtype="string").dtype == _ARROW_DTYPE
)
# handlers whose resolution depends on the sentence's tense
_TENSED = {"date", "month", "season", "quarter", "weekday", "holiday", "rel_unit", "time"}
# "a year ago" in a quarterly report means that quarter a year before (TimeBank convention)
_QUARTERLY = re.compile(r"\bquarter", re.IGNORECASE)
_QUARTER_WINDOW = 600
# narrative text before year 1: relative cues are resolved against a stand-in year, then moved
_PROXY_YEAR = 2000
_BC_VALUE = re.compile(r"BC(\d{4})(?:-(\d\d))?")
_YEAR_VALUE = re.compile(r"(\d{4})(.*)")
# "a year" after a quantity is a rate (TIMEX3 SET): "$1.76 a year", "700 seats a week"
_RATE = re.compile(
    r"(?:\d[\d,.]*%?|\b(?:" + "|".join(load_vocab()["rate"]["counts"]) + r"))"
    r"(?:[ \t]+[a-z]+){0,2}[ \t]+$",
    re.IGNORECASE,
)
# a yearless date takes the year written just after it in the same clause
_ENDS_WITH_DAY = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?$")
# "April 24 and 25": the second day of the same month is a cue of its own
_AND_DAY = re.compile(
    r",?\s+(?:and|or|&)\s+([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
    r"(?![.,:]\d|\s*(?:%|percent|per\b|times|people|million|billion))"
)
# in narrative mode, a resolved cue of these granularities becomes the anchor of what follows
_ANCHORING = {"day", "month", "year", "season", "quarter"}


def _frame(found: list[tuple[Cue, Resolution, date | None, str]]) -> pd.DataFrame:
    """The TIME_CUES frame, column by column with the schema's dtypes (``S.conform`` on a list of
    dicts costs ~10 ms a document; this is ~20× cheaper, and the schema test checks the dtypes)."""

    def times(values: list[datetime | date | None]) -> np.ndarray:
        return np.array([_NAT if v is None else np.datetime64(v, "s") for v in values], dtype=S.TIME_DTYPE)

    columns: dict[str, Any] = {
        S.CHAR_START: np.array([c.char_start for c, _, _, _ in found], dtype="int64"),
        S.CHAR_END: np.array([c.char_end for c, _, _, _ in found], dtype="int64"),
        S.TIME_TEXT: [c.text for c, _, _, _ in found],
        S.TIME_TYPE: [r.type for _, r, _, _ in found],
        S.TIME_VALUE: [r.value for _, r, _, _ in found],
        S.TIME_MOD: [r.mod for _, r, _, _ in found],
        S.TIME_KIND: [k for _, _, _, k in found],
        S.START: times([r.start for _, r, _, _ in found]),
        S.END: times([r.end for _, r, _, _ in found]),
        S.GRANULARITY: [r.granularity for _, r, _, _ in found],
        S.ANCHOR: times([a for _, _, a, _ in found]),
        S.RULE: [c.rule for c, _, _, _ in found],
        S.CONFIDENCE: np.array([r.confidence for _, r, _, _ in found], dtype="float64"),
    }
    arrays = [_strings(columns[c.name]) if c.dtype == "string" else columns[c.name] for c in S.TIME_CUES]
    try:  # pandas' own fast path for ready-typed arrays; the public constructor costs twice as much
        frame: pd.DataFrame = pd.DataFrame._from_arrays(  # type: ignore[attr-defined]
            arrays, columns=_COLUMNS, index=pd.RangeIndex(len(found)), verify_integrity=False
        )
        return frame
    except (AttributeError, TypeError):
        return pd.DataFrame(dict(zip(_COLUMNS, arrays, strict=True)), copy=False)


def _strings(values: list[str | None]) -> Any:
    """A pandas "string" array; straight from pyarrow when that is pandas' storage (5× faster)."""
    if _ARROW_STRINGS:
        return ArrowStringArray(pa.array(values, type=pa.large_string()))
    return pd.array(values, dtype="string")


def _before_christ(res: Resolution, bc: int) -> Resolution:
    """A resolution made against the stand-in year, moved to the story's BC year: with the story in
    480 BC, "August" → BC0480-08, "14 years later" → BC0466; no interval."""
    m = _YEAR_VALUE.match(res.value)
    if not m:
        return res
    year = bc - (int(m.group(1)) - _PROXY_YEAR)
    value = f"BC{year:04d}{m.group(2)}" if year >= 1 else f"{1 - year:04d}{m.group(2)}"
    return Resolution(res.type, value, res.kind, res.mod, None, None, res.granularity, res.confidence * 0.8)


def _counted_from_event(cue: Cue) -> Cue:
    """News mode, as TimeBank annotates it: "three days later" counts from an event, so the cue
    is the DURATION "three days" ("later" is a signal); so is "a day earlier", but "a year
    earlier" (in reports: the same period a year before) stays a date."""
    f = cue.fields
    if f.get("dir_word") == "earlier" and f.get("unit") not in ("day", "hour", "minute", "week"):
        return cue
    fields = {**f, "dir_word": "after" if f.get("dir_word") == "later" else "before"}
    if f.get("dir_word") == "later" and cue.text.lower().endswith("later"):
        text = cue.text[: -len("later")].rstrip()
        return replace(cue, char_end=cue.char_start + len(text), text=text, fields=fields)
    return replace(cue, fields=fields)


def _with_second_days(cues: list[Cue], text: str) -> list[Cue]:
    """``cues`` plus the bare second day of "April 24 and 25" (same month and year)."""
    out: list[Cue] = []
    for i, cue in enumerate(cues):
        out.append(cue)
        if (
            cue.handler != "date"
            or "day" not in cue.fields
            or "month" not in cue.fields
            or not _ENDS_WITH_DAY.search(cue.text)
        ):  # not after "March 3, 1998"
            continue
        m = _AND_DAY.match(text, cue.char_end)
        if m is None or (i + 1 < len(cues) and cues[i + 1].char_start < m.end()):
            continue
        fields = {k: v for k, v in cue.fields.items() if k in ("month", "year", "era")}
        out.append(
            Cue(
                m.start(1),
                m.end(),
                text[m.start(1) : m.end()],
                cue.rule,
                "date",
                {**fields, "day": int(m.group(1))},
            )
        )
    return out


@dataclass(frozen=True)
class _Where:
    """Where a cue sits: the text, the mode, all cues found and this cue's position among them."""

    text: str
    mode: str
    cues: list[Cue]
    i: int


def _quarterly_year_ago(cue: Cue, w: _Where) -> Cue:
    """ "a year ago" in a quarterly report: that quarter a year before (TimeBank convention)."""
    if (
        cue.handler == "ago"
        and cue.fields.get("unit") == "year"
        and cue.fields.get("num") == 1
        and _QUARTERLY.search(w.text, max(0, cue.char_start - _QUARTER_WINDOW), cue.char_start)
    ):
        return replace(cue, fields={**cue.fields, "quarter_rel": 1})
    return cue


def _later_earlier_in_news(cue: Cue, w: _Where) -> Cue:
    """News mode: "three days later" counts from an event (see :func:`_counted_from_event`)."""
    if w.mode == "news" and cue.handler == "ago" and cue.fields.get("dir_word") in ("later", "earlier"):
        return _counted_from_event(cue)
    return cue


def _rate(cue: Cue, w: _Where) -> Cue:
    """ "$1.76 a year", "four flights a week": a rate, TIMEX3 SET."""
    if (
        cue.rule == "duration"
        and cue.fields.get("num") == 1
        and "rel_word" not in cue.fields
        and _RATE.search(w.text, max(0, cue.char_start - 40), cue.char_start)
    ):
        return replace(cue, handler="set")
    return cue


def _year_from_after(cue: Cue, w: _Where) -> Cue:
    """A yearless date takes the year written just after it in the same clause, or that of the event
    its clause dates ("The 2006 Asian Games will begin on December 1")."""
    if cue.handler in YEARLESS and "year" not in cue.fields and "rel" not in cue.fields:
        ahead = year_ahead(w.cues, w.i, w.text) or event_year(w.cues, w.i, w.text)
        if ahead is not None:
            return replace(cue, fields={**cue.fields, "year": ahead})
    return cue


# what a cue becomes in its context, in this order, before it is resolved
_STEPS: tuple[Callable[[Cue, _Where], Cue], ...] = (
    _quarterly_year_ago,
    _later_earlier_in_news,
    _rate,
    _year_from_after,
    lambda cue, w: timeml_extent(cue, w.mode),
)


# "will play in Tuesday's Test", "will speak at Friday's summit": the future act takes place inside the
# possessed event, so that event is ahead too (unlike "will appeal Wednesday's ruling"); so does an occasion
# the future act is about ("will miss Wednesday's trip to Porto": vocab.toml possessed_occasions)
_SETTING = re.compile(r"\b(?:in|at|during)\s+$", re.IGNORECASE)
_POSSESSED = re.compile(r"['’]s\s+((?:[\w-]+\s+){0,2}[\w-]+)")
_OCCASIONS = frozenset(load_vocab()["tense"]["possessed_occasions"])


def _possessed_occasion(text: str, end: int) -> bool:
    """Whether the noun phrase after a weekday's "'s" (at ``end``) names an occasion within three words."""
    m = _POSSESSED.match(text, end)
    return m is not None and any(w.lower() in _OCCASIONS for w in m.group(1).split())


def _tense(cue: Cue, text: str, mode: str) -> Tense:
    """The tense a cue is resolved with."""
    if mode == "narrative":
        return Tense.PRESENT  # history runs forward: a yearless date is in the anchor's year
    if cue.handler not in _TENSED:
        return Tense.UNKNOWN
    tense = tense_at(text, cue.char_start, cue.char_end, scheduled=cue.handler == "weekday")
    if (
        tense is Tense.FUTURE
        and cue.handler == "weekday"
        and "rel" not in cue.fields
        and text.startswith(("'s", "’s"), cue.char_end)
        and not _SETTING.search(text, max(0, cue.char_start - 8), cue.char_start)
        and not _possessed_occasion(text, cue.char_end)
    ):
        return Tense.UNKNOWN  # "get around Wednesday's ruling": news reports what happened
    return tense


@dataclass
class _Story:
    """What the text has said so far: the dates relative cues resolve against (one per call)."""

    dct: date | None
    anchor: date | None  # what relative cues resolve against: the DCT, or in narrative mode the story date
    story: date | None = None  # the last date the text stated: "that year", "that same day" refer to it
    last_day: date | None = None  # the last single day the text named ("Friday", "Oct. 13")
    bc: int | None = None  # narrative mode: the story is in this year BC (no Python date for it)
    last_day_at: int = -1  # where the cue naming ``last_day`` starts

    def anchor_for(self, cue: Cue) -> date | None:
        if cue.fields.get("from_last_day"):  # "the day before": the day last named
            return self.last_day or self.story or self.dct
        here = (self.story or self.dct) if cue.fields.get("anaphoric") else self.anchor
        if cue.handler == "time" and not {"weekday", "offset", "day"} & cue.fields.keys():
            here = self.last_day or here  # "at 6 a.m." is on the day the text is talking about
        return here

    def placed(self, res: Resolution, mode: str) -> Resolution:
        """``res`` moved to the story's BC year when there is one; a BC date starts such a story."""
        if self.bc is not None and res.kind != "absolute":
            return _before_christ(res, self.bc)
        if mode == "narrative" and res.kind == "absolute":
            era = _BC_VALUE.match(res.value)
            self.bc = int(era.group(1)) if era else None
            if era:  # resolve what follows against a stand-in year, then count back from the BC year
                month = int(era.group(2)) if era.group(2) else 1
                self.anchor = self.story = date(_PROXY_YEAR, month, 1)
        return res

    def advance(self, cue: Cue, res: Resolution, mode: str) -> None:
        """Remember the day / date a resolved cue names, for the cues after it."""
        if res.start is not None and res.granularity in ("day", "part_of_day"):
            self.last_day = res.start.date()
            self.last_day_at = cue.char_start
        if (
            res.start is not None
            and res.granularity in _ANCHORING
            and res.start.year > 0
            and (res.kind == "absolute" or (mode == "narrative" and cue.handler in YEARLESS))
        ):
            self.story = res.start.date()
            if mode == "narrative":
                self.anchor = self.story


def _in_quote(
    quotes: DatedQuotes,
    quote: tuple[int, int],
    days: list[tuple[int, int, date]],
    state: _Story,
    here: date | None,
) -> date | None:
    """The anchor of a cue inside ``quote``: the quoted message's own date when it has one (a
    quoted e-mail of last year: its "Sunday" is in that week), unless the cue already counts from
    a day named inside the same quotation ("Sunday night, 8 PM")."""
    message = quotes.dated(quote, days)
    if message is None or (state.last_day_at >= quote[0] and here == state.last_day):
        return here
    return message


def tag_cues(text: str, dct: date | None, mode: str) -> list[tuple[Cue, Resolution, date | None]]:
    """Resolved cues of ``text``, in order (the engine behind :func:`tag_time_cues`)."""
    out: list[tuple[Cue, Resolution, date | None]] = []
    state = _Story(dct, dct)
    cues = _with_second_days(find_cues(text, mode=mode), text)
    quotes = DatedQuotes(text)
    days: list[tuple[int, int, date]] = []  # (start, end, day) of the cues outside quotations naming one day
    for i, found in enumerate(cues):
        tense = _tense(found, text, mode)
        cue = found
        for step in _STEPS:
            cue = step(cue, _Where(text, mode, cues, i))
        quote = quotes.quote_at(cue.char_start) if quotes.spans else None
        here = state.anchor_for(cue)
        if quote is not None:
            here = _in_quote(quotes, quote, days, state, here)
        res = resolve_cue(cue, here, tense)
        if res is None:
            continue
        res = state.placed(res, mode)
        out.append((cue, res, here))
        state.advance(cue, res, mode)
        if quote is None and res.start is not None and res.granularity == "day":
            days.append((cue.char_start, cue.char_end, res.start.date()))
    return out


def _tagged(text: str, published: Any, mode: str) -> list[tuple[Cue, Resolution, date | None, str]]:
    """(cue, resolution, anchor, kind) of every cue of ``text``, in order: what both public forms hold."""
    if mode not in ("news", "narrative"):
        raise ValueError(f"mode must be 'news' or 'narrative', not {mode!r}")
    dct = as_date(published)
    if not isinstance(text, str) or not text:
        return []
    line = find_dateline(text)
    if dct is None and line is not None and line.date is not None:
        dct = line.date
    found = []
    for cue, res, anchor in tag_cues(text, dct, mode):
        kind = res.kind
        if line is not None and line.char_start <= cue.char_start < line.char_end and line.month:
            kind = "publication"
        found.append((cue, res, anchor, kind))
    return found  # already sorted: the finder goes left to right


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
    found = _tagged(text, published, mode)
    return _frame(found) if found else S.empty_frame(S.TIME_CUES)


def time_cue_records(
    text: str,
    published: date | datetime | str | pd.Timestamp | None = None,
    mode: Literal["news", "narrative"] = "news",
) -> list[dict[str, Any]]:
    """The rows of :func:`tag_time_cues` as plain dicts keyed by ``S.TIME_CUES`` columns (times as
    ``datetime`` or None): the events engine scans them per clause, and skipping the frame saves
    building it and reading it back."""
    return [
        {
            S.CHAR_START: c.char_start,
            S.CHAR_END: c.char_end,
            S.TIME_TEXT: c.text,
            S.TIME_TYPE: r.type,
            S.TIME_VALUE: r.value,
            S.TIME_MOD: r.mod,
            S.TIME_KIND: kind,
            S.START: r.start,
            S.END: r.end,
            S.GRANULARITY: r.granularity,
            S.ANCHOR: None if anchor is None else datetime.combine(anchor, datetime.min.time()),
            S.RULE: c.rule,
            S.CONFIDENCE: r.confidence,
        }
        for c, r, anchor, kind in _tagged(text, published, mode)
    ]
