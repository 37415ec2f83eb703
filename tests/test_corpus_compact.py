"""Store compaction: many small parts become one file per directory, losing and duplicating nothing,
even when a compaction is cut short; readers and reruns see the same store throughout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extract import schema as S
from extract.filters import Filters
from extract.model import Document, documents_frame
from extract.store import Store
from extract.store.layout import (
    COMPACT_PREFIX,
    DOCUMENTS_DIR,
    EVENTS_DIR,
    ROW_GROUP_ROWS,
    StoreLayout,
    is_compacted,
)
from extract.viz.synthetic import replicate, sample_actors, sample_events

N_BATCHES = 6


def _write_batches(layout: StoreLayout, first: int, last: int) -> pd.DataFrame:
    """Batches ``first``…``last - 1``: each its own documents, events in two publication months, actors, an error."""
    events = replicate(sample_events(), 60 * last, step_days=9)
    written = []
    for i in range(first, last):
        chunk = events.iloc[60 * i : 60 * (i + 1)].copy()
        chunk[S.DOC_ID] = chunk[S.DOC_ID].astype(str) + f"-b{i}"
        chunk[S.PUBLISHED] = pd.to_datetime(["2024-11-16", "2024-12-02"] * 30).astype(S.TIME_DTYPE)
        docs = documents_frame([Document(d, f"text of {d}") for d in sorted(set(chunk[S.DOC_ID]))])
        error = S.conform(
            [{S.DOC_ID: f"bad-{i}", S.PATH: "in.jsonl", S.LINE: i + 1, S.REASON: "empty"}], S.ERRORS
        )
        layout.write_batch(f"batch{i:02d}", docs, S.conform(chunk, S.EVENTS), sample_actors(), error)
        written.append(chunk)
    return pd.concat(written, ignore_index=True)


def _frames(root: Path) -> dict[str, pd.DataFrame]:
    store = Store.open(root, in_memory=False)
    try:
        return {
            "events": store.events(Filters()).sort_values(S.EVENT_ID).reset_index(drop=True),
            "documents": store.documents(),
            "errors": store.errors(),
        }
    finally:
        store.close()


def _assert_same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    _write_batches(StoreLayout(root), 0, N_BATCHES)
    return root


def test_corpus_compact_merges_each_directory_into_one_part(store: Path) -> None:
    layout = StoreLayout(store)
    before, done, batches = _frames(store), layout.done_hashes(), layout.finished_batches()
    months = {p.parent for p in layout.part_files(EVENTS_DIR)}
    assert len(layout.part_files(EVENTS_DIR)) == N_BATCHES * len(months) and len(months) == 2
    assert layout.compact(min_parts=2) == len(months) + 3  # + actor_parts, errors, documents
    for folder in ("documents", "events", "actor_parts", "errors"):
        parts = layout.part_files(folder)
        assert all(is_compacted(p) for p in parts)
        assert len(parts) == len({p.parent for p in parts})
    assert sorted(p.parent for p in layout.part_files(EVENTS_DIR)) == sorted(months)
    _assert_same(_frames(store), before)
    assert (layout.done_hashes(), layout.finished_batches()) == (done, batches)
    assert layout.clean() == 0


def test_corpus_compact_sorts_events_by_time_in_bounded_row_groups(store: Path) -> None:
    layout = StoreLayout(store)
    layout.compact(min_parts=2)
    for path in layout.part_files(EVENTS_DIR):
        frame = pq.read_table(path).to_pandas()
        assert frame[S.START].dropna().is_monotonic_increasing
        meta = pq.ParquetFile(path).metadata
        assert all(meta.row_group(i).num_rows <= ROW_GROUP_ROWS for i in range(meta.num_row_groups))


def test_corpus_compact_skips_directories_with_few_parts(store: Path) -> None:
    layout = StoreLayout(store)
    assert layout.compact(min_parts=N_BATCHES + 1) == 0
    assert not any(is_compacted(p) for p in layout.part_files(DOCUMENTS_DIR))


def test_corpus_compact_cut_short_loses_and_duplicates_nothing(store: Path, tmp_path: Path) -> None:
    """The state a crash leaves after the merged file landed but before its sources were deleted."""
    layout = StoreLayout(store)
    before = _frames(store)
    saved = tmp_path / "saved"
    shutil.copytree(store, saved)
    layout.compact(min_parts=2)
    for path in saved.rglob("part-*.parquet"):  # put every source back, beside its compacted part
        shutil.copy(path, store / path.relative_to(saved))
    assert any(not is_compacted(p) for p in store.rglob("part-*.parquet"))
    _assert_same(_frames(store), before)  # readers skip the sources a compacted part holds
    assert layout.clean() > 0  # and the next run deletes them
    assert all(is_compacted(p) for p in store.rglob("part-*.parquet"))
    _assert_same(_frames(store), before)


def test_corpus_compact_again_keeps_every_batch_finished(store: Path) -> None:
    """A second compaction merges the first one's part with new batches: every batch stays done, so
    a later batch's events part (not yet compacted) is not taken for an unfinished one."""
    layout = StoreLayout(store)
    layout.compact(min_parts=2)
    _write_batches(layout, N_BATCHES, N_BATCHES + 3)
    layout.compact(min_parts=2)
    expected = {f"batch{i:02d}" for i in range(N_BATCHES + 3)}
    assert layout.finished_batches() == expected
    _write_batches(layout, N_BATCHES + 3, N_BATCHES + 4)
    before = _frames(store)
    assert layout.clean() == 0
    _assert_same(_frames(store), before)
    assert before["documents"][S.DOC_ID].is_unique and before["events"][S.EVENT_ID].is_unique
    assert layout.finished_batches() == expected | {f"batch{N_BATCHES + 3:02d}"}


def test_corpus_compact_unfinished_batch_parts_still_removed(store: Path) -> None:
    layout = StoreLayout(store)
    layout.compact(min_parts=2)
    part = next(p for p in layout.part_files(EVENTS_DIR))
    orphan = part.with_name("part-0000unfinished0000.parquet")  # events of a batch killed early
    shutil.copy(part, orphan)
    assert layout.clean() == 1 and not orphan.exists()
    assert part.name.startswith(COMPACT_PREFIX) and part.exists()


def test_corpus_compact_open_store_queries_on_after_parts_go(store: Path) -> None:
    """A dashboard holding the store open while a corpus run compacts it: the next query looks again."""
    expected = _frames(store)["events"]
    opened = Store.open(store, in_memory=False)
    try:
        StoreLayout(store).compact(min_parts=2)
        assert opened.count(Filters()) == len(expected)
        got = opened.events(Filters()).sort_values(S.EVENT_ID).reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected)
    finally:
        opened.close()
