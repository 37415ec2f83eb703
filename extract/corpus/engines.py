"""Engines: run :func:`extract_batch` over batches and yield results as they finish.

- ``local`` with one worker: in this process.
- ``local`` with N > 1 workers: N spawned processes (``ProcessPoolExecutor``), spaCy loaded
  once in each by an initializer.
- ``dask``: a Dask distributed cluster, either an existing one (``scheduler`` address) or a
  ``LocalCluster(n_workers=N, threads_per_worker=1, processes=True)`` on loopback. Workers only
  compute; this process writes the store, so workers need the package but not the store's disk.

Batches arrive lazily and at most ``2 × workers`` are in flight, so memory stays bounded on large corpora.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from extract.corpus.batch import BatchResult, Item, extract_batch
from extract.corpus.worker import init_worker

ENGINES = ("local", "dask")


def run_local(batches: Iterable[list[Item]], mode: str, workers: int = 1) -> Iterator[BatchResult]:
    """Local engine: in-process for one worker, spawned processes otherwise."""
    if workers <= 1:
        for batch in batches:
            yield extract_batch(batch, mode)
        return
    # spawned processes, each limited to one BLAS thread by its initializer (the parent's env is untouched)
    yield from _pool(batches, mode, workers, multiprocessing.get_context("spawn"))


def _pool(batches: Iterable[list[Item]], mode: str, workers: int, context: Any) -> Iterator[BatchResult]:
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker) as pool:
        pending: set[Future[BatchResult]] = set()
        queue = iter(batches)
        for batch in queue:
            pending.add(pool.submit(extract_batch, batch, mode))
            if len(pending) >= 2 * workers:
                break
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(pool.submit(extract_batch, nxt, mode))


def run_dask(
    batches: Iterable[list[Item]], mode: str, workers: int = 1, scheduler: str | None = None
) -> Iterator[BatchResult]:
    """Dask engine on an existing scheduler or a fresh LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # Dask is an extra: say how to get it
        raise RuntimeError(
            'the dask engine needs Dask: pip install -e ".[dask]" (or pip install "dask[distributed]")'
        ) from exc

    cluster: Any = None
    if scheduler:
        client = Client(scheduler)  # type: ignore[no-untyped-call]
    else:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        client = Client(cluster)  # type: ignore[no-untyped-call]
    try:
        slots = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        queue = iter(batches)
        first = [
            client.submit(extract_batch, b, mode, pure=False)
            for _, b in zip(range(slots), queue, strict=False)
        ]
        running = as_completed(first)  # type: ignore[no-untyped-call]
        for future in running:
            result: BatchResult = future.result()
            future.release()
            yield result
            nxt = next(queue, None)
            if nxt is not None:
                running.add(client.submit(extract_batch, nxt, mode, pure=False))  # type: ignore[no-untyped-call]
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()  # type: ignore[no-untyped-call]
