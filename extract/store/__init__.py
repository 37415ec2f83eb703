"""The corpus store: Parquet parts on disk (:mod:`extract.store.layout`: writing, compaction) and a DuckDB
query layer over them (:mod:`extract.store.query`: :class:`Store`, filters pushed down to SQL).

The query layer is imported on first use, so writers (the corpus run's workers) do not load DuckDB.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

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


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'extract.store' has no attribute {name!r}")
