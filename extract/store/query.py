"""Read a corpus store (see docs/store.md) through DuckDB, with the dashboard's filters pushed down.

:class:`Store` opens an in-memory DuckDB connection whose views read the store's Parquet
files directly, so a store can be moved or copied and still opens, and a running corpus
command can keep adding parts (a query sees the parts that existed when the store was
opened; call :meth:`Store.refresh` to see new ones). Every user value reaches SQL as a
bound parameter, never by string formatting.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from extract import schema as S
from extract.filters import LANE_COLUMNS, Filters, check_lane
from extract.store.layout import (
    ACTORS_FILE,
    DOCUMENTS_DIR,
    ERRORS_DIR,
    EVENTS_DIR,
    StoreLayout,
    read_parts,
)

# Columns of the frame returned by Store.aggregate (schema AGGREGATE).
LANE_VALUE = S.LANE
PERIOD = S.PERIOD
COUNT = S.COUNT
AGGREGATE_COLUMNS = tuple(S.names(S.AGGREGATE))

FREQS = ("day", "week", "month", "quarter", "year")
_T = TypeVar("_T")
IN_MEMORY_MAX_EVENTS = 250_000
"""Stores up to this many events are copied into memory at open (see :meth:`Store.open`)."""

_SQL_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "Int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    S.TIME_DTYPE: "TIMESTAMP_S",
    "object": "VARCHAR[]",
}


def _q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _literal_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _null(column: S.Column) -> str:
    return f"CAST(NULL AS {_SQL_TYPES[column.dtype]}) AS {_q(column.name)}"


def _view_sql(name: str, files: list[Path], schema: tuple[S.Column, ...]) -> str:
    """CREATE VIEW over Parquet files, or over an empty typed row set when there are none.

    Parts written before a column joined the schema lack it: parts are read by column name, and a
    column that no part has is NULL, so a store made by an older version still opens.
    """
    if not files:
        typed = ", ".join(_null(c) for c in schema)
        return f"CREATE OR REPLACE VIEW {_q(name)} AS SELECT {typed} WHERE false"
    present: set[str] = set()
    for path in files:
        present.update(pq.read_schema(path).names)
    cols = ", ".join(_q(c.name) if c.name in present else _null(c) for c in schema)
    listing = ", ".join(_literal_path(p) for p in files)
    return f"CREATE OR REPLACE VIEW {_q(name)} AS SELECT {cols} FROM read_parquet([{listing}], union_by_name = true)"


def create_views(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    """(Re)create the views events, documents, errors and actors over the store at ``root``."""
    layout = StoreLayout(root)
    root = root.resolve()
    actors_file = root / ACTORS_FILE
    con.execute(_view_sql("events", [p.resolve() for p in layout.part_files(EVENTS_DIR)], S.EVENTS))
    con.execute(_view_sql("documents", [p.resolve() for p in layout.part_files(DOCUMENTS_DIR)], S.DOCUMENTS))
    errors_sql = _view_sql("errors_parts", [p.resolve() for p in layout.part_files(ERRORS_DIR)], S.ERRORS)
    con.execute(errors_sql)
    con.execute('CREATE OR REPLACE VIEW "errors" AS SELECT DISTINCT * FROM "errors_parts"')
    con.execute(_view_sql("actors", [actors_file] if actors_file.exists() else [], S.ACTORS_FRAME))


def filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    """A WHERE clause (or 'TRUE') and its parameters for ``filters`` on the events view."""
    parts: list[str] = []
    params: list[Any] = []
    for values, column in ((filters.actors, S.ACTORS), (filters.countries, S.COUNTRIES)):
        if values:
            parts.append(f"list_has_any({_q(column)}, ?::VARCHAR[])")
            params.append(list(values))
    for values, column in (
        (filters.event_types, S.EVENT_TYPE),
        (filters.doc_ids, S.DOC_ID),
        (filters.time_kinds, S.TIME_KIND),
    ):
        if values:
            parts.append(f"list_contains(?::VARCHAR[], {_q(column)})")
            params.append(list(values))
    if filters.date_from is not None:
        # an instant (no end) lasts its start day, as in extract.viz.frames.apply_filters
        parts.append(f"coalesce({_q(S.END)}, {_q(S.START)} + INTERVAL 1 DAY) > ?")
        params.append(datetime.combine(filters.date_from, datetime.min.time()))
    if filters.date_to is not None:
        parts.append(f"{_q(S.START)} < ?")
        params.append(datetime.combine(filters.date_to, datetime.min.time()) + timedelta(days=1))
    for hide, column in (
        (filters.hide_hypothetical, S.HYPOTHETICAL),
        (filters.hide_future, S.FUTURE),
        (filters.hide_negated, S.NEGATED),
    ):
        if hide:
            parts.append(f"NOT coalesce({_q(column)}, false)")
    needle = filters.search.strip().lower()
    if needle:
        # contains(lower(…)) is ~6× faster in DuckDB than strpos over coalesce; NULL text never matches
        parts.append(f"(contains(lower({_q(S.EVENT)}), ?) OR contains(lower({_q(S.SENTENCE)}), ?))")
        params += [needle] * 2
    return (" AND ".join(parts) if parts else "TRUE"), params


class Store:
    """A corpus store opened for querying (the dashboard's data source for large corpora)."""

    def __init__(self, root: Path, con: duckdb.DuckDBPyConnection, in_memory: bool | None = None) -> None:
        self.root = root
        self._con = con
        self._lock = threading.Lock()
        self._in_memory = in_memory
        self.in_memory = False
        self._load()

    @classmethod
    def open(cls, path: str | Path, in_memory: bool | None = None) -> Store:
        """Open the store directory ``path`` (it must contain a documents folder).

        ``in_memory`` copies the events into DuckDB's memory at open (a few seconds and ~750 MB
        per million events); queries then skip Parquet decoding. By default only stores of at
        most :data:`IN_MEMORY_MAX_EVENTS` events are copied (docs/benchmarks.md, "Corpus").
        """
        root = Path(path)
        if not (root / DOCUMENTS_DIR).is_dir():
            raise FileNotFoundError(f"{root} is not a corpus store (no {DOCUMENTS_DIR}/ folder)")
        con = duckdb.connect(":memory:")
        con.execute("SET enable_progress_bar = false")
        return cls(root, con, in_memory)

    def _load(self) -> None:
        create_views(self._con, self.root)
        self._con.execute('DROP TABLE IF EXISTS "events_memory"')
        wanted = self._in_memory
        if wanted is None:
            row = self._con.execute('SELECT count(*) FROM "events"').fetchone()
            wanted = row is not None and int(row[0]) <= IN_MEMORY_MAX_EVENTS
        if wanted:
            self._con.execute('CREATE TABLE "events_memory" AS SELECT * FROM "events"')
            self._con.execute('CREATE OR REPLACE VIEW "events" AS SELECT * FROM "events_memory"')
        self.in_memory = wanted

    def refresh(self) -> None:
        """See parts written since the store was opened."""
        with self._lock:
            self._load()

    def _fetch(
        self, sql: str, params: list[Any] | None, how: Callable[[duckdb.DuckDBPyConnection], _T]
    ) -> _T:
        """Run ``sql`` and ``how`` on its result; if a part file has gone since the store was opened
        (a corpus run compacted it away), look at the store again and retry once."""
        with self._lock:
            try:
                return how(self._con.execute(sql, params or []))
            except duckdb.IOException:
                self._load()
                return how(self._con.execute(sql, params or []))

    def _query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        return self._fetch(sql, params, lambda result: result.df())

    def _row(self, sql: str, params: list[Any] | None = None) -> tuple[Any, ...] | None:
        return self._fetch(sql, params, lambda result: result.fetchone())

    def count(self, filters: Filters) -> int:
        """How many events pass ``filters``."""
        where, params = filter_sql(filters)
        row = self._row(f'SELECT count(*) FROM "events" WHERE {where}', params)
        return int(row[0]) if row else 0

    def events(self, filters: Filters, limit: int | None = None, ordered: bool = True) -> pd.DataFrame:
        """The events passing ``filters`` (schema EVENTS), by start time then event_id.

        With ``ordered=False`` and a ``limit``, the first rows in store order (publication
        month, then batch) come back, by time: DuckDB stops reading once it has them instead of
        sorting every match, which is what a preview of a large store needs.
        """
        where, params = filter_sql(filters)
        order = f"ORDER BY {_q(S.START)} NULLS LAST, {_q(S.EVENT_ID)}"
        sql = f'SELECT * FROM "events" WHERE {where}'
        if limit is not None:
            sql += " LIMIT ?" if not ordered else f" {order} LIMIT ?"
            params.append(int(limit))
            if not ordered:  # sort the few rows, not the matches
                sql = f"SELECT * FROM ({sql}) {order}"
        else:
            sql += f" {order}"
        return S.conform(self._query(sql, params), S.EVENTS)

    def aggregate(self, filters: Filters, lane: str, freq: str) -> pd.DataFrame:
        """Event counts per lane value and period (columns AGGREGATE_COLUMNS).

        ``lane`` is one of :data:`extract.filters.LANES` (an event counts once in each of its actors'
        or countries' lanes); ``freq`` is day, week (Monday), month, quarter or year. The period is the
        start of the event's time, or of its publication date when its time is unknown.
        """
        check_lane(lane)
        if freq not in FREQS:
            raise ValueError(f"freq must be one of {FREQS}, not {freq!r}")
        where, params = filter_sql(filters)
        column = LANE_COLUMNS[lane]
        value = f"unnest({_q(column)})" if column in (S.ACTORS, S.COUNTRIES) else _q(column)
        when = f"date_trunc('{freq}', coalesce({_q(S.START)}, {_q(S.PUBLISHED)}))"
        sql = (
            f"SELECT {_q(LANE_VALUE)}, {_q(PERIOD)}, count(*) AS {_q(COUNT)} FROM ("
            f'SELECT {value} AS {_q(LANE_VALUE)}, {when} AS {_q(PERIOD)} FROM "events" WHERE {where}) '
            f"WHERE {_q(LANE_VALUE)} IS NOT NULL AND {_q(PERIOD)} IS NOT NULL "
            f"GROUP BY 1, 2 ORDER BY 1, 2"
        )
        out = self._query(sql, params)
        return pd.DataFrame(
            {
                LANE_VALUE: out[LANE_VALUE].astype("string"),
                PERIOD: pd.to_datetime(out[PERIOD]).astype("datetime64[s]"),
                COUNT: out[COUNT].astype("int64"),
            }
        )

    def extent(self, filters: Filters) -> tuple[int, pd.Timestamp | None, pd.Timestamp | None]:
        """How many events pass ``filters``, and their earliest and latest time (start, else
        publication date), in one scan: the dashboard sizes its figure from it."""
        where, params = filter_sql(filters)
        when = f"coalesce({_q(S.START)}, {_q(S.PUBLISHED)})"
        row = self._row(f'SELECT count(*), min({when}), max({when}) FROM "events" WHERE {where}', params)
        if row is None or row[1] is None:
            return (int(row[0]) if row else 0), None, None
        return int(row[0]), pd.Timestamp(row[1]), pd.Timestamp(row[2])

    def facets(self) -> dict[str, list[str]]:
        """Distinct values to offer as filter choices: actors, countries, event_types, doc_ids."""

        def distinct(expr: str, view: str = "events") -> list[str]:
            frame = self._query(
                f'SELECT DISTINCT v FROM (SELECT {expr} AS v FROM "{view}") WHERE v IS NOT NULL ORDER BY v'
            )
            return [str(v) for v in frame["v"]]

        return {
            "actors": distinct(f"unnest({_q(S.ACTORS)})"),
            "countries": distinct(f"unnest({_q(S.COUNTRIES)})"),
            "event_types": distinct(_q(S.EVENT_TYPE)),
            "doc_ids": distinct(_q(S.DOC_ID), "documents"),
        }

    def actors(self) -> pd.DataFrame:
        """The actors table rebuilt at the end of the last corpus run (schema ACTORS_FRAME)."""
        path = self.root / ACTORS_FILE
        return read_parts([path], S.ACTORS_FRAME) if path.exists() else S.empty_frame(S.ACTORS_FRAME)

    def documents(self, doc_ids: Sequence[str] | None = None) -> pd.DataFrame:
        """Documents (schema DOCUMENTS), all or those with the given ids, by doc_id."""
        if doc_ids is None:
            return S.conform(self._query(f'SELECT * FROM "documents" ORDER BY {_q(S.DOC_ID)}'), S.DOCUMENTS)
        sql = f'SELECT * FROM "documents" WHERE list_contains(?::VARCHAR[], {_q(S.DOC_ID)}) ORDER BY {_q(S.DOC_ID)}'
        return S.conform(self._query(sql, [list(doc_ids)]), S.DOCUMENTS)

    def errors(self) -> pd.DataFrame:
        """Load and extraction errors recorded by corpus runs (schema ERRORS)."""
        sql = f'SELECT * FROM "errors" ORDER BY {_q(S.PATH)}, {_q(S.LINE)} NULLS FIRST, {_q(S.REASON)}'
        return S.conform(self._query(sql), S.ERRORS)

    def close(self) -> None:
        self._con.close()
