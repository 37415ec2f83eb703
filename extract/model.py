"""Plain records passed between pipeline steps: a document in, an extraction out.

Frames (see :mod:`extract.schema`) are the public output; these dataclasses are how documents
and load failures travel before they become frames.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar

import pandas as pd

from extract import schema as S
from extract.dates import Mode

__all__ = [
    "Document",
    "Extraction",
    "LoadError",
    "Mode",
    "PublishedFrom",
    "content_hash",
    "documents_frame",
    "errors_frame",
    "run_isolated",
    "unique_id",
    "where",
]

_T = TypeVar("_T")
_R = TypeVar("_R")

PublishedFrom = Literal["metadata", "html", "dateline", "user", "unknown"]


def content_hash(text: str) -> str:
    """sha256 of the UTF-8 text: the key that makes corpus runs idempotent."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about it."""

    doc_id: str
    text: str
    published: date | None = None
    published_from: PublishedFrom = "unknown"
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    dateline: str | None = None  # where and when it was filed, when a record keeps it apart from the text

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True)
class LoadError:
    """A file or record that could not be read: reported by name, never silently dropped."""

    path: str
    reason: str
    line: int | None = None
    doc_id: str | None = None

    @property
    def where(self) -> str:
        """``path:line``, or the path alone for a whole file."""
        return where(self.path, self.line)


def where(path: str, line: Any = None) -> str:
    """How a bad input is named in messages: ``path:line``, or ``path`` when there is no line (None/NA)."""
    return path if line is None or line is pd.NA or pd.isna(line) else f"{path}:{int(line)}"


def unique_id(wanted: str, seen: set[str]) -> str:
    """``wanted``, or ``wanted~2``, ``~3``… — the first not in ``seen`` (which it joins)."""
    candidate, n = wanted, 1
    while candidate in seen:
        n += 1
        candidate = f"{wanted}~{n}"
    seen.add(candidate)
    return candidate


def run_isolated(
    items: Sequence[_T], run: Callable[[Sequence[_T]], _R]
) -> list[tuple[Sequence[_T], _R | Exception]]:
    """``run`` on the whole batch; if it raises, on each item alone, so only the culprits fail.

    Returns (items, result or the exception it raised) groups in input order: one group when the batch
    succeeds, else one per item.
    """
    try:
        return [(items, run(items))]
    except Exception:  # noqa: BLE001 - any failure of the batch is retried item by item below
        groups: list[tuple[Sequence[_T], _R | Exception]] = []
        for item in items:
            try:
                groups.append(([item], run([item])))
            except Exception as exc:  # noqa: BLE001 - one bad item must not stop the others; it is returned
                groups.append(([item], exc))
        return groups


@dataclass
class Extraction:
    """What extraction returns: events, actors, documents and errors frames (see schema)."""

    events: pd.DataFrame = field(default_factory=lambda: S.empty_frame(S.EVENTS))
    actors: pd.DataFrame = field(default_factory=lambda: S.empty_frame(S.ACTORS_FRAME))
    documents: pd.DataFrame = field(default_factory=lambda: S.empty_frame(S.DOCUMENTS))
    errors: pd.DataFrame = field(default_factory=lambda: S.empty_frame(S.ERRORS))


def documents_frame(docs: list[Document]) -> pd.DataFrame:
    """The documents frame for a list of documents."""
    rows = [
        {
            S.DOC_ID: d.doc_id,
            S.TITLE: d.title,
            S.PUBLISHED: pd.Timestamp(d.published) if d.published else None,
            S.PUBLISHED_FROM: d.published_from,
            S.SOURCE: d.source,
            S.URL: d.url,
            S.PATH: d.path,
            S.CONTENT_HASH: d.content_hash,
            S.N_CHARS: len(d.text),
            S.TEXT: d.text,
        }
        for d in docs
    ]
    return S.conform(rows, S.DOCUMENTS)


def errors_frame(errors: list[LoadError]) -> pd.DataFrame:
    """The errors frame for a list of load errors."""
    rows = [{S.DOC_ID: e.doc_id, S.PATH: e.path, S.LINE: e.line, S.REASON: e.reason} for e in errors]
    return S.conform(rows, S.ERRORS)
