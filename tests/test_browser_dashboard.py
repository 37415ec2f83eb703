"""A real Chromium against a real ``streamlit run dashboard.py``: link filters, a click, no XSS."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
STARTUP_S, RENDER_MS = 120, 180_000
HOSTILE = json.dumps({
    "id": "hostile", "published": "2024-11-20", "title": "Missiles <img src=x onerror=alert(3)>",
    "text": "Seoul, Nov. 20 -- North Korea <img src=x onerror=alert(1)> fired two missiles on Friday, "
            "South Korean officials said. <script>alert(2)</script> Kim Jong Un said the tests will go on.",
}) + "\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (tests/run.sh installs it with apt-get)")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy (exit code {proc.poll()})")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            pg = browser.new_page(viewport={"width": 1400, "height": 1000})
            pg.dialogs = []  # type: ignore[attr-defined]
            pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
            yield pg
        finally:
            browser.close()


def plot_traces(pg: Any) -> list[dict[str, Any]]:
    """Name, mode, lanes and event ids of every trace the browser's Plotly figure draws."""
    return pg.evaluate(
        """() => { const el = document.querySelector('.js-plotly-plot');
                   return el.data.map(t => ({name: t.name, mode: t.mode, y: (t.y || []).filter(v => v !== null),
                                             ids: t.customdata || []})); }"""
    )


def wait_for_plot(pg: Any) -> None:
    pg.wait_for_selector(".js-plotly-plot .scatterlayer", timeout=RENDER_MS)
    pg.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=RENDER_MS)


def test_browser_link_filters_lanes_and_click_opens_details(server: str, page: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{server}/?country=PRK", wait_until="domcontentloaded")
    wait_for_plot(page)
    traces = [t for t in plot_traces(page) if t["mode"] == "markers" and t["ids"]]
    assert traces, "the timeline drew no events for country=PRK"
    assert {t["name"] for t in traces} == {"PRK"}  # colour legend: North Korean actors only
    page.locator(".js-plotly-plot .scatterlayer .trace .points path").first.click(force=True)
    page.wait_for_selector("blockquote", timeout=RENDER_MS)
    assert page.locator("blockquote").first.inner_text().strip()  # the source sentence
    page.get_by_text("→", exact=False).first.wait_for(timeout=RENDER_MS)  # how its time was resolved
    assert "country=PRK" in page.url
    page.screenshot(path=str(ARTIFACTS / "browser_dashboard_prk.png"), full_page=True)


def test_browser_hostile_article_never_becomes_html(server: str, page: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(f"{server}/?lane=country", wait_until="domcontentloaded")
    wait_for_plot(page)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "hostile.jsonl", "mimeType": "application/json", "buffer": HOSTILE.encode()}]
    )
    find = """() => { const el = document.querySelector('.js-plotly-plot'); if (!el || !el.data) return null;
                   const d = el.data;
                   for (let i = 0; i < d.length; i++) { const ids = d[i].customdata || [];
                     for (let j = 0; j < ids.length; j++) if (String(ids[j]).startsWith('hostile')) return [i, j]; }
                   return null; }"""
    page.wait_for_function(find, timeout=RENDER_MS)  # the rerun with the upload has drawn its events
    wait_for_plot(page)
    where = page.evaluate(
        """() => { const d = document.querySelector('.js-plotly-plot').data;
                   for (let i = 0; i < d.length; i++) { const ids = d[i].customdata || [];
                     for (let j = 0; j < ids.length; j++) if (String(ids[j]).startsWith('hostile')) return [i, j]; }
                   return null; }"""
    )
    assert where is not None, "the hostile article produced no event on the timeline"
    point = page.locator(f".js-plotly-plot .scatterlayer .trace:nth-child({where[0] + 1}) .points path").nth(where[1])
    point.hover(force=True)
    page.locator(".js-plotly-plot .hoverlayer .hovertext").first.wait_for(timeout=RENDER_MS)
    assert page.locator(".js-plotly-plot .hoverlayer").text_content()  # the hover label rendered
    page.screenshot(path=str(ARTIFACTS / "browser_dashboard_hostile_hover.png"), full_page=True)
    page.get_by_role("tab", name="Documents").click()
    page.locator("[data-testid=stExpander] summary", has_text="Missiles").first.click()
    page.get_by_text("onerror=alert(1)", exact=False).first.wait_for(timeout=RENDER_MS)  # shown as text
    page.screenshot(path=str(ARTIFACTS / "browser_dashboard_hostile.png"), full_page=True)
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.textContent.includes('alert(2)'))") is False
    assert page.dialogs == []  # type: ignore[attr-defined]
