"""What the dashboard reads: the demo, uploads, pasted text, date corrections and stores by name.

Pure functions over plain values so that upload handling is tested without a browser.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from extract.model import Document, LoadError, content_hash, unique_id
from extract.viz.params import is_store_name

STORES_ENV = "NEWS_TIMELINE_STORES"  # folder of named stores; default ./stores next to the app


@dataclass
class Inputs:
    """Documents to extract and the load errors to show, in the order they were given."""

    documents: list[Document] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def pasted_document(text: str, published: date | None, title: str | None = None) -> Document | None:
    """A pasted article as a document (id from its content), or None when the box is blank."""
    if not text.strip():
        return None
    return Document(
        doc_id=f"pasted-{content_hash(text)[:8]}",
        text=text,
        published=published,
        published_from="user" if published else "unknown",
        title=title or None,
        path="(pasted text)",
    )


def gather(
    base: Iterable[Document],
    uploads: Iterable[tuple[str, bytes]] = (),
    pasted: Document | None = None,
    published: date | None = None,
) -> Inputs:
    """The base documents, every uploaded file (name, bytes) and the pasted one, ids made unique.

    A bad file becomes a LoadError naming it; the others are still read. ``published`` is the
    date to use for uploads that carry none.
    """
    out = Inputs()
    seen: set[str] = set()

    def add(doc: Document) -> None:
        out.documents.append(replace(doc, doc_id=unique_id(doc.doc_id, seen)))

    for doc in base:
        add(doc)
    for name, data in uploads:
        # loaded on the first upload only: the reader pulls in HTML parsing and the dateline rules
        # (~0.15 s), which the demo's first chart should not wait for
        from extract.documents import read_upload

        for item in read_upload(name, data, published):
            if isinstance(item, LoadError):
                out.errors.append(item)
            else:
                add(item)
    if pasted is not None:
        add(pasted)
    return out


def with_dates(docs: Iterable[Document], corrections: Mapping[str, date]) -> list[Document]:
    """Documents with the user's publication dates applied (``published_from`` becomes "user")."""
    return [
        replace(d, published=corrections[d.doc_id], published_from="user")
        if d.doc_id in corrections and corrections[d.doc_id] != d.published
        else d
        for d in docs
    ]


def error_lines(errors: Iterable[LoadError]) -> list[str]:
    """One readable line per load error: 'file, line n: reason'."""
    return [f"{e.path}{f', line {e.line}' if e.line else ''}: {e.reason}" for e in errors]


def stores_dir(app_dir: Path, env: Mapping[str, str] | None = None) -> Path:
    """Where named stores live: ``$NEWS_TIMELINE_STORES`` or ``stores/`` next to the app."""
    env = os.environ if env is None else env
    return Path(env[STORES_ENV]) if env.get(STORES_ENV) else app_dir / "stores"


def store_path(name: str, app_dir: Path, env: Mapping[str, str] | None = None) -> Path:
    """The path of the store called ``name`` (``?store=NAME``); ValueError for an unsafe or unknown name."""
    if not is_store_name(name):
        raise ValueError(f"store name {name!r} is not allowed: use letters, digits, '_', '-', '.'")
    folder = stores_dir(app_dir, env)
    path = folder / name
    if not path.exists():
        raise ValueError(f"no store named {name!r} in {folder.name}/")
    return path


def store_names(app_dir: Path, env: Mapping[str, str] | None = None) -> list[str]:
    """The configured store names (entries of the stores folder), sorted."""
    folder = stores_dir(app_dir, env)
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if is_store_name(p.name))
