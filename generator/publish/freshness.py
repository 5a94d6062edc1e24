""" "Stand: …" on every page: the date of the newest content change, never the wall clock.

The wall clock would make every build differ (and every page rewrite during ``serve``);
the commit date of ``content/`` changes only when the content does.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def content_date(content_root: Path) -> datetime.date | None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        # The reproducible-builds convention: the packager decides the date.
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return _git_date(content_root) or _newest_file_date(content_root)


_SET_HERE: list[str] = []
"""The value ``source_date_epoch`` set, while it is set (a stack: blocks may nest)."""


def packager_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as the caller set it (a packager, CI); None if unset or set
    only by ``source_date_epoch`` from the content itself."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit() or (_SET_HERE and _SET_HERE[-1] == epoch):
        return None
    return int(epoch)


@contextmanager
def source_date_epoch(content_root: Path) -> Iterator[None]:
    """Within the block, ``SOURCE_DATE_EPOCH`` is set (to the Stand date) if it was not.

    MkDocs dates ``sitemap.xml`` (``lastmod``) and the gzip header of ``sitemap.xml.gz``
    with the wall clock unless this variable is set; with it, a rebuild of the same
    content on another day gives the same bytes. Set by the caller, it is left alone.
    """
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip().isdigit():
        yield
        return
    stand = content_date(content_root)
    if stand is None:  # an empty content folder: nothing to date, MkDocs uses the clock
        yield
        return
    midnight = datetime.datetime.combine(stand, datetime.time(), tzinfo=datetime.UTC)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    _SET_HERE.append(os.environ["SOURCE_DATE_EPOCH"])
    try:
        yield
    finally:
        _SET_HERE.pop()
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _git_date(content_root: Path) -> datetime.date | None:
    try:
        completed = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "."],
            cwd=content_root,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return datetime.date.fromisoformat(completed.stdout.strip())
    except ValueError:  # not a repository, or nothing committed yet
        return None


def _newest_file_date(content_root: Path) -> datetime.date | None:
    """Outside git (a copied folder, a test): the newest file's modification date."""
    newest = max(
        (path.stat().st_mtime for path in content_root.rglob("*") if path.is_file()),
        default=None,
    )
    if newest is None:
        return None
    return datetime.datetime.fromtimestamp(newest, tz=datetime.UTC).date()
