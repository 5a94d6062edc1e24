"""Without ``factions.yml`` the mayor, single members and groups in an imported vote table
get no faction page: they are known by their spelling (issue 20)."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive
from tests.conftest import write_tree

BASE = "https://ris.example/oparl/"


def test_mayor_member_and_group_rows_are_no_factions_without_a_registry(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "content", {})
    assert not (content / "factions.yml").exists()
    item = {
        "id": f"{BASE}agendaitem/1",
        "type": "https://schema.oparl.org/1.0/AgendaItem",
        "name": "Haushalt des Kreises",
        "number": "3",
        "result": "JaNeinEnthaltungBM1CDU111SPD6Grüne3FDPHr. Gilleßen1fraktionslos1Gesamt2301",
        "resolutionText": "Der Rat stellt das Benehmen her.",
    }
    objects = [
        {
            "id": f"{BASE}organization/1",
            "type": "https://schema.oparl.org/1.0/Organization",
            "name": "Rat",
            "shortName": "Rat",
        },
        {
            "id": f"{BASE}meeting/1",
            "type": "https://schema.oparl.org/1.0/Meeting",
            "name": "Rat",
            "start": "2015-12-17T18:00:00+01:00",
            "organization": [f"{BASE}organization/1"],
            "agendaItem": [item],
        },
    ]
    crawl = tmp_path / "crawl.json"
    crawl.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
    run_oparl(str(crawl), content, stream=io.StringIO(), today=datetime.date(2024, 5, 1))
    catalog, problems = load_archive(content)
    assert [p for p in problems if p.severity.name == "ERROR"] == []
    assert catalog is not None
    (resolution,) = catalog.by_id.values()
    rows = [f.name for f in resolution.votes[0].factions]
    assert rows == ["BM", "CDU", "SPD", "Grüne", "Hr. Gilleßen", "fraktionslos"]
    assert sorted(catalog.faction_names.values()) == ["CDU", "Grüne", "SPD"]
