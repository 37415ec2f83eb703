"""Write TIMEX3 tags into a parsed TimeML file without touching any other character."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from extract import schema as S
from extract.eval.timeml import TimeMLDoc


def _placement(doc: TimeMLDoc, start: int, end: int) -> tuple[int, int] | None:
    """Raw positions for a cue's start and end tags at the same nesting level, or None.

    Of the levels both boundaries can reach, the outermost is used, so that a cue covering a
    whole ``<EVENT>word</EVENT>`` wraps the EVENT rather than sitting inside it.
    """
    if not 0 <= start < end <= len(doc.text):
        return None
    firsts: dict[tuple[int, ...], int] = {}
    for raw_pos, stack in doc.offsets.slots(start):
        firsts.setdefault(stack, raw_pos)
    lasts = {stack: raw_pos for raw_pos, stack in doc.offsets.slots(end)}
    common = [s for s in firsts if s in lasts]
    if not common:
        return None
    best = min(common, key=len)
    return firsts[best], lasts[best]


def _timex_tag(tid: int, type_: object, value: object, mod: object) -> str:
    attrs = [f'tid="t{tid}"']
    for name, v in (("type", type_), ("value", value), ("mod", mod)):
        if v is not None and v is not pd.NA and v == v and str(v):  # v == v: not NaN
            attrs.append(f'{name}="{html.escape(str(v), quote=True)}"')
    return "<TIMEX3 " + " ".join(attrs) + ">"


_COLUMNS = (S.CHAR_START, S.CHAR_END, S.TIME_TYPE, S.TIME_VALUE, S.TIME_MOD)


def _rows(cues: pd.DataFrame | Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """(start, end, type, value, mod) of each cue, by start, longest first."""
    if isinstance(cues, pd.DataFrame):
        rows = list(zip(*(cues[c].tolist() for c in _COLUMNS), strict=True))
    else:
        rows = [tuple(r.get(c) for c in _COLUMNS) for r in cues]
    return sorted(rows, key=lambda r: (int(r[0]), -int(r[1])))  # stable: equal spans keep their order


def insert_timex(doc: TimeMLDoc, cues: pd.DataFrame | Sequence[Mapping[str, Any]]) -> tuple[str, int]:
    """``doc.raw`` with a ``<TIMEX3>`` tag around each cue; returns (new raw, number dropped).

    Cues are a TIME_CUES frame or its records (:func:`extract.timecues.time_cue_records`), with
    plain-text offsets. Tids continue after the highest tid
    in the file. A cue that overlaps an earlier-kept cue (by start, longest first), or whose span
    would cross an existing tag boundary (e.g. half of an ``<EVENT>``), is DROPPED rather than
    shrunk, so the output stays well-formed and every written span is exactly the tagger's.
    Only the inserted tags differ from the input.
    """
    inserts: list[tuple[int, int, str]] = []  # (raw pos, 0=close/1=open, tag)
    tid = doc.max_tid
    dropped = 0
    last_end, last_close = -1, -1
    for start, end, type_, value, mod in _rows(cues):
        place = _placement(doc, int(start), int(end)) if start >= last_end else None
        if place is None or place[0] < last_close:
            dropped += 1
            continue
        tid += 1
        last_end, last_close = int(end), place[1]
        inserts.append((place[0], 1, _timex_tag(tid, type_, value, mod)))
        inserts.append((place[1], 0, "</TIMEX3>"))
    inserts.sort(key=lambda t: (t[0], t[1]))
    out: list[str] = []
    prev = 0
    for raw_pos, _, tag in inserts:
        out.append(doc.raw[prev:raw_pos])
        out.append(tag)
        prev = raw_pos
    out.append(doc.raw[prev:])
    return "".join(out), dropped
