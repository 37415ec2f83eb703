"""The demo's first view as a reader meets it: the Story tab (with the timeline drawn behind it, until
stop 22), three seconds of reading, then a click on the Timeline tab. Prints, per run, Plotly's layouts of
each chart on the first view and after the click (every ``newPlot``, ``react`` or relayout assigns a
chart's ``_fullLayout``: an init script counts them), the width a hidden timeline was drawn at ("-": none
drawn), and the seconds from the click to visible marks.

    python benchmarks/bench_tab_open.py [--before DIR] [--rounds 3]
    python benchmarks/bench_tab_open.py --server-side 4 [--before DIR] [--rounds 2]

``--server-side N``: no browser; the server's part of the click, in Streamlit's AppTest: the Story's run,
then the Timeline tab's rerun timed, N times per tree in a fresh process per tree and round (the tree's
``extract`` first on the path). Under load the browser's end-to-end time swings by seconds between runs;
this part does not.

Each run starts its own ``streamlit run`` (this tree, and ``--before``, an older checkout, interleaved)
and opens one warm-up page first, so the times are those of a running server, not of a cold start
(``bench_dashboard.py --server`` measures that). Real Chromium (Debian's), 1400 × 1000.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_dashboard import serve  # noqa: E402

COUNT = """window.__layouts = []; window.__runs = [];
new MutationObserver(() => { const a = document.querySelector('[data-testid="stApp"]');
  if (a) window.__runs.push([performance.now(), a.getAttribute('data-test-script-state')]); })
  .observe(document, {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
Object.defineProperty(HTMLElement.prototype, '_fullLayout', {configurable: true,
  set(v) { window.__layouts.push((this.data || []).length); this.__fl = v; }, get() { return this.__fl; }});"""
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
SHOWN = """() => { const el = document.querySelector('.js-plotly-plot'); return !!el && !!el.offsetParent &&
    [...el.querySelectorAll('.scatterlayer .trace .points path')].some(p => p.getBoundingClientRect().width > 0); }"""


def one_page(browser: Any, url: str) -> dict[str, Any]:
    """Open the demo, wait for the Story and an idle app, read for 3 s, click Timeline, wait for its marks."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.add_init_script(COUNT)
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_text("Key dates of the story").first.wait_for(timeout=300_000)
    page.wait_for_selector(IDLE, timeout=300_000)
    page.wait_for_timeout(3000)  # the reader reads (the page may use the idle time: plotly.js is imported)
    first = page.evaluate("window.__layouts.slice()")
    width = page.evaluate("() => document.querySelector('.js-plotly-plot')?._fullLayout.width ?? '-'")
    t0 = time.monotonic()
    clicked = page.evaluate("performance.now()")
    page.get_by_role("tab", name="Timeline").click()
    page.wait_for_function(SHOWN, timeout=300_000)
    shown_s = time.monotonic() - t0
    page.wait_for_selector(IDLE, timeout=300_000)
    runs = page.evaluate("(t) => window.__runs.filter(r => r[0] > t)", clicked)
    # the rerun's end as the page saw it: the server built and sent the tab (marks drawn after or around it)
    ran_s = next((r[0] - clicked for r in runs if r[1] == "notRunning"), float("nan")) / 1000
    page.wait_for_timeout(1500)
    after = page.evaluate("(n) => window.__layouts.slice(n)", len(first))
    page.close()
    timeline = max(first + after, default=0)  # the timeline has dozens of traces, the strip one
    return {
        "timeline_first": sum(1 for n in first if n == timeline),
        "others_first": sum(1 for n in first if n != timeline),
        "timeline_after": sum(1 for n in after if n == timeline),
        "width": width,
        "shown_s": shown_s,
        "ran_s": ran_s,
    }


def run(app_dir: Path) -> dict[str, Any]:
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    proc = serve(sys.executable, app_dir, port)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            one_page(browser, url)  # warm-up: imports, caches, the browser's code cache
            result = one_page(browser, url)
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return result


SERVER_SIDE = """
import statistics, sys, time
from streamlit.testing.v1 import AppTest
tree, n = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, tree)
AppTest.from_file(tree + "/dashboard.py", default_timeout=300).run()  # cold imports, caches
took = []
for _ in range(n):
    at = AppTest.from_file(tree + "/dashboard.py", default_timeout=300)
    at.run()
    at.query_params["tab"] = "Timeline"
    t0 = time.perf_counter()
    at.run()
    took.append(time.perf_counter() - t0)
print(statistics.median(took))
"""


def server_side(tree: Path, n: int) -> float:
    """Median seconds of the Timeline tab's rerun after the Story's, in AppTest (a fresh process)."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-c", SERVER_SIDE, str(tree), str(n)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="an older checkout, run interleaved with this tree")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--server-side", type=int, default=0, help="AppTest: the click's server part, N times"
    )
    args = parser.parse_args()
    trees = {"this tree": Path(__file__).resolve().parent.parent}
    if args.before:
        trees[f"before ({args.before})"] = args.before
    if args.server_side:
        print("| tree | Timeline tab rerun after the Story, server (s), median of each round |")
        print("|---|---|", flush=True)
        times = {
            name: [server_side(tree, args.server_side) for _ in range(1)] for name, tree in trees.items()
        }
        for _ in range(args.rounds - 1):
            for name, tree in trees.items():
                times[name].append(server_side(tree, args.server_side))
        for name, got_s in times.items():
            print(f"| {name} | {' / '.join(f'{t:.3f}' for t in got_s)} |")
        return
    got: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    print(
        "| tree | layouts on the first view: timeline / other charts | hidden timeline's width (px) "
        "| Timeline tab click → marks shown (s) | click → the rerun ended (s) | timeline layouts after the click |"
    )
    print("|---|---:|---:|---:|---:|---:|", flush=True)
    for _ in range(args.rounds):
        for name, tree in trees.items():
            r = run(tree)
            got[name].append(r)
            print(
                f"| {name} | {r['timeline_first']} / {r['others_first']} | {r['width']} | {r['shown_s']:.2f} "
                f"| {r['ran_s']:.2f} | {r['timeline_after']} |",
                flush=True,
            )
    for name, runs in got.items():
        print(
            f"{name}: click → marks shown, median of {len(runs)}: "
            f"{statistics.median(r['shown_s'] for r in runs):.2f} s; click → rerun ended "
            f"{statistics.median(r['ran_s'] for r in runs):.2f} s"
        )


if __name__ == "__main__":
    main()
