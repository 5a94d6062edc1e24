"""The attachments of a resolution page: the files copied beside it and the list of links."""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.archive import labels, urls
from generator.archive.model import Attachment, Resolution
from generator.pages.common import e
from generator.rendering.generated import GeneratedFile


def attachment_name(attachment: Attachment) -> str:
    assert attachment.file is not None
    return attachment.file.name


def attachment_files(resolution: Resolution) -> list[GeneratedFile]:
    return [
        GeneratedFile(
            path=urls.attachment(resolution.id, attachment_name(attachment)),
            copy_from=attachment.file,
            bulk=True,
        )
        for attachment in resolution.files
        if attachment.file is not None
    ]


def file_link(resolution: Resolution, attachment: Attachment) -> tuple[str, str]:
    """(href from the resolution page, details such as "PDF, 1,2 MB" or "externer Link")."""
    if attachment.file is None:
        return attachment.url or "", "externer Link"
    here = urls.resolution(resolution.id)
    name = attachment_name(attachment)
    size = attachment.size
    if size is None and attachment.file.is_file():
        size = attachment.file.stat().st_size
    kind = PurePosixPath(name).suffix.lstrip(".").upper() or "Datei"
    details = kind + (f", {labels.file_size(size)}" if size is not None else "")
    return urls.relative(here, urls.attachment(resolution.id, name)), details


def attachment_list(links: list[tuple[str, str, str]]) -> str:
    """The list of attachments, given as (href, details, title) (``file_link``)."""
    items = [
        f'<li><a href="{e(href)}">{e(title)}</a> '
        f'<span class="ra-attachment__details">({e(details)})</span></li>'
        for href, details, title in links
    ]
    return (
        f'\n<section class="ra-attachments"><h2>Anlagen</h2><ul>{"".join(items)}</ul></section>\n'
    )
