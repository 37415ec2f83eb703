"""``python -m extract timeline INPUT… --dates K --sentences L``: a corpus as a dated summary.

INPUT is a corpus store directory, or files/folders the ``events`` command reads (their events
are extracted first, with a progress line on stderr; ``--no-events`` uses time cues only and
skips spaCy). Output: ``jsonl`` (one object a date, in date order: date, summary, events,
sources, plus headline, actors, reports, rank), ``md`` or a standalone ``html`` page. A bad file
or record is reported by name and line and the rest is summarised; exit code 1 then, 2 for
usage errors.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from extract.commands.events import iso_date
from extract.story.present import reports_phrase, said_once

FORMATS = ("jsonl", "md", "html")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "timeline", help="summarise a corpus as key dates with a few sentences each"
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a corpus store, or files/folders of articles"
    )
    parser.add_argument("--dates", type=int, default=10, help="number of key dates (K, default 10)")
    parser.add_argument("--sentences", type=int, default=2, help="sentences per date (L, default 2)")
    parser.add_argument(
        "--from", dest="start", type=iso_date, help="leave out articles published before this day"
    )
    parser.add_argument("--to", dest="end", type=iso_date, help="leave out articles published after this day")
    parser.add_argument("--keywords", help="comma-separated: every summary sentence contains one")
    parser.add_argument("--published", type=iso_date, help="publication date for inputs without one")
    parser.add_argument("--no-events", action="store_true", help="time cues only: no event extraction (fast)")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", dest="fmt")
    parser.add_argument("-o", "--output", help="output file (default: stdout)")
    parser.add_argument("--no-progress", action="store_true", help="no progress on stderr")
    parser.set_defaults(func=run)


def _is_store(path: str) -> bool:
    return (Path(path) / "documents").is_dir()


def _progress(label: str, total: int | None, quiet: bool) -> Any:
    def show(done: int) -> None:
        if not quiet:
            of = f"/{total}" if total else ""
            print(f"\r{label}: {done}{of} documents", end="", file=sys.stderr, flush=True)

    return show


def _in_span(published: date | None, start: date | None, end: date | None) -> bool:
    """Whether an article published on ``published`` (None: not known yet) can be summarised."""
    return published is None or ((start is None or published >= start) and (end is None or published <= end))


def _read(args: argparse.Namespace) -> tuple[Any, int]:
    """The source to summarise (a Store, an Extraction or documents) and how many inputs failed."""
    if any(_is_store(p) for p in args.inputs):
        from extract.store import Store

        return Store.open(args.inputs[0]), 0
    from extract.documents import read_documents
    from extract.model import LoadError

    docs, failures = [], 0
    for got in read_documents(args.inputs, args.published):
        if isinstance(got, LoadError):
            failures += 1
            print(
                f"error: {f'{got.path}:{got.line}' if got.line else got.path}: {got.reason}", file=sys.stderr
            )
        else:
            docs.append(got)
    docs = [d for d in docs if _in_span(d.published, args.start, args.end)]  # left out anyway: not parsed
    if args.no_events or not docs:
        return docs, failures
    from extract.pipeline import extract_corpus

    result = extract_corpus(docs, on_progress=_progress("extracting events", len(docs), args.no_progress))
    if not args.no_progress:
        print(file=sys.stderr)
    for err in result.errors.to_dict("records"):
        print(f"error: {err['path']}: document {err['doc_id']}: {err['reason']}", file=sys.stderr)
    return result, failures + len(result.errors)


def entries(frame: Any) -> list[dict[str, Any]]:
    """The summary frame as JSON-able objects, one a date, in date order."""
    from extract import schema as S

    return [
        {
            "date": row[S.DATE].date().isoformat(),
            "headline": row[S.HEADLINE],
            "summary": list(row[S.SUMMARY]),
            "events": list(row[S.STORY_EVENTS_COLUMN]),
            "sources": list(row[S.SOURCES]),
            "actors": list(row[S.ACTORS]),
            "reports": int(row[S.REPORTS]),
            "rank": int(row[S.RANK]),
        }
        for row in frame.to_dict("records")
    ]


def render(items: Sequence[dict[str, Any]], fmt: str) -> str:
    """``items`` (see :func:`entries`) as JSON lines, Markdown or a standalone HTML page (all text escaped)."""
    if fmt == "jsonl":
        return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    if fmt == "md":
        out = ["# Timeline\n"]
        for item in items:
            headline, summary = said_once(item["headline"], item["summary"])
            out.append(f"\n## {item['date']} — {md(headline)}\n\n")
            out += [f"- {md(s)}\n" for s in summary]
            actors = ", ".join(item["actors"][:6])
            out.append(f"\n{reports_phrase(item['reports'])}{' · ' + md(actors) if actors else ''}\n")
        return "".join(out)
    from html import escape

    body = []
    for item in items:
        headline, summary = said_once(item["headline"], item["summary"])
        sentences = "".join(f"<li>{escape(s)}</li>" for s in summary)
        actors = ", ".join(item["actors"][:6])
        body.append(
            f"<section><h2>{escape(item['date'])} — {escape(headline)}</h2><ul>{sentences}</ul>"
            f"<p class=meta>{reports_phrase(item['reports'])}{' · ' + escape(actors) if actors else ''}</p></section>"
        )
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>Timeline</title><style>"
        "body{font-family:sans-serif;max-width:50em;margin:auto}.meta{color:#666}</style></head><body>"
        "<h1>Timeline</h1>" + "".join(body) + "</body></html>\n"
    )


def md(text: str) -> str:
    """Text as literal Markdown: characters that would format, link or open HTML are escaped."""
    return re.sub(r"([\\`*_\[\]<>|#!])", r"\\\1", " ".join(text.split()))


def run(args: argparse.Namespace) -> int:
    if args.dates < 1 or args.sentences < 1:
        print("error: --dates and --sentences must be at least 1", file=sys.stderr)
        return 2
    if args.start and args.end and args.end < args.start:
        print("error: --to is before --from", file=sys.stderr)
        return 2
    stores = [p for p in args.inputs if _is_store(p)]
    if stores and len(args.inputs) > 1:
        print("error: give one corpus store, or files and folders, not both", file=sys.stderr)
        return 2
    from extract.story import summarise

    source, failures = _read(args)
    keywords = [k.strip() for k in (args.keywords or "").split(",") if k.strip()]
    frame = summarise(
        source,
        dates=args.dates,
        per_date=args.sentences,
        start=args.start,
        end=args.end,
        keywords=keywords or None,
        on_progress=_progress("summarising", None, args.no_progress),
    )
    if not args.no_progress:
        print(file=sys.stderr)
    text = render(entries(frame), args.fmt)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 1 if failures else 0
