"""Thread limits for BLAS (threadpoolctl), shared by the indexes, the commit and workers."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

_CONTROLLER: Any = None  # threadpoolctl's handle on the loaded BLAS libraries, made once


def one_blas_thread() -> AbstractContextManager[object]:
    """Run BLAS on one thread inside a ``with`` block (the previous limits come back after).

    The story and dedup indexes multiply small matrices (a neighbourhood's Gram matrix,
    LSH planes by one vector). Multi-threaded BLAS splits them anyway, and its threads
    spin: on two busy cores that tripled the CPU time of ``StoryIndex.add`` and
    ``take_moves`` (bench/cluster.py's synthetic stream) and doubled the commit's, without
    making them faster. The libraries are looked up once (a lookup takes about a
    millisecond, and ``add`` runs per article); numpy's BLAS is loaded with numpy, before
    any call.
    """
    global _CONTROLLER
    if _CONTROLLER is None:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER = ThreadpoolController().select(user_api="blas")
    limiter: AbstractContextManager[object] = _CONTROLLER.limit(limits=1)
    return limiter


def limit_loaded_libraries() -> None:
    """Limit every thread pool already loaded in this process to one thread, for good.

    For batch workers: ``OMP_NUM_THREADS`` and its kin only reach a library loaded after
    them, and a forked worker inherits the driver's numpy, whose OpenBLAS had already
    started a thread per core (two workers then ran four BLAS threads on two cores; spaCy's
    NER took 1.8x its one-thread time that way).
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
