"""A full disk during a build, said in German with the folder and the space it needs.

A build writes its site into a staging folder beside ``site/`` and swaps it in at the
end, so it needs room for a second copy of the site while the first one stays. When the
disk fills up the build stops (the previous site stays, the staging folder is removed);
what the operator needs then is which disk, how much is free, and how much to make free.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

FULL = (errno.ENOSPC, errno.EDQUOT)


def folder_bytes(folder: Path) -> int:
    total = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            with_path = Path(directory) / name
            try:
                total += with_path.lstat().st_size
            except OSError:
                continue  # removed while counting
    return total


def _megabytes(size: int) -> str:
    return f"{max(1, round(size / 10**6)):,}".replace(",", ".") + " MB"


def _existing(path: Path) -> Path:
    """The nearest folder of ``path`` that exists (the one whose disk is asked)."""
    for candidate in (path, *path.parents):
        if candidate.is_dir():
            return candidate
    return Path.cwd()


def full_disk_message(error: OSError, *, site_dir: Path) -> str | None:
    """The German message for a full disk; ``None`` for any other ``OSError``."""
    if error.errno not in FULL:
        return None
    written = Path(os.fsdecode(error.filename)) if error.filename else site_dir
    folder = _existing(written if written.is_dir() else written.parent)
    free = shutil.disk_usage(folder).free
    previous = folder_bytes(site_dir) if site_dir.is_dir() else 0
    if previous:
        need = (
            f"Der Build braucht dort etwa {_megabytes(previous)} zusätzlich (so groß ist die "
            "bisherige Website; die neue entsteht neben ihr und ersetzt sie erst am Ende)."
        )
    else:
        need = (
            "Der Build braucht dort so viel Platz, wie die Website groß wird (je Beschluss "
            "rund 0,1 MB, dazu die Anlagen)."
        )
    return (
        f"kein Platz mehr auf dem Datenträger beim Schreiben in '{folder}' "
        f"(frei: {_megabytes(free)}). {need} Schaffen Sie Platz und starten Sie den Build "
        f"erneut; die bisherige Website in '{site_dir}' bleibt unverändert."
    )
