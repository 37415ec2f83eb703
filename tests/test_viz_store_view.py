"""The dashboard's store view: few events are drawn one by one, many are counted by DuckDB."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from extract import schema as S
from extract.filters import Filters
from extract.model import Document, documents_frame
from extract.store import Store
from extract.store.layout import StoreLayout, write_parquet
from extract.viz.frames import NO_VALUE, actor_countries, apply_filters, lane_rows
from extract.viz.store_view import lane_counts, store_view
from extract.viz.synthetic import replicate, sample_actors, sample_events


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, pd.DataFrame]:
    root = tmp_path_factory.mktemp("store")
    events = S.conform(replicate(sample_events(), 200, step_days=9), S.EVENTS)
    docs = documents_frame([Document(d, f"text of {d}") for d in sorted(set(events[S.DOC_ID]))])
    StoreLayout(root).write_batch("b0", docs, events, sample_actors(), S.empty_frame(S.ERRORS))
    write_parquet(sample_actors(), S.ACTORS_FRAME, root / "actors.parquet")
    return Store.open(root, in_memory=False), events


def _points(fig: object) -> int:
    return sum(len(t.x) for t in fig.data if t.x is not None)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lane", ["actor", "country", "type"])
def test_viz_store_view_counts_many_events_in_duckdb(stored: tuple[Store, pd.DataFrame], lane: str) -> None:
    store, events = stored
    countries = actor_countries(store.actors())
    shown = store_view(store, Filters(), lane, countries, max_rows=100, sample_rows=40)
    assert shown.aggregated and shown.n_matching == len(events)
    assert len(shown.events) == 40  # only a sample of rows travels
    sizes = [
        s
        for t in shown.figure.data
        if t.marker is not None and t.marker.size is not None
        for s in t.marker.size
    ]
    rows = lane_rows(events, lane, None, countries)
    named = rows[rows[S.LANE].astype(str) != NO_VALUE]  # DuckDB has no "(none)" lane for actorless events
    # every placed lane row is counted once (DuckDB also counts rows dated only by publication)
    assert sum(sizes) >= len(named) > 0


def test_viz_store_view_draws_few_events_one_by_one(stored: tuple[Store, pd.DataFrame]) -> None:
    store, events = stored
    f = Filters(event_types=("REQUEST",))
    shown = store_view(store, f, "actor", actor_countries(store.actors()), max_rows=10_000)
    expected = apply_filters(events, f)
    assert not shown.aggregated and shown.n_matching == len(expected) > 0
    assert sorted(shown.events[S.EVENT_ID]) == sorted(expected[S.EVENT_ID])


def test_viz_store_view_lane_counts_keep_counterparts_and_colour_by_country() -> None:
    counts = pd.DataFrame(
        {
            S.LANE: ["Kim Jong Un", "Yoon Suk Yeol", "Xi Jinping"],
            S.PERIOD: pd.to_datetime(["2024-01-01"] * 3),
            S.COUNT: [3, 2, 1],
        }
    )
    got = lane_counts(
        counts,
        "actor",
        Filters(countries=("PRK",)),
        {"Kim Jong Un": "PRK", "Yoon Suk Yeol": "KOR", "Xi Jinping": "CHN"},
    )
    assert got[S.LANE].tolist() == ["Kim Jong Un", "Yoon Suk Yeol", "Xi Jinping"]  # as frames.lane_rows
    assert got[S.COLOR].tolist() == ["PRK", "KOR", "CHN"]
    no_country = lane_counts(counts, "actor", Filters(), {})
    assert set(no_country[S.COLOR]) == {"(none)"}


def test_viz_store_view_rejects_unknown_lane(stored: tuple[Store, pd.DataFrame], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lane"):
        store_view(stored[0], Filters(), "planet", {})
