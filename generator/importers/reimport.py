"""Writing imported files so that importing again is safe.

Each file records ``source: {system, origin, checksum, imported}``; the checksum covers the
whole file except that block. On a re-import the file whose origin matches is found again:

- its current text still has the recorded checksum → nobody edited it: it is updated
  (or left alone when the source did not change);
- its checksum differs → an editor changed it: it is kept and reported, unless ``force``.

Files are written atomically so that an interrupted import never leaves half a file.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from generator.archive.slugs import slugify
from generator.importers.content_files import checksum, render
from generator.importers.draft import Draft, FileAttachment
from generator.reading.loading import RESOLUTIONS_DIR, resolution_files
from generator.reading.source_files import decode, split_front_matter
from generator.reading.yaml_source import parse_yaml

Attach = Callable[[Draft, Path], Draft]
"""Saves a draft's files into a folder; returns the draft that lists them."""


class Outcome(StrEnum):
    IMPORTED = "importiert"
    UPDATED = "aktualisiert"
    UNCHANGED = "unverändert"
    KEPT_EDITED = "von Hand geändert, nicht überschrieben"


@dataclass(frozen=True, slots=True, kw_only=True)
class ExistingFile:
    path: Path
    id: str
    checksum: str


@dataclass(slots=True)
class ExistingFiles:
    """What the archive already holds: imported files by origin, and every id in use."""

    by_origin: dict[tuple[str, str], ExistingFile] = field(default_factory=dict)
    ids: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def scan(cls, content_root: Path) -> ExistingFiles:
        found = cls()
        for path in resolution_files(content_root):
            data = _front_matter(path)
            if data is None:
                continue
            ident = data.get("id")
            if isinstance(ident, str):
                found.ids[ident.casefold()] = path
            source = data.get("source")
            if isinstance(source, dict) and isinstance(ident, str):
                system, origin, recorded = (source.get(k) for k in ("system", "origin", "checksum"))
                if (
                    isinstance(system, str)
                    and isinstance(origin, str)
                    and isinstance(recorded, str)
                ):
                    found.by_origin[(system, origin)] = ExistingFile(
                        path=path, id=ident, checksum=recorded
                    )
        return found


def _front_matter(path: Path) -> dict[str, object] | None:
    """Read leniently: a file with errors still tells its id and source."""
    text, _ = decode(path, path.read_bytes())
    if text is None:
        return None
    source, _ = split_front_matter(path, text)
    if source is None:
        return None
    document, _ = parse_yaml(source.front_matter, path)
    return document.value if isinstance(document.value, dict) else None


def target_path(content_root: Path, draft: Draft) -> Path:
    """``resolutions/<committee>/<year>/<date>-<slug>.md``; placeholders when data is missing."""
    committee = draft.committee or "ohne-gremium"
    year = str(draft.date.year) if draft.date else "ohne-jahr"
    date = draft.date.isoformat() if draft.date else "ohne-datum"
    slug = slugify(draft.title or draft.id, max_length=50)
    return content_root / RESOLUTIONS_DIR / committee / year / f"{date}-{slug}.md"


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    outcome: Outcome
    path: Path


class IdTakenError(Exception):
    """The draft's id already belongs to a file that did not come from this record."""


def write_draft(
    content_root: Path,
    draft: Draft,
    existing: ExistingFiles,
    *,
    today: datetime.date,
    force: bool = False,
    attach: Attach | None = None,
) -> Written:
    """Write, update or keep the file for ``draft``.

    ``attach`` (``--download-files``) saves the draft's files into the folder its file will
    live in and returns the draft with ``file:`` attachments; it runs only once the file is
    known to be ours to write, and before the checksum, which must cover what the file says.
    """
    previous = existing.by_origin.get((draft.system, draft.origin))
    path = target_path(content_root, draft)
    edited = False
    if previous is not None:
        current = previous.path.read_text(encoding="utf-8")
        edited = checksum(current) != previous.checksum
        if edited and not force:
            return Written(outcome=Outcome.KEPT_EDITED, path=previous.path)
    else:
        owner = existing.ids.get(draft.id.casefold())
        if owner is not None:
            raise IdTakenError(f"die Kennung '{draft.id}' ist schon vergeben an {owner}")
    if attach is not None:
        draft = attach(draft, path.parent)
    new_sum = checksum(render(draft))
    if previous is not None:
        # Saved files sit in the target folder; a file moved away by hand must follow them.
        stranded = previous.path.parent != path.parent and any(
            isinstance(a, FileAttachment) for a in (draft.resolution_file, *draft.attachments)
        )
        if not edited and new_sum == previous.checksum and not stranded:
            return Written(outcome=Outcome.UNCHANGED, path=previous.path)
        if path != previous.path:
            path = _free_path(path)
        write_text_atomically(path, render(draft, checksum=new_sum, imported=today))
        if path != previous.path:
            previous.path.unlink()  # it was ours and unchanged (or --force): it moved
        existing.by_origin[(draft.system, draft.origin)] = ExistingFile(
            path=path, id=draft.id, checksum=new_sum
        )
        existing.ids[draft.id.casefold()] = path
        return Written(outcome=Outcome.UPDATED, path=path)
    path = _free_path(path)
    write_text_atomically(path, render(draft, checksum=new_sum, imported=today))
    existing.by_origin[(draft.system, draft.origin)] = ExistingFile(
        path=path, id=draft.id, checksum=new_sum
    )
    existing.ids[draft.id.casefold()] = path
    return Written(outcome=Outcome.IMPORTED, path=path)


def _free_path(path: Path) -> Path:
    """Two records with the same date and title must not overwrite each other."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def write_text_atomically(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".import-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
