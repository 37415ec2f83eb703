"""News → timeline dashboard: widgets and layout only; the logic is in ``extract.viz``.

Run with ``streamlit run dashboard.py``. The view (filters, lane, store) lives in the URL query
parameters, documented in docs/dashboard.md. The demo opens from a shipped extraction
(``seeds/demo_extraction/``): spaCy is loaded only when new text arrives.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

import dashboard_tabs as tabs_ui
from dashboard_data import (
    build_timeline,
    copy_prompt_date,
    correct_date,
    demo_docs,
    demo_extraction,
    doc_key,
    extract,
    from_store,
    open_store,
    pick,
    pick_period,
    plotly_prefetch,
    story_events_of,
    story_summary,
    timeline_of,
)
from extract import schema as S
from extract.model import Document, Extraction, errors_frame
from extract.viz import axis as A
from extract.viz import controls as C
from extract.viz import demo as D
from extract.viz import frames as F
from extract.viz import inputs as I
from extract.viz import story as ST
from extract.viz import text as T
from extract.viz.figure import AGGREGATE_ABOVE, view_figure
from extract.viz.names import country_label, type_label
from extract.viz.params import (
    HIDE_FLAGS,
    MAX_DATES,
    P_TAB,
    dates_from_params,
    dates_to_params,
    filters_to_params,
    is_store_name,
    params_to_view,
    query_updates,
)
from extract.viz.plotbase import lift_title

APP_DIR = Path(__file__).resolve().parent
MIN_DAY, MAX_DAY = C.MIN_DAY, C.MAX_DAY
DEMO_CHOICES = {"story": "the story: Korean peninsula and China", "all": "all demo articles", "none": "none"}

# Streamlit's own favicon (served locally): an emoji icon makes Streamlit compile its emoji regex
# (~0.3 s) on a server's first run before anything is sent, and a Material icon is fetched from
# Google's font CDN (the browser test refuses every non-local request)
st.set_page_config(page_title="News → timeline", layout="wide")


def story_tab(source: Any, key: str, events_all: pd.DataFrame, shipped: bool) -> None:
    """The Story tab: the latest day's news first, then one entry per key date in date order,
    headline first; a click shows that period's lanes."""
    n_dates = st.number_input(  # a small box: the story, not a form, is what the first view shows
        "Key dates", min_value=1, max_value=MAX_DATES, step=1, key="story_dates", width=180
    )
    entries = ST.latest_first(
        ST.story_entries(story_summary(key, source, int(n_dates), shipped)),
        ST.latest_entry(result.documents, events_all),
    )
    if not entries:
        st.info("No day is named or reported on often enough to make a story yet.")
        return
    for k, entry in enumerate(entries):
        day = entry.day.isoformat()
        if k == 1 and entries[0].latest:
            st.caption("Key dates of the story, in date order")
        with st.container(border=True):
            st.markdown(f"{':blue[**Latest**] · ' if entry.latest else ''}**{day} — {T.md(entry.headline)}**")
            # the sentences and the meta line as one element: ten entries of four or five elements
            # each made the browser's first render of the page a second longer
            st.markdown("".join(f"- {T.md(s)}\n" for s in entry.sentences) + f"\n:gray[{T.md(entry.meta)}]")
            if st.button("Show the lanes of these days", key=f"story_pick::{day}"):
                st.session_state["story_picked"] = day
            if st.session_state.get("story_picked") != day:
                continue
            first, last = ST.entry_period(entry.day)
            period = replace(view.filters, date_from=first, date_to=last)
            shown_events = (
                source.events(period, limit=5_000) if store_name else F.apply_filters(events_all, period)
            )
            fig_day, _ = view_figure(
                shown_events,
                view.lane,
                period,
                F.actor_countries(result.actors),
                places=F.places(result.actors),
                titles=titles,
                lane_label=C.LANE_LABELS[view.lane],
                color_label=C.COLOR_LABELS[view.lane],
            )
            st.plotly_chart(fig_day, key=f"story_figure::{day}", config={"displaylogo": False})


# --- the view from the URL (first run) ---------------------------------------------------------
url_view = params_to_view({k: st.query_params.get_all(k) for k in st.query_params})
if "initialised" not in st.session_state:
    st.session_state.update(C.widget_values(url_view))
    st.session_state[C.K_STORE] = url_view.store or ""
    st.session_state["story_dates"] = dates_from_params(
        {k: st.query_params.get_all(k) for k in st.query_params}
    )
    st.session_state["initialised"] = True
# Re-assert the server's filter values on every run: a rerun that starts while the page is still
# mounting the first run's widgets (a tab clicked at once) left them empty in the page, and the next
# interaction then sent those empty values back, dropping the link's filters (?country=PRK became
# ?dates=1 on the first click). Setting the same value makes Streamlit send it to the page again.
for kept_key in (*C.FILTER_KEYS, C.K_STORE, "story_dates"):
    if kept_key in st.session_state:
        st.session_state[kept_key] = st.session_state[kept_key]

st.title("News → timeline")

# --- sidebar: the filters on top (filled below, once the data is known), the inputs under them ---
filters_box = st.sidebar.container()
with st.sidebar.expander("Articles: demo, uploads, pasted text, saved corpora", expanded=False):
    demo_choice = st.radio(
        "Demo articles",
        list(DEMO_CHOICES),
        format_func=DEMO_CHOICES.__getitem__,
        key="demo",
        help=f"The story is {D.story_rule()}.",
    )
    uploads = st.file_uploader(
        "Upload articles (.txt .html .jsonl .csv .json)",
        key="uploads",
        type=["txt", "html", "htm", "jsonl", "csv", "json"],
        accept_multiple_files=True,
    )
    upload_date = st.date_input(
        "Publication date for uploads without one",
        value=None,
        key="upload_date",
        min_value=MIN_DAY,
        max_value=MAX_DAY,
    )
    pasted = st.text_area("…or paste an article", key="paste", height=120)
    paste_date = st.date_input(
        "Its publication date", value=None, key="paste_date", min_value=MIN_DAY, max_value=MAX_DAY
    )
    store_name = st.text_input(
        "Saved corpus (name in stores/ or a path)",
        key=C.K_STORE,
        help="Leave empty to use the demo, uploads and pasted text.",
    ).strip()

view = C.view_from_widgets(st.session_state, store=store_name or None)
new_docs: list[Document] = []
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
    got = I.gather(
        [],
        [(f.name, f.getvalue()) for f in uploads or []],
        I.pasted_document(pasted, paste_date),
        upload_date,
    )
    corrections = st.session_state.setdefault("corrections", {})
    base = demo_extraction() if demo_choice != "none" else Extraction()
    if demo_choice == "story":
        base = D.restrict(base, D.story_doc_ids())
    redo = (  # demo_docs() reads the seeds with the document reader: only when a date was corrected
        [d for d in demo_docs() if d.doc_id in corrections and d.doc_id in set(base.documents[S.DOC_ID])]
        if corrections
        else []
    )
    if redo:  # a corrected demo date: those articles are extracted again, the rest stays shipped
        base = D.restrict(base, [d for d in base.documents[S.DOC_ID] if d not in {r.doc_id for r in redo}])
    new_docs = I.with_dates(redo + got.documents, corrections)
    for line in I.error_lines(got.errors):
        st.error(f"Skipped {T.md(line)}")
    if not new_docs and not len(base.documents):
        st.info("No articles: choose the demo, upload files or paste text under Articles in the sidebar.")
        st.stop()
    try:
        result = D.merge(base, extract(doc_key(new_docs), new_docs)) if new_docs else base
    except Exception as exc:  # noqa: BLE001 -- reported: e.g. no spaCy model; say so, do not crash
        st.error(f"Extraction failed: {type(exc).__name__}: {T.md(exc)}")
        st.stop()
    load_errors = pd.concat([errors_frame(got.errors), result.errors], ignore_index=True)
    n_total = len(result.events)
    facets = F.facets(result.events, result.documents)
    shown = None

undated = [d for d in new_docs if d.published is None]
if undated:  # relative times ("yesterday") cannot be placed without the article's date
    st.warning(
        f"{len(undated)} article(s) without a publication date ({T.md(undated[0].title or undated[0].doc_id)}"
        f"{' …' if len(undated) > 1 else ''}): their relative times cannot be placed. Set the date:"
    )
    target = "paste_date" if any(d.path == "(pasted text)" for d in undated) else "upload_date"
    st.date_input(
        "Publication date of the undated articles",
        value=None,
        key="date_prompt",
        min_value=MIN_DAY,
        max_value=MAX_DAY,
        on_change=copy_prompt_date,
        args=("date_prompt", target),
    )

events_all = result.events
countries_of = F.actor_countries(result.actors)
places = F.places(result.actors)  # not lanes of their own beside the actors of an event

# --- filters -----------------------------------------------------------------------------------
with filters_box:
    st.header("Filters")
    f0 = view.filters
    st.radio(
        "Lanes", list(C.LANE_LABELS), key=C.K_LANE, format_func=C.LANE_LABELS.__getitem__, horizontal=True
    )
    st.multiselect(
        "Actor",
        C.options(facets["actors"], f0.actors),
        key=C.K_ACTOR,
        help="Events involving these actors; the actors they deal with stay in view.",
    )
    st.multiselect(
        "Country", C.options(facets["countries"], f0.countries), key=C.K_COUNTRY, format_func=country_label
    )
    st.multiselect(
        "Event type", C.options(facets["event_types"], f0.event_types), key=C.K_TYPE, format_func=type_label
    )
    titles = {
        str(k): str(v)
        for k, v in zip(result.documents[S.DOC_ID], result.documents[S.TITLE], strict=True)
        if isinstance(v, str)
    }
    st.multiselect(
        "Article",
        C.options(facets["doc_ids"], f0.doc_ids),
        key=C.K_DOC,
        format_func=lambda d: titles.get(d, d),
    )
    c1, c2 = st.columns(2)
    c1.date_input("From", key=C.K_FROM, min_value=MIN_DAY, max_value=MAX_DAY)
    c2.date_input("To", key=C.K_TO, min_value=MIN_DAY, max_value=MAX_DAY)
    st.text_input("Search labels and sentences", key=C.K_QUERY)
    with st.expander("More filters: time kinds, flags"):
        st.multiselect(
            "Time kinds shown",
            list(S.TIME_KINDS),
            key=C.K_KIND,
            help="Untick 'vague' or 'publication' to hide events dated only vaguely or by the article date.",
        )
        st.multiselect("Hide events that are", list(HIDE_FLAGS), key=C.K_HIDE)
    st.radio(
        "Timeline shows",
        ST.TIMELINE_MODES,
        key="timeline_mode",
        horizontal=True,
        format_func={"reports": "every report", "stories": "story events (merged)"}.__getitem__,
    )

view = C.view_from_widgets(st.session_state, store=store_name or None)
wanted = {
    **filters_to_params(view.filters, lane=view.lane, store=view.store),
    **dates_to_params(st.session_state["story_dates"]),
}
stale, changed = query_updates({k: st.query_params.get_all(k) for k in st.query_params}, wanted)
for stale_key in stale:
    del st.query_params[stale_key]
if changed:
    st.query_params.update(changed)

# Tabs: the Story tab (extract/viz/story.py) comes first when the corpus has more than a handful of
# documents. Stateful, and bound to the URL (``?tab=Timeline`` opens on the chart): a tab's content
# runs and is sent only while the tab is open.
TAB_NAMES = ["Timeline", "Map", "Network", "Events", "Actors", "Documents"]
TAB_NAMES = ["Story", *TAB_NAMES] if ST.story_first(len(facets["doc_ids"])) else [*TAB_NAMES, "Story"]
tabs = dict(
    zip(TAB_NAMES, st.tabs(TAB_NAMES, key=P_TAB, on_change="rerun", bind="query-params"), strict=True)
)

corpus_key = path if store_name else repr(doc_key(result.documents))
if tabs["Story"].open is not False:
    with tabs["Story"]:
        first_view = not store_name and demo_choice == "story" and not new_docs
        story_tab(open_store(path) if store_name else result, corpus_key, events_all, first_view)

events = F.apply_filters(events_all, view.filters)
mode = st.session_state.get("timeline_mode")


def timeline() -> tuple[Any, int, str]:
    """The view's figure, lane rows and lanes note: cached per view (a store's view is not)."""

    def drawn() -> pd.DataFrame:
        return story_events_of(events) if mode == "stories" else events

    if store_name:
        return build_timeline(drawn(), view.lane, view.filters, result, titles)
    return timeline_of(
        repr((corpus_key, view.filters, view.lane, mode)), drawn, view.lane, view.filters, result, titles
    )


# The figure (and its axis, which the Events tab reads) is sent only to the tabs that use it: the Story
# sends no chart, so the browser loads Plotly's chunk and lays the timeline out only once it is opened.
if tabs["Timeline"].open is not False or tabs["Events"].open is not False:
    if shown is not None and shown.aggregated:  # a large store: DuckDB counted, the rows are a sample
        fig, n_rows, n_view = shown.figure, shown.n_matching, shown.n_matching
        lanes_note = lift_title(fig)
    else:
        (fig, n_rows, lanes_note), n_view = timeline(), len(events)
    axis = A.axis_of(fig)  # the range and cuts drawn: the caption, overview and Events tab share them

if tabs["Timeline"].open is not False:
    with tabs["Timeline"]:
        n_sources = int(events[S.DOC_ID].nunique())
        st.caption(
            C.timeline_caption(
                events,
                n_view,
                n_total,
                n_sources,
                axis,
                view.filters,
                lanes_note,
                aggregated=n_rows > AGGREGATE_ABOVE,
            )
        )
        chart = st.plotly_chart(
            fig,
            key="timeline",
            on_select="rerun",
            selection_mode="points",
            config={"scrollZoom": True, "displaylogo": False},
        )
        if shown is None or not shown.aggregated:  # the whole span (From/To left out), the view shaded
            unbounded = replace(view.filters, date_from=None, date_to=None)
            spanned = events if unbounded == view.filters else F.apply_filters(events_all, unbounded)
            tabs_ui.overview_strip(spanned, axis, pick_period)
        picked = C.selected_event_ids(
            chart.selection.points if chart else [], [t.customdata for t in fig.data]
        )
        tabs_ui.clicked_marks(events, picked, view, countries_of, places, result.actors, titles)
        filters_text = C.describe_filters(view.filters)
        tabs_ui.downloads(events, fig, *C.export_titles(filters_text, n_view, n_sources, lanes_note))

if tabs["Timeline"].open is False and (prefetch := plotly_prefetch()):
    st.html(prefetch, unsafe_allow_javascript=True)  # plotly.js compiled while the page is idle

if tabs["Map"].open is not False:  # None: tabs without state (never here)
    with tabs["Map"]:
        tabs_ui.map_tab(events, lambda: pick("map", C.K_COUNTRY))
if tabs["Network"].open is not False:
    with tabs["Network"]:
        tabs_ui.network_tab(events, countries_of, lambda: pick("network", C.K_ACTOR))
if tabs["Events"].open is not False:
    with tabs["Events"]:
        clipped = view.filters.date_from is not None or view.filters.date_to is not None
        shown_now = A.shown_on_axis(events[S.START], events[S.END], axis, overlap=clipped)
        tabs_ui.events_tab(events, titles, shown_now)
if tabs["Actors"].open is not False:
    with tabs["Actors"]:
        tabs_ui.actors_tab(result.actors, events)
if tabs["Documents"].open is not False:
    with tabs["Documents"]:
        tabs_ui.documents_tab(
            result,
            events,
            events_all,
            load_errors,
            bool(store_name),
            bool(new_docs),
            APP_DIR,
            correct_date,
            (MIN_DAY, MAX_DAY),
        )
if tabs["Timeline"].open is False and not store_name:
    timeline()  # built while the reader reads the Story: the Timeline tab's click finds it ready
