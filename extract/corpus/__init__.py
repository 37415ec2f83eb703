"""Corpus runs: many documents → a store, in batches, resumable, on local processes or Dask.

- :func:`run_corpus` — inputs → a store (:mod:`extract.store`), with progress; :data:`BATCH_SIZE` its default batch;
- :func:`plan_inputs` / :func:`pending_batches` — what is still to do, streamed;
- :func:`extract_batch` — one batch → frames (what each engine runs in its workers).
"""

from extract.corpus.batch import extract_batch
from extract.corpus.run import (
           BATCH_SIZE,
           COMPACT_MIN_PARTS,
           CorpusSummary,
           pending_batches,
           plan_inputs,
           run_corpus,
)

__all__ = ["BATCH_SIZE", "COMPACT_MIN_PARTS", "CorpusSummary", "extract_batch", "pending_batches", "plan_inputs",
           "run_corpus"]
