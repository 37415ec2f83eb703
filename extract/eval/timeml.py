"""TimeML / TempEval-3 files: read the plain text, DCT and gold TIMEX3; write tagged copies.

A TimeML file keeps its text inside ``<TEXT>…</TEXT>`` with inline tags (EVENT, SIGNAL, TIMEX3)
and XML entities (``&amp;``). The tagger and the scorer work on the *plain* text (tags removed,
entities decoded); :class:`TimeMLDoc` keeps the map from plain offsets back to raw offsets so
that new ``<TIMEX3>`` tags can be inserted without touching any other character (the official
TempEval-3 scorer aligns system and gold files by tokens).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from extract import schema as S
from extract.model import Mode

_TEXT_OPEN = re.compile(r"<TEXT(?:\s[^>]*)?>")
_TEXT_CLOSE = "</TEXT>"
_MARKUP = re.compile(r"<[^>]*>|&[^;\s<&]*;")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z_][\w.:-]*)([^>]*?)(/?)\s*>")
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TIMEX_TAG = re.compile(r"<\s*/?\s*TIMEX3\b[^>]*>")
_TID = re.compile(r"[\w:]+\s*=\s*[\"']t(\d+)[\"']")  # tid="t3", relatedToTime="t3", …
_DCT = re.compile(r"<DCT>.*?<TIMEX3\b([^>]*)>", re.S)

# a plain-text boundary: the raw positions it may map to, each with the stack of open elements
Slot = tuple[int, tuple[int, ...]]


class TimeMLError(ValueError):
    """A TimeML file that cannot be read (not XML, no <TEXT>, unbalanced tags)."""


@dataclass(frozen=True)
class TimeMLDoc:
    """A parsed TimeML file: raw content, plain text, DCT, gold cues and the offset map."""

    doc_id: str
    raw: str
    text: str
    dct: date | None
    gold: pd.DataFrame  # schema TIME_CUES, offsets into ``text``
    slots: tuple[tuple[Slot, ...], ...]  # slots[k]: raw places of plain boundary k (len(text)+1)
    max_tid: int  # highest tN referenced anywhere (tid, TLINK relatedToTime…): new tids go above


def _attrs(tag_body: str) -> dict[str, str]:
    """Attributes of a start tag's body, entities decoded."""
    return {m[1]: html.unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(tag_body)}


def _parse_date(value: str | None) -> date | None:
    """The calendar day of a TIMEX3 value like ``1998-01-08`` or ``1998-11-20T19:30``."""
    if not value:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse_timeml(raw: str, doc_id: str = "") -> TimeMLDoc:
    """Parse TimeML content; raise :class:`TimeMLError` naming what is wrong.

    Gold TIMEX3 elements inside ``<TEXT>`` become the ``gold`` frame (plain-text offsets,
    type/value/mod attributes); the DCT is the ``value`` of the TIMEX3 inside ``<DCT>``.
    """
    try:
        ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as exc:
        raise TimeMLError(f"not well-formed XML: {exc}") from exc
    m_open = _TEXT_OPEN.search(raw)
    close = raw.find(_TEXT_CLOSE, m_open.end()) if m_open else -1
    if not m_open or close < 0:
        raise TimeMLError("no <TEXT>…</TEXT> element")
    pos, end = m_open.end(), close
    chars: list[str] = []
    slots: list[list[Slot]] = [[(pos, ())]]
    stack: list[tuple[int, str]] = []  # (element number, name)
    open_timex: list[tuple[int, dict[str, str]]] = []  # (plain start, attrs)
    gold_rows: list[dict[str, object]] = []
    n_elem = 0

    def ids() -> tuple[int, ...]:
        return tuple(i for i, _ in stack)

    def emit(text: str, raw_end: int) -> None:
        for ch in text:
            chars.append(ch)
            slots.append([(raw_end, ids())])

    for m in _MARKUP.finditer(raw, pos, end):
        if m.start() > pos:
            chunk = raw[pos : m.start()]
            for i, ch in enumerate(chunk):
                chars.append(ch)
                slots.append([(pos + i + 1, ids())])
        token = m.group()
        if token.startswith("&"):
            emit(html.unescape(token), m.end())  # decoded chars all map to the whole entity
        else:
            t = _TAG.fullmatch(token)
            if t is None:
                if not token.startswith(("<!--", "<?")):
                    raise TimeMLError(f"unreadable tag {token!r}")
            elif t[1]:  # end tag
                if not stack or stack[-1][1] != t[2]:
                    raise TimeMLError(f"unbalanced </{t[2]}> in <TEXT>")
                stack.pop()
                if t[2] == "TIMEX3":
                    start, attrs = open_timex.pop()
                    gold_rows.append(_gold_row(start, len(chars), "".join(chars[start:]), attrs))
            elif not t[4]:  # start tag
                n_elem += 1
                stack.append((n_elem, t[2]))
                if t[2] == "TIMEX3":
                    open_timex.append((len(chars), _attrs(t[3])))
            slots[-1].append((m.end(), ids()))
        pos = m.end()
    for i, ch in enumerate(raw[pos:end]):
        chars.append(ch)
        slots.append([(pos + i + 1, ids())])
    if stack:
        raise TimeMLError(f"<{stack[-1][1]}> not closed inside <TEXT>")
    dct_m = _DCT.search(raw)
    gold = S.conform(sorted(gold_rows, key=lambda r: (r[S.CHAR_START], r[S.CHAR_END])), S.TIME_CUES)
    return TimeMLDoc(
        doc_id=doc_id,
        raw=raw,
        text="".join(chars),
        dct=_parse_date(_attrs(dct_m[1]).get("value")) if dct_m else None,
        gold=gold,
        slots=tuple(tuple(s) for s in slots),
        max_tid=max((int(n) for n in _TID.findall(raw)), default=0),
    )


def _gold_row(start: int, end: int, text: str, attrs: dict[str, str]) -> dict[str, object]:
    return {
        S.CHAR_START: start,
        S.CHAR_END: end,
        S.TIME_TEXT: text,
        S.TIME_TYPE: attrs.get("type"),
        S.TIME_VALUE: attrs.get("value"),
        S.TIME_MOD: attrs.get("mod"),
        S.RULE: "gold",
    }


def strip_timex(raw: str) -> str:
    """``raw`` with every TIMEX3 start/end tag inside ``<TEXT>`` removed (their text stays).

    The DCT's TIMEX3 (outside ``<TEXT>``) is kept.
    """
    m_open = _TEXT_OPEN.search(raw)
    close = raw.find(_TEXT_CLOSE, m_open.end()) if m_open else -1
    if not m_open or close < 0:
        return raw
    return raw[: m_open.end()] + _TIMEX_TAG.sub("", raw[m_open.end() : close]) + raw[close:]


def read_timeml(path: str | Path) -> TimeMLDoc:
    """Read and parse a TimeML file (UTF-8, line endings kept); errors name the file."""
    p = Path(path)
    try:
        raw = p.read_bytes().decode("utf-8")
        return parse_timeml(raw, doc_id=p.stem)
    except (OSError, UnicodeDecodeError, TimeMLError) as exc:
        raise TimeMLError(f"{p}: {exc}") from exc


def _placement(doc: TimeMLDoc, start: int, end: int) -> tuple[int, int] | None:
    """Raw positions for a cue's start and end tags at the same nesting level, or None.

    Of the levels both boundaries can reach, the outermost is used, so that a cue covering a
    whole ``<EVENT>word</EVENT>`` wraps the EVENT rather than sitting inside it.
    """
    if not 0 <= start < end <= len(doc.text):
        return None
    firsts: dict[tuple[int, ...], int] = {}
    for raw_pos, stack in doc.slots[start]:
        firsts.setdefault(stack, raw_pos)
    lasts = {stack: raw_pos for raw_pos, stack in doc.slots[end]}
    common = [s for s in firsts if s in lasts]
    if not common:
        return None
    best = min(common, key=len)
    return firsts[best], lasts[best]


def _timex_tag(tid: int, row: pd.Series) -> str:
    attrs = [f'tid="t{tid}"']
    for name, col in (("type", S.TIME_TYPE), ("value", S.TIME_VALUE), ("mod", S.TIME_MOD)):
        v = row.get(col)
        if v is not None and not pd.isna(v) and str(v):
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
    inserts: list[tuple[int, int, str]] = []  # (raw pos, 0=close/1=open, tag)
    tid = doc.max_tid
    dropped = 0
    last_end, last_close = -1, -1
    for _, row in order.iterrows():
        start, end = int(row[S.CHAR_START]), int(row[S.CHAR_END])
        place = _placement(doc, start, end) if start >= last_end else None
        if place is None or place[0] < last_close:
            dropped += 1
            continue
        tid += 1
        last_end, last_close = end, place[1]
        inserts.append((place[0], 1, _timex_tag(tid, row)))
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


def timeml_files(root: str | Path) -> list[Path]:
    """TimeML files (``*.tml``, ``*.xml``) under ``root``, recursively, in path order."""
    base = Path(root)
    if base.is_file():
        return [base]
    return sorted(p for p in base.rglob("*") if p.suffix.lower() in (".tml", ".xml") and p.is_file())


def tag_timeml_files(
    files: Sequence[Path], mode: Mode, report: Callable[[str], None], *, strip: bool = False,
) -> Iterator[tuple[Path, TimeMLDoc, pd.DataFrame]]:
    """(path, document, the tagger's cues) for each file that reads and tags; the others are
    reported through ``report`` (one line naming the file) and skipped, so one bad file or a
    tagger bug never costs the rest. ``strip`` removes gold TIMEX3 tags before parsing."""
    from extract.timecues import tag_time_cues

    for path in files:
        try:
            doc = read_timeml(path)
            if strip:
                doc = parse_timeml(strip_timex(doc.raw), doc_id=doc.doc_id)
        except TimeMLError as exc:
            report(f"failed {exc}")
            continue
        try:
            cues = tag_time_cues(doc.text, published=doc.dct, mode=mode)
        except Exception as exc:  # a tagger bug must not cost the other files
            report(f"tagger failed on {path}: {type(exc).__name__}: {exc}")
            continue
        yield path, doc, cues
