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


def write_parquet(frame: pd.DataFrame, schema: tuple[S.Column, ...], path: Path) -> None:
    """Write ``frame`` (conformed to ``schema``) to ``path`` atomically: temp file, fsync, replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(S.conform(frame, schema), schema=arrow_schema(schema), preserve_index=False)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".parquet", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            pq.write_table(table, handle)
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
        """Finished part files of a folder (recursing into month partitions), never temp files."""
        base = self.root / folder
        return sorted(base.rglob(PART_GLOB)) if base.is_dir() else []

    @staticmethod
    def part_id(path: Path) -> str:
        return path.stem.removeprefix("part-")

    def done_hashes(self) -> set[str]:
        """Content hashes of every document whose batch finished."""
        done: set[str] = set()
        for path in self.part_files(DOCUMENTS_DIR):
            column = pq.read_table(path, columns=[S.CONTENT_HASH]).column(0)
            done.update(str(h) for h in column.to_pylist())
        return done

    def clean(self) -> int:
        """Delete temp files and parts of batches that never finished; return how many files went."""
        finished = {self.part_id(p) for p in self.part_files(DOCUMENTS_DIR)}
        removed = 0
        if self.root.is_dir():
            for tmp in self.root.rglob(".tmp-*"):
                tmp.unlink(missing_ok=True)
                removed += 1
        for folder in (EVENTS_DIR, ACTOR_PARTS_DIR, ERRORS_DIR):
            for path in self.part_files(folder):
                if self.part_id(path) not in finished and not path.stem.startswith("part-load-"):
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed

    def write_batch(
        self, key: str, documents: pd.DataFrame, events: pd.DataFrame, actors: pd.DataFrame, errors: pd.DataFrame
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
