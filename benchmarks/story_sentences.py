"""Error analysis of the summary sentences on the chosen days that are gold days (Timeline17 dev).

    python benchmarks/story_sentences.py [--stores DIR] [--cache DIR] [--only TIMELINE] [--detail]

For every chosen day that is also a gold day, our L sentences are scored against the gold's
sentences of that day (tilse's ROUGE re-implementation, stemming, stop words out: the AR figures'
counts on an exact date match), and so is an oracle: the L candidates of the day that best match
the gold (greedy on ROUGE-1 F). Per picked sentence the script records what kind it is (a quote,
a look back from a later article, its length, its place in the article), so that the causes of a
gap between ours and the oracle can be counted. A diagnostic, not a method: the gold only says
which sentences would have been better. Uses the cache of ``tune_story.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import tune_story  # noqa: E402

_QUOTE = re.compile(r"``|''|\"|“|”")


def rouge() -> Any:
    from tilse.evaluation.rouge import RougeReimplementation

    return RougeReimplementation(stem=True, ignore_stopwords=True)


def counts(r: Any, ours: list[str], gold: list[str]) -> tuple[int, int, int, int, int, int]:
    """(hits, ours, gold) unigram and bigram counts, as the AR figures count them."""
    s = r.score_summary([x.split() for x in ours], {"0": [g.split() for g in gold]})
    return (
        s["rouge_1_h_count"],
        s["rouge_1_p_count"],
        s["rouge_1_m_count"],
        s["rouge_2_h_count"],
        s["rouge_2_p_count"],
        s["rouge_2_m_count"],
    )


def f1(h: float, p: float, m: float) -> float:
    return 2 * h / (p + m) if p + m else 0.0


def oracle(r: Any, cands: list[str], gold: list[str], n: int) -> list[int]:
    """Indices of up to ``n`` candidates chosen greedily for the best ROUGE-1 F against ``gold``."""
    chosen: list[int] = []
    best = 0.0
    for _ in range(n):
        gains = []
        for i, text in enumerate(cands):
            if i in chosen:
                continue
            h, p, m, *_ = counts(r, [cands[j] for j in chosen] + [text], gold)
            gains.append((f1(h, p, m), i))
        if not gains:
            break
        score, i = max(gains)
        if score <= best:
            break
        best = score
        chosen.append(i)
    return chosen


def kind(s: Any, day: date) -> list[str]:
    """What kind of sentence this is (several may hold)."""
    out = []
    if _QUOTE.search(s.text):
        out.append("quote")
    if s.text.rstrip().endswith("?"):
        out.append("question")
    if s.published is not None and (s.published - day).days > 1:
        out.append("lookback")
    if s.published is not None and s.published < day:
        out.append("before")
    if not s.mentioned:
        out.append("undated")
    if s.position < 3:
        out.append("lead")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stores", type=Path, default=Path("/tmp/story-stores"))
    parser.add_argument("--cache", type=Path, default=Path("/tmp/story-cache"))
    parser.add_argument("--only")
    parser.add_argument("--detail", action="store_true")
    args = parser.parse_args()
    tune_story.CACHE = args.cache
    from extract.story import select
    from extract.story.dates import key_dates

    tasks = json.loads((tune_story.DATA / "tasks.json").read_text())
    if args.only:
        tasks = [t for t in tasks if t["timeline"] == args.only]
    r = rouge()
    sys.path.insert(0, str(tune_story.SHARED / "tools"))
    import score_tls  # type: ignore[import-not-found]

    total = Counter[str]()
    ours_kinds = Counter[str]()
    oracle_kinds = Counter[str]()
    words = {"ours": [], "oracle": [], "gold": []}  # type: dict[str, list[int]]
    ranks: list[int] = []
    causes = Counter[str]()
    for task in tasks:
        found, events = tune_story.prepared(task, args.stores)
        gold = score_tls.load_gold_timelines(tune_story.DATA / task["folder"] / "timelines.jsonl")[
            task["line"]
        ]
        n = task["sentences_per_date"]
        used: set[str] = set()
        sums = Counter[str]()
        for day, _ in key_dates(found, task["dates"], events):
            cands = [c for c in found.candidates[day] if c.text not in used]
            picked = select.select_sentences(cands, n, day)
            used.update(c.text for c in picked)
            if day not in gold or not picked:
                continue
            ref = gold[day]
            ours = [" ".join(c.text.split()) for c in picked]
            pool = select._bounded(cands)
            texts = [" ".join(c.text.split()) for c in pool]
            best = oracle(r, texts, ref, n)
            c_ours = counts(r, ours, ref)
            c_best = counts(r, [texts[i] for i in best], ref)
            for key, a, b in (("ours", c_ours, None), ("oracle", c_best, None)):
                del b
                for j, name in enumerate(("h1", "p1", "m1", "h2", "p2", "m2")):
                    sums[f"{key}_{name}"] += a[j]
            order = _order(pool, day)
            for i in best:
                ranks.append(order.index(i))
                oracle_kinds.update(kind(pool[i], day))
                words["oracle"].append(len(texts[i].split()))
            for c in picked:
                ours_kinds.update(kind(c, day))
                words["ours"].append(len(c.text.split()))
            words["gold"].extend(len(g.split()) for g in ref)
            total["days"] += 1
            sums["days"] += 1
            total["picked"] += len(picked)
            total["oracle"] += len(best)
            total["same"] += len({texts[i] for i in best} & set(ours))
            cause = _cause(r, picked, [texts[i] for i in best], ref, f1(*c_ours[:3]), f1(*c_best[:3]))
            causes[cause] += 1
            if args.detail:
                print(
                    f"\n== {task['timeline']} {day}  ours R1 F {f1(*c_ours[:3]):.3f}  oracle {f1(*c_best[:3]):.3f}  {cause}"
                )
                for g in ref:
                    print(f"   GOLD  {g}")
                for c in picked:
                    h, p, m, *_ = counts(r, [" ".join(c.text.split())], ref)
                    print(f"   OURS  [{f1(h, p, m):.2f} {','.join(kind(c, day))}] {c.text}")
                for i in best:
                    print(
                        f"   BEST  [rank {order.index(i)}/{len(pool)} {','.join(kind(pool[i], day))}] {texts[i]}"
                    )
        if sums:
            print(
                f"{task['timeline']:28} days {sums['days']:4}  R1 F ours {f1(sums['ours_h1'], sums['ours_p1'], sums['ours_m1']):.3f}"
                f" oracle {f1(sums['oracle_h1'], sums['oracle_p1'], sums['oracle_m1']):.3f}"
                f"  R2 F ours {f1(sums['ours_h2'], sums['ours_p2'], sums['ours_m2']):.3f}"
                f" oracle {f1(sums['oracle_h2'], sums['oracle_p2'], sums['oracle_m2']):.3f}"
                f"  P1 ours {sums['ours_h1'] / max(1, sums['ours_p1']):.3f} R1 ours {sums['ours_h1'] / max(1, sums['ours_m1']):.3f}",
                flush=True,
            )
    print(
        f"\nchosen gold days {total['days']}, picked {total['picked']}, oracle {total['oracle']}, shared {total['same']}"
    )
    for key, values in words.items():
        print(f"words {key}: mean {statistics.mean(values):.1f} median {statistics.median(values)}")
    print(
        f"oracle sentences' rank in our order: median {statistics.median(ranks)}, "
        f"top-{3} {sum(x < 3 for x in ranks)}, top-10 {sum(x < 10 for x in ranks)} of {len(ranks)}"
    )
    print("causes:", dict(causes))
    print("kinds, ours:", dict(ours_kinds), "of", total["picked"])
    print("kinds, oracle:", dict(oracle_kinds), "of", total["oracle"])


_NOISE = re.compile(
    r"\?\s*$|^\\?\*|^(?:Watch|See|Read|Click|View|Follow)\b|\b(?:photos?|video|gallery|frame grab|pictured)\b",
    re.IGNORECASE,
)
"""A question, a bullet, a web teaser or a caption: text that reports no event."""


def _cause(r: Any, picked: list[Any], best: list[str], ref: list[str], ours_f: float, best_f: float) -> str:
    """Why our sentences of a gold day score below the oracle's, in one word."""
    if best_f - ours_f < 0.05:
        return "near-oracle"
    if any(_NOISE.search(c.text) and f1(*counts(r, [c.text], ref)[:3]) == 0 for c in picked):
        return "noise-pick"
    from extract.story import select

    texts = [" ".join(c.text.split()) for c in picked]
    m = select.vectorizer().fit_transform(texts + best)
    sim = (m[: len(texts)] @ m[len(texts) :].T).toarray()
    if sim.max() >= 0.3:
        return "same-event-other-words"
    return "other-event"


def _order(pool: list[Any], day: date) -> list[int]:
    """Our ranking of the pool (central + bonuses), best first, as select_sentences orders it."""
    import numpy as np

    from extract.story import select

    matrix = select.vectorizer().fit_transform([s.text for s in pool])
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    central = np.asarray(matrix @ (centroid / (float(np.linalg.norm(centroid)) or 1.0))).ravel()
    bonus = np.array(
        [
            select.MENTION_BONUS * s.mentioned
            + select.FRESH_BONUS * select._fresh(s, day)
            + select.LOOKBACK_BONUS * select._lookback(s, day)
            for s in pool
        ]
    )
    return [int(i) for i in np.argsort(-(central + bonus), kind="stable")]


if __name__ == "__main__":
    main()
