"""Reuse outputs kept in the build folder: a bulk output (an OParl object, a resolution's
JSON, a feed or download written straight into the staging folder) whose bytes an earlier
build already wrote is linked from there instead of written again.

Each file is kept under the SHA-256 of its bytes, as a hard link to the file first
written into a staging folder (a copy where linking fails); a file is kept only once it
is complete, by linking it to its name in one step. Nothing writes into a finished file,
neither in the site nor here: a changed output has other bytes, so another name, and is a
new file. So a link never changes under a reader of a published site. Files no build
uses any more are removed after each build (``prune``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.outputs.kept import KeptFile, OutputFile, content_digest
from generator.publish import site_writer


@dataclass(frozen=True, slots=True, kw_only=True)
class KeptOutputs:
    """What one build did with its bulk outputs (travels back from the side process)."""

    used: frozenset[str]
    """The names (digests) of every kept file this build's site links."""
    reused: int
    """Files linked from what an earlier build kept."""
    written: int
    """Files written anew (their bytes were not kept before this build)."""


class OutputCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def write_files(self, staging: Path, files: Iterable[OutputFile]) -> KeptOutputs:
        """Put ``files`` into the fresh folder ``staging``: linked where their bytes are
        kept, else written and kept. ``files`` may be a generator (see ``write_files``);
        a ``KeptFile`` is made again only if its bytes are no longer kept."""
        self.root.mkdir(parents=True, exist_ok=True)
        root = str(self.root)
        known = set(os.listdir(root))  # noqa: PTH208 (str names, tens of thousands)
        folders = site_writer.Folders(staging)
        used: set[str] = set()
        reused = 0
        lock = threading.Lock()

        def place(file: OutputFile) -> None:
            nonlocal reused
            if isinstance(file, KeptFile):
                content = None
                name = file.digest
            else:
                content = file.content
                assert content is not None, file.path  # reuse outputs are never copies
                name = content_digest(content)
            kept = f"{root}/{name}"
            if name in known:
                try:
                    folders.link(kept, file.path, fallback=False)
                except OSError:
                    pass  # gone since (another build pruned it): written below
                else:
                    with lock:
                        used.add(name)
                        reused += 1
                    return
            if content is None:
                assert isinstance(file, KeptFile)
                content = file.load()
                name = content_digest(content)
                kept = f"{root}/{name}"
            with lock:
                used.add(name)
            folders.write(file.path, content)
            # One step, and only a complete file: an existing name (the same bytes, kept
            # by another file of this build) stays as it is.
            try:
                os.link(f"{folders.root}/{file.path}", kept)
            except FileExistsError:
                pass
            except OSError:
                _copy_complete(f"{folders.root}/{file.path}", kept)

        total = site_writer.in_threads(place, files)
        return KeptOutputs(used=frozenset(used), reused=reused, written=total - reused)

    def prune(self, used: frozenset[str]) -> None:
        """Drop every kept file the last build did not use."""
        if not self.root.is_dir():
            return
        with os.scandir(self.root) as entries:
            for entry in entries:
                if entry.name not in used:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)  # noqa: PTH108


def _copy_complete(source: str, target: str) -> None:
    """Where hard links fail: a copy beside ``target``, renamed once complete."""
    temporary = f"{target}.{os.getpid()}.{threading.get_ident()}.tmp"
    shutil.copyfile(source, temporary)
    os.replace(temporary, target)  # noqa: PTH105
