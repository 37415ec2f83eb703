"""Write TIMEX3 tags into a parsed TimeML file without touching any other character."""

from __future__ import annotations

import html

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
        if v is not None and not pd.isna(v) and str(v):  # type: ignore[call-overload]
            attrs.append(f'{name}="{html.escape(str(v), quote=True)}"')
    return "<TIMEX3 " + " ".join(attrs) + ">"


def insert_timex(doc: TimeMLDoc, cues: pd.DataFrame) -> tuple[str, int]:
    """``doc.raw`` with a ``<TIMEX3>`` tag around each cue; returns (new raw, number dropped).

    Cue offsets are plain-text offsets (schema TIME_CUES). Tids continue after the highest tid
    in the file. A cue that overlaps an earlier-kept cue (by start, longest first), or whose span
    would cross an existing tag boundary (e.g. half of an ``<EVENT>``), is DROPPED rather than
    shrunk, so the output stays well-formed and every written span is exactly the tagger's.
    Only the inserted tags differ from the input.
    """
    order = cues.sort_values([S.CHAR_START, S.CHAR_END], ascending=[True, False], kind="stable")
    columns = (S.CHAR_START, S.CHAR_END, S.TIME_TYPE, S.TIME_VALUE, S.TIME_MOD)
    inserts: list[tuple[int, int, str]] = []  # (raw pos, 0=close/1=open, tag)
    tid = doc.max_tid
    dropped = 0
    last_end, last_close = -1, -1
    for start, end, type_, value, mod in zip(*(order[c].tolist() for c in columns), strict=True):
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
