"""Dashboard: server-side cost of a filter change, and (``--server``) the served app's cold start and memory.

Events are the demo corpus's real events (extracted once), replicated with shifted dates to
1k, 10k and 100k events. For each size a fresh child process applies a series of filter
changes (none, a country, an actor, a search word, a date range, hiding vague and
publication-only times, a lane switch) and times:

- ``ours``: ``apply_filters`` + ``view_figure`` (every point up to 5,000 lane rows, counts
  per lane per period above), then ``fig.to_json()`` (what Streamlit ships to the browser);
- ``peer``: the naive way, in the same process: every lane row drawn with its hover label
  (``lane_rows`` + ``timeline_figure``) and serialised.

The child's peak RSS (VmHWM, whole process: Python, pandas, pyarrow, plotly, the frame)
is taken after our runs and before the peer's.
Targets at 100k events: median filter change <= 0.2 s, peak memory <= 600 MB.

    python benchmarks/bench_dashboard.py [--sizes 1000 10000 100000] [--repeat 3] [--synthetic]
    python benchmarks/bench_dashboard.py --sizes 1000 100000 --compare /tmp/before   # old vs new, same load

One untimed warm-up figure is built first (a running server is warm).
``--synthetic`` replicates the hand-made sample of ``extract.viz.synthetic`` instead of the demo.

``--server`` instead starts ``streamlit run dashboard.py`` and drives Chromium (Playwright): the
time from ``streamlit run`` to the first chart of the demo (``?tab=Timeline``) and, from another cold
start, to its first view (the Story tab's text on ``/``) (and the same for ``--before DIR``,
an older checkout, as the peer), the CPU seconds the server and Chromium spent from opening the
page to that chart (other jobs on a shared machine sway them far less than wall time), the
server's RSS after ``--sessions`` sessions each opened the demo and changed a filter, and with
``--cloud VENV`` the same app served from a clean venv that holds only ``requirements.txt`` (as
Streamlit Community Cloud installs it), against Cloud's 690 MB.

    python benchmarks/bench_dashboard.py --server --before /tmp/before --cloud /tmp/cloudvenv
    python benchmarks/bench_dashboard.py --server --before /tmp/before --rounds 5 --sessions 1

``--rounds`` runs the floor, this app and ``--before`` one after the other, that many times
(interleaved, so all see the same load), and prints each run and the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# --compare runs the children on another checkout's ``extract`` (BENCH_TREE), this file's harness
sys.path.insert(0, os.environ.get("BENCH_TREE") or str(HERE.parent))

import pandas as pd  # noqa: E402

from extract import schema as S  # noqa: E402
from extract.filters import Filters  # noqa: E402
from extract.viz import frames as F  # noqa: E402
from extract.viz.figure import timeline_figure, view_figure  # noqa: E402
from extract.viz.synthetic import replicate, sample_actors, sample_events  # noqa: E402


def source_frames(synthetic: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The events and actors frames that get replicated."""
    if synthetic:
        return sample_events(), sample_actors()
    from extract.viz.demo import shipped_extraction

    result = shipped_extraction()  # equal to a fresh run (tests/test_viz_demo.py)
    return result.events, result.actors


def filter_changes(events: pd.DataFrame) -> list[tuple[str, Filters, str]]:
    """Realistic filter changes picked from the data: (name, filters, lane)."""
    countries = pd.Series([c for xs in events[S.COUNTRIES] for c in xs]).value_counts()
    actors = pd.Series([a for xs in events[S.ACTORS] for a in xs]).value_counts()
    start = events[S.START].dropna()
    mid = start.sort_values().iloc[len(start) // 2].date()
    word = str(events[S.EVENT].dropna().iloc[0]).split()[0]
    kinds = tuple(k for k in S.TIME_KINDS if k not in ("vague", "publication"))
    return [
        ("none", Filters(), "actor"),
        ("country", Filters(countries=(str(countries.index[0]),)), "actor"),
        ("actor", Filters(actors=(str(actors.index[1]),)), "actor"),
        ("search", Filters(search=word), "actor"),
        ("from date", Filters(date_from=mid), "actor"),
        ("hide vague", Filters(time_kinds=kinds), "actor"),
        ("lane=type", Filters(), "type"),
    ]


def peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM on Linux (ru_maxrss would include the parent's
    memory at fork, which survives exec), ru_maxrss elsewhere."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(n: int, events_path: Path, actors_path: Path, repeat: int, peer: bool = True) -> dict[str, Any]:
    """Time every filter change on ``n`` replicated events; runs in its own process."""
    events = S.conform(replicate(pd.read_parquet(events_path), n), S.EVENTS)
    countries = F.actor_countries(pd.read_parquet(actors_path))
    ours: list[float] = []
    peer_runs: list[float] = []  # (``peer`` is the switch)
    changes = filter_changes(events)
    view_figure(events.head(50), "actor", Filters(), countries)[0].to_json()  # warm-up: a server is warm
    view_figure(events, "actor", Filters(), countries)[0].to_json()
    worst = ""
    for name, filters, lane in changes:
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            fig, _rows = view_figure(F.apply_filters(events, filters), lane, filters, countries)
            fig.to_json()
            runs.append(time.perf_counter() - t0)
        ours.append(statistics.median(runs))
        if ours[-1] == max(ours):
            worst = name
    rss_mb = peak_rss_mb()  # before the peer runs
    for _, filters, lane in changes if peer else []:
        t0 = time.perf_counter()
        rows = F.lane_rows(F.apply_filters(events, filters), lane, filters, countries)
        timeline_figure(rows, max_lanes=10**6).to_json()
        peer_runs.append(time.perf_counter() - t0)
    return {
        "n": n,
        "ours_median": statistics.median(ours),
        "ours_max": max(ours),
        "worst": worst,
        "peer_median": statistics.median(peer_runs) if peer_runs else float("nan"),
        "rss_mb": rss_mb,
    }


# --- the served app: cold first chart, RSS with many sessions, a Cloud-like clean venv -----------
def serve(python: str, app_dir: Path, port: int) -> subprocess.Popen[bytes]:
    """``streamlit run dashboard.py`` with ``python``, headless on ``port``."""
    return subprocess.Popen(
        [
            python,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=app_dir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )


def cpu_s(procs: list[Any]) -> float:
    """User + system CPU seconds the processes have used so far (gone ones count 0)."""
    import psutil

    total = 0.0
    for proc in procs:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def browser_procs() -> list[Any]:
    """Chromium's processes started by this process's Playwright (its driver's children)."""
    import psutil

    return [p for p in psutil.Process().children(recursive=True) if "chrom" in p.name()]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children now (MB): what a host such as Cloud counts."""
    import psutil

    proc = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20


CHART = ".js-plotly-plot .scatterlayer .trace .points path"
TIMELINE = "?tab=Timeline"  # the dashboard's tabs are bound to ``tab=``: a link that opens on the chart
STORY_TEXT = "Key dates of the story"  # the Story tab's caption: the demo's first view is there


def first_chart(
    python: str, app_dir: Path, sessions: int = 1, timeout_s: float = 300, query: str = "", text: str = ""
) -> dict[str, float]:
    """Start the server, open ``sessions`` pages of ``query`` one after another (each a new Streamlit
    session, kept open) and time the first chart's marks, or with ``text`` that text (the first view);
    returns seconds and the server's RSS at the end."""
    import socket
    import urllib.request

    import psutil
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    started = time.monotonic()
    proc = serve(python, app_dir, port)
    url = f"http://127.0.0.1:{port}/"
    lane_change = url + (f"{query}&lane=country" if query else "?lane=country")
    out: dict[str, float] = {}
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() - started > timeout_s or proc.poll() is not None:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.1)
        out["healthy_s"] = time.monotonic() - started
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                ],
            )
            pages = []
            server = psutil.Process(proc.pid)
            for i in range(sessions):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                t0 = time.monotonic()
                cpu0 = (cpu_s([server]), cpu_s(browser_procs()))
                page.goto(url + query, wait_until="domcontentloaded")
                if text:
                    page.get_by_text(text).first.wait_for(timeout=timeout_s * 1000)
                else:
                    page.wait_for_selector(CHART, state="attached", timeout=timeout_s * 1000)
                if i == 0:
                    out["first_chart_s"] = time.monotonic() - started
                    out["page_to_chart_s"] = time.monotonic() - t0
                    # CPU seconds spent from opening the page to the chart: what the page costs,
                    # much less swayed than wall time by the other jobs of a shared machine
                    out["server_cpu_s"] = cpu_s([server]) - cpu0[0]
                    out["browser_cpu_s"] = cpu_s(browser_procs()) - cpu0[1]
                pages.append(page)
            for page in pages:  # every session ends its run (map, network, tables) before we measure
                page.wait_for_selector(
                    '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout_s * 1000
                )
            if sessions > 1:
                for page in pages:  # each session changes a filter: its own figure and tables
                    page.goto(lane_change, wait_until="domcontentloaded")
                    page.wait_for_selector(CHART, state="attached", timeout=timeout_s * 1000)
            out["rss_mb"] = tree_rss_mb(proc.pid)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return out


def server_main(args: argparse.Namespace) -> None:
    """``--server``: cold first chart and cold first view of a floor app, this app and ``--before`` (an
    older checkout), RSS with ``--sessions`` sessions, and the Cloud-like venv; each line printed as it
    is measured. The demo's first view is the Story tab (no chart since dashboard round 6): its first
    chart is timed on the link that opens the Timeline tab (``?tab=Timeline``; an older checkout
    ignores the key and draws the chart behind the Story), its first view on ``/`` up to the Story's
    text. The floor's first view is its chart."""
    root = HERE.parent
    print(
        f"cold start: `streamlit run` → first chart ({TIMELINE}) and first view (/) of the demo; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start"
    )
    print(
        "| app | server healthy (s) | first chart after `streamlit run` (s) | page open → chart (s) "
        "| CPU to the chart: server / browser (s) | first view after `streamlit run` (s) "
        "| page open → first view (s) | CPU to the first view: server / browser (s) | RSS (MB) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)

    def row(name: str, r: dict[str, float]) -> None:
        print(
            f"| {name} | {r['healthy_s']:.1f} | {r['first_chart_s']:.1f} | {r['page_to_chart_s']:.1f} "
            f"| {r['server_cpu_s']:.2f} / {r['browser_cpu_s']:.2f} | {r['view_first_chart_s']:.1f} "
            f"| {r['view_page_to_chart_s']:.1f} | {r['view_server_cpu_s']:.2f} / {r['view_browser_cpu_s']:.2f} "
            f"| {r['rss_mb']:.0f} |",
            flush=True,
        )

    def both(app_dir: Path, floor: bool) -> dict[str, float]:
        chart = first_chart(sys.executable, app_dir, query="" if floor else TIMELINE)
        view = chart if floor else first_chart(sys.executable, app_dir, text=STORY_TEXT)
        return {**chart, **{f"view_{k}": v for k, v in view.items()}}

    with tempfile.TemporaryDirectory() as floor_dir:  # the floor: Streamlit + one tiny Plotly chart
        (Path(floor_dir) / "dashboard.py").write_text(
            "import plotly.graph_objects as go\nimport streamlit as st\n"
            "st.plotly_chart(go.Figure(go.Scatter(x=[1, 2], y=[1, 2], mode='markers')))\n"
        )
        floor_name = "floor: a one-chart Streamlit app"
        apps = {floor_name: Path(floor_dir), "this app": root}
        if args.before:
            apps[f"before ({args.before})"] = args.before
        got: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
        for _ in range(args.rounds):  # interleaved: every app sees the same machine load
            for name, app_dir in apps.items():
                got[name].append(both(app_dir, floor=name == floor_name))
                row(name, got[name][-1])
    if args.rounds > 1:
        print(f"\nmedian of {args.rounds} interleaved rounds:")
        for name, runs in got.items():
            row(name, {k: statistics.median(r[k] for r in runs) for k in runs[0]})
    many = first_chart(sys.executable, root, sessions=args.sessions, query=TIMELINE)
    print(
        f"\nserver RSS with {args.sessions} sessions (each opened {TIMELINE}, then with lane=country): "
        f"{many['rss_mb']:.0f} MB (target ≤ 600)",
        flush=True,
    )
    if args.cloud:
        cloud = first_chart(str(args.cloud / "bin" / "python"), root, query=TIMELINE)
        verdict = "PASS" if cloud["rss_mb"] <= 690 else "FAIL"
        print(
            f"\nCloud-like: venv {args.cloud} with only requirements.txt; first chart {cloud['first_chart_s']:.1f} s, "
            f"server RSS {cloud['rss_mb']:.0f} MB (Community Cloud limit 690 MB): {verdict}"
        )


def compare_trees(args: argparse.Namespace, frames: str) -> list[str]:
    """``--compare DIR``: ours only (no peer) for this tree and DIR, alternating, ``--rounds`` times,
    so both see the same machine load; one line per tree and size."""
    trees = {"this tree": "", f"{args.compare}": str(args.compare.resolve())}
    got: dict[tuple[str, int], list[tuple[float, float]]] = {}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            for n in args.sizes:
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(n), "--frames", frames, "--no-peer"]
                    + ["--repeat", str(args.repeat)],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "BENCH_TREE": tree},
                )
                result = json.loads(out.stdout.strip().splitlines()[-1])
                got.setdefault((name, n), []).append((result["ours_median"], result["ours_max"]))
    lines = [
        f"interleaved, ours only, {args.rounds} rounds "
        "(filter→figure median of the changes, and the slowest change in brackets, each round, s):"
    ]
    lines += [
        f"- {name}, {n:,} events: " + " / ".join(f"{m:.3f} ({w:.3f})" for m, w in vals)
        for (name, n), vals in got.items()
    ]
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--server", action="store_true", help="time the served app instead (needs chromium)")
    parser.add_argument("--before", type=Path, help="with --server: an older checkout to compare with")
    parser.add_argument("--sessions", type=int, default=10, help="with --server: sessions for the RSS figure")
    parser.add_argument(
        "--cloud", type=Path, help="with --server: a clean venv holding only requirements.txt"
    )
    parser.add_argument(
        "--compare",
        type=Path,
        help="also time another checkout (e.g. main before a change), ours only, interleaved with this one",
    )
    parser.add_argument(
        "--rounds", type=int, default=2, help="with --compare or --server: interleaved rounds of each tree"
    )
    parser.add_argument("--no-peer", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--frames", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.server:
        server_main(args)
        return
    if args.child:
        result = child(
            args.child,
            args.frames / "events.parquet",
            args.frames / "actors.parquet",
            args.repeat,
            peer=not args.no_peer,
        )
        print(json.dumps(result))
        return

    events, actors = source_frames(args.synthetic)
    with tempfile.TemporaryDirectory() as tmp:
        events.to_parquet(Path(tmp) / "events.parquet")
        actors.to_parquet(Path(tmp) / "actors.parquet")
        results = []
        for n in [] if args.compare else args.sizes:  # --compare: only the interleaved figures
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(n), "--frames", tmp, "--repeat", str(args.repeat)],
                check=True,
                capture_output=True,
                text=True,
            )
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        compared = compare_trees(args, tmp) if args.compare else []
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    for line in compared:
        print(line)
    if not results:
        print(f"load average {load:.1f} at the end")
        return
    print(
        f"source: {'synthetic sample' if args.synthetic else 'demo corpus'} "
        f"({len(events)} events), {len(filter_changes(events))} filter changes, median of {args.repeat}; "
        f"{os.cpu_count()} CPUs, load average {load:.1f} at the end"
    )
    print(
        "| events | filter→figure median (s) | worst change (s) | peer: draw all, median (s) "
        "| peer time ÷ ours | peak RSS (MB) |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r['n']:,} | {r['ours_median']:.3f} | {r['ours_max']:.3f} ({r['worst']}) | {r['peer_median']:.3f} "
            f"| {r['peer_median'] / r['ours_median']:.1f} | {r['rss_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
