"""Plain records passed between pipeline steps: a document in, an extraction out.

Frames (see :mod:`extract.schema`) are the public output; these dataclasses are how documents
and load failures travel before they become frames.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import pandas as pd

from extract import schema as S

Mode = Literal["news", "narrative"]
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
