"""The events and actors commands through the real entry point: formats, exit codes, errors on stderr."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract import schema as S
from extract.store.layout import read_parts

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "seeds" / "demo.jsonl"


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_events_jsonl_on_good_and_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "ok", "text": "Russia attacked Ukraine on Monday.", "published": "2024-02-26"}\n{not json\n',
        encoding="utf-8",
    )
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    done = _run("events", DEMO, bad, tmp_path / "binary.txt")
    assert done.returncode == 1
    assert f"{bad}:2: not valid JSON" in done.stderr
    assert "binary.txt: binary file" in done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r[S.DOC_ID] for r in rows} >= {"000_1425ebb94b50a240", "ok"}
    assert len({r[S.EVENT_ID] for r in rows}) == len(rows)
    assert all(set(r) == set(S.names(S.EVENTS)) for r in rows)


def test_cli_events_csv_and_parquet_agree(tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    as_parquet = _run("events", DEMO, "--format", "parquet", "-o", out)
    as_csv = _run("events", DEMO, "--format", "csv")
    assert (as_parquet.returncode, as_csv.returncode) == (0, 0), as_parquet.stderr + as_csv.stderr
    frame = read_parts([out], S.EVENTS)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(frame) == len(rows) > 0
    assert list(frame[S.EVENT_ID]) == [r[S.EVENT_ID] for r in rows]
    assert [list(a) for a in frame[S.ACTORS]] == [json.loads(r[S.ACTORS]) for r in rows]


def test_cli_actors_and_published_option(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Chinese President Xi Jinping met Korean President Yoon Suk Yeol in Lima on Saturday.")
    done = _run("actors", note, "--published", "2024-11-16")
    assert done.returncode == 0, done.stderr
    actors = {json.loads(line)[S.ACTOR] for line in done.stdout.splitlines()}
    assert any("Xi" in a for a in actors)
    events = _run("events", note, "--published", "2024-11-16")
    assert {json.loads(line)[S.PUBLISHED] for line in events.stdout.splitlines()} == {"2024-11-16T00:00:00"}


def test_cli_events_nothing_found_is_empty_output(tmp_path: Path) -> None:
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("Hello.")
    done = _run("events", quiet)
    assert (done.returncode, done.stdout) == (0, "")


@pytest.mark.parametrize(
    "args",
    [
        ("events", "--format", "parquet"),  # parquet needs -o
        ("events", "--published", "16/11/2024"),
        ("events", "--format", "xml"),
        ("actors", "--mode", "poetry"),
    ],
)
def test_cli_events_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    done = _run(*args, DEMO)
    assert done.returncode == 2
    assert "error" in done.stderr and not done.stdout


def test_cli_events_missing_file_exit_1(tmp_path: Path) -> None:
    done = _run("events", tmp_path / "nope.txt")
    assert done.returncode == 1
    assert "nope.txt: no such file or folder" in done.stderr
