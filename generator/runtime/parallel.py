"""Work on every core for the per-resolution stages, with the same result as one core.

Worker processes are forked after the shared state (the catalog) exists, so they inherit
it instead of receiving a pickled copy; only the items' results travel back. Where fork is
unavailable (Windows, and macOS by default) or the work is small, it runs in-process.

``Task`` maps a function over items; ``Background`` runs one job beside the caller (the
build's reuse outputs beside its pages). While a ``Background`` runs it holds a core, so
a ``Task`` then works in-process and takes a worker only once that core is free again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 400
"""Below this many items, starting processes costs more than it saves."""

_SHARED: list[object] = []
"""(function, shared state) of the running task, inherited by forked workers."""
_BACKGROUND: list[Background[Any, Any]] = []
"""The running ``Background`` processes: each takes a core away from ``Task.map``."""


def free_cores() -> int:
    """Cores not taken by a running ``Background`` process (at least one: the caller's)."""
    return max(1, (os.cpu_count() or 1) - len(_BACKGROUND))


def _run_chunk(chunk: Sequence[object]) -> list[object]:
    function, shared = _SHARED
    return [function(shared, item) for item in chunk]  # type: ignore[operator]


class Task(Generic[S, T, R]):
    """``function(shared, item)`` over ``items``, results in the order of ``items``."""

    def __init__(self, function: Callable[[S, T], R], shared: S) -> None:
        self.function = function
        self.shared = shared

    def map(
        self, items: Sequence[T], *, workers: int | None = None, min_items: int | None = None
    ) -> list[R]:
        """``min_items``: below this many, work in-process (default ``MIN_ITEMS``; lower
        it for items that take far longer than a page to render)."""
        can_fork = "fork" in multiprocessing.get_all_start_methods()
        min_items = MIN_ITEMS if min_items is None else min_items
        if workers is None and _BACKGROUND and len(items) >= min_items and can_fork:
            return self._map_beside_background(items)
        # With a background process on one of two cores, rendering in-process is
        # cheaper than two workers fighting it for the other (and needs no pickling).
        workers = workers if workers is not None else free_cores()
        if workers < 2 or len(items) < min_items or not can_fork:
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

    def _map_beside_background(self, items: Sequence[T]) -> list[R]:
        """In-process while a ``Background`` process holds the other core; once it is done,
        the rest is shared with one forked worker (the core it left is free again)."""
        function, shared = self.function, self.shared
        results: list[R] = []
        done = 0
        while done < len(items) and any(b.running() for b in _BACKGROUND):
            results += [function(shared, item) for item in items[done : done + STEP]]
            done += STEP
        rest = items[done:]
        if free_cores() < 2 or len(rest) < 2 * STEP:
            return results + [function(shared, item) for item in rest]
        half = len(rest) // 2
        # The worker inherits ``rest`` and the shared state; only its results travel.
        helper = Background(lambda part: [function(shared, item) for item in part], rest[half:])
        try:
            results += [function(shared, item) for item in rest[:half]]
            return results + helper.result()
        finally:
            helper.cancel()


STEP = 50
"""Items done in-process between two looks at whether the background process is done."""


class BackgroundFailed(Exception):
    """The background process ended without a result (killed, or its error not picklable)."""


def _run_background(function: Callable[[S], R], shared: S, send: Connection) -> None:
    try:
        outcome: tuple[bool, object] = (True, function(shared))
    except BaseException as exc:  # handed to the parent, which raises it
        try:
            pickle.loads(pickle.dumps(exc))
            outcome = (False, exc)
        except Exception:  # an error pickle cannot carry: send its text
            text = "".join(traceback.format_exception(exc))
            outcome = (False, BackgroundFailed(text))
    send.send(outcome)
    send.close()


class Background(Generic[S, R]):
    """``function(shared)`` in one forked process beside the caller, which meanwhile does
    other work; ``result()`` waits for it. The process inherits ``shared`` (no pickling);
    only the result travels back, so keep it small. Without fork it runs in ``result()``.
    """

    def __init__(self, function: Callable[[S], R], shared: S, *, holds_core: bool = True) -> None:
        """``holds_core=False``: short work that mostly waits on the system (deleting
        files), which ``Task.map`` need not make room for; a process that holds a core
        keeps it in ``free_cores`` until its result is taken."""
        self.function = function
        self.shared = shared
        self._process: BaseProcess | None = None
        self._receive: Connection | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_run_background, args=(function, shared, send), daemon=True
            )
            # Frozen objects are never visited by the child's garbage collector, so it
            # does not copy the memory pages of the inherited catalog just to scan them.
            gc.freeze()
            try:
                process.start()
            finally:
                gc.unfreeze()
            send.close()
            self._process, self._receive = process, receive
            if holds_core:
                _BACKGROUND.append(self)

    def result(self) -> R:
        if self._process is None or self._receive is None:
            return self.function(self.shared)
        try:
            ok, value = self._receive.recv()
        except EOFError:
            raise BackgroundFailed(
                f"Hintergrundprozess ohne Ergebnis beendet (Code {self._process.exitcode})"
            ) from None
        finally:
            self.cancel()
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def running(self) -> bool:
        """Still working (a finished process may wait to hand over its result)."""
        return self._receive is not None and not self._receive.poll()

    def cancel(self) -> None:
        """End the process if it still runs (the caller failed and will not wait for it)."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        if self._receive is not None:
            self._receive.close()
        self._process, self._receive = None, None
        if self in _BACKGROUND:
            _BACKGROUND.remove(self)
