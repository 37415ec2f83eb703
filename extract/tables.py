"""Frames as files: the one convention for every text format the CLI writes and the dashboard exports.

- **JSON lines / JSON**: one object per row; times ISO 8601 (``2024-11-16T00:00:00``), missing values
  ``null``, list cells as JSON arrays.
- **CSV**: a header row of the schema's column names; times ISO 8601; missing values empty; list cells
  (actors, countries, …) as JSON arrays (``["Xi Jinping", "Yoon Suk Yeol"]``), so a name holding a comma
  or a semicolon survives and :func:`read_csv` gives the lists back.

Parquet keeps the dtypes itself (:func:`extract.store.layout.write_parquet`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import IO, Any

import numpy as np
import pandas as pd

from extract import schema as S

__all__ = ["cell", "csv_bytes", "json_bytes", "jsonl_lines", "read_csv", "write_csv", "write_jsonl"]


def cell(value: Any) -> Any:
    """A JSON-able value: timestamps as ISO text, missing as None, arrays as lists."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return [cell(v) for v in value]
    if value is None or (not isinstance(value, (str, bytes)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _csv_cell(value: Any) -> Any:
    value = cell(value)
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def jsonl_lines(frame: pd.DataFrame) -> Iterator[str]:
    """Each row as one JSON object (no newline)."""
    columns = list(frame.columns)
    for row in frame.itertuples(index=False, name=None):
        yield json.dumps(dict(zip(columns, map(cell, row), strict=True)), ensure_ascii=False)


def write_jsonl(frame: pd.DataFrame, handle: IO[str]) -> None:
    """JSON lines, one row a line."""
    for line in jsonl_lines(frame):
        handle.write(line + "\n")


def write_csv(frame: pd.DataFrame, handle: IO[str]) -> None:
    """CSV by the module's convention (header, ISO times, list cells as JSON arrays)."""
    writer = csv.writer(handle)
    writer.writerow(list(frame.columns))
    for row in frame.itertuples(index=False, name=None):
        writer.writerow([_csv_cell(v) for v in row])


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """:func:`write_csv` as UTF-8 bytes (a download)."""
    buf = io.StringIO(newline="")
    write_csv(frame, buf)
    return buf.getvalue().encode("utf-8")


def json_bytes(frame: pd.DataFrame) -> bytes:
    """A JSON array of the rows, by the same cell convention as JSON lines."""
    return ("[" + ",\n".join(jsonl_lines(frame)) + "]").encode("utf-8")


def read_csv(source: str | IO[str] | IO[bytes], schema: tuple[S.Column, ...]) -> pd.DataFrame:
    """A CSV written by :func:`write_csv` back into a frame of ``schema`` (list cells parsed)."""
    frame = pd.read_csv(source, dtype=str, keep_default_na=False)
    for col in schema:
        if col.dtype == "object" and col.name in frame.columns:
            frame[col.name] = frame[col.name].map(lambda text: json.loads(text) if text else [])
    frame = frame.replace("", None)
    return S.conform(frame, schema)
