"""A field's CSV columns: name, type and meaning for the data dictionary, and the cell.

A cell is made from the published record of a resolution (the JSON of
``outputs.downloads.resolution_record``), so that the CSV never says more than the JSON:
a non-public resolution's text is empty in both.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.archive.model import Vote, all_unanimous, vote_totals

Record = Mapping[str, Any]
"""One resolution as published in JSON (see ``outputs.downloads.resolution_record``)."""


@dataclass(frozen=True, slots=True)
class Column:
    """A CSV column: name, type and meaning for the data dictionary, and its cell."""

    name: str
    type: str
    meaning: str
    cell: Callable[[Record], str] | None = None
    """From the published record to the cell; by default the record's value of ``name``
    (empty when not given, ``true``/``false`` for booleans)."""

    def value(self, record: Record) -> str:
        return self.cell(record) if self.cell is not None else cell(record[self.name])


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def compact_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def at(key: str, inner: str) -> Callable[[Record], str]:
    return lambda record: cell(record[key][inner])


def lines(record_key: str) -> Callable[[Record], str]:
    """A list of plain strings: one value per line inside the cell."""
    return lambda record: "\n".join(record[record_key])


def as_json(record_key: str) -> Callable[[Record], str]:
    return lambda record: "" if record[record_key] is None else compact_json(record[record_key])


def _votes(record: Record) -> tuple[Vote, ...]:
    return tuple(
        Vote(
            unanimous=v["unanimous"], in_favour=v["for"], against=v["against"], abstain=v["abstain"]
        )
        for v in record["votes"]
    )


def total(index: int) -> Callable[[Record], str]:
    return lambda record: cell(vote_totals(_votes(record))[index])


def unanimous(record: Record) -> str:
    return cell(all_unanimous(_votes(record)))
