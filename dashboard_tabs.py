"""The dashboard's tab bodies (Streamlit widgets only; the logic is in ``extract.viz``).

``dashboard.py`` loads the data, draws the sidebar and the timeline, and calls these for the
details under a clicked mark, the downloads, and the Map, Network, Events, Actors and Documents tabs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from extract import schema as S
from extract.model import Extraction
from extract.viz import exports as X
from extract.viz import frames as F
from extract.viz import text as T
from extract.viz.names import type_label
from extract.viz.params import View
from extract.viz.plotbase import lift_title

MAX_DOCS = 50  # documents rendered in the Documents tab
DATE_COLUMNS = ("date", "article date")


def event_details(
    chosen: pd.DataFrame, peers: pd.DataFrame, actors: pd.DataFrame, titles: dict[str, str]
) -> None:
    """Under the timeline: each clicked event's sentence (with a key), who → whom, article, when."""
    if len(chosen) == 0:
        st.caption("Click a mark to read its sentence, its article and how its date was found.")
        return
    st.markdown(T.HIGHLIGHT_KEY, unsafe_allow_html=True)
    for row in chosen.to_dict("records"):
        sentence = T.event_sentence_html(row, F.actor_aliases(actors))
        st.markdown(T.MARK_CSS + f"<blockquote>{sentence}</blockquote>", unsafe_allow_html=True)
        who = T.who_text(row)
        st.markdown(
            f"**{T.md(row[S.EVENT])}** · {T.md(who + ' · ' if who else '')}{T.md(type_label(row[S.EVENT_TYPE]))}"
            f" · {T.md(titles.get(str(row[S.DOC_ID]), row[S.DOC_ID]))} · when: {T.md(T.resolution_text(row))}"
            + (f" — {T.md(source)}" if (source := T.time_source_text(row)) else "")
        )
        if st.toggle("Show how it was extracted", key=f"internals::{row[S.EVENT_ID]}"):
            st.caption(T.md(f"{row[S.EVENT_ID]} · {T.rule_text(row)}"))
    if len(peers):
        with st.expander(f"{len(peers)} more event(s) on the same day in this lane"):
            st.dataframe(
                peers[[S.EVENT, S.SOURCE_ACTOR, S.TARGET_ACTOR, S.EVENT_TYPE]], hide_index=True, key="peers"
            )


def clicked_marks(
    events: pd.DataFrame,
    picked: list[str],
    view: View,
    countries_of: dict[str, str],
    places: frozenset[str],
    actors: pd.DataFrame,
    titles: dict[str, str],
) -> None:
    """The clicked mark's details, with the events of its lane and day when one mark was clicked."""
    peers: list[str] = []
    if len(picked) == 1:
        from extract.viz.marks import same_day_peers

        rows = F.lane_rows(events, view.lane, view.filters, countries_of, detail=False, places=places)
        peers = same_day_peers(rows, picked[0])
    chosen = events[events[S.EVENT_ID].isin(picked)]
    event_details(chosen, events[events[S.EVENT_ID].isin(peers)], actors, titles)


def overview_strip(events: pd.DataFrame, axis: Any, on_pick: Callable[[], None]) -> None:
    """Under the timeline: every dated event per period over the whole span, what the timeline
    shows shaded; a click on a bar sets From/To to that period (``on_pick``)."""
    from extract.viz.overview import describe_overview, overview_figure

    st.plotly_chart(
        overview_figure(events[S.START], axis),
        key="overview",
        on_select=on_pick,
        selection_mode="points",
        config={"displayModeBar": False},
    )
    st.caption(describe_overview(events[S.START]))


def downloads(events: pd.DataFrame, fig: go.Figure, heading: str, note: str) -> None:
    """CSV, JSON, Parquet, TimelineJS and the HTML figure of the events in view."""
    d1, d2, d3, d4, d5 = st.columns(5)
    d1.download_button("CSV", lambda: X.to_csv(events), "events.csv", "text/csv", key="dl_csv")
    d2.download_button("JSON", lambda: X.to_json(events), "events.json", "application/json", key="dl_json")
    d3.download_button(
        "Parquet",
        lambda: X.to_parquet(events),
        "events.parquet",
        "application/octet-stream",
        key="dl_parquet",
    )
    d4.download_button(
        "TimelineJS",
        lambda: X.to_timelinejs(events, heading, subtitle=note),
        "timeline.json",
        "application/json",
        key="dl_tljs",
    )
    d5.download_button(
        "Figure (HTML)",
        lambda: X.figure_html(fig, heading, note),
        "timeline.html",
        "text/html",
        key="dl_html",
    )


def map_tab(events: pd.DataFrame, on_pick: Callable[[], None]) -> None:
    from extract.viz.geo import map_figure

    st.caption("Countries of the actors in the events in view. Click a bubble to filter by that country.")
    st.plotly_chart(
        map_figure(events),
        key="map",
        on_select=on_pick,
        selection_mode="points",
        config={"displaylogo": False},
    )


def network_tab(events: pd.DataFrame, countries_of: dict[str, str], on_pick: Callable[[], None]) -> None:
    from extract.viz.network import network_figure

    fig = network_figure(events, countries_of)
    # the figure's title in the caption, where it wraps: as a Plotly title it ran off a 400 px chart
    st.caption(
        f"Who acts on whom in the events in view: {T.md(lift_title(fig))}. Click an actor to filter the timeline to it."
    )
    st.plotly_chart(
        fig,
        key="network",
        on_select=on_pick,
        selection_mode="points",
        config={"displaylogo": False},
    )


def events_tab(events: pd.DataFrame, titles: dict[str, str], shown: Any) -> None:
    """The reader's table: the events on the timeline's axis first, by date, then the background."""
    from extract.viz.table import UNTIL, events_table

    n_shown = int(shown.sum())
    if n_shown < len(events):
        st.caption(
            f"{n_shown:,} events of the timeline's view first, by date; then {len(events) - n_shown:,} "
            "mentioned from other times (background, or outside From/To), by date."
        )
    details = st.toggle("Show internal columns (ids, rules, raw time values)", key="table_details")
    table = events_table(events, titles, details=details, shown=shown)
    until = table[UNTIL].dt.strftime("%Y-%m-%d").fillna("")  # a one-day event: blank, not "None"
    st.dataframe(
        table.assign(**{UNTIL: until}),
        key="events_table",
        hide_index=True,
        column_config={c: st.column_config.DateColumn(format="YYYY-MM-DD") for c in DATE_COLUMNS},
    )


def actors_tab(actors: pd.DataFrame, events: pd.DataFrame) -> None:
    from extract.viz.table import actors_table

    st.dataframe(actors_table(actors, events), key="actors_table", hide_index=True)


def _save_form(result: Extraction, app_dir: Path) -> None:
    from extract.viz.saved import save_store

    with st.form("save_store"):
        name = st.text_input(
            "Save these articles on this server so a link can open them (name)",
            help="Letters, digits, _ - . only. The link then carries ?store=NAME.",
        )
        if st.form_submit_button("Save as a named corpus") and name:
            try:
                save_store(name.strip(), result, app_dir)
                st.success(f"Saved. Open or share: ?store={T.md(name.strip())}")
            except ValueError as exc:
                st.error(T.md(exc))


def documents_tab(
    result: Extraction,
    events: pd.DataFrame,
    events_all: pd.DataFrame,
    load_errors: pd.DataFrame,
    from_store: bool,
    has_new_docs: bool,
    app_dir: Path,
    on_date: Callable[[str], None],
    days: tuple[date, date],
) -> None:
    """Load errors, the save form (after an upload or a paste), and each document in view."""
    if len(load_errors):
        st.dataframe(load_errors, key="errors_table", hide_index=True)
    if not from_store and has_new_docs:
        _save_form(result, app_dir)
    elif not from_store:
        st.caption(
            "A copied link opens the demo: uploaded or pasted articles are not in links until saved here."
        )
    docs = result.documents
    in_view = docs[
        docs[S.DOC_ID].isin(set(events[S.DOC_ID])) | ~docs[S.DOC_ID].isin(set(events_all[S.DOC_ID]))
    ]
    if len(in_view) > MAX_DOCS:
        st.caption(
            f"Showing {MAX_DOCS} of the {len(in_view)} documents in view: filter by document to see others."
        )
    for doc in in_view.head(MAX_DOCS).to_dict("records"):
        _document(doc, events_all, from_store, on_date, days)


def _document(
    doc: Mapping[Any, Any],
    events_all: pd.DataFrame,
    from_store: bool,
    on_date: Callable[[str], None],
    days: tuple[date, date],
) -> None:
    doc_id = str(doc[S.DOC_ID])
    published = T.day(doc[S.PUBLISHED]) or "unknown"
    with st.expander(
        f"{T.md(doc[S.TITLE] or doc_id)} — published {published} (from {doc[S.PUBLISHED_FROM]})"
    ):
        st.caption(f"id {T.md(doc_id)} · {T.md(doc[S.PATH] or doc[S.URL] or '')}")
        if not from_store:
            st.date_input(
                "Correct the publication date (events re-resolve)",
                key=f"date::{doc_id}",
                on_change=on_date,
                args=(doc_id,),
                value=None if pd.isna(doc[S.PUBLISHED]) else pd.Timestamp(doc[S.PUBLISHED]).date(),
                min_value=days[0],
                max_value=days[1],
            )
        st.markdown(
            T.MARK_CSS + T.document_html(str(doc[S.TEXT] or ""), events_all[events_all[S.DOC_ID] == doc_id]),
            unsafe_allow_html=True,
        )
