"""Pagefind bundles kept in the build folder, one per search shard, under the digest of
what the shard's search input is made from: a build runs Pagefind only for shards whose
input changed, and writes the input only for those.

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

    def key(
        self,
        shard: Shard,
        pages: Iterable[tuple[str, str]],
        vocabulary: str | None,
    ) -> str:
        """The digest of what the shard's search input is made from: each of its pages'
        address and the digest of its address, title and indexed parts
        (``search_summary.search_digest``; only what is indexed, not the links to
        neighbours and related resolutions, which show other titles), the archive's
        vocabulary (``vocabulary``: the digest of its sorted words, None with a single
        shard, which has no vocabulary record), the shard's role (the primary bundle keeps
        Pagefind's scripts) and the program's fingerprint. Made from the records, not from
        the input files: a shard whose key is kept needs no input."""
        role = "primary" if shard.number == 1 else "secondary"
        hashed = hashlib.sha256(f"{self.salt}\0{role}\0{shard.folder}\0".encode())
        hashed.update(f"{vocabulary}\0".encode())
        for url, digest in sorted(pages):
            hashed.update(f"{url}\0{digest}\0".encode())
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
