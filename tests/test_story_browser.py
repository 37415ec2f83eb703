"""A real Chromium opens the Story tab of a real ``streamlit run dashboard.py`` and clicks an entry."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect
from test_browser_dashboard import ARTIFACTS, RENDER_MS, page, server  # noqa: F401  (fixtures)

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
