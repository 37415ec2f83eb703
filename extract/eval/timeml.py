"""TimeML / TempEval-3 files: read the plain text, DCT and gold TIMEX3; find and name the files.

A TimeML file keeps its text inside ``<TEXT>…</TEXT>`` with inline tags (EVENT, SIGNAL, TIMEX3)
and XML entities (``&amp;``). The tagger and the scorer work on the *plain* text (tags removed,
entities decoded); :class:`TimeMLDoc` keeps the map from plain offsets back to raw offsets so
that new ``<TIMEX3>`` tags can be inserted without touching any other character (the official
TempEval-3 scorer aligns system and gold files by tokens; see :mod:`extract.eval.insert`).

One pass over the markup: runs of plain text are copied and mapped with C-level list operations,
only tags and entities cost Python work, so a file is read at several MB/s.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd

from extract import schema as S
from extract.dates import Mode

_TEXT_OPEN = re.compile(r"<TEXT(?:\s[^>]*)?>")
_TEXT_CLOSE = "</TEXT>"
_MARKUP = re.compile(r"<[^>]*>|&[^;\s<&]*;")
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z_][\w.:-]*)([^>]*?)(/?)\s*>")
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TIMEX_TAG = re.compile(r"<\s*/?\s*TIMEX3\b[^>]*>")
_TID = re.compile(r"=\s*[\"']t(\d+)[\"']")  # tid="t3", relatedToTime="t3", …
_DCT = re.compile(r"<DCT>.*?<TIMEX3\b([^>]*)>", re.S)
_DAY = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")

# TempEval-3 hands systems ``NAME.tml.TE3input`` and scores the ``NAME.tml`` they write back
INPUT_SUFFIX = ".te3input"
SUFFIXES = (".tml", ".xml", INPUT_SUFFIX)

_Cues = TypeVar("_Cues")

# a plain-text boundary's raw place: the raw position and the stack of open elements there
Slot = tuple[int, tuple[int, ...]]


class TimeMLError(ValueError):
    """A TimeML file that cannot be read (not XML, no <TEXT>, unbalanced tags)."""


@dataclass(frozen=True)
class OffsetMap:
    """Where each plain-text boundary ``k`` (0 … len(text)) sits in the raw file, by runs.

    The plain text is a sequence of runs, each copied from the raw file as it is or decoded
    from one entity: run ``r`` starts at plain offset ``starts[r]``, at raw position ``raws[r]``
    (for an entity run: ``entity_end[r]``, where all its boundaries map), inside the elements
    ``stacks[stack_of[r]]``. A boundary followed by tags has one more place after each tag,
    all listed in ``tagged[k]``.
    """

    text_start: int  # raw position of boundary 0: just after <TEXT>
    starts: list[int]
    raws: list[int]
    entity_end: list[int]  # -1 for a run copied as it is
    stack_of: list[int]
    stacks: list[tuple[int, ...]]
    tagged: dict[int, list[Slot]]

    def first(self, k: int) -> Slot:
        """The raw place right after plain character k-1 (the start of <TEXT> for k = 0)."""
        if k == 0:
            return self.text_start, ()
        r = bisect_right(self.starts, k - 1) - 1
        end = self.entity_end[r]
        raw = end if end >= 0 else self.raws[r] + k - self.starts[r]
        return raw, self.stacks[self.stack_of[r]]

    def slots(self, k: int) -> list[Slot]:
        """Every raw place of plain boundary ``k``, in raw order."""
        return self.tagged.get(k) or [self.first(k)]


@dataclass(frozen=True)
class TimeMLDoc:
    """A parsed TimeML file: raw content, plain text, DCT, gold cues and the offset map."""

    doc_id: str
    raw: str
    text: str
    dct: date | None
    gold_rows: tuple[dict[str, object], ...]  # the gold TIMEX3 (see ``gold``)
    offsets: OffsetMap
    max_tid: int  # highest tN referenced anywhere (tid, TLINK relatedToTime…): new tids go above

    @property
    def gold(self) -> pd.DataFrame:
        """The gold cues as a frame of schema TIME_CUES, offsets into ``text`` (built on each call)."""
        return S.conform(list(self.gold_rows), S.TIME_CUES) if self.gold_rows else S.empty_frame(S.TIME_CUES)


def _attrs(tag_body: str) -> dict[str, str]:
    """Attributes of a start tag's body, entities decoded."""
    return {m[1]: html.unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(tag_body)}


def _parse_date(value: str | None) -> date | None:
    """The calendar day of a TIMEX3 value like ``1998-01-08`` or ``1998-11-20T19:30``."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:  # "1998-13-45": a DCT that is no day is no DCT
        return None


class _Reader:
    """The state of one pass over ``<TEXT>``: plain text so far, offset map, open elements, gold."""

    def __init__(self, start: int) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.offsets = OffsetMap(start, [], [], [], [], [()], {})
        self.open: list[tuple[int, str]] = []  # (element number, name)
        self.timex: list[tuple[int, dict[str, str]]] = []  # (plain start, attrs) of open TIMEX3
        self.gold: list[tuple[int, int, dict[str, str]]] = []  # (plain start, plain end, attrs)
        self.elements = 0

    def _run(self, chars: str, raw: int, entity_end: int) -> None:
        o = self.offsets
        self.parts.append(chars)
        o.starts.append(self.length)
        o.raws.append(raw)
        o.entity_end.append(entity_end)
        o.stack_of.append(len(o.stacks) - 1)
        self.length += len(chars)

    def plain(self, raw: str, a: int, b: int) -> None:
        """Raw characters ``raw[a:b]`` as they are."""
        if b > a:
            self._run(raw[a:b], a, -1)

    def entity(self, token: str, raw_end: int) -> None:
        """An entity: its decoded characters all map to the whole entity."""
        self._run(html.unescape(token), raw_end, raw_end)

    def tag(self, token: str, raw_end: int) -> None:
        """A start, end or empty tag (comments and processing instructions are skipped)."""
        t = _TAG.fullmatch(token)
        if t is None:
            if not token.startswith(("<!--", "<?")):
                raise TimeMLError(f"unreadable tag {token!r}")
            return
        o = self.offsets
        k = self.length
        if k not in o.tagged:
            o.tagged[k] = [o.first(k)]
        if t[1]:
            self._close(t[2])
        elif not t[4]:
            self.elements += 1
            self.open.append((self.elements, t[2]))
            if t[2] == "TIMEX3":
                self.timex.append((k, _attrs(t[3])))
        if t[1] or not t[4]:  # the elements open from here on (an empty tag changes nothing)
            o.stacks.append(tuple(i for i, _ in self.open))
        o.tagged[k].append((raw_end, o.stacks[-1]))

    def _close(self, name: str) -> None:
        if not self.open or self.open[-1][1] != name:
            raise TimeMLError(f"unbalanced </{name}> in <TEXT>")
        self.open.pop()
        if name == "TIMEX3":
            start, attrs = self.timex.pop()
            self.gold.append((start, self.length, attrs))


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


def _text_bounds(raw: str) -> tuple[int, int]:
    m_open = _TEXT_OPEN.search(raw)
    close = raw.find(_TEXT_CLOSE, m_open.end()) if m_open else -1
    if not m_open or close < 0:
        raise TimeMLError("no <TEXT>…</TEXT> element")
    return m_open.end(), close


def parse_timeml(raw: str, doc_id: str = "", *, strip: bool = False) -> TimeMLDoc:
    """Parse TimeML content once; raise :class:`TimeMLError` naming what is wrong.

    Gold TIMEX3 elements inside ``<TEXT>`` become the ``gold`` frame (plain-text offsets,
    type/value/mod attributes); the DCT is the ``value`` of the TIMEX3 inside ``<DCT>``. With
    ``strip`` the TIMEX3 tags inside ``<TEXT>`` are removed first (``raw`` is then the stripped
    content, ``gold`` empty); ``max_tid`` still counts the removed tids, which TLINKs may name.
    """
    try:
        ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as exc:
        raise TimeMLError(f"not well-formed XML: {exc}") from exc
    max_tid = max((int(n) for n in _TID.findall(raw)), default=0)
    if strip:
        raw = strip_timex(raw)
    pos, end = _text_bounds(raw)
    reader = _Reader(pos)
    for m in _MARKUP.finditer(raw, pos, end):
        reader.plain(raw, pos, m.start())
        if raw.startswith("&", m.start()):
            reader.entity(m.group(), m.end())
        else:
            reader.tag(m.group(), m.end())
        pos = m.end()
    reader.plain(raw, pos, end)
    if reader.open:
        raise TimeMLError(f"<{reader.open[-1][1]}> not closed inside <TEXT>")
    dct_m = _DCT.search(raw)
    text = "".join(reader.parts)
    rows = tuple(
        _gold_row(a, b, text[a:b], attrs) for a, b, attrs in sorted(reader.gold, key=lambda g: g[:2])
    )
    return TimeMLDoc(
        doc_id=doc_id,
        raw=raw,
        text=text,
        dct=_parse_date(_attrs(dct_m[1]).get("value")) if dct_m else None,
        gold_rows=rows,
        offsets=reader.offsets,
        max_tid=max_tid,
    )


def strip_timex(raw: str) -> str:
    """``raw`` with every TIMEX3 start/end tag inside ``<TEXT>`` removed (their text stays).

    The DCT's TIMEX3 (outside ``<TEXT>``) is kept.
    """
    m_open = _TEXT_OPEN.search(raw)
    close = raw.find(_TEXT_CLOSE, m_open.end()) if m_open else -1
    if not m_open or close < 0:
        return raw
    return raw[: m_open.end()] + _TIMEX_TAG.sub("", raw[m_open.end() : close]) + raw[close:]


def doc_id_of(path: Path) -> str:
    """``NAME`` for ``NAME.tml``, ``NAME.xml``, ``NAME.tml.TE3input`` and ``NAME.TE3input``."""
    name = path.name
    if name.lower().endswith(INPUT_SUFFIX):
        name = name[: -len(INPUT_SUFFIX)]
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and suffix.lower() in ("tml", "xml") else name


def output_name(path: Path) -> str:
    """The name a tagged copy of ``path`` gets: TempEval-3's ``NAME.tml.TE3input`` (or
    ``NAME.TE3input``) is written back as ``NAME.tml``, the name the task's scorer pairs with
    its gold ``NAME.tml``; ``.tml`` and ``.xml`` files keep their names."""
    if path.name.lower().endswith(INPUT_SUFFIX):
        return doc_id_of(path) + ".tml"
    return path.name


def read_timeml(path: str | Path, *, strip: bool = False) -> TimeMLDoc:
    """Read and parse a TimeML file (UTF-8, line endings kept); errors name the file."""
    p = Path(path)
    try:
        raw = p.read_bytes().decode("utf-8")
        return parse_timeml(raw, doc_id=doc_id_of(p), strip=strip)
    except (OSError, UnicodeDecodeError, TimeMLError) as exc:
        raise TimeMLError(f"{p}: {exc}") from exc


def timeml_files(root: str | Path) -> list[Path]:
    """TimeML files under ``root``, recursively, in path order: ``*.tml``, ``*.xml`` and
    TempEval-3's input files ``*.TE3input`` (``NAME.tml.TE3input``); any letter case."""
    base = Path(root)
    if base.is_file():
        return [base]
    return sorted(p for p in base.rglob("*") if p.name.lower().endswith(SUFFIXES) and p.is_file())


def _read_and_tag(
    files: Sequence[Path], report: Callable[[str], None], strip: bool, tag: Callable[[TimeMLDoc], _Cues]
) -> Iterator[tuple[Path, TimeMLDoc, _Cues]]:
    for path in files:
        try:
            doc = read_timeml(path, strip=strip)
        except TimeMLError as exc:
            report(f"failed {exc}")
            continue
        try:
            cues = tag(doc)
        except Exception as exc:  # noqa: BLE001 - reported by name: a tagger bug must not cost the other files
            report(f"tagger failed on {path}: {type(exc).__name__}: {exc}")
            continue
        yield path, doc, cues


def tag_timeml_files(
    files: Sequence[Path], mode: Mode, report: Callable[[str], None], *, strip: bool = False
) -> Iterator[tuple[Path, TimeMLDoc, pd.DataFrame]]:
    """(path, document, the tagger's cues) for each file that reads and tags; the others are
    reported through ``report`` (one line naming the file) and skipped, so one bad file or a
    tagger bug never costs the rest. ``strip`` removes gold TIMEX3 tags (in the same single parse)."""
    from extract.timecues import tag_time_cues

    yield from _read_and_tag(
        files, report, strip, lambda d: tag_time_cues(d.text, published=d.dct, mode=mode)
    )


def tag_timeml_records(
    files: Sequence[Path], mode: Mode, report: Callable[[str], None], *, strip: bool = False
) -> Iterator[tuple[Path, TimeMLDoc, list[dict[str, Any]]]]:
    """As :func:`tag_timeml_files`, the cues as records (no frame: what writing tags back needs)."""
    from extract.timecues import time_cue_records

    yield from _read_and_tag(
        files, report, strip, lambda d: time_cue_records(d.text, published=d.dct, mode=mode)
    )
