"""``import oparl`` writes a meeting file per meeting: time, place, links and the full
agenda, including the items that decided nothing; a file changed by hand is kept."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import yaml

from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive

BASE = "https://ris.example/oparl/"
TODAY = datetime.date(2024, 5, 1)


def _crawl(tmp_path: Path) -> Path:
    items = [
        {"id": f"{BASE}ai/1", "type": "AgendaItem", "number": "1.", "name": "Einwohnerfragestunde"},
        {
            "id": f"{BASE}ai/2",
            "type": "AgendaItem",
            "number": "2.",
            "name": "Neubau der\nFeuerwache Nord",
            "result": "einstimmig, 0 Enthaltungen",
            "resolutionText": "Der Rat beschließt den Neubau.",
        },
        {
            "id": f"{BASE}ai/3",
            "type": "AgendaItem",
            "number": "3.",
            "name": "Mitteilungen der Verwaltung",
            "result": "ohne",
        },
        {
            "id": f"{BASE}ai/4",
            "type": "AgendaItem",
            "number": "4.",
            "name": "Grundstück",
            "public": False,
        },
    ]
    objects = [
        {"id": f"{BASE}org/1", "type": "Organization", "name": "Rat", "shortName": "Rat"},
        {
            "id": f"{BASE}meeting/1",
            "type": "Meeting",
            "name": "Gemeinderat (16. Sitzung)",
            "start": "2016-01-21T18:00:00+01:00",
            "end": "2016-01-21T20:15:00+01:00",
            "location": {"id": f"{BASE}loc/1", "type": "Location", "description": "Ratssaal"},
            "verbatimProtocol": {
                "id": f"{BASE}file/9",
                "type": "File",
                "accessUrl": "https://ris.example/files/niederschrift.pdf",
            },
            "web": "https://ris.example/si0057.asp?__ksinr=1",
            "organization": [f"{BASE}org/1"],
            "agendaItem": items,
        },
    ]
    crawl = tmp_path / "crawl.json"
    crawl.write_text(json.dumps(objects, ensure_ascii=False), encoding="utf-8")
    return crawl


def test_a_meeting_file_with_the_full_agenda(content: Path, tmp_path: Path) -> None:
    report = run_oparl(str(_crawl(tmp_path)), content, stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    (resolution,) = report.written
    resolution_id = yaml.safe_load(resolution.read_text(encoding="utf-8").split("---\n")[1])["id"]
    meeting = content / "meetings/rat/2016/2016-01-21.yml"
    assert yaml.safe_load(meeting.read_text(encoding="utf-8")) == {
        "committee": "rat",
        "date": datetime.date(2016, 1, 21),
        "name": "Gemeinderat (16. Sitzung)",
        "place": "Ratssaal",
        "number": 16,
        "start": "18:00",
        "end": "20:15",
        "minutes_url": "https://ris.example/files/niederschrift.pdf",
        "ris_url": "https://ris.example/si0057.asp?__ksinr=1",
        "agenda": [
            {"number": "1.", "title": "Einwohnerfragestunde"},
            {"number": "2.", "title": "Neubau der Feuerwache Nord", "resolution": resolution_id},
            {"number": "3.", "title": "Mitteilungen der Verwaltung"},
            {"number": "4.", "title": "Grundstück", "public": False},
        ],
    }
    catalog, problems = load_archive(content)
    assert catalog is not None
    assert [p.format() for p in problems if p.severity == "error"] == []
    assert report.meetings is not None and report.meetings.written == 1


def test_a_meeting_file_changed_by_hand_is_kept(content: Path, tmp_path: Path) -> None:
    crawl = _crawl(tmp_path)
    run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY)
    meeting = content / "meetings/rat/2016/2016-01-21.yml"
    again = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY)
    assert again.meetings is not None and again.meetings.unchanged == 1
    edited = meeting.read_text(encoding="utf-8").replace("Ratssaal", "Ratssaal, Rathaus")
    meeting.write_text(edited, encoding="utf-8")
    kept = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY)
    assert kept.meetings is not None and kept.meetings.kept == [meeting]
    assert meeting.read_text(encoding="utf-8") == edited
    forced = run_oparl(str(crawl), content, stream=io.StringIO(), today=TODAY, force=True)
    assert forced.meetings is not None and forced.meetings.written == 1
    assert "Ratssaal, Rathaus" not in meeting.read_text(encoding="utf-8")
