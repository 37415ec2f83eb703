"""``python -m extract corpus INPUT… --store PATH``: a resumable batch run into a Parquet + DuckDB store.

Prints a progress bar and a final summary on stderr; exit code 0 when every input was read
and extracted, 1 when any failed (they are listed in the store's errors table), 2 for usage
errors.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from extract.commands.events import iso_date


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("corpus", help="extract a corpus into a resumable Parquet + DuckDB store")
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="folders of .txt/.html, .jsonl/.csv/.json files"
    )
    parser.add_argument("--store", required=True, help="store directory (created if missing)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument(
        "--workers", type=int, default=1, help="processes (local) or LocalCluster workers (dask)"
    )
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler, e.g. tcp://host:8786")
    parser.add_argument("--mode", choices=("news", "narrative"), default="news")
    # default None: the library's BATCH_SIZE (32), read when the command runs so `--help` needs no pandas
    parser.add_argument("--batch-size", type=int, default=None, help="documents per batch (default 32)")
    parser.add_argument("--published", type=iso_date, help="publication date for inputs without one")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.set_defaults(func=run)


def _have_dask() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def run(args: argparse.Namespace) -> int:
    if args.workers < 1 or (args.batch_size is not None and args.batch_size < 1):
        print("error: --workers and --batch-size must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.engine == "dask" and not _have_dask():
        print('error: --engine dask needs Dask, an extra: pip install -e ".[dask]"', file=sys.stderr)
        return 2
    from extract.corpus import BATCH_SIZE, run_corpus

    summary = run_corpus(
        args.inputs,
        args.store,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        mode=args.mode,
        batch_size=args.batch_size or BATCH_SIZE,
        published=args.published,
        progress=not args.no_progress,
    )
    print(f"corpus: {summary.line()}", file=sys.stderr)
    return 0 if summary.ok else 1
