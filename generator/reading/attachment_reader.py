"""Attachments and the resolution file: a file beside the resolution, or a web address.

A file must lie inside ``content/``, have an allowed type and size, and exist; a name is
never echoed when it holds control characters (they would garble terminals and CI logs).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from generator.archive.model import Attachment
from generator.reading import parts as schema
from generator.reading.fields import FieldReader
from generator.reading.parts import Part, names, object_schema, required_names
from generator.reading.yaml_source import KeyPath

ATTACHMENT_SUFFIXES = {".pdf", ".odt", ".ods", ".docx", ".xlsx", ".png", ".jpg", ".jpeg", ".csv"}
MAX_ATTACHMENT_BYTES = 50_000_000
SAFE_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+", re.IGNORECASE)
ATTACHMENT_PARTS = (
    Part("title", schema.text(), required=True),
    Part("file", schema.text()),
    Part("url", schema.web_address()),
    Part(
        "text",
        schema.multiline_text(
            "Text der Datei, wie das Ratsinformationssystem ihn mitliefert (OParl File.text); "
            "nur für die Suche"
        ),
    ),
)


def attachment_schema(description: str | None = None) -> schema.Schema:
    """Exactly one of ``file`` and ``url``, as ``read_attachment`` demands."""
    one_of = [{"required": ["file"]}, {"required": ["url"]}]
    if description is None:
        return object_schema(ATTACHMENT_PARTS, oneOf=one_of)
    return object_schema(ATTACHMENT_PARTS, oneOf=one_of, description=description)


def read_attachments(
    reader: FieldReader, value: object, file_path: Path, content_root: Path
) -> tuple[Attachment, ...]:
    attachments = []
    for index, item in enumerate(reader.list_of(("attachments",), value)):
        attachment = read_attachment(reader, ("attachments", index), item, file_path, content_root)
        if attachment is not None:
            attachments.append(attachment)
    return tuple(attachments)


def read_attachment(
    reader: FieldReader, at: KeyPath, item: object, file_path: Path, content_root: Path
) -> Attachment | None:
    data = reader.mapping(
        at, item, known=names(ATTACHMENT_PARTS), required=required_names(ATTACHMENT_PARTS)
    )
    if data is None:
        return None
    title = reader.text((*at, "title"), data.get("title"))
    text = reader.text((*at, "text"), data.get("text"), multiline=True) if "text" in data else None
    if ("file" in data) == ("url" in data):
        reader.fail(at, "eine Anlage braucht genau eines von 'file' (Datei) oder 'url'")
        return None
    if "url" in data:
        url = reader.text((*at, "url"), data.get("url"))
        if url is not None and not SAFE_URL.match(url):
            reader.fail(
                (*at, "url"),
                f"erwartet eine Webadresse, die mit https:// beginnt, gefunden '{url}'",
            )
        elif url and title:
            return Attachment(title=title, url=url, text=text)
        return None
    file = _attachment_file(reader, (*at, "file"), data.get("file"), file_path, content_root)
    if file is not None and title:
        return Attachment(title=title, file=file, size=file.stat().st_size, text=text)
    return None


def _attachment_file(
    reader: FieldReader, at: KeyPath, value: object, file_path: Path, content_root: Path
) -> Path | None:
    name = reader.text(at, value)
    if name is None:
        return None
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        # Never echo the name: a NUL or escape sequence would garble terminals and CI logs.
        reader.fail(at, "der Dateiname enthält ein Steuerzeichen (z. B. NUL); bitte umbenennen")
        return None
    if "\\" in name or "\x00" in name or name.startswith("/") or ":" in name:
        reader.fail(
            at,
            f"erwartet einen Dateinamen relativ zum Beschluss mit '/' als Trenner, "
            f"gefunden '{name}'",
        )
        return None
    if ".." in PurePosixPath(name).parts:
        reader.fail(at, f"die Anlage darf nicht außerhalb von content/ liegen ('{name}')")
        return None
    target = (file_path.parent / name).resolve()
    if not target.is_relative_to(content_root.resolve()):
        reader.fail(at, f"die Anlage darf nicht außerhalb von content/ liegen ('{name}')")
        return None
    if target.suffix.lower() not in ATTACHMENT_SUFFIXES:
        allowed = ", ".join(sorted(ATTACHMENT_SUFFIXES))
        reader.fail(at, f"Anlagen dieses Dateityps sind nicht erlaubt (erlaubt: {allowed})")
        return None
    if not target.is_file():
        reader.fail(at, f"die Datei '{name}' gibt es nicht neben dem Beschluss")
        return None
    size = target.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        reader.fail(
            at,
            f"die Datei ist {size // 1_000_000} MB groß; erlaubt sind höchstens "
            f"{MAX_ATTACHMENT_BYTES // 1_000_000} MB",
        )
        return None
    return target
