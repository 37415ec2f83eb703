"""The extraction pipeline: text or documents → events, actors, documents (and errors) frames.

One spaCy pass per document (sentences, entities, parse), the time-cue tagger on the raw text, the
actor finder on the parse, then the events engine. Corpus runs batch through ``nlp.pipe``; a document
that fails becomes a row of ``Extraction.errors`` and the others go on.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from extract import schema as S
from extract.actors import ActorMention as Mention
from extract.actors import build_actors_frame, find_actor_mentions
from extract.actors.event_actors import event_actors
from extract.dates import DateLike, Mode, as_date
from extract.documents import with_publication_date
from extract.events import event_rows, find_furniture, set_line_starts, strip_dateline
from extract.model import Document, Extraction, LoadError, documents_frame, errors_frame, run_isolated
from extract.nlp import load_nlp
from extract.timecues import find_dateline, time_cue_records


def parse_published(published: DateLike) -> date | None:
    """A publication date from a date, datetime, Timestamp or ISO string ('' and None → None)."""
    return as_date(published)


def _prepare(nlp: Language, text: str) -> Doc:
    return set_line_starts(nlp.make_doc(strip_dateline(text)))


def _dateline(document: Document) -> str | None:
    """The document's dateline for the actors' context rules: the text's own (blanked before parsing,
    so the actors cannot read it from the parse), else the one its record keeps apart from the text."""
    found = find_dateline(document.text)
    return document.text[found.char_start : found.char_end] if found is not None else document.dateline


def _extract_parsed(doc: Doc, document: Document, mode: Mode) -> tuple[list[dict[str, Any]], list[Mention]]:
    """Event records and actor mentions of an already parsed document."""
    dateline = _dateline(document)
    mentions = find_actor_mentions(doc, dateline)
    cues = time_cue_records(document.text, document.published, mode)
    furniture = find_furniture(document.text, document.title)
    events = event_rows(doc, mentions, cues, document.published, document.doc_id, furniture)
    return events, _with_event_actors(doc, events, mentions, dateline)


def _with_event_actors(
    doc: Doc, rows: list[dict[str, Any]], mentions: list[Mention], dateline: str | None
) -> list[Mention]:
    """The document's mentions plus the actors its event rows name that the finder did not ("Thai
    troops"); a row whose group took the story's country lists it (``actors.event_actors``)."""
    named = [m for row in rows for m in row.get(S.ROW_MENTIONS, ())]
    added, changed = event_actors(doc, mentions, named, dateline)
    for row in rows:
        codes = [changed[m].country for m in row.pop(S.ROW_MENTIONS, ()) if m in changed]
        if any(codes):
            row[S.COUNTRIES] = list(dict.fromkeys([*row[S.COUNTRIES], *(c for c in codes if c)]))
    return [*mentions, *added]


def _rename(events: pd.DataFrame, rename: dict[str, str]) -> pd.DataFrame:
    """Apply the corpus-wide actor rename map to the events' actor columns."""
    if not rename or len(events) == 0:
        return events
    events = events.copy()
    for col in (S.SOURCE_ACTOR, S.TARGET_ACTOR):
        events[col] = (
            events[col].map(lambda a: rename.get(a, a) if isinstance(a, str) else a).astype("string")
        )

    def rename_list(actors: list[str]) -> list[str]:
        return list(dict.fromkeys(rename.get(a, a) for a in actors))

    events[S.ACTORS] = events[S.ACTORS].map(rename_list)
    return events


def extract_document(
    text: str,
    published: date | datetime | str | None = None,
    doc_id: str = "doc",
    mode: Mode = "news",
    title: str | None = None,
    nlp: Language | None = None,
) -> Extraction:
    """Events, actors and the document row for one text."""
    day = parse_published(published)
    document = with_publication_date(Document(doc_id, text, day, "user" if day else "unknown", title))
    return extract_corpus([document], mode=mode, nlp=nlp, raise_errors=True)


def extract_events(
    text: str,
    published: date | datetime | str | None = None,
    doc_id: str = "doc",
    mode: Mode = "news",
    title: str | None = None,
    nlp: Language | None = None,
) -> pd.DataFrame:
    """The events frame (schema S.EVENTS) of one text."""
    return extract_document(text, published, doc_id, mode, title, nlp).events


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _parse_batch(
    nlp: Language,
    batch: Sequence[Document],
    batch_size: int,
    n_process: int,
) -> list[Doc | Exception]:
    """Parsed docs for a batch; if the batch fails, parse one by one so only the culprit fails."""

    def parse(docs: Sequence[Document]) -> list[Doc]:
        return list(
            nlp.pipe([_prepare(nlp, d.text) for d in docs], batch_size=batch_size, n_process=n_process)
        )

    out: list[Doc | Exception] = []
    for group, parsed in run_isolated(batch, parse):
        out.extend(parsed if isinstance(parsed, list) else [parsed] * len(group))
    return out


PARSE_BATCH = 8
"""Documents parsed and held at once: each batch's spaCy Docs stay alive until its rows are built, so
on long articles the batch sets the peak memory (120 Timeline17 articles: 900 MB in batches of 32,
399 MB in batches of 4; a 298-article topic ran faster in 8s than in 32s, docs/benchmarks.md)."""


def extract_corpus(
    docs: Iterable[Document],
    mode: Mode = "news",
    nlp: Language | None = None,
    batch_size: int = PARSE_BATCH,
    n_process: int = 1,
    on_progress: Callable[[int], None] | None = None,
    raise_errors: bool = False,
) -> Extraction:
    """Events, actors, documents and errors frames for a corpus (output independent of batch_size).

    A document whose extraction raises becomes a row of ``errors`` (unless ``raise_errors``) and is
    left out of the other frames; the rest go on. ``on_progress(n)`` gets the number of documents done
    so far, after each document.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, got {batch_size}")
    nlp = nlp or load_nlp()
    rows: list[dict[str, Any]] = []
    kept: list[Document] = []
    mentions_by_doc: dict[str, list[Mention]] = {}
    errors: list[LoadError] = []
    done = 0

    def fail(document: Document, exc: Exception) -> None:
        if raise_errors:
            raise exc
        reason = f"extraction failed: {type(exc).__name__}: {exc}"
        errors.append(LoadError(document.path or document.doc_id, reason, None, document.doc_id))

    def tick() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done)

    for batch in _batches(docs, batch_size):
        dated: list[Document] = []
        for document in batch:
            try:
                dated.append(with_publication_date(document))
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the corpus: reported as an error row
                fail(document, exc)
                tick()
        for document, parsed in zip(dated, _parse_batch(nlp, dated, batch_size, n_process), strict=True):
            try:
                if isinstance(parsed, Exception):
                    raise parsed
                doc_rows, mentions = _extract_parsed(parsed, document, mode)
            except Exception as exc:  # noqa: BLE001 - reported as an error row, the others go on
                fail(document, exc)
                tick()
                continue
            rows.extend(doc_rows)
            kept.append(document)
            mentions_by_doc.setdefault(document.doc_id, []).extend(mentions)
            tick()
    actors, rename = build_actors_frame(mentions_by_doc)
    events = S.conform(rows, S.EVENTS) if rows else S.empty_frame(S.EVENTS)
    return Extraction(
        events=_rename(events, rename),
        actors=actors,
        documents=documents_frame(kept),
        errors=errors_frame(errors),
    )
