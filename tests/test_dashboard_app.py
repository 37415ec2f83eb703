"""The Streamlit app driven headless by AppTest on the real demo, real spaCy and real extraction."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from extract import schema as S
from extract.viz import controls as C
from extract.viz.frames import apply_filters
from extract.viz.params import params_to_view

pytestmark = pytest.mark.slow

TIMEOUT = 300
APP = str(Path(__file__).resolve().parent.parent / "dashboard.py")


@pytest.fixture(scope="module", autouse=True)
def fresh_caches() -> Iterator[None]:
    """Start from empty caches; within this module the demo is extracted once and reused."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def open_tab(at: AppTest, name: str) -> AppTest:
    """Open a tab (tabs are lazy: only the open one runs) and rerun if it was not open."""
    try:
        current = at.session_state["tab"]
    except KeyError:
        current = "Timeline"
    if current != name:
        at.session_state["tab"] = name
        at.query_params["tab"] = name  # bound to ?tab= (as a click in the page updates both)
        at.run()
    return at


def shown(at: AppTest) -> tuple[int, int]:
    """(events in view, events in the corpus) from the timeline caption."""
    open_tab(at, "Timeline")
    found = [re.search(r"\b(\d+) of (\d+) events", c.value) for c in at.caption]
    m = next((f for f in found if f), None)
    assert m, [c.value for c in at.caption]
    return int(m.group(1)), int(m.group(2))


def figure(at: AppTest) -> dict[str, Any]:
    open_tab(at, "Timeline")
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def lanes(at: AppTest) -> set[str]:
    return {y for t in figure(at)["data"] if t.get("mode") == "markers+text" for y in (t.get("y") or []) if y}


def all_events(at: AppTest) -> pd.DataFrame:
    """The events in view, read back from the Events tab with its internal columns shown."""
    open_tab(at, "Events")
    if not at.toggle(key="table_details").value:
        at.toggle(key="table_details").set_value(True).run()
    return at.dataframe[0].value


def doc_expanders(at: AppTest) -> list[Any]:
    """The Documents tab's expanders (one per article), not the sidebar's."""
    open_tab(at, "Documents")
    return [e for e in at.expander if "— published" in e.label]


def test_dashboard_opens_on_the_demo_without_errors(app: AppTest) -> None:
    app.run()
    assert not app.exception and not app.error
    n, total = shown(app)
    assert n == total > 0
    assert lanes(app)
    assert len(doc_expanders(app)) >= 1


@pytest.mark.parametrize("key", [C.K_ACTOR, C.K_COUNTRY, C.K_TYPE, C.K_DOC])
def test_dashboard_each_multiselect_filter_narrows_the_events(app: AppTest, key: str) -> None:
    app.run()
    events = all_events(app)
    _, total = shown(app)
    widget = app.multiselect(key=key)
    assert widget.options, key  # the options read as names ("North Korea (PRK)"), the values are codes
    column = {C.K_ACTOR: S.ACTORS, C.K_COUNTRY: S.COUNTRIES, C.K_TYPE: S.EVENT_TYPE, C.K_DOC: S.DOC_ID}[key]
    values = events[column].explode().dropna().astype(str)
    value = sorted(set(values))[-1]
    widget.set_value([value]).run()
    assert not app.exception
    n, _ = shown(app)
    view = C.view_from_widgets({key: [value]})
    assert n == len(apply_filters(S.conform(events, S.EVENTS), view.filters)) >= 1
    assert n < total or len(widget.options) == 1
    assert params_to_view(app.query_params).filters == view.filters


@pytest.mark.parametrize(
    ("params", "narrows"),
    [
        ({"from": "2999-01-01"}, "none"),
        ({"to": "1000-01-01"}, "none"),
        ({"q": "zzzz-nothing-matches"}, "none"),
        ({"actor": "Nobody At All"}, "none"),
        ({"hide": "publication,vague"}, "fewer_or_same"),
        ({"hide": "hypothetical,future,negated"}, "fewer_or_same"),
        ({"kind": "publication"}, "fewer_or_same"),
    ],
)
def test_dashboard_url_filters_narrow_the_events(app: AppTest, params: dict[str, str], narrows: str) -> None:
    app.run()
    events = S.conform(all_events(app), S.EVENTS)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception
    n, total = shown(at)
    assert n == len(apply_filters(events, params_to_view(params).filters))
    assert n == 0 if narrows == "none" else n <= total


def test_dashboard_query_params_round_trip_through_the_widgets(app: AppTest) -> None:
    app.run()
    events = all_events(app)
    actor = sorted({a for xs in events[S.ACTORS] for a in xs})[0]
    params = {
        "actor": [actor],
        "from": ["2000-01-01"],
        "to": ["2030-12-31"],
        "hide": ["future", "vague"],
        "lane": ["country"],
        "q": ["a"],
    }
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception
    assert at.multiselect(key=C.K_ACTOR).value == [actor]
    assert at.date_input(key=C.K_FROM).value == date(2000, 1, 1)
    assert at.radio(key=C.K_LANE).value == "country"
    assert "vague" not in at.multiselect(key=C.K_KIND).value
    assert at.multiselect(key=C.K_HIDE).value == ["future"]
    assert at.text_input(key=C.K_QUERY).value == "a"
    assert params_to_view(at.query_params) == params_to_view(params)
    at.radio(key=C.K_LANE).set_value("type").run()  # a widget change goes back to the URL
    assert params_to_view(at.query_params).lane == "type"


def test_dashboard_country_filter_puts_the_country_on_top_with_its_counterparts(app: AppTest) -> None:
    app.query_params["lane"] = "country"
    app.run()
    app.multiselect(key=C.K_COUNTRY).set_value(["PRK"]).run()
    drawn = lanes(app)
    assert "PRK" in drawn and len(drawn) > 1  # North Korea and the countries it deals with
    assert figure(app)["layout"]["yaxis"]["categoryarray"][-1] == "PRK"  # the top lane
    events = all_events(app)
    assert all("PRK" in xs for xs in events[S.COUNTRIES])


def test_dashboard_first_view_tells_the_seed_story(app: AppTest) -> None:
    app.run()
    # the Story tab leads and is all that is sent: no chart (the timeline is built when its tab opens)
    assert app.session_state["tab"] == "Story"
    assert not app.get("plotly_chart") and not app.download_button
    assert "Key dates of the story, in date order" in [c.value for c in app.caption]
    drawn = lanes(app)
    assert {"Yoon Suk Yeol", "Xi Jinping"} <= drawn
    spec = figure(app)
    first, last = (pd.Timestamp(v) for v in spec["layout"]["xaxis"]["range"])
    assert first.year == 1997 and last.year == 2024  # not 1949: old mentions do not set the range
    hovers = [h for t in spec["data"] for h in (t.get("hovertext") or [])]
    assert hovers and not [h for h in hovers if re.search(r"lexicon:|;time:|time:publication|\brules?\b=", h)]
    for tab in ("Map", "Network"):  # each draws its own chart when opened, and only that one
        keys = [c.key for c in open_tab(app, tab).get("plotly_chart")]
        assert keys == [tab.lower()] and not app.exception
    keys = [c.key for c in open_tab(app, "Timeline").get("plotly_chart")]  # its strip and downloads
    assert keys == ["timeline", "overview"] and len(app.download_button) == 5


def test_dashboard_tab_link_opens_the_timeline_and_survives_a_filter_change(app: AppTest) -> None:
    app.query_params["tab"] = "Timeline"
    app.query_params["country"] = "PRK"
    app.run()
    assert not app.exception and app.session_state["tab"] == "Timeline"
    assert [c.key for c in app.get("plotly_chart")] == ["timeline", "overview"]
    assert not [c for c in app.caption if c.value.startswith("Key dates")]  # the Story is not sent
    app.radio(key=C.K_LANE).set_value("country").run()
    query = {k: [v] if isinstance(v, str) else list(v) for k, v in app.query_params.items()}
    assert query == {"tab": ["Timeline"], "lane": ["country"], "country": ["PRK"]} and not app.exception


def test_dashboard_undated_paste_prompts_for_a_date(app: AppTest) -> None:
    app.run()
    app.radio(key="demo").set_value("none")
    app.text_area(key="paste").input("Xi Jinping met Vladimir Putin yesterday.").run()
    assert any("without a publication date" in w.value for w in app.warning)
    app.date_input(key="date_prompt").set_value(date(2019, 6, 5)).run()
    assert not app.exception
    assert "published 2019-06-05 (from user)" in doc_expanders(app)[0].label
    assert not any("without a publication date" in w.value for w in app.warning)


def test_dashboard_uploads_show_good_files_and_name_bad_ones(app: AppTest) -> None:
    app.run()
    before = len(doc_expanders(app))
    app.file_uploader(key="uploads").set_value(
        [
            (
                "missiles.txt",
                b"North Korea fired two ballistic missiles on Friday, Seoul said.",
                "text/plain",
            ),
            ("photo.txt", b"\x89PNG\x00\x00\x00binary", "text/plain"),
            (
                "feed.jsonl",
                b'{"id": "x1", "published": "2006-03-02", "text": "Russia said it will talk."}\n{oops\n',
                "application/json",
            ),
        ]
    ).run()
    assert not app.exception
    errors = " ".join(e.value for e in app.error).replace("\\", "")  # messages are Markdown-escaped
    assert "photo.txt" in errors and "feed.jsonl, line 2" in errors and "missiles.txt" not in errors
    assert len(doc_expanders(app)) == before + 2
    assert any("(from metadata)" in e.label and "2006-03-02" in e.label for e in doc_expanders(app))


def test_dashboard_pasted_text_with_a_date_is_extracted_against_it(app: AppTest) -> None:
    app.run()
    app.radio(key="demo").set_value("none")
    app.text_area(key="paste").input(
        "Chinese President Xi Jinping met Russian President Vladimir Putin yesterday."
    )
    app.date_input(key="paste_date").set_value(date(2019, 6, 5)).run()
    assert not app.exception
    assert len(doc_expanders(app)) == 1 and "published 2019-06-05 (from user)" in doc_expanders(app)[0].label
    events = all_events(app)
    assert len(events) >= 1
    assert set(pd.to_datetime(events[S.PUBLISHED]).dt.date) == {date(2019, 6, 5)}


def test_dashboard_correcting_a_date_re_resolves_the_events(app: AppTest) -> None:
    app.run()
    open_tab(app, "Documents")
    widget = next(d for d in app.date_input if str(d.key).startswith("date::"))
    key = str(widget.key)
    widget.set_value(date(2001, 9, 11)).run()
    assert not app.exception
    assert any("published 2001-09-11 (from user)" in e.label for e in doc_expanders(app))
    doc_id = key.removeprefix("date::")
    events = all_events(app)
    mine = events[events[S.DOC_ID] == doc_id]
    assert len(mine) and set(pd.to_datetime(mine[S.PUBLISHED]).dt.date) == {date(2001, 9, 11)}


def test_dashboard_opens_a_named_store_from_the_link(
    app: AppTest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    seeds = Path(APP).parent / "seeds" / "demo.jsonl"
    store = tmp_path / "stores" / "demo"
    subprocess.run(
        [sys.executable, "-m", "extract", "corpus", str(seeds), "--store", str(store), "--no-progress"],
        check=True,
        cwd=Path(APP).parent,
        capture_output=True,
    )
    monkeypatch.setenv("NEWS_TIMELINE_STORES", str(tmp_path / "stores"))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["store"] = "demo"
    at.query_params["country"] = "PRK"
    at.run()
    assert not at.exception and not at.error
    assert at.text_input(key=C.K_STORE).value == "demo"
    n, total = shown(at)
    assert 0 < n < total  # the store returned only the matching events (filtered in DuckDB)
    assert all("PRK" in xs for xs in all_events(at)[S.COUNTRIES])
    assert params_to_view(at.query_params).store == "demo"
    missing = AppTest.from_file(APP, default_timeout=TIMEOUT)
    missing.query_params["store"] = "no-such-store"
    missing.run()
    assert not missing.exception and any(
        "no-such-store" in e.value.replace("\\", "") for e in [*missing.warning, *missing.error]
    )


def test_dashboard_changing_the_paste_date_is_not_overridden_by_the_old_one(app: AppTest) -> None:
    app.run()
    app.radio(key="demo").set_value("none")
    app.text_area(key="paste").input(
        "Russian President Vladimir Putin met Chinese President Xi Jinping on Monday."
    )
    app.date_input(key="paste_date").set_value(date(2019, 6, 5)).run()
    assert "published 2019-06-05 (from user)" in doc_expanders(app)[0].label
    app.date_input(key="paste_date").set_value(date(2020, 1, 2)).run()
    assert not app.exception
    assert "published 2020-01-02 (from user)" in doc_expanders(app)[0].label


@pytest.mark.parametrize("text", ["Hello.", "<script>alert(1)</script>"])
def test_dashboard_pasted_text_without_events_shows_an_empty_timeline(app: AppTest, text: str) -> None:
    app.run()
    app.radio(key="demo").set_value("none")
    app.text_area(key="paste").input(text).run()
    assert not app.exception
    assert len(doc_expanders(app)) == 1 and "(from unknown)" in doc_expanders(app)[0].label
    n, _ = shown(app)
    assert n == len(all_events(app))


def test_dashboard_overview_strip_counts_every_dated_event(app: AppTest) -> None:
    app.run()
    open_tab(app, "Timeline")
    n, _ = shown(app)
    charts = app.get("plotly_chart")
    assert len(charts) >= 2  # the timeline and the overview strip under it
    (bars,) = json.loads(charts[1].proto.spec)["data"]
    assert bars["type"] == "bar"
    counts = [
        int(t.split(": ")[1].split()[0].replace(",", "")) for t in bars["hovertext"]
    ]  # "1997: 123 events"
    assert 0 < sum(counts) <= n  # every dated event of the view, once
    assert any(c.value.startswith("Overview: every dated event per") for c in app.caption)
