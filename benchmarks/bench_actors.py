"""Actor extraction overhead on top of the bare spaCy pipeline, on news-silver articles.

Runs spaCy (``nlp.pipe``) over N articles, then :func:`extract.actors.find_actor_mentions` and
:func:`extract.actors.build_actors_frame` over the parsed docs, and prints a table with each
step's CPU time (process time: other jobs on a shared machine disturb it far less than wall
time) and the ratio that matters: speed of spaCy + actors relative to bare spaCy (the
pipeline must stay at >= 0.8x bare spaCy, so actors should cost a few percent at most).

    python benchmarks/bench_actors.py [--n 300] [--silver PATH]

The corpus defaults to ``../shared/corpora/news-silver.jsonl`` next to the repository, or
$ACTORS_SILVER.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from extract.actors import build_actors_frame, find_actor_mentions  # noqa: E402
from extract.actors.data import load_gazetteer  # noqa: E402
from extract.actors.places import load_places  # noqa: E402
from extract.nlp import load_nlp  # noqa: E402

DEFAULT_SILVER = HERE.parent.parent / "shared" / "corpora" / "news-silver.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of articles (first N)")
    parser.add_argument("--silver", type=Path, default=Path(os.environ.get("ACTORS_SILVER", DEFAULT_SILVER)))
    args = parser.parse_args()
    with args.silver.open(encoding="utf-8") as fh:
        records = [json.loads(line) for _, line in zip(range(args.n), fh, strict=False)]
    texts = [r["text"] for r in records]
    n_chars = sum(map(len, texts))

    nlp = load_nlp()
    t0 = time.process_time()
    load_gazetteer()
    t_gaz = time.process_time() - t0
    t0 = time.process_time()
    load_places()
    t_places = time.process_time() - t0

    t0 = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=32))
    t_spacy = time.process_time() - t0

    t0 = time.process_time()
    mentions = {r["id"]: find_actor_mentions(doc) for r, doc in zip(records, docs, strict=True)}
    t_find = time.process_time() - t0

    t0 = time.process_time()
    frame, renames = build_actors_frame(mentions)
    t_frame = time.process_time() - t0

    n_mentions = sum(map(len, mentions.values()))
    print(
        f"{len(texts)} articles, {n_chars:,} chars, {n_mentions:,} mentions, {len(frame):,} actors, "
        f"{len(renames)} cross-document renames; model {nlp.meta['name']} {nlp.meta['version']}"
    )
    print()
    print("| step | CPU seconds | docs/CPU s | vs bare spaCy |")
    print("| --- | ---: | ---: | ---: |")
    rows = [
        ("bare spaCy (nlp.pipe)", t_spacy),
        ("find_actor_mentions", t_find),
        ("build_actors_frame", t_frame),
        ("spaCy + actors", t_spacy + t_find + t_frame),
    ]
    for name, secs in rows:
        print(f"| {name} | {secs:.2f} | {len(texts) / secs:,.1f} | {secs / t_spacy:.3f}x time |")
    speed = t_spacy / (t_spacy + t_find + t_frame)
    print()
    print(
        f"speed of spaCy + actors relative to bare spaCy: {speed:.3f}x "
        f"(actors add {100 * (t_find + t_frame) / t_spacy:.1f}% on top); once per process: gazetteer "
        f"{t_gaz:.2f} s, place index {t_places:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
