"""Timeline summarisation on the Timeline17 dev timelines: ours against two baselines, scored as news-tls does.

    python benchmarks/bench_story.py [--stores DIR] [--only TIMELINE] [--rouge original|reimpl]

For every timeline of ``../shared/data/timeline17-dev/tasks.json`` the ``timeline`` command runs
in its own process on the topic's corpus store ``DIR/FOLDER`` (default /tmp/story-stores; build
one with ``python -m extract corpus FOLDER/articles.jsonl --store DIR/FOLDER``; a topic without a
store runs on its articles.jsonl with ``--no-events``), with the task's K, L, span and keywords.
Its wall time, CPU time and peak RSS (``wait4``'s rusage) are recorded. In the same run two baselines
choose K days and get sentences from the same selector: ``random`` (K random days of the span,
seed 0) and ``most-published`` (the K days with most articles). Each prediction is scored by
``../shared/tools/score_tls.py`` (Date-F1, alignment ROUGE-1/2 F); averages follow news-tls:
mean precision and mean recall over timelines, then F.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "timeline17-dev"
SCORER = SHARED / "tools" / "score_tls.py"
METRICS = ("date", "ar1", "ar2")


def run_ours(task: dict[str, Any], stores: Path, out: Path) -> tuple[float, float, float]:
    """Run the command for one task; return (wall seconds, CPU seconds, peak MB)."""
    store = stores / task["folder"]
    source = (
        [str(store)]
        if (store / "documents").is_dir()
        else [str(DATA / task["folder"] / "articles.jsonl"), "--no-events"]
    )
    cmd = [
        sys.executable,
        "-m",
        "extract",
        "timeline",
        *source,
        "--dates",
        str(task["dates"]),
        "--sentences",
        str(task["sentences_per_date"]),
        "--from",
        task["start"],
        "--to",
        task["end"],
        "--keywords",
        ",".join(task["keywords"]),
        "-o",
        str(out),
        "--no-progress",
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"timeline command failed on {task['timeline']}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def baselines(task: dict[str, Any], out_random: Path, out_published: Path) -> None:
    """Write the two baseline predictions (same sentence selector as ours, other days)."""
    from extract.documents import read_documents
    from extract.model import Document
    from extract.story.select import select_sentences
    from extract.story.sentences import gather
    from extract.story.sources import StorySource

    start, end = date.fromisoformat(task["start"]), date.fromisoformat(task["end"])
    docs = [d for d in read_documents([DATA / task["folder"] / "articles.jsonl"]) if isinstance(d, Document)]
    found = gather(StorySource(docs).articles(start, end), task["keywords"], start, end)
    k, n = task["dates"], task["sentences_per_date"]
    span = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    picks = {
        out_random: random.Random(0).sample(span, min(k, len(span))),
        out_published: sorted(found.published, key=lambda d: (-len(found.published[d]), d))[:k],
    }
    for path, days in picks.items():
        with path.open("w", encoding="utf-8") as handle:
            for day in sorted(days):
                summary = [s.text for s in select_sentences(found.candidates.get(day, []), n, day)]
                handle.write(json.dumps({"date": day.isoformat(), "summary": summary}) + "\n")


def score(task: dict[str, Any], pred: Path, rouge: str) -> dict[str, Any]:
    gold = DATA / task["folder"] / "timelines.jsonl"
    done = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(gold),
            str(pred),
            "--tl-index",
            str(task["line"]),
            "--rouge",
            rouge,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout))


def averaged(scores: list[dict[str, Any]]) -> dict[str, float]:
    out = {}
    for m in METRICS:
        p = sum(s[f"{m}_p"] for s in scores) / len(scores)
        r = sum(s[f"{m}_r"] for s in scores) / len(scores)
        out[m] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=Path, default=Path("/tmp/story-stores"))
    parser.add_argument("--only", help="run only this timeline (name in tasks.json)")
    parser.add_argument("--rouge", choices=("original", "reimpl"), default="original")
    args = parser.parse_args()
    tasks = [
        t
        for t in json.loads((DATA / "tasks.json").read_text())
        if not args.only or t["timeline"] == args.only
    ]
    sides: dict[str, list[dict[str, Any]]] = {"ours": [], "random": [], "most-published": []}
    violations = 0
    with tempfile.TemporaryDirectory() as tmp:
        for task in tasks:
            preds = {side: Path(tmp) / f"{task['timeline']}-{side}.jsonl" for side in sides}
            seconds, cpu, peak = run_ours(task, args.stores, preds["ours"])
            baselines(task, preds["random"], preds["most-published"])
            row = {side: score(task, path, args.rouge) for side, path in preds.items()}
            for side in sides:
                sides[side].append(row[side])
            ours = row["ours"]
            violations += bool(ours["over_k"] or ours["over_L"])
            n_docs = sum(1 for _ in (DATA / task["folder"] / "articles.jsonl").open())
            print(
                f"{task['timeline']:28} K={task['dates']:3} L={task['sentences_per_date']} docs={n_docs:3} "
                f"ours {ours['date_f1']:.3f}/{ours['ar1_f']:.3f}/{ours['ar2_f']:.3f} "
                f"random {row['random']['date_f1']:.3f} most-published {row['most-published']['date_f1']:.3f} "
                f"{seconds:5.1f} s wall {cpu:5.1f} s CPU {peak:5.0f} MB",
                flush=True,
            )
    print(f"\n{len(tasks)} timelines, ROUGE {args.rouge}; averages (mean P and mean R, then F)")
    print("| system | Date-F1 | AR-1 F | AR-2 F |\n| --- | ---: | ---: | ---: |")
    for side, scores in sides.items():
        avg = averaged(scores)
        print(f"| {side} | {avg['date']:.3f} | {avg['ar1']:.3f} | {avg['ar2']:.3f} |")
    print(f"over K or over L: {violations} timelines")


if __name__ == "__main__":
    main()
