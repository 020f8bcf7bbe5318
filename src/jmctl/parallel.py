"""Run one function over many files on every core, results in order, streamed.

Processes, not threads: parsing, rules and rendering are CPU-bound Python.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

PARALLEL_FROM = 40  # items: below this, starting worker processes costs more than it saves


def default_jobs() -> int:
    """Return how many cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def batch_gc() -> None:
    """Collect cycles less often in a worker: batch work makes many short-lived objects
    and few cycles, and the default thresholds rescan them thousands of times a second."""
    gc.set_threshold(50_000, 20, 20)


def ordered_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int | None = None,
    chunksize: int = 16,
) -> Iterator[Result]:
    """Yield function(item) for every item, in order; on every core when there are many.

    `function` must be a module-level function (it is sent to worker processes).
    """
    workers = min(jobs or default_jobs(), max(1, len(items) // PARALLEL_FROM))
    if workers <= 1:
        yield from map(function, items)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=batch_gc) as pool:
        yield from pool.map(function, items, chunksize=chunksize)
