"""A real Chromium opens the Story tab of a real ``streamlit run dashboard.py`` and clicks an entry; the
first view sends no chart, and the Timeline tab draws the timeline once it is opened."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect
from test_browser_dashboard import (  # noqa: F401  (fixtures)
    ARTIFACTS,
    IDLE,
    MARKS_SHOWN,
    RENDER_MS,
    STORY_CAPTION,
    page,
    server,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_browser_story_tab_entries_and_a_click_shows_the_lanes(server: str, page: Any) -> None:  # noqa: F811
    page.goto(f"{server}/?dates=3", wait_until="domcontentloaded")
    page.get_by_role("tab", name="Story").click()
    panel = page.get_by_role("tabpanel", name="Story")
    headline = panel.locator("strong", has_text=re.compile(r"^\d{4}-\d\d-\d\d — "))
    headline.first.wait_for(timeout=RENDER_MS)
    # the latest day's news first (the seed's summit, not among the 3 key dates), then dates=3 from the link
    expect(headline).to_have_count(4, timeout=RENDER_MS)  # entries stream in: wait for them all
    assert (
        headline.first.inner_text().startswith("2024-11-16 — ")
        and "Xi Jinping" in headline.first.inner_text()
    )
    assert panel.get_by_text("Latest", exact=True).count() == 1
    days = [headline.nth(k).inner_text()[:10] for k in range(1, 4)]
    assert days == sorted(days)  # the key dates in date order
    assert page.locator('[data-testid="stNumberInput"] input').first.input_value() == "3"
    panel.get_by_role("button", name="Show the lanes of these days").first.click()
    panel.locator(".js-plotly-plot .scatterlayer").first.wait_for(timeout=RENDER_MS)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser_story_tab.png"))
    assert page.dialogs == []  # type: ignore[attr-defined]


# every Plotly layout of a chart (newPlot, react, a relayout) assigns its ``_fullLayout``: count them
COUNT_LAYOUTS = """window.__layouts = [];
Object.defineProperty(HTMLElement.prototype, '_fullLayout', {configurable: true,
  set(v) { window.__layouts.push((this.data || []).length); this.__fl = v; }, get() { return this.__fl; }});"""


def test_browser_story_first_view_sends_no_chart_and_the_timeline_tab_draws_it(
    server: str,  # noqa: F811
    page: Any,  # noqa: F811
) -> None:
    page.add_init_script(COUNT_LAYOUTS)
    page.goto(server, wait_until="domcontentloaded")  # the demo: the Story tab leads
    page.get_by_text(STORY_CAPTION).wait_for(timeout=RENDER_MS)
    page.wait_for_selector(IDLE, timeout=RENDER_MS)
    page.wait_for_timeout(1000)
    # the first view is the Story alone: no chart built, sent or laid out behind it
    assert page.locator(".js-plotly-plot").count() == 0 and page.evaluate("window.__layouts") == []
    page.get_by_role("tab", name="Timeline").click()
    page.wait_for_function(MARKS_SHOWN, timeout=RENDER_MS)
    page.wait_for_selector(IDLE, timeout=RENDER_MS)
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=RENDER_MS)  # the strip comes with the tab
    page.wait_for_timeout(1000)
    assert re.search(r"[?&]tab=Timeline\b", page.url)  # the open tab is in the link
    # drawn at the tab's width (940 px in a 1400 px window with the sidebar open), not Plotly's 700 px
    assert page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.width") == 940
    timeline = [n for n in page.evaluate("window.__layouts") if n > 1]  # the strip has one trace
    assert 1 <= len(timeline) <= 3, timeline  # one draw; Streamlit's chart component adds up to two
