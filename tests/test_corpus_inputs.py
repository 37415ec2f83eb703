"""Corpus inputs: planned in a first pass, then streamed batch by batch, never held whole."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from extract.corpus import pending_batches, plan_inputs
from extract.model import content_hash


def _jsonl(path: Path, n: int, size: int = 8_000) -> list[str]:
    texts = [f"Story {i}. " + ("The minister spoke on Monday. " * (size // 30)) for i in range(n)]
    lines = [json.dumps({"id": f"d{i}", "published": "2024-11-16", "text": t}) for i, t in enumerate(texts)]
    lines.insert(5, "{not json")
    lines.insert(9, json.dumps({"id": "again", "text": texts[3]}))  # a repeated text counts once
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts


def test_corpus_inputs_plan_counts_pending_skipped_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    texts = _jsonl(path, 40, size=200)
    done = {content_hash(texts[0]), content_hash(texts[1])}
    plan = plan_inputs([path], done)
    assert (plan.pending, plan.skipped) == (38, 3)
    assert [(e.path, e.line) for e in plan.errors] == [(str(path), 6)]


@pytest.mark.parametrize("batch_size", [1, 7, 16, 100])
def test_corpus_inputs_batches_cut_from_all_documents_then_done_dropped(
    tmp_path: Path, batch_size: int
) -> None:
    path = tmp_path / "in.jsonl"
    texts = _jsonl(path, 40, size=200)
    done = {content_hash(t) for t in texts[:10]}
    batches = list(pending_batches([path], done, batch_size))
    got = [doc.doc_id for batch in batches for doc, _ in batch]
    assert got == [f"d{i}" for i in range(10, 40)]
    # the batch boundaries are those of a run from scratch, so a resumed run extracts the same batches
    fresh = [[doc.doc_id for doc, _ in b] for b in pending_batches([path], set(), batch_size)]
    assert [[d for d in b if d in got] for b in fresh if any(d in got for d in b)] == [
        [doc.doc_id for doc, _ in b] for b in batches
    ]
    assert sum(len(b) for b in batches) == plan_inputs([path], done).pending


def test_corpus_inputs_are_streamed_not_held_whole(tmp_path: Path) -> None:
    """8 MB of input: planning and going through every batch of 16 never holds more than a few batches."""
    path = tmp_path / "in.jsonl"
    _jsonl(path, 1000)
    assert path.stat().st_size > 8_000_000
    tracemalloc.start()
    try:
        plan = plan_inputs([path], set())
        seen = 0
        for batch in pending_batches([path], set(), 16):
            seen += len(batch)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == plan.pending == 1000
    assert peak < 2_000_000, f"peak {peak:,} bytes for an 8 MB input"
