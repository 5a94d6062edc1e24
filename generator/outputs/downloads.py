"""Bulk data: every resolution as JSON and CSV, and one JSON file beside each resolution page.

The JSON carries every field of the model (see ``daten/index.md`` for the dictionary);
the CSV carries the same fields flat, one row per resolution, with structured fields
(votes, attachments, relations, source) as JSON inside their cell and vote totals as
plain columns so that a spreadsheet can sum them.

Non-public resolutions (``public: false``) publish only their header data: the text,
the discussion and the attachments stay out, as on the website.

CSV choices: UTF-8 *with* byte order mark, because Excel — what most journalists open a
CSV with — otherwise reads it as Windows-1252 and garbles every umlaut; Python reads it
with ``encoding="utf-8-sig"``, LibreOffice and pandas detect it. Comma-separated,
RFC 4180 quoting, CRLF line ends. Lists of plain strings (topics, moved_by, former_ids,
excluded_for_bias) are one value per line inside the cell; booleans are ``true``/``false``;
an empty cell means "not given".
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zlib
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import partial
from pathlib import PurePosixPath
from typing import Any

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.model import Attachment, Resolution, Source, Vote
from generator.outputs.context import OutputContext
from generator.outputs.kept import KeptFile, OutputFile, content_digest, made
from generator.outputs.mandate_data import mandate_record
from generator.reading.columns import Column
from generator.reading.contract import RESOLUTION_FIELDS
from generator.reading.loading import RESOLUTIONS_DIR
from generator.rendering.generated import GeneratedFile

FORMAT_VERSION = 1
"""Bumped when a field changes meaning or disappears (adding fields keeps it)."""

BODY_COLUMNS = (
    Column("source_file", "Text", "Inhaltsdatei im Repository, relativ zum Ordner content/"),
    Column("text", "Markdown", "Beschlusstext"),
    Column("discussion", "Markdown", "Beratung"),
)
COLUMNS = (*(column for field in RESOLUTION_FIELDS for column in field.csv), *BODY_COLUMNS)
"""Each field's columns in the contract's order, then the file and its body."""
CSV_COLUMNS: tuple[tuple[str, str, str], ...] = tuple(
    # (column, type, meaning) — the data page prints this as the data dictionary.
    (column.name, column.type, column.meaning)
    for column in COLUMNS
)


Encoded = tuple[bytes, bytes, str]
"""One resolution's record as compact JSON and as its CSV row, each compressed (``zlib``):
every record is held from the first to the last file, and at 100,000 resolutions the
plain records alone would take more than a gigabyte. Then the digest of the JSON
(``content_digest``), the name its file is kept under by the build."""
Encoder = Callable[[Resolution], Encoded]
"""What a build passes to reuse the records of unchanged resolutions (``record_cache``)."""


def downloads(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    return made(download_files(catalog, context))


def download_files(
    catalog: Catalog, context: OutputContext, encode: Encoder | None = None
) -> Iterator[OutputFile]:
    """``downloads`` one file at a time (the per-resolution JSON files are bulk).

    ``encode`` gives a resolution's JSON and CSV row as ``encoded`` does (the build's
    gives those of an unchanged resolution from the build folder). With it, each
    per-resolution JSON file comes as a ``KeptFile``: the build links the file kept under
    its digest, and decompresses (and hashes) it only where it has none."""
    encoder = encode or (lambda resolution: encoded(resolution, catalog, context))
    parts = [encoder(r) for r in catalog.resolutions]
    bundle = {
        "format_version": FORMAT_VERSION,
        "municipality": catalog.archive.settings.municipality,
        "site_url": context.site_url,
        "updated": context.updated.isoformat(),
        "license": {
            "name": catalog.archive.settings.data_license.name,
            "url": catalog.archive.settings.data_license.url,
        },
        "committees": [
            {
                "id": c.id,
                "name": c.name,
                "short_name": c.short_name,
                "kind": c.kind.value,
                "description": c.description,
                "active_from": _date(c.active_from),
                "active_until": _date(c.active_until),
            }
            for c in catalog.archive.committees
        ],
        "resolutions": [],
    }
    # Each record is encoded once, for its own file and for the bundle: compact JSON of a
    # list is its items' JSON joined by commas, so the bundle is spliced from the same
    # bytes (json.dumps of the whole bundle cost a second and, as one str of tens of MB
    # plus its copies, hundreds of MB at 10,000 resolutions).
    head = _json_bytes(bundle)
    assert head.endswith(b"[]}\n"), "resolutions must stay the bundle's last key"
    yield GeneratedFile(
        path=urls.data_json(),
        content=_joined(head[:-3], (zlib.decompress(data)[:-1] for data, _, _ in parts), b"]}\n"),
    )
    # The CSV is its header and each record's row: a row depends on its record alone.
    header = _CSV_BOM + _csv_row([column.name for column in COLUMNS])
    rows = (zlib.decompress(row) for _, row, _ in parts)
    yield GeneratedFile(path=urls.data_csv(), content=_joined(header, rows, b"", b""))
    for resolution, (data, _, digest) in zip(catalog.resolutions, parts, strict=True):
        path = urls.resolution_json(resolution.id)
        if encode is None:
            yield GeneratedFile(path=path, content=zlib.decompress(data), bulk=True)
        else:
            yield KeptFile(path=path, digest=digest, load=partial(zlib.decompress, data))


def _joined(head: bytes, items: Iterator[bytes], tail: bytes, separator: bytes = b",") -> bytes:
    """``head + separator.join(items) + tail``, with only one item unpacked at a time
    (``bytes.join`` would hold them all beside the result)."""
    buffer = io.BytesIO()
    buffer.write(head)
    for index, item in enumerate(items):
        if index:
            buffer.write(separator)
        buffer.write(item)
    buffer.write(tail)
    return buffer.getvalue()


def encoded(resolution: Resolution, catalog: Catalog, context: OutputContext) -> Encoded:
    """The resolution's record as JSON (its own file, and its part of the bundle) and as
    its row of the CSV. Reads of the catalog only the name of the resolution's committee
    (``record_inputs``)."""
    record = resolution_record(resolution, catalog, context)
    data = _json_bytes(record)
    row = _csv_row([column.value(record) for column in COLUMNS])
    return zlib.compress(data, 1), zlib.compress(row, 1), content_digest(data)


def record_inputs(resolution: Resolution, catalog: Catalog) -> tuple[object, ...]:
    """Everything ``encoded`` takes from the catalog besides the resolution (and from
    the context, its ``site_url``): keep in step with the publishers below."""
    committee = catalog.committees.get(resolution.committee)
    return (committee.name if committee else None,)


def resolution_record(
    resolution: Resolution, catalog: Catalog, context: OutputContext
) -> dict[str, Any]:
    """The published form of one resolution: every contract field, JSON-ready, in the
    contract's order (a field without a publisher below is published as the model has it)."""
    record: dict[str, Any] = {}
    for field in RESOLUTION_FIELDS:
        publish = _PUBLISHERS.get(field.name)
        if publish is None:
            record[field.name] = _json_value(getattr(resolution, field.model_attribute))
        else:
            record.update(publish(resolution, catalog, context))
    record["source_file"] = source_file(resolution)
    record["text"] = resolution.text if resolution.public else ""
    record["discussion"] = resolution.discussion if resolution.public else ""
    return record


Publisher = Callable[[Resolution, Catalog, OutputContext], dict[str, Any]]


def _identity(resolution: Resolution, _: Catalog, context: OutputContext) -> dict[str, Any]:
    return {"id": resolution.id, "url": context.absolute(urls.resolution(resolution.id))}


def _committee(resolution: Resolution, catalog: Catalog, _: OutputContext) -> dict[str, Any]:
    committee = catalog.committees.get(resolution.committee)
    return {
        "committee": resolution.committee,
        "committee_name": committee.name if committee else resolution.committee,
    }


def _resolution_file(resolution: Resolution, _: Catalog, context: OutputContext) -> dict[str, Any]:
    file = resolution.resolution_file
    published = resolution.public and file is not None
    return {
        "resolution_file": _attachment(resolution.id, file, context)
        if published and file is not None
        else None
    }


def _source(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {
        "system": source.system,
        "origin": source.origin,
        "checksum": source.checksum,
        "imported": _date(source.imported),
    }


# Non-public resolutions publish no files (see the module docstring).
_PUBLISHERS: dict[str, Publisher] = {
    "id": _identity,
    "committee": _committee,
    "meeting": lambda r, _, __: {"meeting": {"name": r.meeting.name, "number": r.meeting.number}},
    "agenda_item": lambda r, _, __: {
        "agenda_item": {"number": r.agenda_item.number, "order": r.agenda_item.order}
    },
    "vote": lambda r, _, __: {"votes": [vote_record(vote) for vote in r.votes]},
    "resolution_file": _resolution_file,
    "attachments": lambda r, _, context: {
        "attachments": [_attachment(r.id, a, context) for a in r.attachments if r.public]
    },
    "relations": lambda r, _, __: {
        "relations": [{"type": x.type.value, "target": x.target} for x in r.relations]
    },
    "source": lambda r, _, __: {"source": _source(r.source)},
    "mandates": lambda r, _, __: {"mandates": [mandate_record(m) for m in r.mandates]},
}


def _json_value(value: object) -> object:
    """A model value as JSON: dates as ISO strings, enums as their value, tuples as lists."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return [_json_value(item) for item in value]
    return value


def source_file(resolution: Resolution) -> str:
    """The content file relative to ``content/``, independent of where the build ran."""
    parts = PurePosixPath(resolution.path.as_posix()).parts
    # The loader keeps the path as the user would type it (maybe absolute); publish only
    # the part inside content/ so the bytes never depend on the build machine.
    for index in range(len(parts) - 2, -1, -1):
        if parts[index] == RESOLUTIONS_DIR:
            return "/".join(parts[index:])
    return parts[-1]


_CSV_BOM = "\ufeff".encode()
"""The byte order mark Excel needs to read UTF-8 (see the module docstring)."""


def _csv_row(values: list[object]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue().encode("utf-8")


def vote_record(vote: Vote) -> dict[str, Any]:
    # "for"/"against"/"abstain" as in the content files, so editors recognise them.
    return {
        "part": vote.part,
        "unanimous": vote.unanimous,
        "for": vote.in_favour,
        "against": vote.against,
        "abstain": vote.abstain,
        "factions": [
            {"name": f.name, "for": f.in_favour, "against": f.against, "abstain": f.abstain}
            for f in vote.factions
        ],
        "excluded_for_bias": list(vote.excluded_for_bias),
        "excluded_for_bias_count": vote.excluded_for_bias_count,
        "text": vote.text,
        "roll_call": [
            {"person": n.person, "faction": n.faction, "vote": n.choice.value}
            for n in vote.roll_call
        ],
    }


def _attachment(
    resolution_id: str, attachment: Attachment, context: OutputContext
) -> dict[str, Any]:
    # A file beside the resolution is published next to its page; its path on the build
    # machine is nobody's business.
    if attachment.file is not None:
        url = context.absolute(urls.attachment(resolution_id, attachment.file.name))
        file_name: str | None = attachment.file.name
    else:
        url = attachment.url or ""
        file_name = None
    return {"title": attachment.title, "url": url, "file": file_name, "size": attachment.size}


def _date(value: object) -> str | None:
    return None if value is None else str(value)


def _json_bytes(value: object) -> bytes:
    # Compact: the C encoder is used only without indentation, and at 10,000 resolutions
    # the indented form cost seconds per build for files that programs read.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
