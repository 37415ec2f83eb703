"""Corpus runs: many documents → a store, in batches, resumable, on local processes or Dask.

- :func:`run_corpus` — inputs → a store (:mod:`extract.store`), with progress; :data:`BATCH_SIZE` its default batch;
- :func:`plan_inputs` / :func:`pending_batches` — what is still to do, streamed;
- :func:`extract_batch` — one batch → frames (what each engine runs in its workers).

Names load on first use, so a spawned worker imports :mod:`extract.corpus.worker` before NumPy.
"""

from __future__ import annotations

from extract.lazy import lazy_names

_LAZY = {
    "BATCH_SIZE": "extract.corpus.run",
    "COMPACT_MIN_PARTS": "extract.corpus.run",
    "CorpusSummary": "extract.corpus.run",
    "pending_batches": "extract.corpus.run",
    "plan_inputs": "extract.corpus.run",
    "run_corpus": "extract.corpus.run",
    "extract_batch": "extract.corpus.batch",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_names(__name__, _LAZY)
