"""The dashboard's view of a corpus store: DuckDB filters and counts; only what the figure needs comes back.

Few matching events: their rows are fetched and drawn one by one, as for in-memory corpora.
Many: DuckDB counts them per lane and period (``Store.aggregate``) and only the first
``sample_rows`` rows are fetched, for the tables and downloads. A store of 1 M events thus never
travels whole into pandas (docs/benchmarks.md, "Corpus").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.filters import Filters, check_lane
from extract.viz.figure import AGGREGATE_ABOVE, counts_figure, freq_for_span, view_figure, view_kwargs
from extract.viz.frames import NO_VALUE

if TYPE_CHECKING:
    from extract.store import Store

# figure period → Store.aggregate freq
STORE_FREQS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
SAMPLE_ROWS = 1000  # rows fetched for the tables when the figure is aggregated


@dataclass
class StoreView:
    """What the dashboard shows of a store: rows (all matching, or the first ``max_rows``) and a figure."""

    events: pd.DataFrame
    n_matching: int
    figure: go.Figure
    aggregated: bool


def lane_counts(
    counts: pd.DataFrame, lane: str, filters: Filters, countries_of: Mapping[str, str]
) -> pd.DataFrame:
    """``Store.aggregate`` output → the figure's counts: a colour per lane; as in
    ``frames.lane_rows`` every lane of a matching event is kept (counterparts stay in view)."""
    values = counts[S.LANE].astype(str)
    colors = values.map(lambda v: countries_of.get(v, NO_VALUE)) if lane == "actor" else values
    keep = pd.Series(True, index=counts.index)
    return pd.DataFrame(
        {
            S.LANE: values[keep].to_numpy(),
            S.PERIOD: counts[S.PERIOD][keep].to_numpy(),
            S.COLOR: colors[keep].to_numpy(),
            S.COUNT: counts[S.COUNT][keep].to_numpy(),
        }
    )


def store_view(
    store: Store,
    filters: Filters,
    lane: str,
    countries_of: Mapping[str, str],
    *,
    max_rows: int = AGGREGATE_ABOVE,
    sample_rows: int = SAMPLE_ROWS,
    places: Collection[str] = (),
    **figure_kwargs: Any,
) -> StoreView:
    """The store's events passing ``filters`` as the dashboard draws them (see the module docstring).

    Up to ``max_rows`` matching events are fetched and drawn; above, DuckDB aggregates and only
    the first ``sample_rows`` rows in store order (by publication month) come back for the
    tables and downloads. ``places`` are actor lanes only as the in-memory view draws them
    (:func:`extract.viz.frames.lane_values`); DuckDB's counts keep every actor.
    """
    check_lane(lane)
    n, first, last = store.extent(filters)
    if n <= max_rows:
        events = store.events(filters)
        fig, _ = view_figure(events, lane, filters, dict(countries_of), places=places, **figure_kwargs)
        return StoreView(events, n, fig, aggregated=False)
    freq = freq_for_span(first, last)
    counts = lane_counts(store.aggregate(filters, lane, STORE_FREQS[freq]), lane, filters, countries_of)
    options = {
        k: v for k, v in view_kwargs(lane, filters, countries_of).items() if k in ("pinned", "colour_kind")
    }
    fig = counts_figure(counts, freq, **{**options, **figure_kwargs})
    return StoreView(store.events(filters, limit=sample_rows, ordered=False), n, fig, aggregated=True)
