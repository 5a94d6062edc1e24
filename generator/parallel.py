"""Work on every core for the per-resolution stages, with the same result as one core.

Worker processes are forked after the shared state (the catalog) exists, so they inherit
it instead of receiving a pickled copy; only the items' results travel back. Where fork is
unavailable (Windows, and macOS by default) or the work is small, it runs in-process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400
"""Below this many items, starting processes costs more than it saves."""

_SHARED: list[object] = []
"""(function, shared state) of the running task, inherited by forked workers."""


def _run_chunk(chunk: Sequence[object]) -> list[object]:
    function, shared = _SHARED
    return [function(shared, item) for item in chunk]  # type: ignore[operator]


class Task(Generic[S, T, R]):
    """``function(shared, item)`` over ``items``, results in the order of ``items``."""

    def __init__(self, function: Callable[[S, T], R], shared: S) -> None:
        self.function = function
        self.shared = shared

    def map(self, items: Sequence[T], *, workers: int | None = None) -> list[R]:
        workers = workers if workers is not None else (os.cpu_count() or 1)
        can_fork = "fork" in multiprocessing.get_all_start_methods()
        if workers < 2 or len(items) < MIN_ITEMS or not can_fork:
            return [self.function(self.shared, item) for item in items]
        size = max(1, len(items) // (workers * 4))
        chunks = [items[start : start + size] for start in range(0, len(items), size)]
        _SHARED[:] = [self.function, self.shared]
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                parts = pool.map(_run_chunk, chunks)
                return [result for part in parts for result in part]  # type: ignore[misc]
        finally:
            _SHARED.clear()
