"""When each content file was added and last changed: the dates of the OParl objects.

OParl 1.1 makes ``created`` and ``modified`` mandatory on every object so that clients can
synchronise by them (a client keeps what it has and fetches again what was ``modified``
since). So they must say when the object's data changed, not when the archive last did:
each object is dated by the content files it is made from (``outputs.oparl_objects``).

In git, one ``git log`` over ``content/`` dates every file at once: its first commit is
``created``, its last ``modified`` (commit times; the earliest and latest, so the order of
merged branches does not matter; ``--full-history``, so that no commit that touched a file
is left out for a merge that took the other side). A file git does not know (outside git,
not yet committed) has its modification time for both, clamped to ``SOURCE_DATE_EPOCH``
where the caller set it: a packager who sets it gets the same bytes from a copy that did not
keep file times. (Not where the build set it to the Stand's midnight: each new Stand would
then re-date every file changed on the day before.) A shallow clone (CI with
``fetch-depth: 1``) sees only its newest commits: every file it does not see changed is
dated by the oldest commit it holds, which still builds, but clients then fetch every
object again.

The pass took 0.13 s CPU for 3,000 commits over 10,000 files, but 1.5 s (3–4 s wall under
load) for 30,000: a decade of an archive edited daily. So the dates are kept in the build
folder under the commit they were read at, and the next build reads only the commits
since (``OLD..HEAD``: every commit the new history adds, merged branches included; the
union of both is the whole history's, so the dates are those of a full pass): after one
more commit on those 30,000, 0.02 s. Not in a shallow clone, whose history an earlier,
deeper clone's dates would contradict.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
from pathlib import Path

from generator.outputs.context import Dates, SourceDates
from generator.publish.freshness import packager_epoch
from generator.publish.site_writer import write_if_changed
from generator.reading.loading import display_root_for

_LOG = (
    "log",
    "--format=%x00%ct",
    "--name-only",
    "--no-renames",
    "--full-history",
    "--relative",
    "-z",
)
"""-z: names as they are (no quoting); --no-renames: a moved file is added anew under its
new name, as its objects are (their ids come from the file). ``--relative`` and the
working folder: names relative to the content folder, wherever the repository begins."""

CACHE_VERSION = 1


def file_dates(content_root: Path, cache: Path | None = None) -> SourceDates:
    """``cache``: where the dates are kept between builds (None: read the whole log)."""
    root = content_root.resolve()
    return SourceDates(
        root=root,
        display=display_root_for(content_root),
        committed=_committed(root, cache),
        latest=packager_epoch(),
    )


def _committed(root: Path, cache: Path | None) -> dict[str, Dates]:
    """Path relative to ``root`` → (first, last) commit time; empty outside git."""
    state = _git(root, "rev-parse", "HEAD", "--is-shallow-repository")
    if state is None:  # not a repository, or nothing committed yet
        return {}
    head, shallow = state.split()
    if shallow == "true" or cache is None:
        return _log(root, "HEAD") or {}
    kept = _load(cache, root)
    dates = None
    if kept is not None and kept[0] == head:
        dates = kept[1]
    elif kept is not None and _git(root, "merge-base", "--is-ancestor", kept[0], head) is not None:
        added = _log(root, f"{kept[0]}..{head}")
        dates = _merged(kept[1], added) if added is not None else None
    if dates is None:
        dates = _log(root, "HEAD") or {}
    stored = {"version": CACHE_VERSION, "root": str(root), "head": head, "dates": dates}
    # Unwritten, only the next build's head start is lost (a full disk stops the build later).
    with contextlib.suppress(OSError):
        write_if_changed(cache, json.dumps(stored, separators=(",", ":")).encode("utf-8"))
    return dates


def _log(root: Path, commits: str) -> dict[str, Dates] | None:
    found = _git(root, *_LOG, commits, "--", ".")
    return parse_log(found) if found is not None else None


def _git(root: Path, *arguments: str) -> str | None:
    """The output of ``git arguments`` in ``root``; None if it failed."""
    try:
        completed = subprocess.run(
            ["git", *arguments], cwd=root, capture_output=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return completed.stdout.decode("utf-8", "surrogateescape")


def _load(cache: Path, root: Path) -> tuple[str, dict[str, Dates]] | None:
    """The commit and dates kept for ``root``; None if there are none (or unreadable)."""
    try:
        stored = json.loads(cache.read_bytes())
        if stored["version"] != CACHE_VERSION or stored["root"] != str(root):
            return None
        return str(stored["head"]), {
            name: (int(first), int(last)) for name, (first, last) in stored["dates"].items()
        }
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _merged(kept: dict[str, Dates], added: dict[str, Dates]) -> dict[str, Dates]:
    merged = dict(kept)
    for name, (first, last) in added.items():
        old_first, old_last = merged.get(name, (first, last))
        merged[name] = (min(first, old_first), max(last, old_last))
    return merged


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
