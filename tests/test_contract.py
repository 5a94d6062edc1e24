"""The content contract is the one list of fields: everything that names fields agrees."""

from __future__ import annotations

import dataclasses
import datetime

from generator.archive.model import Resolution
from generator.importers import content_files
from generator.outputs.downloads import BODY_COLUMNS, CSV_COLUMNS
from generator.reading.contract import FIELD, FIELDS, REQUIRED, RESOLUTION_FIELDS
from generator.reading.scaffold import scaffold_text

NOT_IN_THE_FRONT_MATTER = {"path", "text", "discussion", "positions"}


def test_every_model_attribute_is_a_declared_field() -> None:
    attributes = {field.name for field in dataclasses.fields(Resolution)}
    declared = {field.model_attribute for field in RESOLUTION_FIELDS}
    assert declared == attributes - NOT_IN_THE_FRONT_MATTER


def test_field_names_are_unique_and_required_fields_have_a_stand_in() -> None:
    assert len(FIELDS) == len(RESOLUTION_FIELDS)
    for name in REQUIRED:
        assert FIELD[name].missing is not None, name


def test_csv_columns_are_the_fields_columns_in_order_then_the_body() -> None:
    names = [column for column, _, _ in CSV_COLUMNS]
    assert len(names) == len(set(names))
    assert names[:3] == ["id", "url", "title"]
    assert names[-3:] == [column.name for column in BODY_COLUMNS]
    assert names.index("votes_for") < names.index("legal_basis") < names.index("source")


def test_the_importer_writes_only_declared_fields_in_the_contracts_order() -> None:
    assert set(content_files._WRITERS) <= set(FIELDS)
    assert "source" not in content_files._WRITERS  # written by render, with the checksum


def test_the_scaffold_writes_the_required_fields_in_the_contracts_order() -> None:
    text = scaffold_text(
        resolution_id="rat-2021-001", committee="rat", date=datetime.date(2021, 1, 5), title=None
    )
    starts = [
        next(i for i, line in enumerate(text.splitlines()) if line.startswith(f"{name}:"))
        for name in REQUIRED
    ]
    assert starts == sorted(starts)
    note = text[text.index("# Optional, siehe content/README.md: ") : text.index("\n---\n")]
    assert all(len(line) <= 76 for line in note.splitlines())
    named = " ".join(line.removeprefix("# ") for line in note.splitlines())
    optional = [f.name for f in RESOLUTION_FIELDS if f.scaffold is None and f.suggested]
    assert named == "Optional, siehe content/README.md: " + ", ".join(optional)
    assert {"reference", "topics", "attachments", "public"} <= set(optional)
