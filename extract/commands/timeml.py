"""``python -m extract timeml IN_DIR OUT_DIR``: write TimeML copies with the tagger's TIMEX3 tags.

Existing TIMEX3 tags inside ``<TEXT>`` (gold annotations) are ALWAYS removed first, so the output
carries exactly the tagger's cues; the DCT and every other character stay as they were.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "timeml",
        help="tag TimeML/TempEval-3 files with TIMEX3 time cues",
        description=__doc__,
    )
    p.add_argument("in_dir", help="folder of TimeML files (searched recursively) or one file")
    p.add_argument("out_dir", help="output folder; the input's sub-folder layout is kept")
    p.add_argument("--mode", choices=("news", "narrative"), default="news")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from extract.eval.timeml import insert_timex, tag_timeml_files, timeml_files

    root, out_root = Path(args.in_dir), Path(args.out_dir)
    files = timeml_files(root)
    if not files:
        print(f"timeml: no .tml/.xml files under {root}", file=sys.stderr)
        return 1
    written = cues = dropped = 0

    def report(line: str) -> None:
        print(f"timeml: {line}", file=sys.stderr)

    for path, doc, system in tag_timeml_files(files, args.mode, report, strip=True):
        out, n_dropped = insert_timex(doc, system)
        target = out_root / (path.relative_to(root) if root.is_dir() else path.name)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(out.encode("utf-8"))
        except OSError as exc:
            report(f"failed {target}: {exc}")
            continue
        written += 1
        cues += len(system) - n_dropped
        dropped += n_dropped
    failed = len(files) - written
    print(f"{written} files written to {out_root}, {cues} TIMEX3 tags, {dropped} cues dropped "
          f"(overlapping or crossing a tag), {failed} failed")
    return 1 if failed else 0
