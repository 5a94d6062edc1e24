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
import io
import json
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath
from typing import Any

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.model import Attachment, Resolution, Vote
from generator.outputs.context import OutputContext
from generator.reading.loading import RESOLUTIONS_DIR
from generator.rendering.generated import GeneratedFile

FORMAT_VERSION = 1
"""Bumped when a field changes meaning or disappears (adding fields keeps it)."""

CSV_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # (column, type, meaning) — the data page prints this as the data dictionary.
    ("id", "Text", "Dauerhafte Kennung des Beschlusses"),
    ("url", "URL", "Adresse der Beschlussseite"),
    ("title", "Text", "Betreff"),
    ("committee", "Text", "Kennung des Gremiums"),
    ("committee_name", "Text", "Name des Gremiums"),
    ("date", "Datum (JJJJ-MM-TT)", "Sitzungsdatum"),
    ("meeting_name", "Text", "Bezeichnung der Sitzung"),
    ("meeting_number", "Ganzzahl", "Laufende Nummer der Sitzung"),
    ("agenda_item", "Text", "Tagesordnungspunkt (TOP)"),
    ("agenda_order", "Ganzzahl", "Reihenfolge in der Sitzung, falls abweichend vom TOP"),
    ("addendum_date", "Datum", "Datum, an dem der Punkt als Nachtrag aufgenommen wurde"),
    ("reference", "Text", "Drucksachen-/Vorlagennummer"),
    ("paper_type", "Text", "Art der Vorlage"),
    ("kind", "Code", "Art: ordinary, urgency_decision, ratification, recommendation"),
    ("recommended_to", "Text", "Gremium, an das eine Beschlussempfehlung geht"),
    (
        "result",
        "Code",
        "Ergebnis: adopted, adopted_with_changes, rejected, deferred, referred, withdrawn, noted,"
        " partly_adopted, elected, consulted, settled, removed, not_recorded",
    ),
    ("unanimous", "Wahrheitswert", "true, wenn es Abstimmungen gab und alle einstimmig waren"),
    ("votes_for", "Ganzzahl", "Ja-Stimmen, Summe über alle gezählten Abstimmungen"),
    ("votes_against", "Ganzzahl", "Nein-Stimmen, Summe über alle gezählten Abstimmungen"),
    ("votes_abstain", "Ganzzahl", "Enthaltungen, Summe über alle gezählten Abstimmungen"),
    ("vote_count", "Ganzzahl", "Anzahl der Abstimmungen (mehrere bei getrennter Abstimmung)"),
    ("votes", "JSON", "Alle Abstimmungen mit Fraktionen und Befangenheit (Aufbau wie in JSON)"),
    ("legal_basis", "Text", "Rechtsgrundlage"),
    ("moved_by", "Liste", "Antragsteller, einer je Zeile"),
    ("topics", "Liste", "Themen, eines je Zeile"),
    ("public", "Wahrheitswert", "false bei nicht öffentlichen Beschlüssen (ohne Text)"),
    ("former_ids", "Liste", "Frühere Kennungen, eine je Zeile"),
    ("resolution_file", "JSON", "Beschlussausfertigung als Datei: title, url, size"),
    ("attachments", "JSON", "Anlagen: title, url, size"),
    ("relations", "JSON", "Bezüge zu anderen Beschlüssen: type, target"),
    ("source", "JSON", "Herkunft importierter Beschlüsse: system, origin, checksum, imported"),
    ("source_file", "Text", "Inhaltsdatei im Repository, relativ zum Ordner content/"),
    ("text", "Markdown", "Beschlusstext"),
    ("discussion", "Markdown", "Beratung"),
)


def downloads(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    return list(download_files(catalog, context))


def download_files(catalog: Catalog, context: OutputContext) -> Iterator[GeneratedFile]:
    """``downloads`` one file at a time (the per-resolution JSON files are bulk)."""
    records = [resolution_record(r, catalog, context) for r in catalog.resolutions]
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
    encoded = [_json_bytes(record) for record in records]
    head = _json_bytes(bundle)
    assert head.endswith(b"[]}\n"), "resolutions must stay the bundle's last key"
    content = b"".join((head[:-3], b",".join(part[:-1] for part in encoded), b"]}\n"))
    yield GeneratedFile(path=urls.data_json(), content=content)
    del content
    yield GeneratedFile(path=urls.data_csv(), content=csv_bytes(records))
    for record, data in zip(records, encoded, strict=True):
        yield GeneratedFile(path=urls.resolution_json(record["id"]), content=data, bulk=True)


def resolution_record(
    resolution: Resolution, catalog: Catalog, context: OutputContext
) -> dict[str, Any]:
    """The published form of one resolution: every model field, JSON-ready."""
    public = resolution.public
    committee = catalog.committees.get(resolution.committee)
    return {
        "id": resolution.id,
        "url": context.absolute(urls.resolution(resolution.id)),
        "title": resolution.title,
        "committee": resolution.committee,
        "committee_name": committee.name if committee else resolution.committee,
        "date": resolution.date.isoformat(),
        "meeting": {"name": resolution.meeting.name, "number": resolution.meeting.number},
        "agenda_item": {
            "number": resolution.agenda_item.number,
            "order": resolution.agenda_item.order,
        },
        "addendum_date": _date(resolution.addendum_date),
        "reference": resolution.reference,
        "paper_type": resolution.paper_type,
        "kind": resolution.kind.value,
        "recommended_to": resolution.recommended_to,
        "result": resolution.result.value,
        "votes": [vote_record(vote) for vote in resolution.votes],
        "legal_basis": resolution.legal_basis,
        "moved_by": list(resolution.moved_by),
        "topics": list(resolution.topics),
        "public": public,
        "former_ids": list(resolution.former_ids),
        "resolution_file": _attachment(resolution.id, resolution.resolution_file, context)
        if public and resolution.resolution_file is not None
        else None,
        "attachments": [
            _attachment(resolution.id, a, context) for a in resolution.attachments if public
        ],
        "relations": [{"type": r.type.value, "target": r.target} for r in resolution.relations],
        "source": None
        if resolution.source is None
        else {
            "system": resolution.source.system,
            "origin": resolution.source.origin,
            "checksum": resolution.source.checksum,
            "imported": _date(resolution.source.imported),
        },
        "source_file": source_file(resolution),
        "text": resolution.text if public else "",
        "discussion": resolution.discussion if public else "",
    }


def source_file(resolution: Resolution) -> str:
    """The content file relative to ``content/``, independent of where the build ran."""
    parts = PurePosixPath(resolution.path.as_posix()).parts
    # The loader keeps the path as the user would type it (maybe absolute); publish only
    # the part inside content/ so the bytes never depend on the build machine.
    for index in range(len(parts) - 2, -1, -1):
        if parts[index] == RESOLUTIONS_DIR:
            return "/".join(parts[index:])
    return parts[-1]


def vote_totals(votes: Iterable[Vote]) -> tuple[int | None, int | None, int | None]:
    """Sums of for/against/abstain over the votes that give that count (None: none does)."""
    votes = tuple(votes)

    def total(values: list[int | None]) -> int | None:
        given = [v for v in values if v is not None]
        return sum(given) if given else None

    return (
        total([v.in_favour for v in votes]),
        total([v.against for v in votes]),
        total([v.abstain for v in votes]),
    )


def is_unanimous(resolution: Resolution) -> bool:
    return bool(resolution.votes) and all(v.unanimous for v in resolution.votes)


def csv_bytes(records: list[dict[str, Any]]) -> bytes:
    # Encoded as written (utf-8-sig writes the byte order mark): a StringIO would hold
    # the whole table as 4-byte characters, four times the file (160 MB at 10,000).
    buffer = io.BytesIO()
    text = io.TextIOWrapper(buffer, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([column for column, _, _ in CSV_COLUMNS])
    for record in records:
        row = _csv_row(record)
        writer.writerow([row[column] for column, _, _ in CSV_COLUMNS])
    text.flush()
    return buffer.getvalue()


def _csv_row(record: dict[str, Any]) -> dict[str, str]:
    votes = record["votes"]
    in_favour, against, abstain = vote_totals(
        Vote(in_favour=v["for"], against=v["against"], abstain=v["abstain"]) for v in votes
    )
    unanimous = bool(votes) and all(v["unanimous"] for v in votes)
    return {
        "id": record["id"],
        "url": record["url"],
        "title": record["title"],
        "committee": record["committee"],
        "committee_name": record["committee_name"],
        "date": record["date"],
        "meeting_name": _cell(record["meeting"]["name"]),
        "meeting_number": _cell(record["meeting"]["number"]),
        "agenda_item": record["agenda_item"]["number"],
        "agenda_order": _cell(record["agenda_item"]["order"]),
        "addendum_date": _cell(record["addendum_date"]),
        "reference": _cell(record["reference"]),
        "paper_type": _cell(record["paper_type"]),
        "kind": record["kind"],
        "recommended_to": _cell(record["recommended_to"]),
        "result": record["result"],
        "unanimous": _cell(unanimous),
        "votes_for": _cell(in_favour),
        "votes_against": _cell(against),
        "votes_abstain": _cell(abstain),
        "vote_count": str(len(votes)),
        "votes": _compact_json(votes),
        "legal_basis": _cell(record["legal_basis"]),
        "moved_by": "\n".join(record["moved_by"]),
        "topics": "\n".join(record["topics"]),
        "public": _cell(record["public"]),
        "former_ids": "\n".join(record["former_ids"]),
        "resolution_file": ""
        if record["resolution_file"] is None
        else _compact_json(record["resolution_file"]),
        "attachments": _compact_json(record["attachments"]),
        "relations": _compact_json(record["relations"]),
        "source": "" if record["source"] is None else _compact_json(record["source"]),
        "source_file": record["source_file"],
        "text": record["text"],
        "discussion": record["discussion"],
    }


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


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _compact_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_bytes(value: object) -> bytes:
    # Compact: the C encoder is used only without indentation, and at 10,000 resolutions
    # the indented form cost seconds per build for files that programs read.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
