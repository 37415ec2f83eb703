"""Files and uploads → :class:`~extract.model.Document` values (and :class:`LoadError` for bad input).

Formats: ``.txt`` (one document), ``.html``/``.htm`` (main text via trafilatura, date via
htmldate), ``.jsonl`` (one record a line), ``.json`` (a record or a list of records) and
``.csv`` (header row with a ``text`` column). Records have ``id``, ``published``
(YYYY-MM-DD), ``title``, ``text`` and optional ``url``, ``source``; other fields are ignored.
Folders are searched recursively for those suffixes; a file named explicitly with another
suffix is read as plain text.

The publication date comes from, in order: the record's ``published`` field (``metadata``),
the HTML page (``html``), the ``published`` argument (``user``), a dateline at the top of
the text (``dateline``); else it is unknown.

doc_ids: the record's ``id``, else the file stem (``-<line>`` appended for records without
an id). Within one call, a repeated id gets ``~2``, ``~3``… appended, in reading order, so
re-reading the same inputs gives the same ids.

Limits: a document's text may have at most :data:`MAX_TEXT_CHARS` characters; a non-JSONL
file at most :data:`MAX_FILE_BYTES` bytes (JSONL is streamed). Anything bad — binary,
empty, not UTF-8, too large, a malformed JSON line, no text, a bad date — becomes a
``LoadError`` naming the file and line, and the rest is still read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

from extract.documents.formats import (
    MAX_FILE_BYTES,
    SUFFIXES,
    Raw,
    parse_jsonl,
    parse_whole,
)
from extract.model import Document, LoadError, unique_id
from extract.timecues import find_dateline

DEMO_PATH = Path(__file__).resolve().parents[2] / "seeds" / "demo.jsonl"


def _dateline_date(text: str) -> date | None:
    found = find_dateline(text)
    return found.date if found is not None else None


def with_publication_date(document: Document) -> Document:
    """The document with a missing publication date filled from its dateline, when it states one."""
    if document.published is not None:
        return document
    day = _dateline_date(document.text)
    return document if day is None else replace(document, published=day, published_from="dateline")


class _Ids:
    """Hands out unique doc_ids in reading order."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def take(self, wanted: str) -> str:
        return unique_id(wanted, self.seen)


def _to_document(raw: Raw, ids: _Ids, published: date | None) -> Document:
    day, source = raw.published, raw.published_from
    if day is None and published is not None:
        day, source = published, "user"
    if day is None:
        day = _dateline_date(raw.text)
        source = "dateline" if day else "unknown"  # the one dateline rule: with_publication_date
    stem = Path(raw.path).stem or "document"
    wanted = raw.doc_id or (f"{stem}-{raw.line}" if raw.line is not None else stem)
    return Document(
        doc_id=ids.take(wanted),
        text=raw.text,
        published=day,
        published_from=source,
        title=raw.title,
        source=raw.source,
        url=raw.url,
        path=raw.path,
        dateline=raw.dateline,
    )


def _finish(
    items: Iterable[Raw | LoadError], ids: _Ids, published: date | None
) -> Iterator[tuple[Document, int | None] | LoadError]:
    for item in items:
        if isinstance(item, LoadError):
            yield item
        else:
            yield _to_document(item, ids, published), item.line


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | LoadError]:
    """Files named, and readable files under folders named (sorted), or a LoadError per missing path."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                yield LoadError(str(path), f"folder has no {'/'.join(SUFFIXES)} files")
            yield from found
        elif path.is_file():
            yield path
        else:
            yield LoadError(str(path), "no such file or folder")


def _read_file(path: Path) -> Iterator[Raw | LoadError]:
    name, suffix = str(path), path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as handle:
                yield from parse_jsonl(handle, name)
            return
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield LoadError(name, f"file has {size:,} bytes, over the {MAX_FILE_BYTES:,} limit")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield LoadError(name, f"cannot read file: {exc.strerror or exc}")
        return
    yield from parse_whole(data, name, suffix)


def read_documents(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[Document | LoadError]:
    """Documents from files and folders, with a LoadError for each bad file or record (see module doc)."""
    for item in read_documents_with_lines(paths, published):
        yield item if isinstance(item, LoadError) else item[0]


def read_documents_with_lines(
    paths: Iterable[str | Path], published: date | None = None
) -> Iterator[tuple[Document, int | None] | LoadError]:
    """:func:`read_documents` with each document's line in its file (records) or None (whole files)."""
    ids = _Ids()
    for path in iter_paths(paths):
        if isinstance(path, LoadError):
            yield path
            continue
        try:
            yield from _finish(_read_file(path), ids, published)
        except Exception as exc:  # noqa: BLE001 - a parser bug loses this file only, and says so
            yield LoadError(str(path), f"could not be read: {type(exc).__name__}: {exc}")


def read_upload(name: str, data: bytes, published: date | None = None) -> list[Document | LoadError]:
    """The same as :func:`read_documents` for an uploaded file's name and bytes."""
    suffix = Path(name).suffix.lower()
    try:
        items = _finish(parse_whole(data, name, suffix), _Ids(), published)
        return [item if isinstance(item, LoadError) else item[0] for item in items]
    except Exception as exc:  # noqa: BLE001 - a parser bug loses this upload only, and says so
        return [LoadError(name, f"could not be read: {type(exc).__name__}: {exc}")]


def demo_documents() -> list[Document]:
    """The demo corpus (``seeds/demo.jsonl``) the dashboard opens with."""
    docs: list[Document] = []
    for item in read_documents([DEMO_PATH]):
        if isinstance(item, LoadError):
            raise RuntimeError(f"demo corpus is broken: {item.path} line {item.line}: {item.reason}")
        docs.append(replace(item, path=f"seeds/{DEMO_PATH.name}"))
    return docs
