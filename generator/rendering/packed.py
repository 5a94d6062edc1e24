"""Pages held compressed between generating and stamping, in a file rather than in memory.

The build packs every page outside the nav (``build._pack_one``) until MkDocs has rendered
the shells it is stamped into. Held in memory, the packed pages grew with the archive
(4 KiB a resolution, 400 MiB at 100,000); here each goes into a scratch file as it is
packed, and only its offset and length stay in memory. Without a file (the preview) they
stay in a dict.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path


class PackedPages(Mapping[str, bytes]):
    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._memory: dict[str, bytes] = {}
        self._spans: dict[str, tuple[int, int]] = {}
        self._end = 0
        self._fd: int | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)

    def __setitem__(self, url: str, data: bytes) -> None:
        if self._fd is None:
            self._memory[url] = data
            return
        written = os.pwrite(self._fd, data, self._end)
        assert written == len(data), self.path
        self._spans[url] = (self._end, len(data))
        self._end += len(data)

    def __getitem__(self, url: str) -> bytes:
        if self._fd is None:
            return self._memory[url]
        start, size = self._spans[url]
        return os.pread(self._fd, size, start)

    def __contains__(self, url: object) -> bool:
        return url in self._spans or url in self._memory

    def __iter__(self) -> Iterator[str]:
        yield from self._spans
        yield from self._memory

    def __len__(self) -> int:
        return len(self._spans) + len(self._memory)

    def close(self) -> None:
        """Remove the scratch file (reading after this finds nothing)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            self._spans.clear()
            if self.path is not None:
                self.path.unlink(missing_ok=True)
