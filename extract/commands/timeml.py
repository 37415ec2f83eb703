"""``python -m extract timeml IN_DIR OUT_DIR``: write TimeML copies with the tagger's TIMEX3 tags.

Reads ``*.tml``, ``*.xml`` and TempEval-3's input files ``NAME.tml.TE3input``; the latter are written
back as ``NAME.tml``, the name the TempEval-3 scorer pairs with its gold file. Existing TIMEX3 tags
inside ``<TEXT>`` (gold annotations) are ALWAYS removed first, so the output carries exactly the
tagger's cues; the DCT and every other character stay as they were.
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

    from extract.eval import insert_timex, output_name, tag_timeml_records, timeml_files

    root, out_root = Path(args.in_dir), Path(args.out_dir)
    files = timeml_files(root)
    if not files:
        print(f"timeml: no .tml/.xml/.TE3input files under {root}", file=sys.stderr)
        return 1
    written = cues = dropped = 0
    targets: dict[Path, Path] = {}  # output → the input it came from (NAME.tml and NAME.tml.TE3input collide)

    def report(line: str) -> None:
        print(f"timeml: {line}", file=sys.stderr)

    for path, doc, system in tag_timeml_records(files, args.mode, report, strip=True):
        out, n_dropped = insert_timex(doc, system)
        rel = path.relative_to(root) if root.is_dir() else Path(path.name)
        target = out_root / rel.parent / output_name(path)
        if target in targets:
            report(f"failed {path}: its output {target} is already written from {targets[target]}")
            continue
        targets[target] = path
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
    print(
        f"{written} files written to {out_root}, {cues} TIMEX3 tags, {dropped} cues dropped "
        f"(overlapping or crossing a tag), {failed} failed"
    )
    return 1 if failed else 0
