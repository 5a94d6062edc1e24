"""The one module that writes files: the docs folder, the effective config, the site swap.

The docs folder persists between builds and only files whose bytes changed are rewritten,
so MkDocs' dirty reload during ``serve`` rebuilds only what an editor touched. The site is
built in a fresh staging folder and swapped in by renaming, so readers (and a failed
build) never see a half-written site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypeVar

from generator.rendering.generated import GeneratedFile

T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class WriteReport:
    written: tuple[str, ...]
    deleted: tuple[str, ...]
    unchanged: int


def _wanted_bytes(file: GeneratedFile) -> bytes:
    if file.content is not None:
        return file.content
    assert file.copy_from is not None, f"{file.path}: weder Inhalt noch Quelle"
    return file.copy_from.read_bytes()


def write_if_changed(path: Path | str, content: bytes) -> bool:
    """Write ``content`` unless the file already holds exactly these bytes.

    Plain ``os`` calls on a str path: the docs folder holds tens of thousands of files,
    nearly all unchanged, and ``Path`` objects cost more than comparing them."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as stream:  # noqa: PTH123 (str path, see above)
            same = os.fstat(stream.fileno()).st_size == len(content) and stream.read() == content
        if same:
            return False
    except FileNotFoundError:
        # A new file: nobody can be reading it yet, so no temporary file is needed (which
        # halves the file-system work of a first build).
        os.makedirs(os.path.dirname(name) or ".", exist_ok=True)  # noqa: PTH103, PTH120
        with open(name, "wb") as stream:  # noqa: PTH123
            stream.write(content)
        return True
    # Write beside the target and rename, so MkDocs' watcher never reads half a file.
    folder, _, base = name.rpartition(os.sep)
    temporary = f"{folder}{os.sep}.{base}.tmp" if folder else f".{base}.tmp"
    with open(temporary, "wb") as stream:  # noqa: PTH123
        stream.write(content)
    os.replace(temporary, name)  # noqa: PTH105
    return True


def write_docs(
    docs_dir: Path, files: Sequence[GeneratedFile], *, written: Sequence[tuple[str, bool]] = ()
) -> WriteReport:
    """Make ``docs_dir`` hold exactly ``files``: write what changed, delete what is stale.

    Used for every folder the build keeps between runs (the docs, the search input).
    ``written`` are files another process already put there with ``write_if_changed``,
    as ``(path, changed)``: kept, and reported after ``files``.
    """
    docs_dir.mkdir(parents=True, exist_ok=True)
    wanted = {file.path for file in files} | {path for path, _ in written}
    changed: list[str] = []
    root = str(docs_dir)

    def write(file: GeneratedFile) -> None:
        if write_if_changed(f"{root}/{file.path}", _wanted_bytes(file)):
            changed.append(file.path)  # list.append is atomic under the GIL

    in_threads(write, files)
    changed_paths = set(changed)
    report = tuple(file.path for file in files if file.path in changed_paths)
    report += tuple(path for path, was_changed in written if was_changed)
    deleted: list[str] = []
    for directory, _subdirectories, names in os.walk(root, topdown=False):
        folder = directory[len(root) + 1 :].replace(os.sep, "/")
        for name in names:
            relative = f"{folder}/{name}" if folder else name
            if relative not in wanted:
                os.unlink(os.path.join(directory, name))  # noqa: PTH108, PTH118
                deleted.append(relative)
        if directory != root:
            with os.scandir(directory) as entries:
                empty = next(entries, None) is None
            if empty:
                os.rmdir(directory)  # noqa: PTH106
    return WriteReport(
        written=report,
        deleted=tuple(sorted(deleted)),
        unchanged=len(files) + len(written) - len(report),
    )


WRITERS = 4
"""Threads for writing many small files: creating a file waits on the file system, not on
Python, so a few threads overlap the waits (twice as fast here for 50,000 files)."""
BATCH = 100
"""Items per thread task: few enough tasks to cost nothing, and with at most two batches
per thread queued, ``items`` (a generator) is consumed as it is written, never held whole."""


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def in_threads(action: Callable[[T], None], items: Iterable[T]) -> int:
    def run(chunk: list[T]) -> int:
        for item in chunk:
            action(item)
        return len(chunk)

    done = 0
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        queued: deque[Future[int]] = deque()
        for chunk in _batches(items, BATCH):
            queued.append(pool.submit(run, chunk))
            if len(queued) >= WRITERS * 2:
                done += queued.popleft().result()
        while queued:
            done += queued.popleft().result()
    return done


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


class Folders:
    """Writes into a fresh folder with plain ``os`` calls on str paths (tens of thousands of
    files: ``Path`` objects and ``open()`` file objects cost more than the writing), and
    asks for each folder once, not once per file (many files share a folder)."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.made: set[str] = set()

    def _folder_of(self, path: str) -> None:
        folder = path.rpartition("/")[0]
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)  # noqa: PTH103 (str path, see above); a race is harmless
            self.made.add(folder)

    def link(self, source: str, relative: str, *, fallback: bool = True) -> None:
        """``source`` at ``relative`` as a hard link (a copy where linking fails, unless
        not ``fallback``: then the ``OSError`` is raised)."""
        path = f"{self.root}/{relative}"
        self._folder_of(path)
        try:
            os.link(source, path)
        except OSError:
            if not fallback:
                raise
            shutil.copyfile(source, path)

    def write(self, relative: str, content: bytes) -> None:
        path = f"{self.root}/{relative}"
        self._folder_of(path)
        descriptor = os.open(path, _NEW_FILE, 0o666)
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)


def write_pages(site_dir: Path, pages: Iterable[tuple[str, str]]) -> int:
    """Write finished pages (``(url, html)``) into a fresh staging folder; returns the count.

    ``pages`` may be a generator: it is consumed batch by batch as the pages are written.
    """
    folders = Folders(site_dir)

    def write(page: tuple[str, str]) -> None:
        url, html = page
        folders.write(page_file(url), html.encode("utf-8"))

    return in_threads(write, pages)


def page_file(url: str) -> str:
    """Where the page at ``url`` lies, relative to the site folder."""
    return f"{url}index.html" if url.endswith("/") or not url else f"{url}/index.html"


def link_files(site_dir: Path, files: Iterable[tuple[str, str]]) -> int:
    """Hard links in a fresh staging folder: ``(source path, relative path)``, each made
    once; ``files`` may be a generator. Returns the count."""
    folders = Folders(site_dir)
    return in_threads(lambda file: folders.link(*file), files)


def write_files(site_dir: Path, files: Iterable[GeneratedFile]) -> int:
    """Write generated files into a fresh staging folder (no comparison needed); ``files``
    may be a generator, consumed batch by batch. Returns the count."""
    folders = Folders(site_dir)
    return in_threads(lambda file: folders.write(file.path, _wanted_bytes(file)), files)


def merge_into(source: Path, target: Path) -> None:
    """Move everything in ``source`` into ``target`` and remove ``source``.

    A folder missing in ``target`` moves with one rename; a folder in both is merged
    inside. Both lie in one staging folder, so no file is copied. The callers make sure no
    file exists in both (every path is generated once). A missing ``source`` (nothing
    was written into it) moves nothing.
    """
    if not source.is_dir():
        return
    for entry in os.scandir(source):
        moving, destination = Path(entry.path), target / entry.name
        if entry.is_dir(follow_symlinks=False) and destination.is_dir():
            merge_into(moving, destination)
        else:
            moving.replace(destination)
    source.rmdir()


def write_file(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


STAGING_PREFIX = ".site-staging-"


def new_staging_dir(site_dir: Path) -> Path:
    """A fresh, empty folder beside ``site_dir`` (same file system, so renames are atomic).

    Its name carries the building process's id, so that the next build can tell a folder
    left behind by a killed build (its process is gone) from one still being built.
    """
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging_dirs(site_dir.parent)
    prefix = f"{STAGING_PREFIX}{os.getpid()}-"
    return Path(tempfile.mkdtemp(prefix=prefix, dir=site_dir.parent)).resolve()


def remove_stale_staging_dirs(parent: Path) -> list[Path]:
    """Delete staging folders whose build no longer runs; returns what was deleted."""
    removed = []
    for folder in parent.glob(f"{STAGING_PREFIX}*"):
        owner = folder.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        if folder.is_dir() and not (owner.isdigit() and _is_running(int(owner))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    except OverflowError:
        return False
    return True


def move(source: Path, target: Path) -> None:
    """Move a finished folder into place (a rename where both lie on one file system)."""
    shutil.move(source, target)


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


OLD_SITE_PREFIX = ".site-old-"


def publish(staging: Path, site_dir: Path) -> None:
    """Put the finished ``staging`` folder in place of ``site_dir``.

    Two renames: the old site moves aside, the new one moves in. Between the renames
    ``site_dir`` is briefly missing, never half-written. The old site stays beside it
    (``.site-old-…``) until the next build deletes it while it reads the content
    (``old_sites``): deleting its hundred thousand files at 10,000 resolutions took a
    second at the end of every build, on its critical path.
    """
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=_old_prefix(site_dir), dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
    try:
        staging.rename(site_dir)
    except OSError:
        if old is not None:
            old.rename(site_dir)
        raise


def old_sites(site_dir: Path) -> tuple[Path, ...]:
    """The sites that earlier builds replaced, left beside ``site_dir`` (``publish``)."""
    if not site_dir.parent.is_dir():
        return ()
    return tuple(sorted(site_dir.parent.glob(f"{_old_prefix(site_dir)}*")))


def _old_prefix(site_dir: Path) -> str:
    """Named after the site: other sites' builds may share its folder."""
    return f"{OLD_SITE_PREFIX}{site_dir.name}-"


def remove_folders(folders: Sequence[Path]) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def apply_changes(write: Sequence[tuple[Path, bytes]], remove: Sequence[Path]) -> None:
    """Rewrite files inside a staging site (e.g. the search bundle made reproducible)."""
    for path, content in write:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    for path in remove:
        path.unlink()


def folder_bytes(folder: Path, *, skip: str | None = None) -> int:
    """The size of every file below ``folder`` (scandir: tens of thousands of files in a
    fraction of the time ``Path.rglob`` needs), without its entry named ``skip``."""
    total = 0
    pending = [str(folder)]
    top = True
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if not (top and entry.name == skip):
                        pending.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    total += entry.stat(follow_symlinks=False).st_size
        top = False
    return total
