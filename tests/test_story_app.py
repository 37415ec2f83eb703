"""The Story tab, driven headless by AppTest on the real demo (real spaCy, real extraction)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.slow

TIMEOUT = 300
APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")
ENTRY = re.compile(r"^(?::blue\[\*\*Latest\*\*\] · )?\*\*(\d{4}-\d\d-\d\d) — (.+)\*\*$")


@pytest.fixture(scope="module", autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def headlines(at: AppTest) -> list[tuple[str, str]]:
    found = [ENTRY.match(m.value) for m in at.tabs[0].markdown]
    return [(m.group(1), m.group(2)) for m in found if m]


def test_story_tab_leads_on_the_demo_with_the_seed_day_then_entries_in_date_order() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert [t.label for t in at.tabs][:2] == ["Story", "Timeline"]  # 34 documents: more than a handful
    entries = headlines(at)
    # the default 10 key dates, and the latest day's entry on top when the ranking lacks it
    assert len(entries) in (10, 11)
    days = [d for d, _ in entries]
    # the demo story was opened on its seed article (2024-11-16): its day leads, the rest by date
    assert days[0] == "2024-11-16" and "Xi Jinping" in entries[0][1]
    assert days[1:] == sorted(days[1:]) and len(set(days)) == len(days)
    assert all(len(h.split()) >= 3 for _, h in entries)


def test_number_of_dates_lives_in_the_url() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["dates"] = "4"
    at.run()
    assert len(headlines(at)) in (4, 5)  # + the latest day's entry when the ranking lacks it
    at.number_input(key="story_dates").set_value(6).run()
    assert len(headlines(at)) in (6, 7)
    assert at.query_params["dates"] in ("6", ["6"])


def test_clicking_an_entry_shows_the_lanes_of_its_period() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    story = at.tabs[0]
    assert len(story.get("plotly_chart")) == 0
    day = headlines(at)[0][0]
    at.button(key=f"story_pick::{day}").click().run()
    charts = at.tabs[0].get("plotly_chart")
    assert len(charts) == 1
    assert day[:7] in charts[0].proto.spec  # the figure's events are of that period


def test_timeline_can_draw_merged_story_events() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["tab"] = "Timeline"  # tabs are lazy: only the open one is built
    at.run()
    every = at.tabs[1].caption[0].value
    at.radio(key="timeline_mode").set_value("stories").run()
    assert not at.exception
    assert at.tabs[1].caption[0].value == every  # the caption counts the events in view either way
    spec = at.tabs[1].get("plotly_chart")[0].proto.spec
    assert "reports" in spec  # merged events say how many reports they stand for
