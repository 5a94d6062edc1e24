"""Mandates in the downloads: nested in each resolution's JSON, and a tidy CSV with one
row per status entry (``daten/auftraege.csv``), so a spreadsheet can count and filter."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.mandates import Mandate
from generator.archive.model import Resolution
from generator.outputs.context import OutputContext
from generator.rendering.generated import GeneratedFile

MANDATES_CSV = "daten/auftraege.csv"
CSV_FIELDS: tuple[tuple[str, str, str], ...] = (
    # (column, type, meaning) — the data page prints this as the data dictionary.
    ("resolution_id", "Text", "Kennung des Beschlusses, der den Auftrag erteilt"),
    ("resolution_url", "Adresse", "Seite dieses Beschlusses"),
    ("mandate_id", "Text", "Kennung des Auftrags, eindeutig im Beschluss"),
    ("task", "Text", "Was zu tun ist"),
    ("responsible", "Text", "Zuständige Stelle, wie im Beschluss genannt"),
    ("report_to", "Text", "Gremium (Kennung), das den Bericht erhält"),
    ("due", "Datum", "Frist"),
    ("interval", "Text", "Wiederkehrender Bericht statt einer Frist (z. B. „jährlich“)"),
    ("status_date", "Datum", "Datum dieses Stands"),
    ("status", "Code", "Stand: open, in_progress, done, delayed, obsolete"),
    ("note", "Text", "Bemerkung zum Stand"),
    ("by", "Text", "Kennung des Beschlusses, der berichtet oder den Auftrag erledigt"),
)
"""One row per status entry: a mandate with three entries has three rows."""
CSV_COLUMNS = tuple(column for column, _, _ in CSV_FIELDS)


def mandate_record(mandate: Mandate) -> dict[str, Any]:
    return {
        "id": mandate.id,
        "task": mandate.task,
        "responsible": mandate.responsible,
        "report_to": mandate.report_to,
        "due": None if mandate.due is None else mandate.due.isoformat(),
        "interval": mandate.interval,
        "state": mandate.state.value,
        "history": [
            {
                "date": entry.date.isoformat(),
                "status": entry.status.value,
                "note": entry.note,
                "by": entry.by,
            }
            for entry in mandate.history
        ],
    }


def mandate_csv(catalog: Catalog, context: OutputContext) -> list[GeneratedFile]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for resolution in catalog.resolutions:
        url = context.absolute(urls.resolution(resolution.id))
        for mandate in resolution.mandates:
            for entry in mandate.history:
                writer.writerow(
                    (
                        resolution.id,
                        url,
                        mandate.id,
                        mandate.task,
                        mandate.responsible,
                        mandate.report_to or "",
                        "" if mandate.due is None else mandate.due.isoformat(),
                        mandate.interval or "",
                        entry.date.isoformat(),
                        entry.status.value,
                        entry.note,
                        entry.by or "",
                    )
                )
    return [GeneratedFile(path=MANDATES_CSV, content=buffer.getvalue().encode("utf-8-sig"))]


def oparl_mandates(
    resolution: Resolution, vendor: str, url: Callable[[str], str]
) -> dict[str, Any]:
    """The extension property ``<vendor>mandates`` of an OParl ``AgendaItem`` (OParl has no
    field for what a resolution instructs): the JSON download's records, with committee and
    reporting resolution as OParl addresses. Empty for a resolution without mandates."""
    if not resolution.mandates:
        return {}
    records = []
    for mandate in resolution.mandates:
        record = mandate_record(mandate)
        if mandate.report_to:
            record["report_to"] = url(urls.oparl_organization(mandate.report_to))
        for entry in record["history"]:
            if entry["by"]:
                entry["by"] = url(urls.oparl_agenda_item(entry["by"]))
        records.append(record)
    return {f"{vendor}mandates": records}
