"""Stamped resolution and list pages kept in the build folder: a page whose fragment and
shell are those of an earlier build is linked from there instead of stamped and written
again.

A page's fragment is fixed by its key in the page cache (``page_cache``: the digest of
everything it shows, under the program's fingerprint), and the stamped page by
that fragment and the shell of its depth. So each stamped page is kept under the SHA-256
of the fingerprint, the shell and the page's key, as a hard link to the file in the
staging folder (a copy where linking fails). Nothing writes into a finished page, neither
in the site nor here, so a link never changes under a reader; a kept file is linked in
only complete, and files no build uses any more are removed after each build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class StampCache:
    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = salt
        self.used: set[str] = set()
        self.reused = 0

    def names(
        self, shells: Mapping[int, str], keys: Mapping[str, tuple[int, str]]
    ) -> dict[str, str]:
        """URL → the name its stamped page is kept under, for the pages with a key:
        ``shells`` is each depth's ``Shell.identity``, ``keys`` the URL's depth and page key."""
        shell_digests = {
            level: hashlib.sha256(html.encode("utf-8")).hexdigest()
            for level, html in shells.items()
        }
        names: dict[str, str] = {}
        for url, (level, key) in keys.items():
            shell = shell_digests.get(level)
            if shell is not None:
                names[url] = hashlib.sha256(f"{self.salt}\0{shell}\0{key}".encode()).hexdigest()
        self.used = set(names.values())
        return names

    def kept(self, name: str) -> str | None:
        path = os.path.join(self.root, name)  # noqa: PTH118 (str paths, thousands of them)
        return path if os.path.isfile(path) else None  # noqa: PTH113

    def keep(self, made: Iterable[tuple[str, str]]) -> None:
        """Keep newly stamped pages: ``(name, path of the finished page)``."""
        self.root.mkdir(parents=True, exist_ok=True)
        for name, page in made:
            target = os.path.join(self.root, name)  # noqa: PTH118
            temporary = f"{target}.{os.getpid()}.tmp"
            _link_or_copy(page, temporary)
            os.replace(temporary, target)  # noqa: PTH105

    def prune(self) -> None:
        """Drop every kept page this build did not use, and leftovers of a killed one."""
        if not self.root.is_dir():
            return
        with os.scandir(self.root) as entries:
            for entry in entries:
                if entry.name not in self.used:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)  # noqa: PTH108
