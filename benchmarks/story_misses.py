"""Why is a gold day of a Timeline17 dev timeline missed? Error analysis of the key-date ranking.

    python benchmarks/story_misses.py [--stores DIR] [--only TIMELINE] [--detail]

For every dev timeline (``../shared/data/timeline17-dev/tasks.json``) the days are ranked as
``summarise`` ranks them (the gathered sentences of the span's articles, the event-day counts of
the store ``DIR/FOLDER`` when there is one) and every gold day not among the K chosen gets one cause:

- ``silent``: no topical article of the span names the day and none was published on it;
- ``no-candidate``: named (or published on) by topical articles, but no sentence dated to it holds a
  keyword, so it cannot be summarised (the mentions are in sentences without one, or in
  off-topic articles only);
- ``off-by-one``: the day before or after, not itself gold, was chosen instead;
- ``outranked``: it has candidates and a rank, below K.

``--detail`` prints each missed day with its rank, its evidence (topical articles naming it, of which
published more than a day later, articles published on it) and the gold's first sentence. Dev data only:
the held-out timelines are never read. Error analysis, not a benchmark: nothing is timed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "timeline17-dev"
CAUSES = ("silent", "no-candidate", "off-by-one", "outranked")


def gold_days(task: dict[str, Any]) -> dict[date, list[str]]:
    line = (DATA / task["folder"] / "timelines.jsonl").read_text(encoding="utf-8").splitlines()[task["line"]]
    return {date.fromisoformat(d): list(s) for d, s in json.loads(line)}


def evidence(task: dict[str, Any], stores: Path) -> tuple[Any, dict[date, int]]:
    """The gathered sentences of the task's span and the store's event-day counts (empty without a store)."""
    from extract.documents import read_documents
    from extract.model import Document
    from extract.store import Store
    from extract.story.sentences import gather
    from extract.story.sources import StorySource

    start, end = date.fromisoformat(task["start"]), date.fromisoformat(task["end"])
    docs = [d for d in read_documents([DATA / task["folder"] / "articles.jsonl"]) if isinstance(d, Document)]
    found = gather(StorySource(docs).articles(start, end), task["keywords"], start, end)
    store = stores / task["folder"]
    events = (
        StorySource(Store.open(store)).event_day_sources(start, end) if (store / "events").is_dir() else {}
    )
    return found, events


def cause(day: date, found: Any, chosen: set[date], gold: set[date], ranked: dict[date, int]) -> str:
    topical_mentions = [m for m in found.mentions.get(day, []) if found.topical(m.doc_id)]
    published = sum(found.topical(d) for d in found.published.get(day, ()))
    if any(n in chosen and n not in gold for n in (day - timedelta(days=1), day + timedelta(days=1))):
        return "off-by-one"
    if day not in ranked:
        return "no-candidate" if topical_mentions or published else "silent"
    return "outranked"


def analyse(task: dict[str, Any], stores: Path, detail: bool) -> Counter[str]:
    from extract.story.dates import day_scores, key_dates

    found, events = evidence(task, stores)
    gold = gold_days(task)
    k = task["dates"]
    chosen = {d for d, _ in key_dates(found, k, events)}
    scores = day_scores(found, events)
    order = sorted((d for d in scores if found.candidates.get(d)), key=lambda d: (-scores[d], d))
    ranked = {d: i + 1 for i, d in enumerate(order)}
    counts: Counter[str] = Counter()
    for day in sorted(set(gold) - chosen):
        why = cause(day, found, chosen, set(gold), ranked)
        counts[why] += 1
        if detail:
            named = {m.doc_id for m in found.mentions.get(day, []) if found.topical(m.doc_id)}
            later = {
                m.doc_id
                for m in found.mentions.get(day, [])
                if found.topical(m.doc_id) and m.published and m.published > day + timedelta(days=1)
            }
            published = sum(found.topical(d) for d in found.published.get(day, ()))
            print(
                f"  {day} {why:12} rank {ranked.get(day, '-')} score {scores.get(day, 0.0):.1f} "
                f"named by {len(named)} ({len(later)} later) published {published} | {gold[day][0][:90]}"
            )
    hits = len(chosen & set(gold))
    print(f"{task['timeline']:28} K {k:3}  hits {hits:3}  " + "  ".join(f"{c} {counts[c]}" for c in CAUSES))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=Path, default=Path("/tmp/story-stores"))
    parser.add_argument("--only", help="this timeline only (name in tasks.json)")
    parser.add_argument("--detail", action="store_true", help="print every missed day")
    args = parser.parse_args()
    total: Counter[str] = Counter()
    for task in json.loads((DATA / "tasks.json").read_text(encoding="utf-8")):
        if not args.only or task["timeline"] == args.only:
            total.update(analyse(task, args.stores, args.detail))
    print(f"{'all':28}{'':22}" + "  ".join(f"{c} {total[c]}" for c in CAUSES))


if __name__ == "__main__":
    main()
