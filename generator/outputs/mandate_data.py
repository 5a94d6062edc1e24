"""Mandates in the downloads: nested in each resolution's JSON, and a tidy CSV with one
row per status entry (``daten/auftraege.csv``), so a spreadsheet can count and filter."""

from __future__ import annotations

import csv
import io
from typing import Any

from generator.archive import urls
from generator.archive.catalog import Catalog
from generator.archive.mandates import Mandate
from generator.outputs.context import OutputContext
from generator.rendering.generated import GeneratedFile

MANDATES_CSV = "daten/auftraege.csv"
CSV_COLUMNS = (
    "resolution_id",
    "resolution_url",
    "mandate_id",
    "task",
    "responsible",
    "report_to",
    "due",
    "interval",
    "status_date",
    "status",
    "note",
    "by",
)


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
