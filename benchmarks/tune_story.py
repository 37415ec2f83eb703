"""In-process harness for the story summariser on the Timeline17 dev timelines, with leave-one-topic-out.

    python benchmarks/tune_story.py [--stores DIR] [--cache DIR] [--rouge reimpl|none] [--grid NAME]

The gathered sentences of every timeline (its span, keywords) and the event-day counts of its
store are cached under ``--cache`` (default /tmp/story-cache; a cache is stale once the sentence rules
change), so a variant costs only the ranking and selection. A
variant sets module constants of ``extract.story`` (``dates.LATER_WEIGHT = 2`` …). Date-F1 is
exact; AR-1/AR-2 use tilse's ROUGE re-implementation (the final table comes from bench_story.py
with the original ROUGE). Leave-one-topic-out: for each topic (H1N1, BP oil, Haiti, Syria) the
variant of a grid that is best on the other three (Date-F1 + 5 × AR-1, their timeline averages) is
scored on it; the LOO line pools those held-out scores. Tuning only: not a timed benchmark.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "timeline17-dev"
CACHE = Path("/tmp/story-cache")  # --cache sets it
TOPICS = {"H1N1": "H1N1", "bpoil": "BP", "haiti": "Haiti", "SyrianCrisis": "Syria"}

Variant = dict[str, Any]


def topic(task: dict[str, Any]) -> str:
    return TOPICS[task["folder"].split("_")[0]]


def prepared(task: dict[str, Any], stores: Path) -> tuple[Any, dict[date, int]]:
    """The gathered sentences (from articles.jsonl) and event-day sources (from the store) of a task, cached."""
    from extract.documents import read_documents
    from extract.model import Document
    from extract.store import Store
    from extract.story.sentences import gather
    from extract.story.sources import StorySource

    CACHE.mkdir(exist_ok=True)
    start, end = date.fromisoformat(task["start"]), date.fromisoformat(task["end"])
    path = CACHE / f"{task['timeline']}.found.pkl"
    if path.exists():
        found = pickle.loads(path.read_bytes())  # noqa: S301 - our own cache
    else:
        docs = [
            d for d in read_documents([DATA / task["folder"] / "articles.jsonl"]) if isinstance(d, Document)
        ]
        found = gather(StorySource(docs).articles(start, end), task["keywords"], start, end)
        path.write_bytes(pickle.dumps(found))
    path = CACHE / f"{task['timeline']}.events.pkl"
    store = stores / task["folder"]
    if path.exists():
        events = pickle.loads(path.read_bytes())  # noqa: S301
    elif (store / "events").is_dir() and (stores / f"{task['folder']}.log").exists() and _done(stores, task):
        events = StorySource(Store.open(store)).event_day_sources(start, end)
        path.write_bytes(pickle.dumps(events))
    else:
        print(f"no store for {task['timeline']}: no events", file=sys.stderr)
        events = {}
    return found, events


def _done(stores: Path, task: dict[str, Any]) -> bool:
    progress = stores / "progress.txt"
    return progress.exists() and f"{task['folder']} done" in progress.read_text()


def apply(variant: Variant) -> dict[str, Any]:
    """Set the module constants of a variant; return the old values."""
    import importlib

    old = {}
    for key, value in variant.items():
        module, name = key.rsplit(".", 1)
        mod = importlib.import_module(f"extract.story.{module}")
        old[key] = getattr(mod, name)
        setattr(mod, name, value)
    return old


def predict(task: dict[str, Any], found: Any, events: dict[date, int]) -> dict[date, list[str]]:
    from extract.story import select
    from extract.story.dates import key_dates
    from extract.story.select import select_sentences

    chosen = key_dates(found, task["dates"], events)
    used: set[str] = set()
    out = {}
    for day, _ in chosen:
        cands = [c for c in found.candidates[day] if c.text not in used]
        near = (
            [
                c
                for k in range(1, select.CONTEXT_DAYS + 1)
                for other in (day - timedelta(days=k), day + timedelta(days=k))
                for c in found.candidates.get(other, [])
            ]
            if select.CONTEXT_WEIGHT
            else []
        )
        picked = select_sentences(cands, task["sentences_per_date"], day, near)
        used.update(c.text for c in picked)
        if picked:
            out[day] = [" ".join(c.text.split()) for c in picked]
    return out


def score_one(task: dict[str, Any], pred: dict[date, list[str]], rouge: str) -> dict[str, float]:
    sys.path.insert(0, str(SHARED / "tools"))
    import score_tls  # type: ignore[import-not-found]

    gold = score_tls.load_gold_timelines(DATA / task["folder"] / "timelines.jsonl")[task["line"]]
    if rouge == "none":
        d = score_tls.evaluate_dates(list(pred), list(gold))
        zero = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
        return dict(score_tls.flat({"date": d, "rouge_1": zero, "rouge_2": zero}))
    return dict(score_tls.flat(score_tls.score(gold, pred, rouge)))


def averaged(scores: list[dict[str, float]]) -> dict[str, float]:
    out = {}
    for m in ("date", "ar1", "ar2"):
        p = sum(s[f"{m}_p"] for s in scores) / len(scores)
        r = sum(s[f"{m}_r"] for s in scores) / len(scores)
        out[m] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def run_variant(
    tasks: list[dict[str, Any]], data: dict[str, Any], variant: Variant, rouge: str
) -> list[dict[str, float]]:
    old = apply(variant)
    try:
        return [score_one(t, predict(t, *data[t["timeline"]]), rouge) for t in tasks]
    finally:
        apply(old)


def objective(scores: list[dict[str, float]]) -> float:
    avg = averaged(scores)
    return avg["date"] + 5 * avg["ar1"]


def report(tasks: list[dict[str, Any]], grid: list[Variant], results: list[list[dict[str, float]]]) -> None:
    for variant, scores in zip(grid, results, strict=True):
        avg = averaged(scores)
        per = " ".join(
            f"{t}:{a['date']:.3f}/{a['ar1']:.4f}/{a['ar2']:.4f}"
            for t in TOPICS.values()
            for a in [averaged([s for s, k in zip(scores, tasks, strict=True) if topic(k) == t])]
        )
        print(f"{avg['date']:.3f} {avg['ar1']:.4f} {avg['ar2']:.4f}  {per}  {variant}", flush=True)
    held: list[dict[str, float]] = [{}] * len(tasks)
    picks = {}
    for t in TOPICS.values():
        inside = [i for i, k in enumerate(tasks) if topic(k) != t]
        best = max(range(len(grid)), key=lambda v: objective([results[v][i] for i in inside]))
        picks[t] = best
        for i, k in enumerate(tasks):
            if topic(k) == t:
                held[i] = results[best][i]
    avg = averaged(held)
    print(f"LOO {avg['date']:.3f} {avg['ar1']:.4f} {avg['ar2']:.4f}  picks (topic: variant #): {picks}")
    base = averaged(results[0])
    print(f"base #0 {base['date']:.3f} {base['ar1']:.4f} {base['ar2']:.4f}")


GRIDS: dict[str, Callable[[], list[Variant]]] = {
    "base": lambda: [{}],
    "lead": lambda: [
        {},
        *({"dates.LEAD_WEIGHT": w, "dates.LEAD_SENTENCES": n} for n in (1, 3, 5) for w in (1.5, 2.0, 3.0)),
    ],
    "volume": lambda: [{}, *({"dates.VOLUME_EXPONENT": e} for e in (0.25, 0.5, 0.75, 1.0))],
    "dates": lambda: [
        {"dates.VOLUME_EXPONENT": e, "dates.SPREAD_WEIGHT": w, "dates.LEAD_WEIGHT": lw}
        for e in (0.0, 0.25, 0.5)
        for w in (0.0, 0.5, 1.0)
        for lw in (1.0, 1.5)
    ],
    "spread": lambda: [{}, *({"dates.SPREAD_WEIGHT": w} for w in (0.5, 1.0, 2.0, 4.0))],
    "window": lambda: [{}, *({"dates.MENTION_WINDOW": w} for w in (2, 7, 30, 90))],
    "interest": lambda: [
        {},
        *(
            {"dates.INTEREST_WEIGHT": w, "dates.INTEREST_HOW": how, "dates.INTEREST_WINDOW": win}
            for how in ("sum", "max")
            for win in (2, 5)
            for w in (0.2, 0.4, 0.7)
        ),
    ],
    "reference": lambda: [
        {},
        *({"dates.SAME_DAY_WEIGHT": w} for w in (0.0, 0.5)),
        *({"dates.EARLIER_WEIGHT": w} for w in (0.0, 0.5)),
        {"dates.SAME_DAY_WEIGHT": 0.5, "dates.EARLIER_WEIGHT": 0.5},
        {"dates.SAME_DAY_WEIGHT": 0.5, "dates.SPREAD_WEIGHT": 1.0},
    ],
    "topical": lambda: [{}, *({"dates.OFF_TOPIC_WEIGHT": w} for w in (0.0, 0.25, 0.5))],
    "burst": lambda: [
        {},
        *({"dates.BURST_WEIGHT": w, "dates.BURST_DAYS": n} for n in (3, 7) for w in (0.5, 1.0, 2.0)),
    ],
    "suppress": lambda: [{}, *({"dates.SUPPRESS_DAYS": n} for n in (1, 2, 3))],
    "round3": lambda: [  # every date variant of the 2026-12-07 afternoon round, one pool for LOO
        {},
        *GRIDS["reference"]()[1:],
        *GRIDS["topical"]()[1:],
        *GRIDS["burst"]()[1:],
        *GRIDS["suppress"]()[1:],
    ],
    "lookback": lambda: [{}, *({"select.REFERENCE_WEIGHT": w} for w in (0.2, 0.5, 1.0))],
    "context": lambda: [
        {},
        *({"select.CONTEXT_WEIGHT": w, "select.CONTEXT_DAYS": k} for k in (1, 3) for w in (0.3, 0.6, 1.0)),
    ],
    "lookback2": lambda: [
        {"select.LOOKBACK_BONUS": 0.0},
        *(
            {"select.LOOKBACK_BONUS": b, "select.LOOKBACK_DAYS": d, "select.FRESH_BONUS": f}
            for d in (3, 7, 14)
            for b in (0.1, 0.2, 0.3)
            for f in (0.0, 0.1)
        ),
    ],
    "lookback3": lambda: [  # the bonus added, the rest of the method as it was (fresh bonus kept)
        {"select.LOOKBACK_BONUS": 0.0},
        *(
            {"select.LOOKBACK_BONUS": b, "select.LOOKBACK_DAYS": d}
            for d in (3, 7, 14)
            for b in (0.1, 0.2, 0.3)
        ),
    ],
    "length": lambda: [
        {},
        *(
            {"select.LENGTH_PENALTY": w, "select.LONG_WORDS": n}
            for n in (20, 25, 30)
            for w in (0.02, 0.05, 0.1)
        ),
    ],
    "length2": lambda: [
        {},
        *(
            {"select.LENGTH_PENALTY": w, "select.LONG_WORDS": n}
            for n in (30, 35, 40)
            for w in (0.01, 0.02, 0.03, 0.05)
        ),
    ],
    "length3": lambda: [  # the two length grids and heavier penalties past 35-45 words, one pool for LOO
        *GRIDS["length"](),
        *GRIDS["length2"]()[1:],
        *({"select.LENGTH_PENALTY": w, "select.LONG_WORDS": n} for n in (35, 40, 45) for w in (0.07, 0.1)),
        {"select.LENGTH_PENALTY": 0.05, "select.LONG_WORDS": 45},
    ],
    "length4": lambda: [  # length3 (base first: the default is now 0.1 past 40) and heavier penalties
        {"select.LENGTH_PENALTY": 0.0},
        *GRIDS["length3"]()[1:],
        *(
            {"select.LENGTH_PENALTY": w, "select.LONG_WORDS": n}
            for n in (35, 40, 45)
            for w in (0.15, 0.2, 0.3)
        ),
    ],
    "candidates": lambda: [
        {},
        *({"select.MENTIONED_ONLY": n} for n in (1, 3, 10)),
        *({"select.PUBLISHED_WINDOW": w} for w in (1, 2, 7)),
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=Path, default=Path("/tmp/story-stores"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/story-cache"))
    parser.add_argument("--rouge", choices=("reimpl", "none"), default="reimpl")
    parser.add_argument("--grid", default="base", choices=sorted(GRIDS))
    args = parser.parse_args()
    global CACHE
    CACHE = args.cache
    tasks = json.loads((DATA / "tasks.json").read_text())
    data = {t["timeline"]: prepared(t, args.stores) for t in tasks}
    grid = GRIDS[args.grid]()
    results = [run_variant(tasks, data, v, args.rouge) for v in grid]
    report(tasks, grid, results)


if __name__ == "__main__":
    main()
