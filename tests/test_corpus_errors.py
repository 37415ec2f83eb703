"""Corpus runs over bad inputs: each failure lands in the errors table with file, line and reason."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from extract import schema as S
from extract.corpus.batch import extract_batch
from extract.documents import MAX_TEXT_CHARS
from extract.filters import Filters
from extract.model import Document
from extract.store import Store
from extract.store.layout import StoreLayout

ROOT = Path(__file__).resolve().parent.parent
GOOD = [
    {
        "id": "g1",
        "published": "2024-02-26",
        "text": "Russian forces attacked the Ukrainian city of Kharkiv on Monday.",
    },
    {
        "id": "g2",
        "published": "2024-11-16",
        "text": "Chinese President Xi Jinping met Korean President Yoon Suk Yeol in Lima.",
    },
    {
        "id": "g3",
        "published": "2006-03-02",
        "text": "The European Union urged Iran to stop enriching uranium.",
    },
]


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "texts").mkdir(parents=True)
    (folder / "a_good.jsonl").write_text("".join(json.dumps(r) + "\n" for r in GOOD), encoding="utf-8")
    (folder / "bad.jsonl").write_text(
        '{"id": "b1", "text": "fine but a duplicate of g1"}\n'.replace(
            "fine but a duplicate of g1", GOOD[0]["text"]
        )
        + "{broken json\n"
        + '{"id": "b3", "title": "no text"}\n'
        + '{"id": "b4", "text": "Leaders met.", "published": "yesterday"}\n',
        encoding="utf-8",
    )
    (folder / "texts" / "empty.txt").write_text("")
    (folder / "texts" / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (folder / "texts" / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (folder / "texts" / "huge.txt").write_text("word " * (MAX_TEXT_CHARS // 5 + 1))
    return folder


EXPECTED_ERRORS = [  # (file name, line, reason fragment), in the errors table's order
    ("bad.jsonl", 2, "not valid JSON"),
    ("bad.jsonl", 3, "no 'text' field"),
    ("bad.jsonl", 4, "not a YYYY-MM-DD date"),
    ("binary.txt", None, "binary file"),
    ("empty.txt", None, "file is empty"),
    ("huge.txt", None, "over the"),
    ("latin1.txt", 1, "not UTF-8"),
]


def _corpus(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", "corpus", *map(str, args), "--no-progress"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_corpus_errors_table_and_exit_code(tmp_path: Path) -> None:
    folder, store = _inputs(tmp_path), tmp_path / "store"
    first = _corpus(folder, "--store", store)
    assert first.returncode == 1
    summary = first.stderr.strip().splitlines()[-1]
    assert summary.startswith(
        "corpus: 3 documents done, 1 skipped (already in the store), 0 failed, 7 unreadable"
    )
    assert f"{folder / 'bad.jsonl'}:2: not valid JSON" in first.stderr
    opened = Store.open(store)
    errors = opened.errors()
    got = [
        (Path(p).name, None if pd.isna(line) else int(line), reason)
        for p, line, reason in zip(
            errors[S.PATH], errors[S.LINE].astype(object), errors[S.REASON], strict=True
        )
    ]
    assert [(name, line) for name, line, _ in got] == [(name, line) for name, line, _ in EXPECTED_ERRORS]
    assert all(frag in reason for (_, _, reason), (_, _, frag) in zip(got, EXPECTED_ERRORS, strict=True))
    assert sorted(opened.documents()[S.DOC_ID]) == ["g1", "g2", "g3"]
    assert opened.count(Filters()) > 0
    opened.close()
    again = _corpus(folder, "--store", store)
    assert again.returncode == 1
    assert "corpus: 0 documents done, 4 skipped" in again.stderr
    reopened = Store.open(store)
    assert len(reopened.errors()) == len(EXPECTED_ERRORS)  # reruns do not duplicate errors
    assert len(reopened.documents()) == 3


def test_corpus_all_good_exits_0(tmp_path: Path) -> None:
    src = tmp_path / "good.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in GOOD), encoding="utf-8")
    done = _corpus(src, "--store", tmp_path / "store", "--engine", "local", "--batch-size", "2")
    assert done.returncode == 0, done.stderr
    assert (
        "corpus: 3 documents done, 0 skipped (already in the store), 0 failed, 0 unreadable inputs"
        in done.stderr
    )
    # store.duckdb has views over the Parquet files for the duckdb CLI and other tools
    con = duckdb.connect(str(tmp_path / "store" / "store.duckdb"), read_only=True)
    counts = [
        con.execute(f'SELECT count(*) FROM "{view}"').fetchone() for view in ("documents", "events", "errors")
    ]
    con.close()
    events = Store.open(tmp_path / "store").count(Filters())
    assert counts == [(3,), (events,), (0,)] and events > 0


def test_corpus_usage_errors_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "x.txt"
    src.write_text("Leaders met.")
    assert _corpus(src).returncode == 2  # --store missing
    assert _corpus(src, "--store", tmp_path / "s", "--workers", "0").returncode == 2
    assert _corpus(src, "--store", tmp_path / "s", "--scheduler", "tcp://127.0.0.1:1").returncode == 2
    assert _corpus(src, "--store", tmp_path / "s", "--engine", "spark").returncode == 2


def test_corpus_failing_document_is_isolated_and_recorded(tmp_path: Path) -> None:
    good = [(Document(r["id"], r["text"], path="in.jsonl"), n) for n, r in enumerate(GOOD, start=1)]
    broken = (
        Document("bad", "Leaders met \ud800 in Lima.", path="in.jsonl"),
        7,
    )  # unencodable text breaks extraction
    result = extract_batch([good[0], broken, *good[1:]], "news")
    assert (result.done, result.failed, result.failed_ids) == (3, 1, ["bad"])
    assert list(result.documents[S.DOC_ID]) == ["g1", "g2", "g3"]
    assert "bad" not in set(result.events[S.DOC_ID])
    row = result.errors.iloc[0]
    assert (row[S.DOC_ID], row[S.PATH], row[S.LINE]) == ("bad", "in.jsonl", 7)
    assert "extraction failed" in row[S.REASON]
    StoreLayout(tmp_path).write_batch(
        result.key, result.documents, result.events, result.actors, result.errors
    )
    store = Store.open(tmp_path)
    assert list(store.errors()[S.DOC_ID]) == ["bad"]
    assert sorted(store.documents()[S.DOC_ID]) == ["g1", "g2", "g3"]


def test_corpus_dask_engine_without_dask_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from extract.__main__ import main

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the [dask] extra were not installed
    code = main(
        ["corpus", str(ROOT / "seeds" / "demo.jsonl"), "--store", str(tmp_path / "s"), "--engine", "dask"]
    )
    assert code == 2
    assert 'pip install -e ".[dask]"' in capsys.readouterr().err
    assert not (tmp_path / "s").exists()
