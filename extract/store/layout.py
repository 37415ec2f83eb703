"""The store's on-disk layout and its crash-safe writes (docs/store.md describes both).

::

    STORE/
      documents/part-<h>.parquet          one part per batch, written LAST: the batch is done
      events/month=YYYY-MM/part-<h>.parquet   events by publication month (month=unknown if none)
      actor_parts/part-<h>.parquet        per-batch actors frame, merged into actors.parquet
      errors/part-<h>.parquet             per-batch extraction failures and load errors
      actors.parquet                      all actors, rebuilt at the end of each run
      store.duckdb                        views over the Parquet files (absolute paths)

``<h>`` is a hash of the batch's documents' content hashes, so every file of one batch has
the same name and a rerun of the same batch overwrites rather than duplicates. Every file is
written to ``.tmp-*`` and moved into place with ``os.replace``; readers only glob
``part-*.parquet``. On start, parts whose ``<h>`` has no documents part (a batch killed
before its documents part landed) are deleted, and the done set is the content hashes in the
documents parts.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from extract import schema as S

DOCUMENTS_DIR = "documents"
EVENTS_DIR = "events"
ACTOR_PARTS_DIR = "actor_parts"
ERRORS_DIR = "errors"
ACTORS_FILE = "actors.parquet"
DUCKDB_FILE = "store.duckdb"
PART_GLOB = "part-*.parquet"
COMPACT_PREFIX = "part-c-"
"""Stem prefix of a compacted part: the merge of a directory's parts (see :meth:`StoreLayout.compact`)."""
SOURCES_KEY = b"extract.sources"  # Parquet metadata of a compacted part: the file names it replaces
BATCHES_KEY = b"extract.batches"  # ... and every batch id whose rows it holds (through its sources too)
ROW_GROUP_ROWS = 122_880  # DuckDB's own row group size: its unit of parallel scans and of min/max skipping
MONTH_KEY = "month"
UNKNOWN_MONTH = "unknown"

_ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int64": pa.int64(),
    "Int64": pa.int64(),
    "float64": pa.float64(),
    "bool": pa.bool_(),
    S.TIME_DTYPE: pa.timestamp("s"),
    "object": pa.list_(pa.string()),
}


def arrow_schema(schema: tuple[S.Column, ...]) -> pa.Schema:
    """The Parquet schema of a frame schema: fixed types, so empty and all-null parts agree."""
    return pa.schema([pa.field(c.name, _ARROW_TYPES[c.dtype]) for c in schema])


def part_hash(content_hashes: Iterable[str]) -> str:
    """The name shared by all files of one batch: a hash of its documents' content hashes."""
    digest = hashlib.sha256("\n".join(sorted(content_hashes)).encode()).hexdigest()
    return digest[:20]


def write_parquet(
    frame: pd.DataFrame, schema: tuple[S.Column, ...], path: Path, metadata: dict[bytes, bytes] | None = None
) -> None:
    """Write ``frame`` (conformed to ``schema``) to ``path`` atomically: temp file, fsync, replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(S.conform(frame, schema), schema=arrow_schema(schema), preserve_index=False)
    if metadata:
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), **metadata})
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            pq.write_table(table, handle, row_group_size=ROW_GROUP_ROWS)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_parts(paths: Iterable[Path], schema: tuple[S.Column, ...]) -> pd.DataFrame:
    """Parts read back into one frame with the schema's dtypes."""
    frames = [pq.read_table(p, schema=arrow_schema(schema)).to_pandas() for p in paths]
    frames = [f for f in frames if len(f)]
    if not frames:
        return S.empty_frame(schema)
    return S.conform(pd.concat(frames, ignore_index=True), schema)


def month_of(published: pd.Series) -> pd.Series:
    """The partition key (YYYY-MM, or 'unknown') of each publication date."""
    keys = [UNKNOWN_MONTH if pd.isna(t) else f"{t.year:04d}-{t.month:02d}" for t in published]
    return pd.Series(keys, index=published.index, dtype=object)


class StoreLayout:
    """Paths of one store directory and the batch-level write protocol."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def part_files(self, folder: str) -> list[Path]:
        """Live part files of a folder (recursing into month partitions): never temp files, nor
        parts that a compacted part already holds (left behind when a compaction was cut short)."""
        base = self.root / folder
        if not base.is_dir():
            return []
        paths = sorted(base.rglob(PART_GLOB))
        superseded = {p.parent / name for p in paths if is_compacted(p) for name in compacted_meta(p)[0]}
        return [p for p in paths if p not in superseded]

    @staticmethod
    def part_id(path: Path) -> str:
        return path.stem.removeprefix("part-")

    def finished_batches(self) -> set[str]:
        """Ids of the batches that finished: their documents part exists, alone or compacted."""
        finished: set[str] = set()
        for path in self.part_files(DOCUMENTS_DIR):
            finished.update(batches_in(path))
        return finished

    def done_hashes(self) -> set[str]:
        """Content hashes of every document whose batch finished."""
        done: set[str] = set()
        for path in self.part_files(DOCUMENTS_DIR):
            column = pq.read_table(path, columns=[S.CONTENT_HASH]).column(0)
            done.update(str(h) for h in column.to_pylist())
        return done

    def clean(self) -> int:
        """Delete temp files, parts of batches that never finished and parts that a compacted part
        holds already (a compaction cut short); return how many files went."""
        removed = 0
        if self.root.is_dir():
            for tmp in self.root.rglob(".tmp-*"):
                tmp.unlink(missing_ok=True)
                removed += 1
            for folder in _FOLDERS:
                base = self.root / folder
                present = set(base.rglob(PART_GLOB)) if base.is_dir() else set()
                for stale in present - set(self.part_files(folder)):
                    stale.unlink(missing_ok=True)
                    removed += 1
        finished = self.finished_batches()
        for folder in (EVENTS_DIR, ACTOR_PARTS_DIR, ERRORS_DIR):
            for path in self.part_files(folder):
                if is_compacted(path) or path.stem.startswith("part-load-"):
                    continue
                if self.part_id(path) not in finished:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def compact(self, min_parts: int = 2) -> int:
        """Merge the parts of every directory holding at least ``min_parts`` into one compacted
        part (events sorted by time); return how many directories were compacted.

        Many small files make every query slower (each is opened and its footer read). Crash-safe:
        the merged file lands atomically and names its sources in its metadata, so readers skip
        sources that are still there and :meth:`clean` deletes them. Documents go last, as in a batch.
        """
        done = 0
        for folder, schema in (
            (EVENTS_DIR, S.EVENTS),
            (ACTOR_PARTS_DIR, S.ACTORS_FRAME),
            (ERRORS_DIR, S.ERRORS),
            (DOCUMENTS_DIR, S.DOCUMENTS),
        ):
            by_dir: dict[Path, list[Path]] = {}
            for path in self.part_files(folder):
                by_dir.setdefault(path.parent, []).append(path)
            for directory, paths in sorted(by_dir.items()):
                if len(paths) >= min_parts:
                    _merge(directory, paths, schema)
                    done += 1
        return done

    def write_batch(
        self,
        key: str,
        documents: pd.DataFrame,
        events: pd.DataFrame,
        actors: pd.DataFrame,
        errors: pd.DataFrame,
    ) -> None:
        """Write one batch's parts; the documents part goes last and marks the batch done."""
        name = f"part-{key}.parquet"
        if len(events):
            events = S.conform(events, S.EVENTS)
            months = month_of(events[S.PUBLISHED])
            for month, rows in events.groupby(months, sort=True):
                write_parquet(rows, S.EVENTS, self.root / EVENTS_DIR / f"{MONTH_KEY}={month}" / name)
        if len(actors):
            write_parquet(actors, S.ACTORS_FRAME, self.root / ACTOR_PARTS_DIR / name)
        if len(errors):
            write_parquet(errors, S.ERRORS, self.root / ERRORS_DIR / name)
        write_parquet(documents, S.DOCUMENTS, self.root / DOCUMENTS_DIR / name)

    def write_load_errors(self, errors: pd.DataFrame) -> None:
        """Errors of inputs that never became documents; named by their content, so reruns overwrite."""
        if not len(errors):
            return
        errors = S.conform(errors, S.ERRORS)
        key = part_hash("|".join(map(str, row)) for row in errors.itertuples(index=False, name=None))
        write_parquet(errors, S.ERRORS, self.root / ERRORS_DIR / f"part-load-{key}.parquet")

    def read(self, folder: str, schema: tuple[S.Column, ...]) -> pd.DataFrame:
        return read_parts(self.part_files(folder), schema)


_FOLDERS = (DOCUMENTS_DIR, EVENTS_DIR, ACTOR_PARTS_DIR, ERRORS_DIR)


def is_compacted(path: Path) -> bool:
    return path.stem.startswith(COMPACT_PREFIX)


def compacted_meta(path: Path) -> tuple[list[str], list[str]]:
    """(file names of its sources, ids of the batches it holds) of a compacted part."""
    meta = pq.read_schema(path).metadata or {}
    return json.loads(meta.get(SOURCES_KEY, b"[]")), json.loads(meta.get(BATCHES_KEY, b"[]"))


def batches_in(path: Path) -> list[str]:
    """Ids of the batches whose rows a part holds: its own, or those a compacted part lists."""
    return compacted_meta(path)[1] if is_compacted(path) else [StoreLayout.part_id(path)]


def _merge(directory: Path, paths: list[Path], schema: tuple[S.Column, ...]) -> Path:
    """Replace ``paths`` (all in ``directory``) by one compacted part; return its path."""
    batches = {batch for path in paths for batch in batches_in(path)}
    frame = read_parts(paths, schema)
    if schema == S.EVENTS and len(frame):  # by time: date filters then skip whole row groups
        frame = frame.sort_values([S.START, S.EVENT_ID], na_position="last", kind="stable").reset_index(
            drop=True
        )
    names = sorted(p.name for p in paths)
    target = directory / f"{COMPACT_PREFIX}{part_hash(names)}.parquet"
    metadata = {SOURCES_KEY: json.dumps(names).encode(), BATCHES_KEY: json.dumps(sorted(batches)).encode()}
    write_parquet(frame, schema, target, metadata)
    for path in paths:
        if path != target:
            path.unlink(missing_ok=True)
    return target
