"""One batch of documents → its store parts: the unit of work every engine runs.

:func:`extract_batch` is a plain module-level function of picklable values, so the local
engine runs it in-process or in spawned processes and the Dask engine ships it to workers.
spaCy loads once per process through :func:`extract.nlp.load_nlp` (an ``lru_cache``), so a
Dask worker or pool process loads it on its first batch and reuses it afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from extract import schema as S
from extract.model import Document, Extraction, LoadError, documents_frame, errors_frame, run_isolated
from extract.store.layout import part_hash

Item = tuple[Document, int | None]
"""A document and its line in its file (None for whole-file documents)."""


@dataclass
class BatchResult:
    """What one batch produced; ``documents`` holds only the documents that succeeded."""

    key: str
    documents: pd.DataFrame
    events: pd.DataFrame
    actors: pd.DataFrame
    errors: pd.DataFrame
    failed: int = 0
    done: int = 0
    n_chars: int = 0
    failed_ids: list[str] = field(default_factory=list)


def _run(docs: list[Document], mode: str) -> Extraction:
    from extract.nlp import load_nlp
    from extract.pipeline import extract_corpus

    return extract_corpus(docs, mode=mode, nlp=load_nlp())  # type: ignore[arg-type]


def _failed_ids(extraction: Extraction, ids: set[str]) -> set[str]:
    errors = extraction.errors
    if not len(errors):
        return set()
    return {str(d) for d in errors[S.DOC_ID].dropna() if str(d) in ids}


def extract_batch(items: list[Item], mode: str = "news") -> BatchResult:
    """Extract one batch; a document that raises is retried alone and, if it fails again, reported."""
    docs = [d for d, _ in items]
    lines = {d.doc_id: line for d, line in items}
    key = part_hash(d.content_hash for d in docs)
    failures: list[LoadError] = []
    results: list[Extraction] = []
    for group, outcome in run_isolated(docs, lambda some: _run(list(some), mode)):
        if isinstance(outcome, Exception):  # a document that breaks extraction even alone
            doc = group[0]
            failures.append(
                LoadError(
                    doc.path or "<input>",
                    f"extraction failed: {type(outcome).__name__}: {outcome}",
                    lines[doc.doc_id],
                    doc.doc_id,
                )
            )
        else:
            results.append(outcome)
    failed = {f.doc_id for f in failures if f.doc_id}
    reported: list[pd.DataFrame] = []
    for result in results:
        bad = _failed_ids(result, set(lines))
        failed |= bad
        if bad:
            reported.append(result.errors[result.errors[S.DOC_ID].isin(sorted(bad))])
    ok = [d for d in docs if d.doc_id not in failed]
    documents = [r.documents for r in results if len(r.documents)]
    frame_docs = (
        S.conform(pd.concat(documents, ignore_index=True), S.DOCUMENTS) if documents else documents_frame([])
    )
    # the pipeline's documents frame carries dates it found in datelines; keep only successes
    frame_docs = frame_docs[frame_docs[S.DOC_ID].isin([d.doc_id for d in ok])].reset_index(drop=True)
    events = [r.events for r in results if len(r.events)]
    actors = [r.actors for r in results if len(r.actors)]
    errors = [e for e in [errors_frame(failures), *reported] if len(e)]
    frame_events = (
        S.conform(pd.concat(events, ignore_index=True), S.EVENTS) if events else S.empty_frame(S.EVENTS)
    )
    if len(frame_events) and failed:
        frame_events = frame_events[~frame_events[S.DOC_ID].isin(sorted(failed))].reset_index(drop=True)
    return BatchResult(
        key=key,
        documents=frame_docs,
        events=frame_events,
        actors=merge_actors(actors),
        errors=_with_lines(pd.concat(errors, ignore_index=True), lines)
        if errors
        else S.empty_frame(S.ERRORS),
        failed=len(docs) - len(ok),
        done=len(ok),
        n_chars=sum(len(d.text) for d in docs),
        failed_ids=sorted(failed),
    )


def _with_lines(errors: pd.DataFrame, lines: dict[str, int | None]) -> pd.DataFrame:
    """Fill each error's line from the document's line in its file when the pipeline left it out."""
    errors = S.conform(errors, S.ERRORS)
    known = errors[S.DOC_ID].map(lambda d: lines.get(str(d)) if pd.notna(d) else None)
    errors[S.LINE] = errors[S.LINE].fillna(pd.Series(known, dtype="Int64"))
    return errors


def merge_actors(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Actors frames of disjoint document sets → one: counts add up, aliases unite, per canonical name."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return S.empty_frame(S.ACTORS_FRAME)
    rows: dict[str, dict[str, Any]] = {}
    aliases: dict[str, set[str]] = {}
    for frame in frames:
        for rec in S.conform(frame, S.ACTORS_FRAME).to_dict("records"):
            name = str(rec[S.ACTOR])
            aliases.setdefault(name, set()).update(str(a) for a in rec[S.ALIASES])
            row = rows.get(name)
            if row is None:
                rows[name] = {str(k): v for k, v in rec.items()}
                continue
            row[S.MENTIONS] += rec[S.MENTIONS]
            row[S.DOC_COUNT] += rec[S.DOC_COUNT]
            if row[S.COUNTRY] is pd.NA or row[S.COUNTRY] is None:
                row[S.COUNTRY], row[S.COUNTRY_SOURCE] = rec[S.COUNTRY], rec[S.COUNTRY_SOURCE]
    for name, row in rows.items():
        row[S.ALIASES] = sorted(aliases[name] - {name})
    frame = S.conform(list(rows.values()), S.ACTORS_FRAME)
    return frame.sort_values([S.MENTIONS, S.ACTOR], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )
