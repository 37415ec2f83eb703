"""Parsers for each input format: bytes in, documents (without final ids) and load errors out.

Each parser yields :class:`Raw` records or :class:`LoadError`; :mod:`extract.documents` turns
``Raw`` into ``Document`` (dates, unique ids). A bad record never stops the file; a bad file
never stops the run.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from extract.model import LoadError, PublishedFrom

MAX_TEXT_CHARS = 1_000_000
"""Longest text accepted for one document (spaCy's default ``nlp.max_length``)."""

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest .txt/.html/.json/.csv file read whole; .jsonl is streamed and has no file limit."""

RECORD_SUFFIXES = (".jsonl", ".csv", ".json")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = RECORD_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES


@dataclass(frozen=True)
class Raw:
    """A document as read, before the date fallback and id assignment."""

    text: str
    path: str
    line: int | None = None
    doc_id: str | None = None
    published: date | None = None
    published_from: PublishedFrom = "unknown"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None


def parse_date(value: Any) -> date:
    """A YYYY-MM-DD (or longer ISO timestamp) value as a date; ValueError otherwise."""
    if not isinstance(value, str) or len(value) < 10:
        raise ValueError(f"published {value!r} is not a YYYY-MM-DD date")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(f"published {value!r} is not a YYYY-MM-DD date") from None


def _check_text(text: str, path: str, line: int | None, doc_id: str | None) -> LoadError | None:
    if not text.strip():
        what = "record has no text" if line is not None else "file is empty"
        return LoadError(path, what, line, doc_id)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return LoadError(
            path, f"text is not valid Unicode (unpaired surrogate at character {exc.start})", line, doc_id
        )
    if len(text) > MAX_TEXT_CHARS:
        return LoadError(
            path, f"text has {len(text):,} characters, over the {MAX_TEXT_CHARS:,} limit", line, doc_id
        )
    return None


def decode(data: bytes, path: str) -> str | LoadError:
    """UTF-8 text (a BOM is dropped), or a LoadError saying why the bytes are not text."""
    if b"\x00" in data[:8192]:
        return LoadError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return LoadError(path, f"not UTF-8 text: byte 0x{data[exc.start]:02x} at offset {exc.start}", line)


def _opt_str(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def record(obj: Any, path: str, line: int | None) -> Raw | LoadError:
    """One JSON/CSV record (id, published, title, text, url, source) as a Raw document."""
    if not isinstance(obj, dict):
        return LoadError(path, f"record is a {type(obj).__name__}, not an object with a 'text' field", line)
    doc_id = _opt_str(obj.get("id"))
    text = obj.get("text")
    if not isinstance(text, str):
        reason = "record has no 'text' field" if text is None else "record's 'text' is not a string"
        return LoadError(path, reason, line, doc_id)
    bad = _check_text(text, path, line, doc_id)
    if bad:
        return bad
    published: date | None = None
    raw_date = _opt_str(obj.get("published"))
    if raw_date is not None:
        try:
            published = parse_date(raw_date)
        except ValueError as exc:
            return LoadError(path, str(exc), line, doc_id)
    return Raw(
        text=text,
        path=path,
        line=line,
        doc_id=doc_id,
        published=published,
        published_from="metadata" if published else "unknown",
        title=_opt_str(obj.get("title")),
        source=_opt_str(obj.get("source")),
        url=_opt_str(obj.get("url")),
        dateline=_opt_str(obj.get("dateline")),
    )


def not_empty(items: Iterable[Raw | LoadError], path: str) -> Iterator[Raw | LoadError]:
    """The items, or one LoadError when a file yields none (empty file, blank lines, ``[]``, header only)."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield LoadError(path, "file has no records")


def parse_jsonl(lines: Iterable[bytes], path: str) -> Iterator[Raw | LoadError]:
    """One JSON object a line; blank lines are skipped, every bad line is its own error."""
    yield from not_empty(_parse_jsonl(lines, path), path)


def _parse_jsonl(lines: Iterable[bytes], path: str) -> Iterator[Raw | LoadError]:
    for number, raw_line in enumerate(lines, start=1):
        if not raw_line.strip():
            continue
        text = decode(raw_line, path)
        if isinstance(text, LoadError):
            yield LoadError(path, text.reason, number)
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield LoadError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", number)
            continue
        yield record(obj, path, number)


def parse_json(text: str, path: str) -> Iterator[Raw | LoadError]:
    """A JSON file: one record object or a list of them."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        yield LoadError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)
        return
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items, start=1):
        got = record(item, path, None)
        if isinstance(got, LoadError) and got.line is None and len(items) > 1:
            got = LoadError(got.path, f"item {i}: {got.reason}", None, got.doc_id)
        yield got


def parse_csv(text: str, path: str) -> Iterator[Raw | LoadError]:
    """A CSV file with a header row naming at least a ``text`` column."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield LoadError(path, f"not valid CSV: {exc}", 1)
        return
    if not header or "text" not in header:
        yield LoadError(path, "CSV has no 'text' column in its header row", 1)
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield LoadError(path, f"not valid CSV: {exc}", reader.line_num)
            return
        yield record(row, path, start)
        start = reader.line_num + 1


def parse_html(text: str, path: str) -> Iterator[Raw | LoadError]:
    """An HTML page: main text via trafilatura, publication date via htmldate."""
    import htmldate
    import trafilatura

    body = trafilatura.extract(text, include_comments=False, include_tables=False)
    if not body or not body.strip():
        yield LoadError(path, "no article text found in the HTML page")
        return
    bad = _check_text(body, path, None, None)
    if bad:
        yield bad
        return
    meta = trafilatura.extract_metadata(text)
    found = htmldate.find_date(text, extensive_search=False, outputformat="%Y-%m-%d")
    published = date.fromisoformat(found) if found else None
    yield Raw(
        text=body,
        path=path,
        published=published,
        published_from="html" if published else "unknown",
        title=_opt_str(getattr(meta, "title", None)),
        source=_opt_str(getattr(meta, "sitename", None)),
        url=_opt_str(getattr(meta, "url", None)),
    )


def parse_text(text: str, path: str) -> Iterator[Raw | LoadError]:
    """A plain-text file: the whole file is one document."""
    bad = _check_text(text, path, None, None)
    yield bad or Raw(text=text, path=path)


def parse_whole(data: bytes, path: str, suffix: str) -> Iterator[Raw | LoadError]:
    """Any format from the file's complete bytes (uploads, and files other than .jsonl)."""
    if suffix == ".jsonl":
        yield from parse_jsonl(io.BytesIO(data), path)
        return
    if len(data) > MAX_FILE_BYTES:
        yield LoadError(path, f"file has {len(data):,} bytes, over the {MAX_FILE_BYTES:,} limit")
        return
    if not data.strip():
        yield LoadError(path, "file is empty")
        return
    text = decode(data, path)
    if isinstance(text, LoadError):
        yield text
        return
    if suffix == ".json":
        yield from not_empty(parse_json(text, path), path)
    elif suffix == ".csv":
        yield from not_empty(parse_csv(text, path), path)
    elif suffix in HTML_SUFFIXES:
        yield from parse_html(text, path)
    else:
        yield from parse_text(text, path)
