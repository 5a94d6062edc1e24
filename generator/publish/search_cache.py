"""What the search stage keeps in the build folder.

``PageDataCache``: each page's part of a Pagefind bundle (``search.pagefind_pages``) under
the digest of the page's search input and Pagefind's version, so Pagefind indexes only
pages whose input is new; and the files every bundle of that Pagefind version shares.

``SearchCache``: the assembled bundles, one per search shard, under the digest of its
pages' keys: a shard none of whose pages changed is not even assembled again.

A kept bundle is a folder named by its key, moved into place complete (written under a
temporary name first), so a killed build never leaves half a bundle under a key. Its
files are hard links where the file system allows (a bundle is never changed once made,
neither in the cache nor in the site), else copies.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from generator.search.pagefind_chunks import UnknownFormat
from generator.search.pagefind_pages import FORMAT, PageData, PagefindFiles
from generator.search.shards import Shard


def pagefind_version() -> str:
    """The installed Pagefind's version: part of every page's key, since another version
    may index or lay out a page differently."""
    try:
        return metadata.version("pagefind_bin")
    except metadata.PackageNotFoundError:
        return "unbekannt"


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


LISTING = ".dateien.json"
"""Beside each kept bundle: its files and their sizes."""


class SearchCache:
    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = salt

    def key(self, shard: Shard, page_keys: Iterable[tuple[str, str]]) -> str:
        """The digest of the shard's role (the primary bundle keeps Pagefind's scripts),
        its pages' (URL, ``PageDataCache.key``) and the program's fingerprint."""
        role = "primary" if shard.number == 1 else "secondary"
        hashed = hashlib.sha256(f"{self.salt}\0{role}\0{shard.folder}\0".encode())
        for url, key in sorted(page_keys):
            hashed.update(f"{url}\0{key}\0".encode())
        return hashed.hexdigest()

    def has(self, key: str) -> bool:
        """Whether the bundle is kept whole: every file it was kept with is there, at its
        size (a lost or cut-short file makes the shard be assembled again)."""
        try:
            listed = json.loads((self.root / f"{key}{LISTING}").read_text(encoding="utf-8"))
            folder = self.root / key
            return all((folder / path).stat().st_size == size for path, size in listed)
        except (OSError, ValueError, TypeError):
            return False

    def keep(self, key: str, bundle: Path) -> None:
        """Put a finished bundle into the cache (as links: the bundle itself stays)."""
        if self.has(key):
            return
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{key}.{os.getpid()}.tmp"
        shutil.rmtree(temporary, ignore_errors=True)
        shutil.rmtree(self.root / key, ignore_errors=True)
        shutil.copytree(bundle, temporary, copy_function=_link_or_copy)
        listed = [
            [path.relative_to(temporary).as_posix(), path.stat().st_size]
            for path in sorted(temporary.rglob("*"))
            if path.is_file()
        ]
        listing = self.root / f".{key}.{os.getpid()}{LISTING}"
        listing.write_text(json.dumps(listed), encoding="utf-8")
        listing.rename(self.root / f"{key}{LISTING}")
        temporary.rename(self.root / key)

    def copy_out(self, key: str, target: Path) -> None:
        """The kept bundle at ``target`` (which must not exist yet)."""
        shutil.copytree(self.root / key, target, copy_function=_link_or_copy)

    def prune(self, keep: Iterable[str]) -> None:
        """Drop every bundle but ``keep`` (the current build's), and leftovers of a killed
        build."""
        if not self.root.is_dir():
            return
        kept = set(keep)
        wanted = kept | {f"{key}{LISTING}" for key in kept}
        for entry in self.root.iterdir():
            if entry.name in wanted:
                continue
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink()


_FILES_LOCK = threading.Lock()


class PageDataCache:
    """Files named by key, each written under a temporary name and renamed, so a killed
    build leaves a page's data whole or absent; a file that does not load (lost, cut
    short, another format) counts as absent and the page is indexed again."""

    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = f"{salt}\0pagefind {pagefind_version()}\0format {FORMAT}"

    def key(self, page_input: bytes) -> str:
        """The digest of the file Pagefind indexes for the page, with Pagefind's version."""
        hashed = hashlib.sha256(self.salt.encode())
        hashed.update(page_input)
        return hashed.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / "seiten" / key[:2] / key

    def load(self, key: str) -> PageData | None:
        try:
            return PageData.from_bytes(self._path(key).read_bytes())
        except (OSError, UnknownFormat):
            return None

    def keep(self, key: str, page: PageData) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{key}.{os.getpid()}.tmp")
        temporary.write_bytes(page.to_bytes())
        temporary.rename(path)

    def _files_dir(self) -> Path:
        return self.root / f"pagefind-{pagefind_version()}"

    def files(self) -> PagefindFiles | None:
        """Pagefind's own files, as kept from a run of the installed version."""
        folder = self._files_dir()
        try:
            entry = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
            names = json.loads((folder / "scripts.json").read_text(encoding="utf-8"))
            scripts = tuple((name, (folder / "scripts" / name).read_bytes()) for name in names)
        except (OSError, ValueError):
            return None
        return PagefindFiles(version=str(entry.get("version")), entry=entry, scripts=scripts)

    def keep_files(self, files: PagefindFiles) -> None:
        with _FILES_LOCK:  # two Pagefind batches may finish at once
            if self.files() is None:
                self._write_files(files)

    def _write_files(self, files: PagefindFiles) -> None:
        temporary = self.root / f".pagefind.{os.getpid()}.tmp"
        shutil.rmtree(temporary, ignore_errors=True)
        (temporary / "scripts").mkdir(parents=True)
        for name, content in files.scripts:
            (temporary / "scripts" / name).write_bytes(content)
        names = [name for name, _ in files.scripts]
        (temporary / "scripts.json").write_text(json.dumps(names), encoding="utf-8")
        (temporary / "entry.json").write_text(json.dumps(files.entry), encoding="utf-8")
        shutil.rmtree(self._files_dir(), ignore_errors=True)
        temporary.rename(self._files_dir())

    def prune(self, keep: Iterable[str]) -> None:
        """Drop the data of pages no longer in the archive (or changed), and the files of
        other Pagefind versions."""
        wanted = set(keep)
        pages = self.root / "seiten"
        if pages.is_dir():
            for folder in pages.iterdir():
                for path in folder.iterdir():
                    if path.name not in wanted:
                        path.unlink()
        if self.root.is_dir():
            for entry in self.root.iterdir():
                if entry.name not in ("seiten", self._files_dir().name):
                    shutil.rmtree(entry, ignore_errors=True)
