"""``python -m extract events FILE…``: documents in, the events frame out (jsonl, csv or parquet).

A bad file or record is reported on stderr by name and line and the rest is processed; the
exit code is 0 when everything was read and extracted, 1 when anything failed, 2 for usage
errors. ``actors`` (extract/commands/actors.py) shares this module's machinery.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

FORMATS = ("jsonl", "csv", "parquet")


def iso_date(value: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a YYYY-MM-DD date") from None


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the events and actors commands."""
    parser.add_argument("files", nargs="+", metavar="FILE", help=".txt/.html/.jsonl/.json/.csv files or folders")
    parser.add_argument("--published", type=iso_date, help="publication date (YYYY-MM-DD) for inputs without one")
    parser.add_argument("--mode", choices=("news", "narrative"), default="news")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", dest="fmt")
    parser.add_argument("-o", "--output", help="output file (required for parquet; default: stdout)")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("events", help="extract the events frame from documents")
    add_input_options(parser)
    parser.set_defaults(func=lambda args: run(args, "events"))


def _cell(value: Any) -> Any:
    """A JSON-able value: timestamps as ISO text, missing as null, arrays as lists."""
    import numpy as np
    import pandas as pd

    if isinstance(value, (list, tuple, np.ndarray)):
        return [_cell(v) for v in value]
    if value is None or (not isinstance(value, (str, bytes)) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, np.generic):
        return value.item()
    return value


def write_frame(frame: Any, schema: Any, fmt: str, output: str | None) -> None:
    """Write a frame as JSON lines, CSV (list cells as JSON) or Parquet (atomically)."""
    from pathlib import Path

    from extract.corpus_store import write_parquet

    if fmt == "parquet":
        assert output is not None
        write_parquet(frame, schema, Path(output))
        return
    columns = list(frame.columns)
    handle = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        if fmt == "jsonl":
            for row in frame.itertuples(index=False, name=None):
                handle.write(json.dumps(dict(zip(columns, map(_cell, row), strict=True)), ensure_ascii=False) + "\n")
        else:
            import csv

            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in frame.itertuples(index=False, name=None):
                cells = [_cell(v) for v in row]
                writer.writerow(["" if c is None else json.dumps(c, ensure_ascii=False) if isinstance(c, list) else c
                                 for c in cells])
    finally:
        if output:
            handle.close()


def run(args: argparse.Namespace, what: str) -> int:
    """Read, extract, write ``what`` (events or actors); report failures; return the exit code."""
    if args.fmt == "parquet" and not args.output:
        print("error: --format parquet needs -o OUT", file=sys.stderr)
        return 2
    import pandas as pd

    from extract import schema as S
    from extract.corpus_extract import extract_batch
    from extract.documents import read_documents_with_lines
    from extract.model import LoadError

    items = []
    failures = 0
    for got in read_documents_with_lines(args.files, args.published):
        if isinstance(got, LoadError):
            failures += 1
            where = f"{got.path}:{got.line}" if got.line else got.path
            print(f"error: {where}: {got.reason}", file=sys.stderr)
        else:
            items.append(got)
    if items:
        result = extract_batch(items, args.mode)
        for err in result.errors.to_dict("records"):
            line = err[S.LINE]
            where = err[S.PATH] if line is None or line is pd.NA else f"{err[S.PATH]}:{line}"
            print(f"error: {where}: document {err[S.DOC_ID]}: {err[S.REASON]}", file=sys.stderr)
        failures += result.failed
        frame, schema = (result.events, S.EVENTS) if what == "events" else (result.actors, S.ACTORS_FRAME)
    else:
        schema = S.EVENTS if what == "events" else S.ACTORS_FRAME
        frame = S.empty_frame(schema)
    write_frame(frame, schema, args.fmt, args.output)
    return 1 if failures else 0
