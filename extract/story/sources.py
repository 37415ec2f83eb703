"""Where a story is read from: an extraction in memory, a corpus store, or plain documents.

Everything downstream sees the same two streams, in batches, so a store never has to be held
in memory whole: documents (id, publication day, text) and events (schema EVENTS). A store is
read through DuckDB views over its Parquet parts, a batch of rows at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from extract import schema as S
from extract.model import Document, Extraction

BATCH_ROWS = 256
"""Documents per batch read from a store (their texts are the largest thing held at once)."""


@dataclass(frozen=True)
class Article:
    """What the story layer needs of a document."""

    doc_id: str
    published: date | None
    text: str
    title: str | None = None


def _day(value: Any) -> date | None:
    if value is None or value is pd.NaT or (not isinstance(value, (str, date)) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


def _text(value: Any) -> str | None:
    """A title as text, None when missing (NaN, <NA>, None)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def _in_span(day: date | None, start: date | None, end: date | None) -> bool:
    """Articles without a date are kept only when no span is asked for."""
    if start is None and end is None:
        return True
    if day is None:
        return False
    return (start is None or day >= start) and (end is None or day <= end)


class StorySource:
    """Batches of articles and events from one of the three kinds of input."""

    def __init__(self, source: Extraction | Any | Sequence[Document]) -> None:
        self._store_root: Path | None = None
        self._extraction: Extraction | None = None
        self._documents: Sequence[Document] | None = None
        if isinstance(source, Extraction):
            self._extraction = source
        elif hasattr(source, "root") and hasattr(source, "documents"):  # extract.store.Store
            self._store_root = Path(source.root)
        elif isinstance(source, (list, tuple)) and all(isinstance(d, Document) for d in source):
            self._documents = source
        else:
            raise TypeError(
                f"summarise needs an Extraction, a Store or a list of Documents, not {type(source).__name__}"
            )

    @property
    def has_events(self) -> bool:
        return self._documents is None

    def _connect(self) -> Any:
        import duckdb

        from extract.store import create_views

        assert self._store_root is not None
        con = duckdb.connect(":memory:")
        con.execute("SET enable_progress_bar = false")
        create_views(con, self._store_root)
        return con

    def articles(self, start: date | None, end: date | None) -> Iterator[list[Article]]:
        """Batches of the articles published in ``[start, end]`` (all when no span is given)."""
        if self._store_root is not None:
            yield from self._store_articles(start, end)
            return
        if self._extraction is not None:
            frame = self._extraction.documents
            rows: Iterable[Article] = (
                Article(str(r[S.DOC_ID]), _day(r[S.PUBLISHED]), str(r[S.TEXT] or ""), _text(r.get(S.TITLE)))
                for r in frame[[c for c in (S.DOC_ID, S.PUBLISHED, S.TEXT, S.TITLE) if c in frame]].to_dict(
                    "records"
                )
            )
        else:
            assert self._documents is not None
            rows = (Article(d.doc_id, d.published, d.text, d.title) for d in self._documents)
        batch: list[Article] = []
        for article in rows:
            if _in_span(article.published, start, end):
                batch.append(article)
                if len(batch) >= BATCH_ROWS:
                    yield batch
                    batch = []
        if batch:
            yield batch

    def _span_sql(self, column: str, start: date | None, end: date | None) -> tuple[str, list[Any]]:
        parts, params = [], []
        if start is not None:
            parts.append(f'"{column}" >= ?')
            params.append(datetime.combine(start, datetime.min.time()))
        if end is not None:
            parts.append(f'"{column}" < ?')
            params.append(datetime.combine(end + timedelta(days=1), datetime.min.time()))
        return (" AND ".join(parts) or "TRUE"), params

    def _store_articles(self, start: date | None, end: date | None) -> Iterator[list[Article]]:
        con = self._connect()
        try:
            where, params = self._span_sql(S.PUBLISHED, start, end)
            # no ORDER BY: DuckDB then streams the rows instead of sorting every text first
            result = con.execute(
                f'SELECT "{S.DOC_ID}", "{S.PUBLISHED}", "{S.TEXT}", "{S.TITLE}" FROM "documents" WHERE {where}',
                params,
            )
            while rows := result.fetchmany(BATCH_ROWS):
                yield [Article(str(i), _day(p), str(t or ""), _text(h)) for i, p, t, h in rows]
        finally:
            con.close()

    def events(self, start: date | None, end: date | None) -> pd.DataFrame:
        """Events whose time starts in ``[start, end]``, or, undated, published then (schema EVENTS)."""
        if self._documents is not None:
            return S.empty_frame(S.EVENTS)
        if self._extraction is not None:
            ev = self._extraction.events
            when = ev[S.START].fillna(ev[S.PUBLISHED])
            keep = pd.Series(True, index=ev.index)
            if start is not None:
                keep &= when >= pd.Timestamp(start)
            if end is not None:
                keep &= when < pd.Timestamp(end + timedelta(days=1))
            return S.conform(ev[keep].reset_index(drop=True), S.EVENTS)
        con = self._connect()
        try:
            where, params = self._span_sql("when", start, end)
            sql = (
                f'SELECT * EXCLUDE ("when") FROM (SELECT *, coalesce("{S.START}", "{S.PUBLISHED}") AS "when" '
                f'FROM "events") WHERE {where} ORDER BY "{S.EVENT_ID}"'
            )
            return S.conform(con.execute(sql, params).df(), S.EVENTS)
        finally:
            con.close()

    def event_day_sources(self, start: date | None, end: date | None) -> dict[date, int]:
        """Per day: how many distinct documents report an event dated to exactly that day.

        Only times resolved to a day from an absolute or relative cue count (a publication-date
        fallback says nothing about the day's weight). Computed in DuckDB for a store.
        """
        if self._documents is not None:
            return {}
        if self._store_root is not None:
            con = self._connect()
            try:
                where, params = self._span_sql(S.START, start, end)
                sql = (
                    f'SELECT CAST("{S.START}" AS DATE) AS d, count(DISTINCT "{S.DOC_ID}") FROM "events" '
                    f"WHERE \"{S.GRANULARITY}\" = 'day' AND \"{S.TIME_KIND}\" IN ('absolute', 'relative') "
                    f"AND {where} GROUP BY 1"
                )
                return {d: int(n) for d, n in con.execute(sql, params).fetchall()}
            finally:
                con.close()
        assert self._extraction is not None
        ev = self._extraction.events
        keep = (
            (ev[S.GRANULARITY] == "day")
            & ev[S.TIME_KIND].isin(["absolute", "relative"])
            & ev[S.START].notna()
        )
        if start is not None:
            keep &= ev[S.START] >= pd.Timestamp(start)
        if end is not None:
            keep &= ev[S.START] < pd.Timestamp(end + timedelta(days=1))
        picked = ev.loc[keep.fillna(False), [S.START, S.DOC_ID]]
        counts = picked.groupby(picked[S.START].dt.normalize())[S.DOC_ID].nunique()
        return {pd.Timestamp(str(d)).date(): int(n) for d, n in counts.items()}
