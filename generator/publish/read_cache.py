"""What reading each resolution file gave, kept in the build folder under the SHA-256 of
the file's bytes: a build parses only the files that changed (the preview's ``ReadCache``,
made persistent and keyed by content instead of file times).

Reading a file looks at nothing but its bytes, its path and the sizes of the attachment
files it names; so the cache is salted with the program's fingerprint, the content
folder's path and the path and size of every file in it that is not a resolution file
(an attachment added, removed or replaced with another size discards it).
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

from generator.reading.loading import FileResult, ReadCache, display_root_for, resolution_files

FORMAT = 6
MEETINGS = "meetings"


class KeptReads:
    def __init__(self, path: Path, salt: str, content_root: Path) -> None:
        self.path = path
        self.salt = salt
        self.content_root = content_root
        self.files: list[Path] = []
        self.digests: dict[Path, str] = {}
        self.key: tuple[object, ...] = ()
        self.previous: dict[str, tuple[str, bytes]] = {}
        """Path → (digest of its bytes, what reading it gave, pickled on its own: only the
        files read again are pickled anew when the cache is saved)."""
        self.reused = 0

    def read_cache(self) -> ReadCache:
        """The kept results of unchanged files, as ``load_archive`` takes them."""
        root = self.content_root
        self.files = resolution_files(root)
        self.digests = {file: hashlib.sha256(file.read_bytes()).hexdigest() for file in self.files}
        # Messages and edit links name a file by its display path, which depends on the
        # folder the build runs from.
        self.key = (
            FORMAT,
            self.salt,
            str(root.resolve()),
            str(display_root_for(root)),
            _other_files(root, self.files),
        )
        self.previous = self._kept()
        cache: ReadCache = {}
        gc.disable()  # tens of thousands of objects: a collection per thousand is waste
        try:
            for file in self.files:
                kept = self.previous.get(file.as_posix())
                if kept is not None and kept[0] == self.digests[file]:
                    try:
                        result: FileResult = _loads(kept[1])
                    except Exception:  # a damaged entry is a file to read
                        continue
                    stat = file.stat()
                    cache[file] = ((stat.st_mtime_ns, stat.st_size), result)
                    self.reused += 1
        finally:
            gc.enable()
        return cache

    def identities(self, cache: ReadCache) -> dict[str, str]:
        """Resolution id → a digest that changes whenever what reading its file gives
        could: the file's path and bytes under this cache's key (which holds the program,
        the content folder and the sizes of the attachment files). Far cheaper than
        hashing the parsed resolution, and the same rule that lets this cache hand back a
        kept resolution for an unchanged file."""
        prefix = hashlib.sha256(pickle.dumps(self.key, protocol=5)).hexdigest()
        found: dict[str, str] = {}
        for file in self.files:
            entry = cache.get(file)
            resolution = entry[1][0] if entry is not None else None
            if resolution is not None:
                text = f"{prefix}\0{file.as_posix()}\0{self.digests[file]}"
                found[resolution.id] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return found

    def _kept(self) -> dict[str, tuple[str, bytes]]:
        """The stored results if they were made with this key. The key is pickled first and
        on its own: a file another program version wrote may name classes that no longer
        exist, and only a matching key lets the rest be unpickled. Then come
        ``(path, digest, pickled result)`` records up to a ``None``."""
        files: dict[str, tuple[str, bytes]] = {}
        try:
            with self.path.open("rb") as stream:  # the build folder's own file
                if pickle.load(stream) != self.key:
                    return {}
                while (record := pickle.load(stream)) is not None:
                    name, digest, data = record
                    files[name] = (digest, data)
        except Exception:  # whatever is wrong with it: a cache is only a cache
            return {}
        return files

    def save(self, cache: ReadCache) -> None:
        """Keep what this build read, unless it is what was kept already."""
        if self.reused == len(self.files) and len(self.files) == len(self.previous):
            self.previous = {}
            return
        # Written record by record: pickling every parsed file into one mapping first
        # held a second copy of the archive until the file was written.
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as stream:
            pickle.dump(self.key, stream, protocol=5)
            for file in self.files:
                if file not in cache:
                    continue
                name, digest = file.as_posix(), self.digests[file]
                kept = self.previous.get(name)
                fresh = kept is None or kept[0] != digest
                data = _dumps(cache[file][1]) if fresh or kept is None else kept[1]
                pickle.dump((name, digest, data), stream, protocol=5)
            pickle.dump(None, stream, protocol=5)
        temporary.replace(self.path)
        self.previous = {}  # not needed again: the generating stage runs without it


class _Pickler(pickle.Pickler):
    """Pickles each text that is not ASCII as its UTF-8 bytes: pickle would take them
    from CPython's UTF-8 form of the ``str``, which then stays attached to it for as long
    as it lives, a second copy of every text and discussion held through the whole build
    (3.5 KiB a resolution). A slotted dataclass (the model's) is pickled as its class and
    field values, restored by ``_restore``."""

    def persistent_id(self, obj: object) -> bytes | None:
        if type(obj) is str and not obj.isascii():
            return obj.encode("utf-8", "surrogatepass")
        return None

    def reducer_override(self, obj: object) -> Any:
        names = _slotted_fields(type(obj))
        if names is None:
            return NotImplemented
        return _restore, (type(obj), tuple(getattr(obj, name) for name in names))


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _slotted_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a slotted dataclass, None for any other class."""
    try:
        return _FIELDS[cls]
    except KeyError:
        pass
    names = None
    if dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__:
        names = tuple(field.name for field in dataclasses.fields(cls))
    _FIELDS[cls] = names
    return names


def _restore(cls: type, values: tuple[object, ...]) -> object:
    """What ``_Pickler`` made of a slotted dataclass, as the object again: the dataclass's
    own ``__setstate__`` looks its fields up anew for every object, which was half of
    unpickling ten thousand kept files."""
    restored: object = object.__new__(cls)
    names = _slotted_fields(cls)
    assert names is not None
    for name, value in zip(names, values, strict=True):
        object.__setattr__(restored, name, value)
    return restored


class _Unpickler(pickle.Unpickler):
    def persistent_load(self, pid: object) -> str:
        if not isinstance(pid, bytes):
            raise pickle.UnpicklingError("unbekannter Verweis")
        return pid.decode("utf-8", "surrogatepass")


def _dumps(result: FileResult) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=5).dump(result)
    return buffer.getvalue()


def _loads(data: bytes) -> FileResult:
    loaded: FileResult = _Unpickler(io.BytesIO(data)).load()
    return loaded


def _other_files(content_root: Path, resolutions: list[Path]) -> str:
    """Path and size of every file but the resolution files: what reading them checks."""
    # As str paths: building a ``Path`` for each of ten thousand files took a tenth of
    # the loading stage.
    skip = {str(file) for file in resolutions}
    root = str(content_root)
    entries = []
    for folder, subfolders, names in os.walk(root):
        if folder == root:
            # Read by their own readers, never by a resolution's: an edit of archive.yml
            # or a meeting keeps the parsed resolutions.
            subfolders[:] = [name for name in subfolders if name != MEETINGS]
            names = [name for name in names if not name.endswith((".yml", ".yaml"))]
        for name in names:
            path = os.path.normpath(os.path.join(folder, name))  # noqa: PTH118 (thousands)
            if path not in skip:
                relative = os.path.relpath(path, root).replace(os.sep, "/")
                entries.append(f"{relative}\0{os.stat(path).st_size}")  # noqa: PTH116
    return hashlib.sha256("\n".join(sorted(entries)).encode("utf-8")).hexdigest()
