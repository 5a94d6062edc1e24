"""Wall time and peak memory per build stage, for ``ratsarchiv build --timings FILE``.

The benchmark (benchmarks/run.py) reads the file; it is JSON of the form
``{stage: {"seconds": float, "cpu_seconds": float, "peak_rss_bytes": int}}`` in the order
the stages ran. ``cpu_seconds`` is user and system time of this process and of the child
processes that ended during the stage (a process beside the stage, such as Pagefind's,
counts where it ends): on a busy machine wall time says little, CPU time more.

``peak_rss_bytes`` is the largest resident set of a single process during the stage: this
process (its high-water mark is reset at each stage start where Linux allows it, so the
figure belongs to the stage) or a finished child process such as a loading worker or the
Pagefind binary (the kernel keeps only one maximum over all children so far, so a child
stage reports at least the largest earlier child).
"""

from __future__ import annotations

import contextlib
import json
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_CLEAR_REFS = Path("/proc/self/clear_refs")
_RESET_PEAK = b"5"
"""Writing 5 to clear_refs resets the process's peak RSS (Linux >= 4.0)."""


def _reset_own_peak() -> None:
    # Not Linux, or not permitted: the peak is then the high-water mark so far.
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_bytes(_RESET_PEAK)


def _own_peak_kib() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _peak_rss_bytes() -> int:
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(_own_peak_kib(), children) * 1024  # both in KiB on Linux


def _cpu_seconds() -> float:
    """User and system time of this process and of its children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class StageTimings:
    def __init__(self, on_stage_end: Callable[[str, float], None] | None = None) -> None:
        self.stages: dict[str, dict[str, float | int]] = {}
        self.on_stage_end = on_stage_end
        """Called with (stage, seconds) as each stage ends: the progress display."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        _reset_own_peak()
        started = time.perf_counter()
        cpu = _cpu_seconds()
        try:
            yield
        finally:
            seconds = time.perf_counter() - started
            self.stages[name] = {
                "seconds": round(seconds, 4),
                "cpu_seconds": round(_cpu_seconds() - cpu, 4),
                "peak_rss_bytes": _peak_rss_bytes(),
            }
            if self.on_stage_end is not None:
                self.on_stage_end(name, seconds)

    def note(self, stage: str, key: str, value: float) -> None:
        """An extra figure for a stage, e.g. how long a stage ran alongside others."""
        self.stages.setdefault(stage, {})[key] = value

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.stages, indent=2) + "\n", encoding="utf-8")
