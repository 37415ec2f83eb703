"""Corpus runs: resume after a real SIGKILL, and the local, multiprocess and Dask engines agree.

Slow: each test extracts a few hundred real news-silver articles with the real pipeline.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from extract import schema as S
from extract.corpus import run_corpus
from extract.filters import Filters
from extract.store import Store

ROOT = Path(__file__).resolve().parent.parent
# every 12th article of news-silver.jsonl (TempEval-3 silver, AFP/Xinhua), bundled so CI needs nothing else
SILVER = ROOT / "tests" / "data" / "silver-200.jsonl"
N_DOCS = 200
BATCH = 16

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few hundred real articles spread over the corpus."""
    path = tmp_path_factory.mktemp("inputs") / "silver.jsonl"
    shutil.copy(SILVER, path)
    return path


@pytest.fixture(scope="module")
def reference(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An uninterrupted local run, one process."""
    store = tmp_path_factory.mktemp("reference") / "store"
    summary = run_corpus([inputs], store, batch_size=BATCH, progress=False)
    assert (summary.done, summary.failed, summary.load_errors) == (N_DOCS, 0, 0)
    return store


def frames(store: Path) -> dict[str, pd.DataFrame]:
    s = Store.open(store)
    try:
        return {
            "events": s.events(Filters()).sort_values(S.EVENT_ID).reset_index(drop=True),
            "documents": s.documents().sort_values(S.DOC_ID).reset_index(drop=True),
            "actors": s.actors().sort_values(S.ACTOR).reset_index(drop=True),
            "errors": s.errors(),
        }
    finally:
        s.close()


def assert_same_store(got: Path, expected: Path) -> None:
    a, b = frames(got), frames(expected)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
    assert len(a["events"]) > 0 and a["events"][S.EVENT_ID].is_unique
    assert a["documents"][S.CONTENT_HASH].is_unique


def _corpus(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", "corpus", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_corpus_resume_after_sigkill_adds_only_what_is_missing(
    inputs: Path, reference: Path, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    args = [
        sys.executable,
        "-m",
        "extract",
        "corpus",
        str(inputs),
        "--store",
        str(store),
        "--batch-size",
        str(BATCH),
        "--no-progress",
    ]
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    try:
        while len(list((store / "documents").glob("part-*.parquet"))) < 3:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finished = len(list((store / "documents").glob("part-*.parquet")))
    assert 3 <= finished < N_DOCS // BATCH + 1
    done = _corpus(inputs, "--store", store, "--batch-size", BATCH, "--no-progress")
    assert done.returncode == 0, done.stderr
    skipped = int(done.stderr.split(" skipped")[0].rsplit(", ", 1)[-1].split()[0])
    assert skipped >= 3 * BATCH
    assert f"{N_DOCS - skipped} documents done" in done.stderr
    assert_same_store(store, reference)
    again = _corpus(inputs, "--store", store, "--batch-size", BATCH, "--no-progress")
    assert f"0 documents done, {N_DOCS} skipped" in again.stderr
    assert_same_store(store, reference)


def test_corpus_rerun_removes_unfinished_parts(reference: Path, inputs: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(reference, store)
    some = next((store / "events").rglob("part-*.parquet"))
    shutil.copy(some, some.with_name("part-0000unfinished0000.parquet"))  # events of a batch killed early
    (some.parent / ".tmp-half-written.parquet").write_bytes(b"PAR1 half")
    summary = run_corpus([inputs], store, batch_size=BATCH, progress=False)
    assert (summary.done, summary.skipped) == (0, N_DOCS)
    assert not list(store.rglob(".tmp-*")) and not list(store.rglob("part-0000unfinished0000.parquet"))
    assert_same_store(store, reference)


@pytest.mark.parametrize(("engine", "workers"), [("dask", 2), ("local", 2)])
def test_corpus_engines_give_identical_stores(
    inputs: Path, reference: Path, tmp_path: Path, engine: str, workers: int
) -> None:
    store = tmp_path / "store"
    summary = run_corpus([inputs], store, engine=engine, workers=workers, batch_size=BATCH, progress=False)
    assert (summary.done, summary.failed) == (N_DOCS, 0)
    assert_same_store(store, reference)
