"""The dashboard's cached loaders and widget callbacks (Streamlit only; the logic is in ``extract``).

``dashboard.py`` lays out the page and calls these: the language model and extraction of new text
(cached per server), the shipped demo, saved stores, the Story tab's summary, and the callbacks
that turn a click on the map, the network or the overview strip into filters.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from dashboard_tabs import MAX_DOCS
from extract import schema as S
from extract.model import Document, Extraction
from extract.viz import controls as C
from extract.viz import demo as D
from extract.viz import frames as F
from extract.viz import story as ST
from extract.viz import text as T


@st.cache_resource(show_spinner="Loading the language model (first new text only)…")
def nlp() -> Any:
    from extract.nlp import load_nlp

    return load_nlp()


@st.cache_data(show_spinner="Extracting events…", max_entries=16)
def extract(key: tuple[tuple[str, ...], ...], _docs: list[Document]) -> Extraction:
    """Events of the new documents; ``key`` (ids, hashes, dates) is what the cache hashes."""
    from extract.pipeline import extract_corpus

    holder = st.empty()
    if len(_docs) > 3:
        bar = holder.progress(0.0, text=f"Extracting events from {len(_docs)} documents…")
        result = extract_corpus(
            _docs, mode="news", nlp=nlp(), on_progress=lambda n: _show(bar, n / len(_docs))
        )
    else:
        result = extract_corpus(_docs, mode="news", nlp=nlp())
    holder.empty()
    return result


def _show(bar: Any, fraction: float) -> None:
    """Move a progress bar (extract_corpus's callback returns nothing)."""
    bar.progress(min(fraction, 1.0))


@st.cache_resource(show_spinner=False)
def demo_extraction() -> Extraction:
    """The shipped demo extraction (read once per server; never mutated)."""
    try:
        return D.shipped_extraction()
    except FileNotFoundError:  # not regenerated yet: extract it (slow, once)
        from extract.documents import demo_documents

        return extract(doc_key(demo_documents()), demo_documents())


@st.cache_data(show_spinner=False)
def demo_docs() -> list[Document]:
    from extract.documents import demo_documents

    return demo_documents()


def doc_key(docs: list[Document] | pd.DataFrame) -> tuple[tuple[str, ...], ...]:
    """What names a set of documents for a cache: ids, content hashes, dates and where those came from
    (``Document`` objects, or a documents frame)."""
    if isinstance(docs, pd.DataFrame):
        cols = [docs[c].astype(str) for c in (S.DOC_ID, S.CONTENT_HASH, S.PUBLISHED, S.PUBLISHED_FROM)]
        return tuple(zip(*cols, strict=True))
    return tuple((d.doc_id, d.content_hash, str(d.published), d.published_from) for d in docs)


@st.cache_resource(show_spinner="Opening the store…", max_entries=4)
def open_store(path: str) -> Any:
    """One Store per path for the whole server (it is thread-safe); views read its Parquet parts."""
    from extract.store import Store

    return Store.open(path)


@st.cache_data(show_spinner=False, max_entries=4)
def store_overview(path: str) -> tuple[int, dict[str, list[str]], pd.DataFrame, pd.DataFrame]:
    """Total events, filter choices, actors and errors of a store: computed once per store."""
    from extract.filters import Filters

    store = open_store(path)
    return store.count(Filters()), store.facets(), store.actors(), store.errors()


def from_store(path: str, view: Any) -> tuple[Extraction, int, dict[str, list[str]], Any] | None:
    """The store's events matching the view: DuckDB filters and, for many events, aggregates."""
    try:
        from extract.viz.store_view import store_view

        n_total, facets, actors, errors = store_overview(path)
        shown = store_view(
            open_store(path),
            view.filters,
            view.lane,
            F.actor_countries(actors),
            places=F.places(actors),
            lane_label=C.LANE_LABELS[view.lane],
            color_label=C.COLOR_LABELS[view.lane],
        )
        docs = open_store(path).documents(sorted(set(shown.events[S.DOC_ID].dropna().astype(str)))[:MAX_DOCS])
        result = Extraction(events=shown.events, actors=actors, documents=docs, errors=errors)
        return result, n_total, facets, shown
    except Exception as exc:  # noqa: BLE001 -- reported: a bad store path is a message, not a crash
        st.error(f"Could not open the store {T.md(path)}: {T.md(exc)}")
        return None


def correct_date(doc_id: str) -> None:
    """Remember the user's publication date for a document (applied before extraction)."""
    value = st.session_state.get(f"date::{doc_id}")
    corrections = st.session_state.setdefault("corrections", {})
    if isinstance(value, date):
        corrections[doc_id] = value
    else:
        corrections.pop(doc_id, None)


def pick(chart_key: str, widget_key: str) -> None:
    """A click on the map or the network filters the timeline by what was clicked."""
    state = st.session_state.get(chart_key) or {}
    points = (state.get("selection") or {}).get("points") or []
    values = [str(p["customdata"]) for p in points if p.get("customdata") not in (None, "")]
    if values:
        st.session_state[widget_key] = sorted(set(values))


def pick_period(chart_key: str = "overview") -> None:
    """A click on the overview strip shows that period: From/To are set to its first and last day."""
    from extract.viz.overview import clicked_period

    state = st.session_state.get(chart_key) or {}
    period = clicked_period((state.get("selection") or {}).get("points") or [])
    if period is not None:
        st.session_state[C.K_FROM], st.session_state[C.K_TO] = period


def copy_prompt_date(source: str, target: str) -> None:
    st.session_state[target] = st.session_state.get(source)


@st.cache_data(show_spinner="Summarising the story…", max_entries=16)
def story_summary(key: str, _source: Any, n_dates: int, shipped: bool = False) -> pd.DataFrame:
    """Key dates of a corpus (``key`` names it for the cache: a store path or the documents' key);
    ``shipped``: the first-view demo story, whose summary ships in ``seeds/`` (equal to a fresh one)."""
    if shipped and n_dates == D.STORY_DATES:
        try:
            return D.shipped_story()
        except FileNotFoundError:
            pass
    from extract.story import summarise

    return summarise(_source, dates=n_dates, per_date=D.STORY_PER_DATE)


def story_events_of(events: pd.DataFrame) -> pd.DataFrame:
    """The events as one row per story event (merged reports), for the Timeline."""
    from extract.story import merge_events

    return ST.story_rows(events, merge_events(events))


def build_timeline(
    events: pd.DataFrame, lane: str, filters: Any, result: Extraction, titles: dict[str, str]
) -> tuple[Any, int, str]:
    """The timeline figure of ``events``, its lane rows and its lanes note (the title, lifted off it)."""
    from extract.viz.figure import view_figure
    from extract.viz.plotbase import lift_title

    fig, n_rows = view_figure(
        events,
        lane,
        filters,
        F.actor_countries(result.actors),
        published=result.documents[S.PUBLISHED],
        places=F.places(result.actors),
        titles=titles,
        lane_label=C.LANE_LABELS[lane],
        color_label=C.COLOR_LABELS[lane],
    )
    return fig, n_rows, lift_title(fig)


@st.cache_resource(show_spinner=False, max_entries=16)  # a figure of 5,000 marks holds ~2.5 MB
def timeline_of(
    key: str,
    _draw: Callable[[], pd.DataFrame],
    lane: str,
    _filters: Any,
    _result: Extraction,
    _titles: dict[str, str],
) -> tuple[Any, int, str]:
    """:func:`build_timeline` of the events ``_draw()`` gives, once per view for the whole server.

    ``key`` names the corpus, the filters, the lane and the mode (the other arguments follow from it).
    The figure is shared and read only. The first view (the Story) builds it after its text is sent,
    so the click on the Timeline tab finds it ready instead of building it (0.2-0.5 s of a loaded
    server's CPU before the page got anything to draw)."""
    return build_timeline(_draw(), lane, _filters, _result, _titles)


@st.cache_resource(show_spinner=False)
def plotly_prefetch() -> str:
    """A script that imports Streamlit's Plotly chunk once the page is idle, or "" where the chunk is
    not found. The first view sends no chart, so the browser would load and compile plotly.js (~1 s
    of CPU) only on the Timeline tab's click; done while the reader reads the Story, the click then
    only draws. The chunk's file name carries a build hash: it is looked up in the installed Streamlit."""
    from pathlib import Path

    found = sorted((Path(st.__file__).parent / "static" / "static" / "js").glob("PlotlyChart.*.js"))
    if len(found) != 1:
        return ""
    return (
        "<script>(window.requestIdleCallback || setTimeout)(() => "
        f"import('./static/js/{found[0].name}').catch(() => undefined))</script>"
    )
