"""Pagefind bundles kept in the build folder, one per search shard, under the digest of
the shard's search input: a build runs Pagefind only for shards whose input changed.

A kept bundle is a folder named by its key, moved into place complete (written under a
temporary name first), so a killed build never leaves half a bundle under a key. Its
files are hard links where the file system allows (a bundle is never changed once made,
neither in the cache nor in the site), else copies.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from generator.publish.build_state import files_digest
from generator.rendering.generated import GeneratedFile
from generator.search.shards import Shard


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


class SearchCache:
    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = salt

    def key(self, shard: Shard, inputs: Iterable[GeneratedFile]) -> str:
        """The digest of the shard's search input (every file, by path and bytes), its
        role (the primary bundle keeps Pagefind's scripts) and the program's fingerprint."""
        prefix = f"{shard.folder}/"
        files = sorted(
            (file.path, file.content or b"") for file in inputs if file.path.startswith(prefix)
        )
        role = "primary" if shard.number == 1 else "secondary"
        hashed = hashlib.sha256(f"{self.salt}\0{role}\0{shard.folder}\0".encode())
        hashed.update(files_digest(files).encode("ascii"))
        return hashed.hexdigest()

    def has(self, key: str) -> bool:
        return (self.root / key).is_dir()

    def keep(self, key: str, bundle: Path) -> None:
        """Put a finished bundle into the cache (as links: the bundle itself stays)."""
        if self.has(key):
            return
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.copytree(bundle, temporary, copy_function=_link_or_copy)
        temporary.rename(self.root / key)

    def copy_out(self, key: str, target: Path) -> None:
        """The kept bundle at ``target`` (which must not exist yet)."""
        shutil.copytree(self.root / key, target, copy_function=_link_or_copy)

    def prune(self, keep: Iterable[str]) -> None:
        """Drop every bundle but ``keep`` (the current build's), and leftovers of a killed
        build."""
        if not self.root.is_dir():
            return
        wanted = set(keep)
        for entry in self.root.iterdir():
            if entry.name not in wanted:
                shutil.rmtree(entry, ignore_errors=True)
