"""Corpora at scale: read inputs, extract the documents not yet in the store, write them batch by batch.

Inputs are read twice, never held whole: a first pass counts what is to do (for the progress
bar's ETA) and records unreadable inputs, a second streams the batches to the engine.

Idempotent and resumable: a document is keyed by its content hash; the hashes in the
store's documents parts are done and skipped. Each batch's parts are written atomically and
its documents part last (see :mod:`extract.store.layout`), so a run killed at any moment
leaves a store that a rerun completes with nothing lost and nothing duplicated. A document
that fails is recorded in the errors table, and the run goes on.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from extract import schema as S
from extract.corpus.batch import Item, merge_actors
from extract.corpus.engines import ENGINES, run_dask, run_local
from extract.documents import read_documents_with_lines
from extract.model import LoadError, errors_frame, where
from extract.store.layout import ACTOR_PARTS_DIR, ACTORS_FILE, DUCKDB_FILE, StoreLayout, write_parquet

BATCH_SIZE = 32
"""Documents per batch by default: the unit of work, of crash recovery and of cross-document actor merging."""

COMPACT_MIN_PARTS = 8
"""A run ends by merging every store directory holding at least this many parts into one file:
queries slow down with the number of files, and a directory already merged is not rewritten
for each small later run."""


@dataclass
class CorpusSummary:
    """What a corpus run did."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    load_errors: int = 0
    events: int = 0
    chars: int = 0
    elapsed: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.load_errors == 0

    def line(self) -> str:
        return (
            f"{self.done} documents done, {self.skipped} skipped (already in the store), "
            f"{self.failed} failed, {self.load_errors} unreadable inputs, {self.events} events, "
            f"{self.elapsed:.1f} s, {self.docs_per_s:.2f} docs/s"
        )


@dataclass
class InputPlan:
    """What a first pass over the inputs found, before any extraction."""

    pending: int = 0
    skipped: int = 0
    errors: list[LoadError] = field(default_factory=list)


def _distinct(inputs: Iterable[str | Path], published: date | None) -> Iterator[Item | LoadError | None]:
    """Documents in reading order, each text once (None stands for a repeat), and load errors."""
    seen: set[bytes] = set()  # 32-byte digests: millions of documents fit in a few hundred MB
    for got in read_documents_with_lines(inputs, published):
        if isinstance(got, LoadError):
            yield got
            continue
        key = bytes.fromhex(got[0].content_hash)
        if key in seen:
            yield None
        else:
            seen.add(key)
            yield got


def plan_inputs(inputs: Iterable[str | Path], done: set[str], published: date | None = None) -> InputPlan:
    """First pass: how many documents are still to extract, how many are skipped (done already or
    repeated) and the load errors. It keeps no text, so memory does not grow with the corpus."""
    plan = InputPlan()
    for got in _distinct(inputs, published):
        if isinstance(got, LoadError):
            plan.errors.append(got)
        elif got is None or got[0].content_hash in done:
            plan.skipped += 1
        else:
            plan.pending += 1
    return plan


def pending_batches(
    inputs: Iterable[str | Path], done: set[str], batch_size: int, published: date | None = None
) -> Iterator[list[Item]]:
    """The batches still to extract, read lazily: one batch of text at a time is held here.

    Batches are cut from ALL distinct documents in reading order and then the finished ones
    dropped, so a resumed run extracts exactly the batches an uninterrupted run would have
    (a batch is the context for cross-document actor merging). Equal texts count once; load
    errors are left to :func:`plan_inputs`.
    """
    documents = (
        got for got in _distinct(inputs, published) if got is not None and not isinstance(got, LoadError)
    )
    size = max(1, batch_size)
    while chunk := list(itertools.islice(documents, size)):
        if todo := [item for item in chunk if item[0].content_hash not in done]:
            yield todo


def rebuild_actors(layout: StoreLayout) -> pd.DataFrame:
    """Merge every batch's actors into actors.parquet (atomically) and return the frame."""
    actors = merge_actors([layout.read(ACTOR_PARTS_DIR, S.ACTORS_FRAME)])
    write_parquet(actors, S.ACTORS_FRAME, layout.root / ACTORS_FILE)
    return actors


def refresh_duckdb(root: Path) -> str | None:
    """Recreate store.duckdb's views; returns a warning instead of failing when the file is busy."""
    import duckdb

    from extract.store import create_views

    try:
        con = duckdb.connect(str(root / DUCKDB_FILE))
    except duckdb.Error as exc:
        return f"store.duckdb not updated ({exc}); Store.open does not need it"
    try:
        create_views(con, root)
    finally:
        con.close()
    return None


def run_corpus(
    inputs: Iterable[str | Path],
    store: str | Path,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    mode: str = "news",
    batch_size: int = BATCH_SIZE,
    published: date | None = None,
    progress: bool = True,
) -> CorpusSummary:
    """Extract ``inputs`` into the store at ``store``, adding only what is missing."""
    from tqdm import tqdm

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    started = time.perf_counter()
    layout = StoreLayout(store)
    layout.root.mkdir(parents=True, exist_ok=True)
    layout.clean()
    inputs = list(inputs)  # read twice: once to count and find load errors, once to extract
    done = layout.done_hashes()
    plan = plan_inputs(inputs, done, published)
    layout.write_load_errors(errors_frame(plan.errors))
    for err in plan.errors:
        print(f"error: {err.where}: {err.reason}", file=sys.stderr)
    summary = CorpusSummary(skipped=plan.skipped, load_errors=len(plan.errors))
    batches = pending_batches(inputs, done, batch_size, published)
    if engine == "dask" and plan.pending:
        results = run_dask(batches, mode, workers, scheduler)
    else:
        results = run_local(batches, mode, workers)
    with tqdm(total=plan.pending, unit="doc", file=sys.stderr, disable=not progress, smoothing=0.1) as bar:
        for result in results:
            layout.write_batch(result.key, result.documents, result.events, result.actors, result.errors)
            summary.done += result.done
            summary.failed += result.failed
            summary.events += len(result.events)
            summary.chars += result.n_chars
            for row in result.errors.to_dict("records"):
                print(
                    f"error: {where(row[S.PATH], row[S.LINE])}: document {row[S.DOC_ID]}: {row[S.REASON]}",
                    file=sys.stderr,
                )
            bar.update(result.done + result.failed)
    layout.compact(COMPACT_MIN_PARTS)
    rebuild_actors(layout)
    warning = refresh_duckdb(layout.root)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    summary.elapsed = time.perf_counter() - started
    return summary
