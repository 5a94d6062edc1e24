"""One resolution file → a ``Resolution``, or the problems that stand in the way.

This checks what one file can tell on its own: field types, closed vocabularies, vote
arithmetic, attachment paths. What needs the whole archive (unique ids, relation targets,
committees) is checked by ``catalog``. Which fields there are, and how each is read, is
declared in ``contract``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.archive.model import Attachment, Resolution
from generator.archive.problems import Problem, error
from generator.reading.attachment_reader import (
    ATTACHMENT_SUFFIXES as ATTACHMENT_SUFFIXES,
)
from generator.reading.attachment_reader import (
    MAX_ATTACHMENT_BYTES as MAX_ATTACHMENT_BYTES,
)
from generator.reading.body_safety import check_body
from generator.reading.contract import (
    CROSS_FILE_FIELDS,
    EPOCH,
    FIELDS,
    REQUIRED,
    RESOLUTION_FIELDS,
)
from generator.reading.field_readers import FileContext
from generator.reading.fields import FieldReader
from generator.reading.source_files import SourceText, decode, split_front_matter
from generator.reading.yaml_source import format_key_path, parse_yaml

DISCUSSION_HEADING = re.compile(r"^##[ \t]+Beratung[ \t]*#*[ \t]*$", re.MULTILINE)
LEVEL_ONE_HEADING = re.compile(r"^#[ \t]+\S", re.MULTILINE)


def read_resolution(
    source: SourceText, *, file_path: Path, content_root: Path
) -> tuple[Resolution | None, list[Problem]]:
    """Validate one split file; ``source.path`` is what messages show."""
    display_path = source.path
    document, problems = parse_yaml(
        source.front_matter, display_path, first_line=source.front_matter_line
    )
    if document.value is None and problems:
        return None, problems  # a syntax error: nothing further can be read
    imported = isinstance(document.value, dict) and document.value.get("source") is not None
    reader = FieldReader(document, display_path, imported=imported)
    reader.problems.extend(problems)
    data = reader.mapping((), document.value, known=FIELDS, required=REQUIRED, what="Kopfdaten")
    if data is None:
        return None, reader.problems

    read: dict[str, object] = {}
    file = FileContext(reader=reader, file_path=file_path, content_root=content_root, earlier=read)
    for field in RESOLUTION_FIELDS:
        read[field.name] = field.read(file, (field.name,), data.get(field.name))
    for field in RESOLUTION_FIELDS:
        rule = field.required_if
        if rule is not None and read[rule.field] == rule.value and read[field.name] is None:
            reader.fail((rule.field,), rule.message)
    values: dict[str, Any] = {
        field.model_attribute: field.missing if read[field.name] is None else read[field.name]
        for field in RESOLUTION_FIELDS
    }
    resolution_file = values["resolution_file"]
    attachment_names = frozenset(
        a.file.name for a in (*values["attachments"], resolution_file) if a is not None and a.file
    )
    text, discussion = _split_body(reader, source, attachment_names, resolution_file)
    resolution = Resolution(
        **values,
        path=display_path,
        text=text,
        discussion=discussion,
        positions={
            format_key_path(key): mark
            for key, mark in document.marks.items()
            if key and key[0] in CROSS_FILE_FIELDS
        },
    )
    _check_path_agrees(reader, resolution)
    if reader.problems and any(p.severity == "error" for p in reader.problems):
        return None, reader.problems
    return resolution, reader.problems


def _split_body(
    reader: FieldReader,
    source: SourceText,
    attachment_names: frozenset[str],
    resolution_file: Attachment | None,
) -> tuple[str, str]:
    body = source.body
    heading = LEVEL_ONE_HEADING.search(body)
    if heading:
        line = source.body_line + body[: heading.start()].count("\n")
        reader.problems.append(
            error(
                reader.path,
                line,
                1,
                None,
                "Überschriften der Ebene 1 ('# ') sind dem Titel vorbehalten; "
                "beginnen Sie Zwischenüberschriften mit '### '",
            )
        )
    reader.problems.extend(
        check_body(body, reader.path, source.body_line, attachment_names=attachment_names)
    )
    match = DISCUSSION_HEADING.search(body)
    text, discussion = (
        (body.strip(), "")
        if match is None
        else (body[: match.start()].strip(), body[match.end() :].strip())
    )
    if not text and resolution_file is None and reader.imported:
        reader.gap(
            (),
            "die Quelle enthält keinen Beschlusstext; die Seite sagt das so. Bitte aus der "
            "Niederschrift unter den Kopfdaten nachtragen oder unter 'resolution_file' die "
            "Datei nennen, in der er steht",
        )
    elif not text and resolution_file is None:
        reader.problems.append(
            error(
                reader.path,
                source.body_line,
                1,
                None,
                "der Beschlusstext fehlt; er steht unter den Kopfdaten, vor '## Beratung' "
                "(oder nennen Sie unter 'resolution_file' die Datei, in der er steht)",
            )
        )
    elif not text and resolution_file is not None and resolution_file.file is None:
        reader.gap(
            ("resolution_file",),
            "der Beschlusstext steht nur in der verlinkten Datei; die Seite verweist darauf. "
            "Liegt die Datei neben dem Beschluss (import oparl --download-files), zeigt die "
            "Seite ihren Text und die Suche findet ihn",
        )
    return text, discussion


def _check_path_agrees(reader: FieldReader, resolution: Resolution) -> None:
    """Warn when the file's folder does not show its committee and year (the contract)."""
    parts = resolution.path.parts
    if not resolution.committee or resolution.date == EPOCH or len(parts) < 3:
        return
    committee_dir, year_dir, name = parts[-3], parts[-2], parts[-1]
    expected = f"resolutions/{resolution.committee}/{resolution.date.year}/"
    if (
        committee_dir != resolution.committee
        or year_dir != str(resolution.date.year)
        or not name.startswith(resolution.date.isoformat())
    ):
        reader.warn(
            ("committee",),
            f"der Ablageort passt nicht zu Gremium und Datum; erwartet "
            f"content/{expected}{resolution.date.isoformat()}-….md",
        )


def read_resolution_file(
    path: Path, data: bytes, *, content_root: Path, display_path: Path
) -> tuple[Resolution | None, list[Problem]]:
    """Read one file's bytes; ``path`` locates attachments, ``display_path`` is shown."""
    text, problems = decode(display_path, data)
    if text is None:
        return None, problems
    source, problems = split_front_matter(display_path, text)
    if source is None:
        return None, problems
    return read_resolution(source, file_path=path, content_root=content_root)


def read_claims(data: bytes) -> tuple[str, str | None, tuple[str, ...]] | None:
    """(id, committee, former ids) of a file, read leniently even if it has errors.

    A file with a typo elsewhere still claims its id: other files that refer to it must not
    report a dangling relation, and ``new`` must not hand out the same id again.
    """
    text, _ = decode(Path(), data)
    source, _ = split_front_matter(Path(), text or "")
    if source is None:
        return None
    document, _ = parse_yaml(source.front_matter, Path())
    fields = document.value
    if not isinstance(fields, dict) or not isinstance(fields.get("id"), str):
        return None
    committee = fields.get("committee")
    former = fields.get("former_ids")
    former_ids = tuple(str(item) for item in former if item) if isinstance(former, list) else ()
    return fields["id"], committee if isinstance(committee, str) else None, former_ids
