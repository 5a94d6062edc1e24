"""When each content file was added and last changed: the dates of the OParl objects.

OParl 1.1 makes ``created`` and ``modified`` mandatory on every object so that clients can
synchronise by them (a client keeps what it has and fetches again what was ``modified``
since). So they must say when the object's data changed, not when the archive last did:
each object is dated by the content files it is made from (``outputs.oparl_objects``).

In git, one ``git log`` over ``content/`` dates every file at once: its first commit is
``created``, its last ``modified`` (commit times; the earliest and latest, so the order of
merged branches does not matter). A file git does not know (outside git, not yet
committed) has its modification time for both. A shallow clone (CI with ``fetch-depth:
1``) sees only its newest commits: every file it does not see changed is dated by the
oldest commit it holds, which still builds, but clients then fetch every object again.

The pass is one process for the whole archive: at 3,000 commits over 10,000 files it
took 0.3 s (0.13 s CPU), in the process that makes the reuse outputs beside the pages, so
it is not kept between builds.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.outputs.context import Dates, SourceDates
from generator.reading.loading import display_root_for

_LOG = (
    "git",
    "log",
    "--format=%x00%ct",
    "--name-only",
    "--no-renames",
    "--relative",
    "-z",
    "--",
    ".",
)
"""-z: names as they are (no quoting); --no-renames: a moved file is added anew under its
new name, as its objects are (their ids come from the file). ``--relative`` and the
working folder: names relative to the content folder, wherever the repository begins."""


def file_dates(content_root: Path) -> SourceDates:
    root = content_root.resolve()
    return SourceDates(root=root, display=display_root_for(content_root), committed=_git(root))


def _git(root: Path) -> dict[str, Dates]:
    """Path relative to ``root`` → (first, last) commit time; empty outside git."""
    try:
        completed = subprocess.run(
            _LOG,
            cwd=root,
            capture_output=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if completed.returncode != 0:  # not a repository, or nothing committed yet
        return {}
    return parse_log(completed.stdout.decode("utf-8", "surrogateescape"))


def parse_log(log: str) -> dict[str, Dates]:
    """``git log --format=%x00%ct --name-only -z``: each commit is an empty field, its
    time, then its files (the first after a newline)."""
    dates: dict[str, Dates] = {}
    time = 0
    after_commit = True  # the log starts with a commit's empty field
    for field in log.split("\0"):
        if not field:
            after_commit = True
            continue
        if after_commit:
            time = int(field)
            after_commit = False
            continue
        name = field.removeprefix("\n")
        first, last = dates.get(name, (time, time))
        dates[name] = (min(first, time), max(last, time))
    return dates
