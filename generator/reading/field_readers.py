"""How each field's YAML value becomes the model's value (``contract`` says which is which).

Every reader takes the file, the key path of the field and the raw value, and returns the
model's value or None after recording a problem (or when the field is absent).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from generator.archive.model import AgendaItem, Meeting, Relation, RelationType, Result, Source
from generator.reading import parts as schema
from generator.reading.attachment_reader import read_attachment, read_attachments
from generator.reading.fields import FieldReader
from generator.reading.parts import Part, names, required_names
from generator.reading.vote_reader import read_votes
from generator.reading.yaml_source import KeyPath

E = TypeVar("E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class FileContext:
    """What a field's reader may use: the typed reader and where the file lies."""

    reader: FieldReader
    file_path: Path
    content_root: Path
    earlier: Mapping[str, object] = field(default_factory=dict)
    """The values of the fields read before this one, in the contract's order (None where
    a field is absent or wrong): for a field whose checks depend on another (a date that
    may not lie before the resolution's own)."""


Read = Callable[[FileContext, KeyPath, object], object]
"""(file, key path of the field, raw YAML value) → the model's value, or None after
recording a problem (or when the field is absent)."""


def text(file: FileContext, at: KeyPath, value: object) -> str | None:
    return file.reader.text(at, value)


def identifier(file: FileContext, at: KeyPath, value: object) -> str | None:
    return file.reader.identifier(at, value)


def date(file: FileContext, at: KeyPath, value: object) -> datetime.date | None:
    return file.reader.date(at, value)


def boolean(file: FileContext, at: KeyPath, value: object) -> bool | None:
    return file.reader.boolean(at, value)


def text_list(file: FileContext, at: KeyPath, value: object) -> tuple[str, ...]:
    return file.reader.text_list(at, value)


def choice(enum: type[E]) -> Read:
    return lambda file, at, value: file.reader.choice(at, value, enum)


def identifiers(file: FileContext, at: KeyPath, value: object) -> tuple[str, ...]:
    ids = []
    for index, item in enumerate(file.reader.list_of(at, value)):
        ident = file.reader.identifier((*at, index), item)
        if ident:
            ids.append(ident)
    return tuple(ids)


def result(file: FileContext, at: KeyPath, value: object) -> Result | None:
    result = file.reader.choice(at, value, Result)
    if result is Result.NOT_RECORDED:
        file.reader.gap(
            at,
            "das Ergebnis ist nicht erfasst; die Seite sagt das so. Bitte aus der "
            "Niederschrift nachtragen, sobald es bekannt ist",
        )
    return result


AGENDA_PARTS = (
    Part("number", schema.text('TOP-Nummer, z. B. "3.1"'), required=True),
    Part("order", schema.integer(0)),
)


def agenda_item(file: FileContext, at: KeyPath, value: object) -> AgendaItem | None:
    reader = file.reader
    if isinstance(value, str | int) and not isinstance(value, bool):
        reader.fail(
            at,
            f"erwartet die Zuordnung 'number: \"{value}\"' (TOP-Nummer) "
            "und optional 'order', gefunden einen einzelnen Wert",
        )
        return None
    data = reader.mapping(
        at, value, known=names(AGENDA_PARTS), required=required_names(AGENDA_PARTS)
    )
    if data is None:
        return None
    number = reader.text((*at, "number"), data.get("number"))
    order = reader.integer((*at, "order"), data.get("order"))
    return AgendaItem(number=number, order=order) if number else None


MEETING_PARTS = (Part("name", schema.text()), Part("number", schema.integer(1)))


def meeting(file: FileContext, at: KeyPath, value: object) -> Meeting:
    if value is None:
        return Meeting()
    data = file.reader.mapping(at, value, known=names(MEETING_PARTS))
    if data is None:
        return Meeting()
    return Meeting(
        name=file.reader.text((*at, "name"), data.get("name")),
        number=file.reader.integer((*at, "number"), data.get("number"), minimum=1),
    )


RELATION_PARTS = (
    Part("type", schema.choice(RelationType), required=True),
    Part("target", schema.identifier(), required=True),
)


def relations(file: FileContext, at: KeyPath, value: object) -> tuple[Relation, ...]:
    reader = file.reader
    relations = []
    for index, item in enumerate(reader.list_of(at, value)):
        where: KeyPath = (*at, index)
        data = reader.mapping(
            where, item, known=names(RELATION_PARTS), required=required_names(RELATION_PARTS)
        )
        if data is None:
            continue
        kind = reader.choice((*where, "type"), data.get("type"), RelationType)
        target = reader.identifier((*where, "target"), data.get("target"))
        if kind and target:
            relations.append(Relation(type=kind, target=target))
    return tuple(relations)


SOURCE_PARTS = (
    Part("system", schema.text(), required=True),
    Part("origin", schema.text(), required=True),
    Part("checksum", schema.text(), required=True),
    Part("imported", schema.date()),
)


def source(file: FileContext, at: KeyPath, value: object) -> Source | None:
    if value is None:
        return None
    reader = file.reader
    data = reader.mapping(
        at, value, known=names(SOURCE_PARTS), required=required_names(SOURCE_PARTS)
    )
    if data is None:
        return None
    system = reader.text((*at, "system"), data.get("system"))
    origin = reader.text((*at, "origin"), data.get("origin"))
    checksum = reader.text((*at, "checksum"), data.get("checksum"))
    if not (system and origin and checksum):
        return None
    return Source(
        system=system,
        origin=origin,
        checksum=checksum,
        imported=reader.date((*at, "imported"), data.get("imported")),
    )


def resolution_file(file: FileContext, at: KeyPath, value: object) -> object:
    if value is None:
        return None
    return read_attachment(file.reader, at, value, file.file_path, file.content_root)


def attachments(file: FileContext, at: KeyPath, value: object) -> object:
    return read_attachments(file.reader, value, file.file_path, file.content_root)


def votes(file: FileContext, at: KeyPath, value: object) -> object:
    return read_votes(file.reader, value)
