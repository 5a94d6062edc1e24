"""The keys of a nested mapping (a vote, an attachment, …), each with its JSON Schema.

A ``Part`` names a key once: the reader checks a mapping against ``names(parts)`` and
``required_names(parts)``, and the published schema describes the same keys with
``object_schema(parts)``. The small builders below write the schema fragments the
reader's checks correspond to (``FieldReader.text`` rejects an empty text, so a text is
``minLength: 1``; ``FieldReader.identifier`` matches ``IDENTIFIER``; …).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from generator.reading.fields import IDENTIFIER

Schema = dict[str, object]


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    schema: Schema
    required: bool = False


def names(parts: Iterable[Part]) -> tuple[str, ...]:
    return tuple(part.name for part in parts)


def required_names(parts: Iterable[Part]) -> tuple[str, ...]:
    return tuple(part.name for part in parts if part.required)


def object_schema(parts: Iterable[Part], **extra: object) -> Schema:
    """A mapping with exactly these keys (unknown keys are errors, as in the reader)."""
    parts = tuple(parts)
    schema: Schema = {"type": "object", "additionalProperties": False}
    if required := required_names(parts):
        schema["required"] = list(required)
    schema["properties"] = {part.name: part.schema for part in parts}
    return {**schema, **extra}


def _described(schema: Schema, description: str | None) -> Schema:
    return schema if description is None else {**schema, "description": description}


def text(description: str | None = None) -> Schema:
    return _described({"type": "string", "minLength": 1}, description)


def multiline_text(description: str | None = None) -> Schema:
    return _described({"type": "string"}, description)


def identifier(description: str | None = None) -> Schema:
    return _described({"type": "string", "pattern": IDENTIFIER.pattern}, description)


def date(description: str | None = None) -> Schema:
    schema: Schema = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    return _described(schema, description)


def integer(minimum: int, description: str | None = None) -> Schema:
    return _described({"type": "integer", "minimum": minimum}, description)


def boolean(description: str | None = None) -> Schema:
    return _described({"type": "boolean"}, description)


def choice(enum: type[StrEnum], description: str | None = None) -> Schema:
    """The enum's values, so a value added to the ``StrEnum`` is in the schema too."""
    return _described({"enum": [member.value for member in enum]}, description)


def web_address() -> Schema:
    return {"type": "string", "pattern": "^https?://"}


def array(items: Schema, description: str | None = None) -> Schema:
    return _described({"type": "array", "items": items}, description)
