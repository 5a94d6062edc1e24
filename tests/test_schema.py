"""The published JSON Schema agrees with the validator, so editors' tools tell the truth."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest

from generator.archive.model import RelationType, ResolutionKind, Result
from generator.reading.contract import FIELDS, REQUIRED
from generator.reading.loading import resolution_files
from generator.reading.schema import REGENERATE, schema_text
from generator.reading.source_files import decode, split_front_matter
from generator.reading.vote_reader import VOTE_FIELDS
from generator.reading.yaml_source import parse_yaml
from tests.conftest import DEMO_CONTENT, REPOSITORY

SCHEMA_PATH = REPOSITORY / "generator/schemas/resolution.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(loaded)
    return loaded


def as_json(value: object) -> object:
    """YAML dates become ISO strings, as editors' YAML tooling sees them."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    return value


def front_matter(path: Path) -> object:
    text, _ = decode(path, path.read_bytes())
    assert text is not None
    source, _ = split_front_matter(path, text)
    assert source is not None
    document, problems = parse_yaml(source.front_matter, path)
    assert problems == []
    return as_json(document.value)


def test_schema_names_exactly_the_validators_fields(schema: dict[str, object]) -> None:
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert set(properties) == set(FIELDS)
    assert schema["required"] == list(REQUIRED)
    vote_object = properties["vote"]["oneOf"][0]
    assert set(vote_object["properties"]) == set(VOTE_FIELDS)


def test_every_demo_resolution_validates_against_schema(schema: dict[str, object]) -> None:
    validator = jsonschema.Draft7Validator(schema)
    files = resolution_files(DEMO_CONTENT)
    assert len(files) >= 40
    for path in files:
        errors = [error.message for error in validator.iter_errors(front_matter(path))]
        assert errors == [], path


def test_schema_rejects_what_the_validator_rejects(schema: dict[str, object]) -> None:
    validator = jsonschema.Draft7Validator(schema)
    base = {
        "id": "ha-2020-001",
        "title": "T",
        "committee": "hauptausschuss",
        "date": "2020-04-17",
        "agenda_item": {"number": "1"},
        "kind": "ordinary",
        "result": "adopted",
    }
    assert list(validator.iter_errors(base)) == []
    for broken in (
        {**base, "titel": "x"},
        {**base, "result": "adoptd"},
        {**base, "agenda_item": {"number": 3.1}},
        {**base, "kind": "recommendation"},
        {**base, "vote": {"yes": 3}},
        {**base, "id": "HA 2020"},
    ):
        assert list(validator.iter_errors(broken)), broken


def test_committed_schema_is_the_generated_one() -> None:
    committed = SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == schema_text(), (
        f"{SCHEMA_PATH.name} is not what the content contract generates; run: {REGENERATE}"
    )


def test_schema_takes_closed_vocabularies_from_the_enums(schema: dict[str, object]) -> None:
    properties = schema["properties"]
    assert isinstance(properties, dict)
    assert properties["result"]["enum"] == [member.value for member in Result]
    assert properties["kind"]["enum"] == [member.value for member in ResolutionKind]
    relation = properties["relations"]["items"]["properties"]["type"]
    assert relation["enum"] == [member.value for member in RelationType]
