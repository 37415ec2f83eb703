"""Events quality on the hand-made golds, and pipeline throughput vs bare spaCy, in one run.

    python benchmarks/bench_events.py [--limit N] [--repeat R] [--skip-speed] [--rows-dir DIR] [--sets A,B]

Quality: every gold of ``GOLDS`` -- the tunable dev golds (../shared/data/events-dev/events-dev.jsonl,
its articles taken from ../shared/corpora/news-silver.jsonl by id, tests/data/events-dev2/ and events-dev3/) and the
held-out golds (tests/data/events-heldout/, events-heldout2/ and events-heldout3/, never tuned on) -- each folder with
its articles.jsonl -- is run through ``python -m extract events`` (the command's JSON rows, ``doc_id`` =
record id) and scored by ../shared/tools/score_events.py; each set gets its own row of figures.

Speed: ``benchmarks/bench_pipeline.py``'s two sides (bare ``nlp.pipe`` and ``extract_corpus``), each in
its own subprocess, on the first ``--limit`` news-silver articles, best of ``--repeat`` by CPU time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "news-silver.jsonl"
SCORER = SHARED / "tools" / "score_events.py"
DEV_GOLD = SHARED / "data" / "events-dev" / "events-dev.jsonl"
DATA = ROOT / "tests" / "data"


@dataclass(frozen=True)
class Gold:
    """One events gold: its table label, its file, and its articles (``None``: from the corpus by id)."""

    name: str
    label: str
    path: Path
    articles: Path | None = None


GOLDS = (
    Gold("dev", "dev", DEV_GOLD),
    Gold(
        "dev2",
        "dev 2 (tunable)",
        DATA / "events-dev2" / "events-dev2.jsonl",
        DATA / "events-dev2" / "articles.jsonl",
    ),
    Gold(
        "dev3",
        "dev 3 (tunable)",
        DATA / "events-dev3" / "events-dev3.jsonl",
        DATA / "events-dev3" / "articles.jsonl",
    ),
    Gold(
        "heldout",
        "held-out",
        DATA / "events-heldout" / "events-heldout.jsonl",
        DATA / "events-heldout" / "articles.jsonl",
    ),
    Gold(
        "heldout2",
        "held-out 2",
        DATA / "events-heldout2" / "events-heldout2.jsonl",
        DATA / "events-heldout2" / "articles.jsonl",
    ),
    Gold(
        "heldout3",
        "held-out 3",
        DATA / "events-heldout3" / "events-heldout3.jsonl",
        DATA / "events-heldout3" / "articles.jsonl",
    ),
)

FIGURES = (  # scorer field -> column title
    ("key_recall", "key recall"),
    ("key_recall_correct", "key recall, right source and time"),
    ("precision", "precision"),
    ("time_accuracy", "time right (matched)"),
    ("source_accuracy", "source right (matched)"),
    ("bare_speech_share", "bare-speech rows"),
    ("rows", "rows"),
)


def _gold_ids(gold: Path) -> list[str]:
    return [json.loads(line)["doc"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]


def _articles(ids: list[str], source: Path, out: Path) -> Path:
    """The corpus records of ``ids`` as a JSON-lines file (the events command's input)."""
    wanted = set(ids)
    found = 0
    with source.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for line in fh:
            if json.loads(line)["id"] in wanted:
                dst.write(line if line.endswith("\n") else line + "\n")
                found += 1
    if found != len(wanted):
        raise SystemExit(f"bench_events: {len(wanted) - found} gold articles missing from {source}")
    return out


def score_set(name: str, gold: Path, articles: Path, rows_dir: Path) -> dict[str, Any]:
    """Run the events command on ``articles`` and score its rows against ``gold``."""
    rows = rows_dir / f"{name}-rows.jsonl"
    with rows.open("w", encoding="utf-8") as fh:
        subprocess.run(
            [sys.executable, "-m", "extract", "events", str(articles)], check=True, stdout=fh, cwd=ROOT
        )
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(rows), "--json"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    figures: dict[str, Any] = json.loads(out.stdout)
    return figures


def speed(limit: int, repeat: int) -> dict[str, dict[str, Any]]:
    """Best-of-``repeat`` (by CPU time) runs of both sides of bench_pipeline.py."""
    best: dict[str, dict[str, Any]] = {}
    script = ROOT / "benchmarks" / "bench_pipeline.py"
    for _ in range(repeat):
        for side in ("spacy", "pipeline"):  # interleaved so load changes hit both sides alike
            out = subprocess.run(
                [sys.executable, str(script), str(CORPUS), "--side", side, "--limit", str(limit)],
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            res = json.loads(out.stdout.strip().splitlines()[-1])
            if side not in best or (res["errors"], res["cpu"]) < (best[side]["errors"], best[side]["cpu"]):
                best[side] = res
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=100, help="articles for the speed part (first N)")
    parser.add_argument("--repeat", type=int, default=2, help="speed runs per side; the fastest is kept")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument(
        "--rows-dir", type=Path, help="keep the rows files here (default: a temporary folder)"
    )
    parser.add_argument(
        "--sets",
        default="",
        help="comma-separated gold names to run (dev, dev2, dev3, heldout, ...); default all",
    )
    args = parser.parse_args()
    only = {x for x in args.sets.split(",") if x}
    with tempfile.TemporaryDirectory() as tmp:
        rows_dir = args.rows_dir or Path(tmp)
        rows_dir.mkdir(parents=True, exist_ok=True)
        sets = {}
        for gold in (g for g in GOLDS if not only or g.name in only):
            ids = _gold_ids(gold.path)
            articles = gold.articles or _articles(ids, CORPUS, rows_dir / f"{gold.name}-articles.jsonl")
            sets[f"{gold.label} ({gold.path.stem}, {len(ids)} docs)"] = score_set(
                gold.name, gold.path, articles, rows_dir
            )
    print("| gold | " + " | ".join(title for _, title in FIGURES) + " |")
    print("| --- |" + " ---: |" * len(FIGURES))
    for name, fig in sets.items():
        cells = [f"{fig[key]}" if key == "rows" else f"{fig[key]:.1f} %" for key, _ in FIGURES]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.skip_speed:
        return
    best = speed(args.limit, args.repeat)
    peer = best["spacy"]["chars"] / best["spacy"]["cpu"]
    peer_wall = best["spacy"]["chars"] / best["spacy"]["seconds"]
    print(
        f"\nthroughput on the first {args.limit} news-silver articles ({best['spacy']['chars']:,} chars), "
        f"best of {args.repeat} by CPU time:\n"
    )
    print("| side | CPU s | wall s | chars/CPU s | events | vs spaCy (CPU) | (wall) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for side in ("spacy", "pipeline"):
        r = best[side]
        cps = r["chars"] / r["cpu"]
        print(
            f"| {side} | {r['cpu']:.1f} | {r['seconds']:.1f} | {cps:,.0f} | {r['events']:,} | {cps / peer:.2f}× "
            f"| {r['chars'] / r['seconds'] / peer_wall:.2f}× |"
        )


if __name__ == "__main__":
    main()
