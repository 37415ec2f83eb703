"""Store: Parquet round trip, and DuckDB filter pushdown equal to the in-memory filtering of the same frame."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from extract import schema as S
from extract.filters import Filters
from extract.model import Document, documents_frame
from extract.store import COUNT, LANE_VALUE, PERIOD, Store
from extract.store.layout import StoreLayout, read_parts, write_parquet
from extract.viz.frames import apply_filters
from extract.viz.synthetic import replicate, sample_actors, sample_events


def _events() -> pd.DataFrame:
    events = replicate(sample_events(), 300, step_days=20)
    # unknown times and publication dates must survive too
    events.loc[events.index[::17], [S.START, S.END]] = pd.NaT
    events.loc[events.index[::23], S.PUBLISHED] = pd.NaT
    events.loc[events.index[::5], S.END] = pd.NaT
    return S.conform(events, S.EVENTS)


@pytest.fixture(scope="module", params=[False, True], ids=["parquet", "memory"])
def stored(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> tuple[Store, pd.DataFrame]:
    root = tmp_path_factory.mktemp("store")
    events = _events()
    layout = StoreLayout(root)
    docs = documents_frame([Document(d, f"text of {d}") for d in sorted(set(events[S.DOC_ID]))])
    # three batches, so the views read several parts in several month partitions
    for i, chunk in enumerate((events.iloc[:100], events.iloc[100:250], events.iloc[250:])):
        layout.write_batch(
            f"b{i}", docs if i == 0 else docs.iloc[:0], chunk, sample_actors(), S.empty_frame(S.ERRORS)
        )
    write_parquet(sample_actors(), S.ACTORS_FRAME, root / "actors.parquet")
    return Store.open(root, in_memory=request.param), events


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(S.EVENT_ID).reset_index(drop=True)


@pytest.mark.parametrize("schema", [S.EVENTS, S.DOCUMENTS, S.ACTORS_FRAME, S.ERRORS])
def test_store_parquet_round_trip_is_identical(tmp_path: Path, schema: tuple[S.Column, ...]) -> None:
    frames = {
        S.EVENTS: _events(),
        S.DOCUMENTS: documents_frame(
            [Document("a", "Some text", date(2024, 1, 2), "metadata", "T"), Document("b", "More text")]
        ),
        S.ACTORS_FRAME: sample_actors(),
        S.ERRORS: S.conform(
            [
                {S.DOC_ID: None, S.PATH: "x.jsonl", S.LINE: 3, S.REASON: "bad"},
                {S.DOC_ID: "d", S.PATH: "y.txt", S.LINE: None, S.REASON: "empty"},
            ],
            S.ERRORS,
        ),
    }
    frame = frames[schema]
    write_parquet(frame, schema, tmp_path / "part-x.parquet")
    back = read_parts([tmp_path / "part-x.parquet"], schema)
    pd.testing.assert_frame_equal(back, frame)
    assert not list(tmp_path.glob(".tmp-*"))


def test_store_events_round_trip(stored: tuple[Store, pd.DataFrame]) -> None:
    store, events = stored
    pd.testing.assert_frame_equal(_sorted(store.events(Filters())), _sorted(events))
    assert store.count(Filters()) == len(events)


FILTERS = [
    Filters(),
    Filters(actors=("Xi Jinping",)),
    Filters(actors=("Xi Jinping", "Ukraine")),
    Filters(countries=("PRK",)),
    Filters(event_types=("FIGHT", "CONSULT")),
    Filters(doc_ids=("b",)),
    Filters(time_kinds=("vague", "relative")),
    Filters(date_from=date(2006, 6, 1)),
    Filters(date_to=date(2007, 1, 31)),
    Filters(date_from=date(2007, 3, 1), date_to=date(2007, 3, 31)),
    Filters(hide_hypothetical=True, hide_future=True, hide_negated=True),
    Filters(search="  NORTH korea "),
    Filters(search="<script>"),
    Filters(actors=("Russia",), countries=("RUS",), event_types=("FIGHT",), date_from=date(2006, 6, 1)),
    # nothing passes these
    Filters(actors=("Nobody",)),
    Filters(search="'; DROP TABLE events; --"),
    Filters(date_from=date(2100, 1, 1)),
    Filters(event_types=("FIGHT",), doc_ids=("nope",)),
]


@pytest.mark.parametrize("filters", FILTERS)
def test_store_filter_pushdown_equals_in_memory(stored: tuple[Store, pd.DataFrame], filters: Filters) -> None:
    store, events = stored
    expected = _sorted(apply_filters(events, filters))
    got = store.events(filters)
    pd.testing.assert_frame_equal(_sorted(got), expected)
    assert store.count(filters) == len(expected)
    limited = store.events(filters, limit=5)
    assert len(limited) == min(5, len(expected))


@pytest.mark.parametrize("filters", [Filters(), Filters(countries=("UKR",)), Filters(actors=("Nobody",))])
@pytest.mark.parametrize(
    ("lane", "column"), [("actor", S.ACTORS), ("country", S.COUNTRIES), ("type", S.EVENT_TYPE)]
)
@pytest.mark.parametrize(("freq", "alias"), [("day", "D"), ("week", "W"), ("month", "M"), ("year", "Y")])
def test_store_aggregate_equals_pandas(
    stored: tuple[Store, pd.DataFrame], filters: Filters, lane: str, column: str, freq: str, alias: str
) -> None:
    store, events = stored
    rows = apply_filters(events, filters)
    rows = rows.assign(when=rows[S.START].fillna(rows[S.PUBLISHED])).dropna(subset=["when"]).explode(column)
    rows = rows.dropna(subset=[column])
    period = rows["when"].dt.to_period(alias).dt.start_time.astype(S.TIME_DTYPE)
    expected = (
        pd.DataFrame({LANE_VALUE: rows[column].astype("string"), PERIOD: period})
        .groupby([LANE_VALUE, PERIOD])
        .size()
        .rename(COUNT)
        .reset_index()
    )
    got = store.aggregate(filters, lane, freq)
    assert list(got.columns) == [LANE_VALUE, PERIOD, COUNT]
    pd.testing.assert_frame_equal(
        got.reset_index(drop=True), expected.astype({COUNT: "int64"}), check_dtype=False
    )


def test_store_aggregate_rejects_unknown_lane_and_freq(stored: tuple[Store, pd.DataFrame]) -> None:
    store, _ = stored
    with pytest.raises(ValueError, match="lane"):
        store.aggregate(Filters(), "predicate; DROP", "day")
    with pytest.raises(ValueError, match="freq"):
        store.aggregate(Filters(), "actor", "fortnight")


def test_store_facets_actors_documents(stored: tuple[Store, pd.DataFrame]) -> None:
    store, events = stored
    facets = store.facets()
    assert facets["actors"] == sorted({a for xs in events[S.ACTORS] for a in xs})
    assert facets["countries"] == sorted({c for xs in events[S.COUNTRIES] for c in xs})
    assert facets["event_types"] == sorted(set(events[S.EVENT_TYPE]))
    assert facets["doc_ids"] == ["a", "b"]
    pd.testing.assert_frame_equal(store.actors(), sample_actors())
    assert list(store.documents(["b", "zz"])[S.DOC_ID]) == ["b"]
    assert len(store.documents()) == 2


def test_store_open_rejects_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not a corpus store"):
        Store.open(tmp_path)


def test_store_refresh_sees_new_parts(tmp_path: Path) -> None:
    events = _events()
    layout = StoreLayout(tmp_path)
    layout.write_batch(
        "one", documents_frame([]), events.iloc[:10], S.empty_frame(S.ACTORS_FRAME), S.empty_frame(S.ERRORS)
    )
    for in_memory in (False, True):
        store = Store.open(tmp_path, in_memory=in_memory)
        before = store.count(Filters())
        layout.write_batch(
            f"two{in_memory}",
            documents_frame([]),
            events.iloc[10 + 20 * in_memory : 30 + 20 * in_memory],
            S.empty_frame(S.ACTORS_FRAME),
            S.empty_frame(S.ERRORS),
        )
        assert store.count(Filters()) == before  # a snapshot until refreshed
        store.refresh()
        assert store.count(Filters()) == before + 20
        store.close()


def test_store_extent_counts_and_bounds_like_pandas(stored: tuple[Store, pd.DataFrame]) -> None:
    store, events = stored
    for f in (Filters(), Filters(event_types=("REQUEST",)), Filters(actors=("Nobody",))):
        chosen = apply_filters(events, f)
        when = chosen[S.START].fillna(chosen[S.PUBLISHED])
        n, first, last = store.extent(f)
        assert n == len(chosen) == store.count(f)
        if n:
            assert (first, last) == (when.min(), when.max())
        else:
            assert (first, last) == (None, None)


def test_store_unordered_preview_is_a_sorted_subset_of_the_matches(
    stored: tuple[Store, pd.DataFrame],
) -> None:
    store, events = stored
    f = Filters(countries=("KOR",))
    preview = store.events(f, limit=25, ordered=False)
    matches = set(apply_filters(events, f)[S.EVENT_ID])
    assert len(preview) == 25 and set(preview[S.EVENT_ID]) <= matches
    starts = preview[S.START].dropna()
    assert starts.is_monotonic_increasing
    assert len(store.events(f, limit=10**6, ordered=False)) == len(matches)


def test_store_opens_parts_written_before_a_column_joined_the_schema(tmp_path: Path) -> None:
    """A store made by an older version (its parts lack columns added since) opens; those columns are empty."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    events = _events()
    layout = StoreLayout(tmp_path)
    docs = documents_frame([Document(d, f"text of {d}") for d in sorted(set(events[S.DOC_ID]))])
    layout.write_batch("new", docs, events.iloc[:50], sample_actors(), S.empty_frame(S.ERRORS))
    dropped = [S.DOC_ID, S.EVENT_ID]  # keep the keys; drop the last two columns of today's schema
    old_columns = [c for c in S.names(S.EVENTS)[:-2] if c not in dropped] + dropped
    old = pa.Table.from_pandas(events.iloc[50:80][old_columns], preserve_index=False)
    (tmp_path / "events" / "month=old").mkdir(parents=True)
    pq.write_table(old, tmp_path / "events" / "month=old" / "part-old.parquet")
    got = Store.open(tmp_path).events(Filters())
    assert len(got) == 80
    assert list(got.columns) == S.names(S.EVENTS)
    from_old = got[got[S.EVENT_ID].isin(events.iloc[50:80][S.EVENT_ID])]
    missing = S.names(S.EVENTS)[-2:]
    assert all(from_old[c].isna().all() or from_old[c].map(lambda v: v in ([], False)).all() for c in missing)


def test_store_opens_a_store_whose_parts_all_lack_a_column(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    events = _events().iloc[:20]
    last = S.names(S.EVENTS)[-1]
    (tmp_path / "events" / "month=old").mkdir(parents=True)
    (tmp_path / "documents").mkdir()
    pq.write_table(
        pa.Table.from_pandas(events.drop(columns=[last]), preserve_index=False),
        tmp_path / "events" / "month=old" / "part-old.parquet",
    )
    got = Store.open(tmp_path).events(Filters())
    assert len(got) == 20 and last in got.columns
