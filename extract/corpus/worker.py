"""What a spawned worker process runs first: one BLAS thread, then the spaCy model.

Kept free of heavy imports (and the package's ``__init__`` is lazy), so the thread limits are in the
worker's own environment before NumPy loads there; the parent's ``os.environ`` is never changed.
"""

from __future__ import annotations

import os

THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def init_worker() -> None:
    """Pool initializer: one BLAS thread per process (as Dask's nanny does), then load spaCy once."""
    for key in THREAD_VARS:
        os.environ.setdefault(key, "1")
    from extract.nlp import load_nlp

    load_nlp()
