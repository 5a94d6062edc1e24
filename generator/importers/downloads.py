"""``--download-files``: a resolution's OParl files, saved beside it as ``file:`` attachments.

Each link with an http(s) download address is fetched through the OParl client (timeouts,
retries, rate limit) and saved as ``<resolution id>-<name><suffix>``: the id keeps the name
unique in the folder and stable across re-imports (the resolution file's own name follows
its title), the rest comes from the source's file name, reduced to ``[a-z0-9-]`` and an
allowed suffix so that ``ratsarchiv check`` accepts it. The size cap is check's own.

A file whose bytes did not change is not rewritten. A failed download keeps the link —
unless an earlier import saved the file: that copy stays, so that a flaky server does not
flip the resolution between ``file:`` and ``url:`` on every run.
"""

from __future__ import annotations

import filecmp
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from generator.archive.slugs import slugify
from generator.importers.draft import Attachment, Draft, FileAttachment, UrlAttachment
from generator.importers.oparl_client import OParlClient, OParlError
from generator.reading.resolution_reader import ATTACHMENT_SUFFIXES, MAX_ATTACHMENT_BYTES

_MIME_SUFFIXES = {
    "application/pdf": ".pdf",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "text/csv": ".csv",
}
_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.[a-z]+")


@dataclass(slots=True)
class DownloadReport:
    saved: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    links_kept: list[tuple[str, str]] = field(default_factory=list)
    """(address, why) for files left as links without an attempt to fetch them."""

    def summary(self) -> list[str]:
        lines = [f"{url}: Hinweis: als Link belassen ({why})" for url, why in self.links_kept]
        lines.append(
            f"Anlagen: {self.saved} gespeichert, {self.unchanged} unverändert, "
            f"{len(self.failed)} nicht geladen, {len(self.links_kept)} als Link belassen."
        )
        return lines


def local_name(ident: str, attachment: UrlAttachment) -> str | None:
    """The file name to save under, or ``None`` when the type is not an allowed one."""
    source = (attachment.file_name or attachment.title).replace("\\", "/").rsplit("/", 1)[-1]
    own_suffix = PurePosixPath(source).suffix.lower()
    url_suffix = PurePosixPath(urlparse(attachment.download_url or "").path).suffix.lower()
    mime = (attachment.mime_type or "").split(";")[0].strip().lower()
    for suffix in (own_suffix, _MIME_SUFFIXES.get(mime, ""), url_suffix):
        if suffix in ATTACHMENT_SUFFIXES:
            break
    else:
        return None
    stem = source[: -len(own_suffix)] if own_suffix else source
    name = f"{slugify(ident, max_length=60)}-{slugify(stem, max_length=60)}{suffix}"
    return name if _SAFE_NAME.fullmatch(name) else None


class Downloader:
    def __init__(self, client: OParlClient, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
        self.client = client
        self.max_bytes = max_bytes
        self.report = DownloadReport()

    def attach(self, draft: Draft, folder: Path) -> Draft:
        """The draft with each downloadable link replaced by the file saved in ``folder``."""
        taken: set[str] = set()
        resolution_file = (
            self._one(draft.id, draft.resolution_file, folder, taken)
            if draft.resolution_file is not None
            else None
        )
        attachments: list[Attachment] = []
        for attachment in draft.attachments:
            attachments.append(self._one(draft.id, attachment, folder, taken))
        return replace(draft, resolution_file=resolution_file, attachments=tuple(attachments))

    def _one(self, ident: str, attachment: Attachment, folder: Path, taken: set[str]) -> Attachment:
        if not isinstance(attachment, UrlAttachment):
            return attachment
        url = attachment.download_url
        if url is None or not url.startswith(("https://", "http://")):
            self.report.links_kept.append((attachment.url, "keine http(s)-Adresse zum Laden"))
            return attachment
        name = local_name(ident, attachment)
        if name is None:
            self.report.links_kept.append((attachment.url, "Dateityp nicht erlaubt"))
            return attachment
        base, number = PurePosixPath(name), 2
        while name in taken:  # two files of one resolution with the same name
            name, number = f"{base.stem}-{number}{base.suffix}", number + 1
        taken.add(name)
        target = folder / name
        try:
            self._save(url, target)
        except (OParlError, OSError) as exc:
            self.report.failed.append((url, str(exc)))
            return (
                FileAttachment(title=attachment.title, file=name)
                if target.is_file()
                else attachment
            )
        return FileAttachment(title=attachment.title, file=name)

    def _save(self, url: str, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".download-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w+b") as out:
                self.client.download(url, out, max_bytes=self.max_bytes)
            if target.is_file() and filecmp.cmp(temporary, target, shallow=False):
                self.report.unchanged += 1  # leave the file (and its mtime) alone
            else:
                Path(temporary).replace(target)
                self.report.saved += 1
        finally:
            Path(temporary).unlink(missing_ok=True)
