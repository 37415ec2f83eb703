"""``python -m extract eval GOLD_DIR``: TempEval-3 Task A figures of the time-cue tagger."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "eval",
        help="score the time-cue tagger against gold TimeML files (TempEval-3 Task A)",
        description=__doc__,
    )
    p.add_argument("gold_dir", help="folder of gold TimeML files (searched recursively) or one file")
    p.add_argument("--mode", choices=("news", "narrative"), default="news")
    p.add_argument("--errors", metavar="FILE", help="write per-cue mismatches to FILE as TSV")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import pandas as pd

    from extract.eval import scorer
    from extract.eval.timeml import tag_timeml_files, timeml_files

    files = timeml_files(args.gold_dir)
    if not files:
        print(f"eval: no .tml/.xml/.TE3input files under {args.gold_dir}", file=sys.stderr)
        return 1
    total = scorer.Counts()
    frames: list[pd.DataFrame] = []
    scored = 0
    for path, doc, system in tag_timeml_files(
        files, args.mode, lambda line: print(f"eval: {line}", file=sys.stderr)
    ):
        scored += 1
        total = total + scorer.count(doc.gold, system)
        if args.errors:
            frames.append(scorer.mismatches(doc.gold, system, doc.text, doc_id=str(path)))
    failed = len(files) - scored
    if failed == len(files):  # no scores at all: 0/0 must not print as 100.00
        print(f"eval: all {failed} files under {args.gold_dir} failed; no scores", file=sys.stderr)
        return 1
    print(f"documents          {len(files) - failed:6d}")
    print(scorer.format_table(total.scores(), total))
    if args.errors:
        cols = list(scorer.MISMATCH_COLUMNS)
        out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=cols)
        out.to_csv(args.errors, sep="\t", index=False)
        print(f"mismatches written to {args.errors} ({len(out)} rows)", file=sys.stderr)
    return 1 if failed else 0
