"""One build at a time per build folder: a second one waits, a preview is named.

Two builds of one checkout (a CI job and a terminal, two terminals) share ``.build``: the
docs folder, the search input and Pagefind's shard folders. Run together, one discards the
shard folder the other is indexing. An advisory lock (``flock``) on a file in the build
folder serialises them; the kernel releases it when its holder ends, however it ends, so a
killed build never leaves the folder locked.

A build waits for another build (they finish). It does not wait for ``serve``, which runs
until someone stops it: it says so and names the way out.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

LOCK_FILE = ".lock"
"""Inside the build folder. Never deleted: removing a locked file lets a second process
lock a new file of the same name while the first still holds the old one."""

BUILD = "build"
SERVE = "serve"
PURPOSE_WORDS = {BUILD: "ein anderer Build", SERVE: "die Vorschau (ratsarchiv serve)"}


class BuildFolderBusy(Exception):
    """The build folder is held by a process this one must not wait for."""


@dataclass(frozen=True, slots=True)
class Holder:
    pid: int | None
    purpose: str

    def describe(self) -> str:
        who = PURPOSE_WORDS.get(self.purpose, "ein anderer Vorgang")
        return f"{who}, Prozess {self.pid}" if self.pid else who


def _read_holder(descriptor: int) -> Holder:
    os.lseek(descriptor, 0, os.SEEK_SET)
    words = os.read(descriptor, 200).decode("ascii", errors="replace").split()
    pid = int(words[0]) if words and words[0].isdigit() else None
    return Holder(pid=pid, purpose=words[1] if len(words) > 1 else BUILD)


def _write_holder(descriptor: int, purpose: str) -> None:
    os.ftruncate(descriptor, 0)
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.write(descriptor, f"{os.getpid()} {purpose}\n".encode("ascii"))


@contextlib.contextmanager
def exclusive_build_folder(
    build_dir: Path, purpose: str, *, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold ``build_dir`` for this process while the block runs.

    Waits while another build holds it (``on_wait`` receives the German notice once);
    raises ``BuildFolderBusy`` with a German message while a preview holds it.
    """
    build_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(build_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(descriptor)
            if holder.purpose == SERVE and purpose == BUILD:
                raise BuildFolderBusy(
                    f"{holder.describe()} benutzt den Build-Ordner '{build_dir}'; beenden Sie "
                    "sie (Strg+C) oder bauen Sie in einen anderen Ordner, z. B. "
                    f"ratsarchiv build --build-dir {build_dir}-2"
                ) from None
            if on_wait is not None:
                on_wait(
                    f"{holder.describe()} benutzt gerade den Build-Ordner '{build_dir}'; "
                    "warte, bis er fertig ist …"
                )
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        _write_holder(descriptor, purpose)
        try:
            yield
        finally:
            os.ftruncate(descriptor, 0)
            fcntl.flock(descriptor, fcntl.LOCK_UN)
    finally:
        os.close(descriptor)
