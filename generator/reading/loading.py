"""Stage 1: read everything in ``content/`` and check it, collecting every problem.

Returns a catalog only when nothing is wrong enough to stop the build; the problems list
holds everything found in every file either way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from generator.archive.catalog import Catalog, build_catalog
from generator.archive.model import Archive, Resolution
from generator.archive.problems import Problem, Severity, error, warning
from generator.reading.meeting_reader import read_meetings
from generator.reading.registry_reader import read_registry
from generator.reading.resolution_reader import read_claims, read_resolution_file
from generator.reading.settings_reader import read_committees, read_settings
from generator.reading.synonyms import read_synonyms

RESOLUTIONS_DIR = "resolutions"

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while files are read."""


def resolution_files(content_root: Path) -> list[Path]:
    """Every resolution file, sorted, so that the build order never depends on the disk."""
    root = content_root / RESOLUTIONS_DIR
    if not root.is_dir():
        return []
    # Sorted as str parts, in the order ``Path`` objects sort in: sorting ten thousand
    # ``Path`` objects (and building each from its folder) took a second of every build.
    return [Path(name) for name in sorted(_walk(str(root)), key=_parts)]


def _parts(name: str) -> list[str]:
    return name.split(os.sep)  # noqa: PTH206 (str paths, thousands of them)


def _walk(root: str) -> Iterator[str]:
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                yield os.path.join(directory, name)  # noqa: PTH118 (str paths, thousands)


_FRONT_MATTER_KEY = re.compile(r"^(id|committee|date|result):[ \t]*(\S.*?)?[ \t]*$", re.MULTILINE)
_RESOLUTION_KEYS = frozenset({"id", "committee", "date", "result"})


def stray_resolution_files(content_root: Path, display_root: Path) -> list[Problem]:
    """A resolution saved beside ``resolutions/`` instead of in it is never published, and
    the build would not say so: warn, naming the place it belongs."""
    problems = []
    for directory, subdirectories, files in os.walk(content_root):
        here = Path(directory)
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not name.startswith(".") and not (here == content_root and name == RESOLUTIONS_DIR)
        )
        for name in sorted(files):
            if not name.endswith(".md") or name.startswith("."):
                continue
            keys = _front_matter_keys(here / name)
            if not keys.keys() >= _RESOLUTION_KEYS:
                continue
            year = keys["date"][:4] if keys["date"][:4].isdigit() else "JJJJ"
            target = f"{RESOLUTIONS_DIR}/{keys['committee'] or 'GREMIUM'}/{year}/{name}"
            path = display_root / (here / name).relative_to(content_root)
            message = (
                f"diese Datei sieht aus wie ein Beschluss, liegt aber nicht unter "
                f"{RESOLUTIONS_DIR}/ und wird darum nicht veröffentlicht; "
                f"verschieben nach {target}"
            )
            problems.append(warning(path, 1, 1, None, message))
    return problems


def _front_matter_keys(path: Path) -> dict[str, str]:
    """The resolution keys of a file's front matter, read from its first lines only."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096)
    except OSError:
        return {}
    if not head.startswith("---"):
        return {}
    front = head[3:].split("\n---", 1)[0]
    return {match[1]: (match[2] or "").strip("\"' ") for match in _FRONT_MATTER_KEY.finditer(front)}


def display_root_for(content_root: Path) -> Path:
    """How to show paths in messages: relative to the working directory where possible."""
    try:
        return content_root.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return content_root


PARALLEL_THRESHOLD = 400
"""Below this many files, starting worker processes costs more than it saves."""
_CHUNK = 200


FileResult = tuple[Resolution | None, list[Problem], str | None]
"""A file's resolution (None if it has errors), its problems, and the id it claims."""


def _read_one(path: Path, content_root: Path, display_root: Path) -> FileResult:
    data = path.read_bytes()
    display = display_root / path.relative_to(content_root)
    resolution, problems = read_resolution_file(
        path, data, content_root=content_root, display_path=display
    )
    if resolution is not None:
        return resolution, problems, resolution.id
    claims = read_claims(data)
    return None, problems, claims[0] if claims else None


def _read_chunk(job: tuple[Path, Path, list[Path], bool]) -> list[FileResult]:
    content_root, display_root, paths, keep_texts = job
    results = [_read_one(path, content_root, display_root) for path in paths]
    if keep_texts:
        return results
    # Checking needs no texts once they are checked: leaving them out spares copying
    # tens of megabytes from the worker processes back.
    return [
        (replace(r, text="", discussion="") if r is not None else None, found, claimed)
        for r, found, claimed in results
    ]


ReadCache = dict[Path, tuple[tuple[int, int], FileResult]]
"""File → ((mtime, size), what reading it gave): the preview re-reads only edited files."""


def read_resolutions(
    content_root: Path,
    display_root: Path,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
    cache: ReadCache | None = None,
    files: list[Path] | None = None,
    keep_texts: bool = True,
) -> tuple[list[Resolution], list[Problem], set[str]]:
    """Read and check every resolution file, on all cores for large archives.

    Files are independent, so reading them in parallel gives the same result as reading
    them one by one; results come back in file order either way. The set holds the ids
    that files with errors claim, so that references to them are not reported as dangling.
    With a ``cache`` (the preview), only files changed since the last call are read.
    """
    if files is None:
        files = resolution_files(content_root)
    if cache is None:
        results = _read_files(files, content_root, display_root, progress, workers, keep_texts)
    else:
        stamps = {path: _stamp(path) for path in files}
        stale = [path for path in files if cache.get(path, (None,))[0] != stamps[path]]
        fresh = _read_files(stale, content_root, display_root, progress, workers, True)
        for path, result in zip(stale, fresh, strict=True):
            cache[path] = (stamps[path], result)
        for gone in set(cache) - set(stamps):
            del cache[gone]
        results = [cache[path][1] for path in files]
    resolutions: list[Resolution] = []
    problems: list[Problem] = []
    claimed_by_failed: set[str] = set()
    for resolution, found, claimed_id in results:
        problems.extend(found)
        if resolution is not None:
            resolutions.append(resolution)
        elif claimed_id is not None:
            claimed_by_failed.add(claimed_id)
    return resolutions, problems, claimed_by_failed


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _read_files(
    files: list[Path],
    content_root: Path,
    display_root: Path,
    progress: Progress | None,
    workers: int | None,
    keep_texts: bool,
) -> list[FileResult]:
    jobs = [
        (content_root, display_root, files[start : start + _CHUNK], keep_texts)
        for start in range(0, len(files), _CHUNK)
    ]
    workers = workers if workers is not None else (os.cpu_count() or 1)
    chunks: Iterable[list[FileResult]]
    pool = None
    if workers > 1 and len(files) >= PARALLEL_THRESHOLD:
        pool = ProcessPoolExecutor(max_workers=workers)
        chunks = pool.map(_read_chunk, jobs)
    else:
        chunks = map(_read_chunk, jobs)
    results: list[FileResult] = []
    try:
        for chunk in chunks:
            results += chunk
            if progress is not None:
                progress(len(results), len(files))
    finally:
        if pool is not None:
            pool.shutdown()
    return results


def load_archive(
    content_root: Path,
    progress: Progress | None = None,
    *,
    cache: ReadCache | None = None,
    files: list[Path] | None = None,
    keep_texts: bool = True,
) -> tuple[Catalog | None, list[Problem]]:
    """``files`` may pass ``resolution_files(content_root)`` when the caller needs it too;
    ``keep_texts=False`` (for ``check``) leaves resolution texts out of the catalog."""
    display_root = display_root_for(content_root)
    problems: list[Problem] = []
    if not content_root.is_dir():
        return None, [error(display_root, 0, 0, None, "der Inhaltsordner existiert nicht")]
    settings, found = read_settings(content_root, display_root)
    problems += found
    committees, found = read_committees(content_root, display_root)
    problems += found
    synonyms, found = read_synonyms(content_root, display_root)
    problems += found
    registry, found = read_registry(content_root, display_root)
    problems += found
    meetings, found = read_meetings(content_root, display_root)
    problems += found
    problems += stray_resolution_files(content_root, display_root)
    resolutions, found, claimed_by_failed = read_resolutions(
        content_root, display_root, progress, cache=cache, files=files, keep_texts=keep_texts
    )
    problems += found
    catalog = None
    if settings is not None:
        archive = Archive(
            settings=settings,
            committees=committees,
            resolutions=tuple(resolutions),
            synonyms=synonyms,
            registry=registry,
            meetings=meetings,
        )
        catalog, found = build_catalog(archive, also_known_ids=claimed_by_failed)
        problems += found
    problems.sort(key=Problem.sort_key)
    if any(problem.severity is Severity.ERROR for problem in problems):
        return None, problems
    return catalog, problems
