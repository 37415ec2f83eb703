"""News → timeline dashboard: widgets and layout only; the logic is in ``extract.viz``.

Run with ``streamlit run dashboard.py``. The view (filters, lane, store) lives in the URL query
parameters, documented in docs/dashboard.md.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from extract import schema as S
from extract.model import Document, Extraction, errors_frame
from extract.viz import controls as C
from extract.viz import exports as X
from extract.viz import frames as F
from extract.viz import inputs as I
from extract.viz import story as ST
from extract.viz import text as T
from extract.viz.figure import AGGREGATE_ABOVE, view_figure
from extract.viz.params import (
    HIDE_FLAGS,
    MAX_DATES,
    dates_from_params,
    dates_to_params,
    filters_to_params,
    is_store_name,
    params_to_view,
)

APP_DIR = Path(__file__).resolve().parent
MIN_DAY, MAX_DAY = C.MIN_DAY, C.MAX_DAY
MAX_DOCS = 50  # documents rendered in the Documents tab

st.set_page_config(page_title="News → timeline", page_icon="🗞️", layout="wide")


@st.cache_resource(show_spinner="Loading the language model…")
def nlp() -> Any:
    from extract.nlp import load_nlp

    return load_nlp()


@st.cache_data(show_spinner="Extracting events…", max_entries=16)
def extract(key: tuple[tuple[str, ...], ...], _docs: list[Document]) -> Extraction:
    """Events of the documents; ``key`` (ids, hashes, dates) is what the cache hashes.

    The progress bar is made inside the cached function (a cache hit replays it, already empty).
    """
    from extract.pipeline import extract_corpus

    holder = st.empty()
    if len(_docs) > 3:
        bar = holder.progress(0.0, text=f"Extracting events from {len(_docs)} documents…")
        result = extract_corpus(_docs, mode="news", nlp=nlp(),
                                on_progress=lambda n: bar.progress(min(n / len(_docs), 1.0)))
    else:
        result = extract_corpus(_docs, mode="news", nlp=nlp())
    holder.empty()
    return result


@st.cache_data(show_spinner=False)
def demo() -> list[Document]:
    from extract.documents import demo_documents

    return demo_documents()


def doc_key(docs: list[Document]) -> tuple[tuple[str, ...], ...]:
    return tuple((d.doc_id, d.content_hash, str(d.published), d.published_from) for d in docs)


@st.cache_resource(show_spinner="Opening the store…", max_entries=4)
def open_store(path: str) -> Any:
    """One Store per path for the whole server (it is thread-safe); views read its Parquet parts."""
    from extract.store import Store

    return Store.open(path)


@st.cache_data(show_spinner=False, max_entries=4)
def store_overview(path: str) -> tuple[int, dict[str, list[str]], pd.DataFrame, pd.DataFrame]:
    """Total events, filter choices, actors and errors of a store: computed once per store."""
    from extract.viz.filters import Filters

    store = open_store(path)
    return store.count(Filters()), store.facets(), store.actors(), store.errors()


def from_store(path: str, view: Any) -> tuple[Extraction, int, dict[str, list[str]], Any] | None:
    """The store's events matching the view: DuckDB filters and, for many events, aggregates."""
    try:
        from extract.viz.store_view import store_view

        n_total, facets, actors, errors = store_overview(path)
        shown = store_view(open_store(path), view.filters, view.lane, F.actor_countries(actors),
                           lane_label=C.LANE_LABELS[view.lane], color_label=C.COLOR_LABELS[view.lane])
        docs = open_store(path).documents(sorted(set(shown.events[S.DOC_ID].dropna().astype(str)))[:MAX_DOCS])
        result = Extraction(events=shown.events, actors=actors, documents=docs, errors=errors)
        return result, n_total, facets, shown
    except Exception as exc:  # a bad store path is a message, not a crash
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


@st.cache_data(show_spinner="Summarising the story…", max_entries=16)
def story_summary(key: str, _source: Any, n_dates: int) -> pd.DataFrame:
    """Key dates of a corpus (``key`` names it for the cache: a store path or the documents' key)."""
    from extract.story import summarise

    return summarise(_source, dates=n_dates, per_date=3)


def story_events_of(events: pd.DataFrame) -> pd.DataFrame:
    """The events as one row per story event (merged reports), for the Timeline."""
    from extract.story import merge_events

    return ST.story_rows(events, merge_events(events))


def story_tab(source: Any, key: str, events_all: pd.DataFrame) -> None:
    """The Story tab: one entry per key date, headline first; a click shows that period's lanes."""
    n_dates = st.number_input("Key dates", min_value=1, max_value=MAX_DATES, step=1, key="story_dates")
    entries = ST.story_entries(story_summary(key, source, int(n_dates)))
    if not entries:
        st.info("No day is named or reported on often enough to make a story yet.")
        return
    for entry in entries:
        day = entry.day.isoformat()
        with st.container(border=True):
            st.markdown(f"**{day} — {T.md(entry.headline)}**")
            for sentence in entry.sentences:
                st.markdown(f"- {T.md(sentence)}")
            st.markdown(f":gray[{T.md(entry.meta)}]")
            if st.button("Show the lanes of these days", key=f"story_pick::{day}"):
                st.session_state["story_picked"] = day
            if st.session_state.get("story_picked") != day:
                continue
            first, last = ST.entry_period(entry.day)
            period = replace(view.filters, date_from=first, date_to=last)
            shown_events = (source.events(period, limit=5_000) if store_name
                            else F.apply_filters(events_all, period))
            fig_day, _ = view_figure(shown_events, view.lane, period, F.actor_countries(result.actors),
                                     lane_label=C.LANE_LABELS[view.lane], color_label=C.COLOR_LABELS[view.lane])
            st.plotly_chart(fig_day, key=f"story_figure::{day}", config={"displaylogo": False})


# --- the view from the URL (first run) ---------------------------------------------------------
url_view = params_to_view({k: st.query_params.get_all(k) for k in st.query_params})
if "initialised" not in st.session_state:
    st.session_state.update(C.widget_values(url_view))
    st.session_state[C.K_STORE] = url_view.store or ""
    st.session_state["story_dates"] = dates_from_params({k: st.query_params.get_all(k) for k in st.query_params})
    st.session_state["initialised"] = True

st.title("News → timeline")

# --- articles in -------------------------------------------------------------------------------
with st.sidebar:
    st.header("Articles")
    store_name = st.text_input("Saved corpus store (name in stores/ or a path)", key=C.K_STORE,
                               help="Leave empty to use the demo, uploads and pasted text.").strip()
    uploads = st.file_uploader("Upload articles (.txt .html .jsonl .csv .json)", key="uploads",
                               type=["txt", "html", "htm", "jsonl", "csv", "json"], accept_multiple_files=True)
    upload_date = st.date_input("Publication date for uploads without one", value=None, key="upload_date",
                                min_value=MIN_DAY, max_value=MAX_DAY)
    pasted = st.text_area("…or paste an article", key="paste", height=120)
    paste_date = st.date_input("Its publication date", value=None, key="paste_date",
                               min_value=MIN_DAY, max_value=MAX_DAY)
    use_demo = st.checkbox("Include the demo articles", value=True, key="use_demo")

view = C.view_from_widgets(st.session_state, store=store_name or None)
if store_name:
    try:
        path = str(I.store_path(store_name, APP_DIR)) if is_store_name(store_name) else store_name
    except ValueError as exc:
        path = store_name
        st.warning(T.md(exc))
    loaded = from_store(path, view)
    if loaded is None:
        st.stop()
    result, n_total, facets, shown = loaded
    load_errors = result.errors
else:
    got = I.gather(demo() if use_demo else [], [(f.name, f.getvalue()) for f in uploads or []],
                   I.pasted_document(pasted, paste_date), upload_date)
    docs = I.with_dates(got.documents, st.session_state.setdefault("corrections", {}))
    for line in I.error_lines(got.errors):
        st.error(f"Skipped {T.md(line)}")
    if not docs:
        st.info("No articles: tick the demo, upload files or paste text in the sidebar.")
        st.stop()
    try:
        result = extract(doc_key(docs), docs)
    except Exception as exc:  # e.g. the spaCy model is not installed: say so, do not crash
        st.error(f"Extraction failed: {type(exc).__name__}: {T.md(exc)}")
        st.stop()
    load_errors = pd.concat([errors_frame(got.errors), result.errors], ignore_index=True)
    n_total = len(result.events)
    facets = F.facets(result.events, result.documents)
    shown = None

events_all = result.events

# --- filters -----------------------------------------------------------------------------------
with st.sidebar:
    st.header("Filters")
    f0 = view.filters
    st.radio("Lanes", list(C.LANE_LABELS), key=C.K_LANE, format_func=C.LANE_LABELS.__getitem__, horizontal=True)
    st.multiselect("Actor", C.options(facets["actors"], f0.actors), key=C.K_ACTOR)
    st.multiselect("Country (ISO3)", C.options(facets["countries"], f0.countries), key=C.K_COUNTRY)
    st.multiselect("Event type", C.options(facets["event_types"], f0.event_types), key=C.K_TYPE)
    st.multiselect("Document", C.options(facets["doc_ids"], f0.doc_ids), key=C.K_DOC)
    c1, c2 = st.columns(2)
    c1.date_input("From", key=C.K_FROM, min_value=MIN_DAY, max_value=MAX_DAY)
    c2.date_input("To", key=C.K_TO, min_value=MIN_DAY, max_value=MAX_DAY)
    st.multiselect("Time kinds shown", list(S.TIME_KINDS), key=C.K_KIND,
                   help="Untick 'vague' or 'publication' to hide events dated only vaguely or by the article date.")
    st.multiselect("Hide events that are", list(HIDE_FLAGS), key=C.K_HIDE)
    st.text_input("Search labels and sentences", key=C.K_QUERY)
    st.radio("Timeline shows", ST.TIMELINE_MODES, key="timeline_mode", horizontal=True,
             format_func={"reports": "every report", "stories": "story events (merged)"}.__getitem__)

view = C.view_from_widgets(st.session_state, store=store_name or None)
wanted = {**filters_to_params(view.filters, lane=view.lane, store=view.store),
          **dates_to_params(st.session_state["story_dates"])}
if wanted != {k: st.query_params.get_all(k) for k in st.query_params}:
    st.query_params.from_dict(wanted)

events = F.apply_filters(events_all, view.filters)
if shown is not None and shown.aggregated:  # a large store: DuckDB counted, the rows are a sample
    fig, n_rows, n_view = shown.figure, shown.n_matching, shown.n_matching
else:
    drawn = story_events_of(events) if st.session_state.get("timeline_mode") == "stories" else events
    fig, n_rows = view_figure(drawn, view.lane, view.filters, F.actor_countries(result.actors),
                              lane_label=C.LANE_LABELS[view.lane], color_label=C.COLOR_LABELS[view.lane])
    n_view = len(events)

n_documents = len(facets["doc_ids"])
tab_names = ["Timeline", "Events", "Actors", "Documents"]
story_leads = ST.story_first(n_documents)
tabs = st.tabs(["Story", *tab_names] if story_leads else [*tab_names, "Story"])
tab_story = tabs[0] if story_leads else tabs[-1]
tab_time, tab_events, tab_actors, tab_docs = tabs[1:] if story_leads else tabs[:4]
with tab_story:
    story_tab(open_store(path) if store_name else result, path if store_name else repr(doc_key(docs)), events_all)
with tab_time:
    st.caption(f"{n_view:,} of {n_total:,} events · {X.describe(events)}"
               + (" · counted per period (too many to draw one by one)" if n_rows > AGGREGATE_ABOVE else "")
               + (f" · tables and downloads hold the first {len(events):,}" if n_view > len(events) else
                  f" · {len(events) - events[S.START].notna().sum()} without a date not drawn"))
    chart = st.plotly_chart(fig, key="timeline", on_select="rerun", selection_mode="points",
                            config={"scrollZoom": True, "displaylogo": False})
    picked = C.selected_event_ids(chart.selection.points if chart else [], [t.customdata for t in fig.data])
    chosen = events[events[S.EVENT_ID].isin(picked)]
    if len(chosen) == 0:
        st.caption("Click a point to see the sentence, the document and how its time was resolved.")
    for row in chosen.to_dict("records"):
        sentence = T.event_sentence_html(row, F.actor_aliases(result.actors))
        st.markdown(T.MARK_CSS + f"<blockquote>{sentence}</blockquote>", unsafe_allow_html=True)
        st.markdown(f"**{T.md(row[S.EVENT])}** · {T.md(row[S.EVENT_TYPE])} · document "
                    f"{T.md(row[S.DOC_ID])} · {T.md(T.resolution_text(row))}")
    d1, d2, d3, d4, d5 = st.columns(5)
    d1.download_button("CSV", lambda: X.to_csv(events), "events.csv", "text/csv", key="dl_csv")
    d2.download_button("JSON", lambda: X.to_json(events), "events.json", "application/json", key="dl_json")
    d3.download_button("Parquet", lambda: X.to_parquet(events), "events.parquet", "application/octet-stream",
                       key="dl_parquet")
    d4.download_button("TimelineJS", lambda: X.to_timelinejs(events), "timeline.json", "application/json",
                       key="dl_tljs")
    d5.download_button("Figure (HTML)", lambda: X.figure_html(fig), "timeline.html", "text/html", key="dl_html")

with tab_events:
    offsets = {S.SENTENCE_START, S.CHAR_START, S.CHAR_END, S.TIME_CHAR_START, S.TIME_CHAR_END}
    st.dataframe(events, key="events_table", hide_index=True,
                 column_order=[c for c in events.columns if c not in offsets])

with tab_actors:
    st.dataframe(F.actors_in_view(result.actors, events), key="actors_table", hide_index=True)

with tab_docs:
    if len(load_errors):
        st.dataframe(load_errors, key="errors_table", hide_index=True)
    in_view = result.documents[result.documents[S.DOC_ID].isin(set(events[S.DOC_ID]))
                               | ~result.documents[S.DOC_ID].isin(set(events_all[S.DOC_ID]))]
    if len(in_view) > MAX_DOCS:
        st.caption(f"Showing {MAX_DOCS} of the {len(in_view)} documents in view: filter by document to see others.")
    for doc in in_view.head(MAX_DOCS).to_dict("records"):
        doc_id = str(doc[S.DOC_ID])
        published = T.day(doc[S.PUBLISHED]) or "unknown"
        with st.expander(f"{T.md(doc[S.TITLE] or doc_id)} — published {published} (from {doc[S.PUBLISHED_FROM]})"):
            st.caption(f"id {T.md(doc_id)} · {T.md(doc[S.PATH] or doc[S.URL] or '')}")
            if not store_name:
                st.date_input("Correct the publication date (events re-resolve)", key=f"date::{doc_id}",
                              on_change=correct_date, args=(doc_id,),
                              value=None if pd.isna(doc[S.PUBLISHED]) else pd.Timestamp(doc[S.PUBLISHED]).date(),
                              min_value=MIN_DAY, max_value=MAX_DAY)
            st.markdown(T.MARK_CSS + T.document_html(str(doc[S.TEXT] or ""),
                                                     events_all[events_all[S.DOC_ID] == doc_id]),
                        unsafe_allow_html=True)
