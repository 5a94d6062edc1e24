"""OParl Files → the resolution file, the other files as links, and the text they carry
(``File.text``): a resolution file's as the resolution text, an attachment's for the search."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.importers.draft import UrlAttachment
from generator.importers.oparl_source import OParlData
from generator.importers.source_text import multiline, single_line


def item_files(
    data: OParlData, item: dict[str, object], paper: dict[str, object] | None
) -> tuple[UrlAttachment | None, tuple[UrlAttachment, ...], list[str]]:
    """The resolution file, the other files as links, and notes on those left out."""
    resolution_file, notes = _links(data, [item.get("resolutionFile")])
    files: list[object] = list(as_list(item.get("auxiliaryFile")))
    if paper is not None:
        files.append(paper.get("mainFile"))
        files.extend(as_list(paper.get("auxiliaryFile")))
    seen = {resolution_file[0].url} if resolution_file else set()
    others, other_notes = _links(data, files, seen=seen)
    # The resolution file's text becomes the resolution text (``file_text``), not search data.
    first = replace(resolution_file[0], text=None) if resolution_file else None
    return first, others, notes + other_notes


def _links(
    data: OParlData, references: list[object], *, seen: set[str] | None = None
) -> tuple[tuple[UrlAttachment, ...], list[str]]:
    found: list[UrlAttachment] = []
    notes: list[str] = []
    seen = set() if seen is None else seen
    for reference in references:
        file = data.get(reference) if reference is not None else None
        if file is None or file.get("deleted"):
            continue
        title = single_line(file.get("name")) or single_line(file.get("fileName")) or "Anlage"
        access, download = single_line(file.get("accessUrl")), single_line(file.get("downloadUrl"))
        url = next((u for u in (access, download) if u and _is_http(u)), None)
        if url is None:  # a crawl may point at file:// copies; no link can be given
            notes.append(f"Anlage '{title}' ohne http(s)-Adresse, nicht übernommen")
            continue
        if url in seen:
            continue  # the spec's examples repeat one file several times
        seen.add(url)
        found.append(
            UrlAttachment(
                title=title,
                url=url,
                # downloadUrl, when given, is the one meant for saving the file
                download_url=download if download and _is_http(download) else url,
                file_name=single_line(file.get("fileName")) or single_line(file.get("name")),
                mime_type=single_line(file.get("mimeType")),
                text=_attachment_text(file),
            )
        )
    return tuple(found), notes


ATTACHMENT_TEXT_LIMIT = 30_000
"""As much of a file's text as the search indexes (``file_texts.stage``); the rest is in the
file, which the attachment links."""


def _attachment_text(file: dict[str, object]) -> str | None:
    """OParl 1.1 ``File.text`` of an attachment, for the search alone: the page links the file,
    and a hit only in this text is shown as found in the attachment."""
    text = multiline(file.get("text"))
    if not text:
        return None
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    words = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    cleaned = "".join(c for c in words if c == "\n" or c.isprintable())
    return cleaned[:ATTACHMENT_TEXT_LIMIT].strip() or None


def _is_http(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def as_list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def file_text(file: dict[str, object], text: str) -> str:
    """OParl 1.1 ``File.text``: the text of the resolution file, delivered with it, shown as
    taken from the file (as the build shows a PDF's text), so no one reads it as edited."""
    title = single_line(file.get("name")) or single_line(file.get("fileName")) or "Beschlussdatei"
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    body = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return (
        f"*Dieser Text stammt aus der Datei „{title}“, wie das Ratsinformationssystem ihn "
        "mitliefert. Maßgeblich ist die Datei; Tabellen und Aufzählungen können dort anders "
        f"aussehen.*\n\n{body}"
    )
