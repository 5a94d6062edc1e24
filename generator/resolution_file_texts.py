"""The build stage that reads resolution texts out of resolution files.

Only resolutions without a text of their own whose resolution file lies in the archive
are read: where an editor wrote the text, that text is the resolution. Files that give
no text (scanned, broken) are reported, never fatal: the page then links the file.
"""

from __future__ import annotations

from pathlib import Path

from generator.catalog import Catalog
from generator.file_text import ExtractedText, ExtractionStatus, TextCache, extract_all
from generator.problems import Problem, note, warning

CACHE_FOLDER = "file-text"
"""Inside the build folder (``.build/``): keep it between builds so PDFs are read once."""

FileTextMemo = dict[tuple[Path, int, int], ExtractedText]
"""(file, size, time of change) → its text: what a long-running preview already read."""


def read_resolution_file_texts(
    catalog: Catalog, build_dir: Path, *, memo: FileTextMemo | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """Resolution id → text read from its resolution file, and what could not be read."""
    wanted = {
        resolution.id: resolution.resolution_file.file
        for resolution in catalog.by_id.values()
        if not resolution.text
        and resolution.public
        and resolution.resolution_file is not None
        and resolution.resolution_file.file is not None
    }
    if not wanted:
        return {}, []
    extracted = _extract(sorted(set(wanted.values())), build_dir, memo)
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for resolution_id, path in sorted(wanted.items()):
        result = extracted[path]
        if result.status is ExtractionStatus.OK and result.text.strip():
            texts[resolution_id] = result.text
        if result.detail:
            problems.append(_report(catalog, resolution_id, result.status, result.detail))
    return texts, problems


def _extract(
    paths: list[Path], build_dir: Path, memo: FileTextMemo | None
) -> dict[Path, ExtractedText]:
    if memo is None:
        return extract_all(paths, TextCache(build_dir / CACHE_FOLDER))
    keys = {path: _key(path) for path in paths}
    unknown = [path for path in paths if keys[path] not in memo]
    if unknown:
        for path, text in extract_all(unknown, TextCache(build_dir / CACHE_FOLDER)).items():
            memo[keys[path]] = text
    return {path: memo[keys[path]] for path in paths}


def _key(path: Path) -> tuple[Path, int, int]:
    status = path.stat()
    return path, status.st_size, status.st_mtime_ns


def _report(catalog: Catalog, resolution_id: str, status: ExtractionStatus, detail: str) -> Problem:
    resolution = catalog.by_id[resolution_id]
    line, column = resolution.positions.get("resolution_file", (0, 0))
    message = f"aus der Beschlussdatei ließ sich kein Text lesen: {detail}"
    if status is ExtractionStatus.OK:
        message = f"Beschlussdatei: {detail}"
    # A scan in an imported record is how the town keeps it; in a hand-made entry the
    # editor can type the text instead.
    report = note if resolution.source is not None else warning
    return report(resolution.path, line, column, "resolution_file", message)
