"""Give memory the build has freed back to the operating system.

CPython returns large freed blocks to the C allocator, and glibc's allocator keeps them
(fragmented heap pages) instead of returning them to the system. At 10,000 resolutions
that is 50-100 MB per process after a stage whose data is gone (the download records,
the search input), counted against the build until the process ends. ``malloc_trim``
hands those pages back. Elsewhere (macOS, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        function: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    return function


def release_freed_memory() -> None:
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
