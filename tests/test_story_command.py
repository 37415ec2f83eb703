"""``python -m extract timeline``: its formats, a corpus store as input, bad inputs named and skipped."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from test_story_summarise import DOCS

from extract import schema as S
from extract.model import documents_frame
from extract.store import StoreLayout

ROOT = Path(__file__).resolve().parent.parent


def write_corpus(path: Path, bad_line: bool = False) -> Path:
    lines = [
        json.dumps(
            {"id": d.doc_id, "published": d.published.isoformat() if d.published else None, "text": d.text}
        )
        for d in DOCS
    ]
    if bad_line:
        lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def timeline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", "timeline", *args, "--no-progress"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_jsonl_is_one_object_per_date_in_date_order(tmp_path: Path) -> None:
    done = timeline(
        str(write_corpus(tmp_path / "c.jsonl")), "--no-events", "--dates", "2", "--sentences", "1"
    )
    assert done.returncode == 0, done.stderr
    items = [json.loads(line) for line in done.stdout.splitlines()]
    assert [i["date"] for i in items] == ["2024-03-01", "2024-03-05"]
    for item in items:
        assert {"date", "summary", "events", "sources"} <= set(item) and len(item["summary"]) == 1


def test_bad_records_are_named_and_the_rest_summarised(tmp_path: Path) -> None:
    done = timeline(
        str(write_corpus(tmp_path / "c.jsonl", bad_line=True)),
        str(tmp_path / "missing.txt"),
        "--no-events",
        "--dates",
        "2",
    )
    assert done.returncode == 1
    assert "c.jsonl:3" in done.stderr and "missing.txt" in done.stderr
    assert len(done.stdout.splitlines()) == 2


@pytest.mark.parametrize(("fmt", "must"), [("md", "## 2024-03-01 — "), ("html", "<h2>2024-03-01 — ")])
def test_markdown_and_html_escape_the_text(tmp_path: Path, fmt: str, must: str) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus)
    hostile = {
        "id": "h",
        "published": "2024-03-02",
        "text": "On March 1, 2024 <script>alert(1)</script> flood *Brill* flooded.",
    }
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(hostile) + "\n")
    out = tmp_path / f"t.{fmt}"
    done = timeline(
        str(corpus), "--no-events", "--dates", "1", "--sentences", "5", "--format", fmt, "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert must in text and "<script>" not in text
    assert ("&lt;script&gt;" in text) if fmt == "html" else ("\\<script\\>" in text)


def test_a_corpus_store_is_read_with_its_events(tmp_path: Path) -> None:
    events = S.conform(
        [
            {
                S.EVENT_ID: f"{doc}:0",
                S.DOC_ID: doc,
                S.PUBLISHED: pd.Timestamp(published),
                S.SENTENCE: "s",
                S.SENTENCE_START: 0,
                S.CHAR_START: 0,
                S.CHAR_END: 1,
                S.EVENT: "The Alder flooded Brill",
                S.PREDICATE: "flood",
                S.EVENT_TYPE: "OTHER",
                S.SOURCE_ACTOR: "Alder",
                S.ACTORS: ["Alder", "Brill"],
                S.START: pd.Timestamp("2024-03-01"),
                S.END: pd.Timestamp("2024-03-02"),
                S.GRANULARITY: "day",
                S.TIME_KIND: "absolute",
            }
            for doc, published in (("a", "2024-03-02"), ("b", "2024-03-02"))
        ],
        S.EVENTS,
    )
    store = tmp_path / "store"
    StoreLayout(store).write_batch(
        "k1", documents_frame(DOCS), events, S.empty_frame(S.ACTORS_FRAME), S.empty_frame(S.ERRORS)
    )
    done = timeline(str(store), "--dates", "1", "--sentences", "2", "--keywords", "flood")
    assert done.returncode == 0, done.stderr
    (item,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert item["date"] == "2024-03-01" and item["events"] == ["The Alder flooded Brill"]
    assert {"a", "b"} <= set(item["sources"]) and item["actors"] == ["Alder", "Brill"]


@pytest.mark.parametrize(
    "args",
    [
        ["--dates", "0"],
        ["--sentences", "0"],
        ["--from", "2024-03-05", "--to", "2024-03-01"],
        ["--from", "March"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    done = timeline(str(write_corpus(tmp_path / "c.jsonl")), "--no-events", *args)
    assert done.returncode == 2 and done.stderr


def test_story_events_of_a_store_month_by_month_match_the_in_memory_merge(tmp_path: Path) -> None:
    from datetime import date

    from extract.model import Extraction
    from extract.store import Store
    from extract.story import merge_events, story_events

    rows = []
    for i, (day, label) in enumerate(
        [
            ("2024-01-30", "The Alder flooded Brill"),
            ("2024-01-30", "The Alder flooded Brill"),
            ("2024-02-02", "Engineers repaired the Brill dam"),
        ]
    ):
        rows.append(
            {
                S.EVENT_ID: f"d{i}:0",
                S.DOC_ID: f"d{i}",
                S.PUBLISHED: pd.Timestamp(day),
                S.SENTENCE: label,
                S.SENTENCE_START: 0,
                S.CHAR_START: 0,
                S.CHAR_END: 1,
                S.EVENT: label,
                S.PREDICATE: "x",
                S.EVENT_TYPE: "OTHER",
                S.START: pd.Timestamp(day),
                S.END: pd.Timestamp(day) + pd.Timedelta(days=1),
                S.GRANULARITY: "day",
                S.TIME_KIND: "absolute",
            }
        )
    events = S.conform(rows, S.EVENTS)
    store = tmp_path / "store"
    StoreLayout(store).write_batch(
        "k1", documents_frame(DOCS), events, S.empty_frame(S.ACTORS_FRAME), S.empty_frame(S.ERRORS)
    )
    from_store = story_events(Store.open(store), date(2024, 1, 1), date(2024, 2, 29))
    in_memory = story_events(Extraction(events=events))
    assert sorted(from_store[S.N_SOURCES]) == sorted(in_memory[S.N_SOURCES]) == [1, 2]
    assert sorted(map(sorted, from_store[S.EVENT_IDS])) == sorted(
        map(sorted, merge_events(events)[S.EVENT_IDS])
    )


def test_articles_outside_the_span_are_not_parsed(tmp_path: Path) -> None:
    """--from/--to leave articles out before extraction (they would be dropped after it anyway):
    the progress line counts only those in the span."""
    in_span = sum(
        1 for d in DOCS if d.published is None or date(2024, 3, 3) <= d.published <= date(2024, 3, 31)
    )
    assert 0 < in_span < len(DOCS)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "extract",
            "timeline",
            str(write_corpus(tmp_path / "c.jsonl")),
            "--from",
            "2024-03-03",
            "--to",
            "2024-03-31",
            "--dates",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert f"extracting events: {in_span}/{in_span} documents" in done.stderr
