"""The build stage that reads texts out of the files beside the resolutions.

A resolution file is read where the resolution has no text of its own: where an editor
wrote the text, that text is the resolution. Files that give no text (scanned, broken)
are reported, never fatal: the page then links the file. PDF attachments are read for
the search alone, which says when a hit is only in an attachment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.archive.catalog import Catalog
from generator.archive.model import Attachment
from generator.archive.problems import Problem, note, warning
from generator.file_texts.extraction import ExtractedText, ExtractionStatus, TextCache, extract_all

CACHE_FOLDER = "file-text"
"""Inside the build folder (``.build/``): keep it between builds so PDFs are read once."""

FileTextMemo = dict[tuple[Path, int, int], ExtractedText]
"""(file, size, time of change) → its text: what a long-running preview already read."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FileTexts:
    resolution_texts: dict[str, str]
    """Resolution id → the text of its resolution file, where the file is its only text."""
    attachment_texts: dict[str, tuple[tuple[str, str], ...]]
    """Resolution id → (title, text) of its attachments, for the search alone."""
    problems: list[Problem]


ATTACHMENT_TEXT_LIMIT = 30_000
"""Characters of one attachment's text the search indexes: enough for the pages that
matter (the first of a Vorlage), and the index stays light for thousands of PDFs."""


def read_resolution_file_texts(
    catalog: Catalog, build_dir: Path, *, memo: FileTextMemo | None = None
) -> FileTexts:
    """The texts of resolution files and attachments in the archive, and what could not be
    read (only resolution files are reported: an attachment's text is a search aid)."""
    wanted = {
        resolution.id: resolution.resolution_file.file
        for resolution in catalog.by_id.values()
        if not resolution.text
        and resolution.public
        and resolution.resolution_file is not None
        and resolution.resolution_file.file is not None
    }
    attachments = {
        resolution.id: resolution.attachments
        for resolution in catalog.by_id.values()
        if resolution.public and resolution.attachments
    }
    paths = {
        *wanted.values(),
        *(
            attachment.file
            for files in attachments.values()
            for attachment in files
            if attachment.file is not None and attachment.file.suffix.lower() == ".pdf"
        ),
    }
    extracted = _extract(sorted(paths), build_dir, memo) if paths else {}
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for resolution_id, path in sorted(wanted.items()):
        result = extracted[path]
        if result.status is ExtractionStatus.OK and result.text.strip():
            texts[resolution_id] = result.text
        if result.detail:
            problems.append(_report(catalog, resolution_id, result.status, result.detail))
    attachment_texts = {
        resolution_id: found
        for resolution_id, files in sorted(attachments.items())
        if (found := _attachment_texts(files, extracted))
    }
    return FileTexts(resolution_texts=texts, attachment_texts=attachment_texts, problems=problems)


def _attachment_texts(
    attachments: tuple[Attachment, ...], extracted: dict[Path, ExtractedText]
) -> tuple[tuple[str, str], ...]:
    """(title, text) of each attachment with a text: read from its PDF, else the text the
    council information system delivered with it (OParl ``File.text``)."""
    found = []
    for attachment in attachments:
        read = extracted.get(attachment.file) if attachment.file is not None else None
        if read is not None and read.status is ExtractionStatus.OK and read.text.strip():
            found.append((attachment.title, read.text[:ATTACHMENT_TEXT_LIMIT]))
        elif attachment.text and attachment.text.strip():
            found.append((attachment.title, attachment.text[:ATTACHMENT_TEXT_LIMIT]))
    return tuple(found)


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
