"""The corpus store: Parquet parts on disk (:mod:`extract.store.layout`: writing, compaction) and a DuckDB
query layer over them (:mod:`extract.store.query`: :class:`Store`, filters pushed down to SQL).

The query layer is imported on first use, so writers (the corpus run's workers) do not load DuckDB.
"""

from __future__ import annotations

from extract.lazy import lazy_names

_LAZY = {
    "Store": "extract.store.query",
    "create_views": "extract.store.query",
    "COUNT": "extract.store.query",
    "LANE_VALUE": "extract.store.query",
    "PERIOD": "extract.store.query",
    "StoreLayout": "extract.store.layout",
    "write_parquet": "extract.store.layout",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_names(__name__, _LAZY)
