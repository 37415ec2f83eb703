"""``python -m extract events FILE…``: documents in, the events frame out (jsonl, csv or parquet).

A bad file or record is reported on stderr by name and line and the rest is processed; the
exit code is 0 when everything was read and extracted, 1 when anything failed, 2 for usage
errors. ``actors`` (extract/commands/actors.py) shares this module's machinery.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

FORMATS = ("jsonl", "csv", "parquet")


def iso_date(value: str) -> date:
    """argparse type for YYYY-MM-DD."""
    from extract.dates import iso_day

    try:
        return iso_day(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a YYYY-MM-DD date") from None


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by the events and actors commands."""
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help=".txt/.html/.jsonl/.json/.csv files or folders"
    )
    parser.add_argument(
        "--published", type=iso_date, help="publication date (YYYY-MM-DD) for inputs without one"
    )
    parser.add_argument("--mode", choices=("news", "narrative"), default="news")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", dest="fmt")
    parser.add_argument("-o", "--output", help="output file (required for parquet; default: stdout)")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("events", help="extract the events frame from documents")
    add_input_options(parser)
    parser.set_defaults(func=lambda args: run(args, "events"))


def write_frame(frame: Any, schema: Any, fmt: str, output: str | None) -> None:
    """Write a frame as JSON lines, CSV or Parquet (atomically), by :mod:`extract.tables`' convention."""
    from pathlib import Path

    from extract import tables
    from extract.store.layout import write_parquet

    if fmt == "parquet":
        assert output is not None
        write_parquet(frame, schema, Path(output))
        return
    handle = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        (tables.write_jsonl if fmt == "jsonl" else tables.write_csv)(frame, handle)
    finally:
        if output:
            handle.close()


def run(args: argparse.Namespace, what: str) -> int:
    """Read, extract, write ``what`` (events or actors); report failures; return the exit code."""
    if args.fmt == "parquet" and not args.output:
        print("error: --format parquet needs -o OUT", file=sys.stderr)
        return 2

    from extract import schema as S
    from extract.corpus.batch import extract_batch
    from extract.documents import read_documents_with_lines
    from extract.model import LoadError, where

    items = []
    failures = 0
    for got in read_documents_with_lines(args.files, args.published):
        if isinstance(got, LoadError):
            failures += 1
            print(f"error: {got.where}: {got.reason}", file=sys.stderr)
        else:
            items.append(got)
    if items:
        result = extract_batch(items, args.mode)
        for err in result.errors.to_dict("records"):
            print(
                f"error: {where(err[S.PATH], err[S.LINE])}: document {err[S.DOC_ID]}: {err[S.REASON]}",
                file=sys.stderr,
            )
        failures += result.failed
        frame, schema = (result.events, S.EVENTS) if what == "events" else (result.actors, S.ACTORS_FRAME)
    else:
        schema = S.EVENTS if what == "events" else S.ACTORS_FRAME
        frame = S.empty_frame(schema)
    write_frame(frame, schema, args.fmt, args.output)
    return 1 if failures else 0
