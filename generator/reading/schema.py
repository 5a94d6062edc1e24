"""The JSON Schema of a resolution's front matter, generated from the content contract.

Editors' tools (the YAML language server in VS Code, ``check-jsonschema`` in pre-commit)
read ``generator/schemas/resolution.schema.json``; it is written from ``contract`` by

    python -m generator.reading.schema

and a test fails when the committed file differs from what this module generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from generator.reading.contract import REQUIRED, RESOLUTION_FIELDS
from generator.reading.parts import Schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "resolution.schema.json"
REGENERATE = "python -m generator.reading.schema"


def resolution_schema() -> Schema:
    schema: Schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://ratsarchiv.example/schemas/resolution.schema.json",
        "title": "Ratsarchiv: Kopfdaten eines Beschlusses",
        "description": "Front matter of one resolution file in content/resolutions/. "
        "See content/README.md.",
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED),
        "properties": {
            field.name: {"title": field.label, **field.schema} for field in RESOLUTION_FIELDS
        },
    }
    conditions: list[Schema] = [
        {
            "if": {
                "properties": {rule.field: {"const": rule.value}},
                "required": [rule.field],
            },
            "then": {"required": [field.name]},
        }
        for field in RESOLUTION_FIELDS
        if (rule := field.required_if) is not None
    ]
    if len(conditions) == 1:
        schema.update(conditions[0])
    elif conditions:
        schema["allOf"] = conditions
    return schema


def schema_text() -> str:
    return json.dumps(resolution_schema(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
