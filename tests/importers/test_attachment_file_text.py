"""OParl 1.1 ``File.text`` of an attachment (not the resolution file): kept with the
attachment, searchable on the resolution page and shown there as found in that file."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import yaml

from generator.file_texts.stage import read_resolution_file_texts
from generator.importers.runner import run_oparl
from generator.reading.loading import load_archive
from generator.search.markup import file_text_markup, search_markup
from tests.importers.test_import_oparl import _export, _files
from tests.sitecheck import pagefind_values

TODAY = datetime.date(2024, 5, 1)
BASE = "https://ris.example.test/oparl/v1.1"


def test_attachment_file_text_is_search_data_of_the_resolution(
    tmp_path: Path, content: Path
) -> None:
    resolution_file = {
        "id": f"{BASE}/file/9",
        "type": "https://schema.oparl.org/1.1/File",
        "name": "Beschlussausfertigung",
        "accessUrl": "https://ris.example.test/files/9.pdf",
        "text": "Der Rat beschließt die Erneuerung des Spielplatzes.",
    }
    attachment = {
        "id": f"{BASE}/file/10",
        "type": "https://schema.oparl.org/1.1/File",
        "name": "Lageplan Spielplatz",
        "accessUrl": "https://ris.example.test/files/10.pdf",
        "text": "Kletterturm\nund Schaukel\n\nam Lindenweg\u0007",
    }
    item = {
        "result": "einstimmig beschlossen",
        "resolutionFile": resolution_file,
        "auxiliaryFile": [attachment],
    }
    report = run_oparl(str(_export(tmp_path, item)), content, stream=io.StringIO(), today=TODAY)
    assert report.failed == []
    (path,) = _files(content).values()
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])
    assert front["resolution_file"] == {  # its text is the resolution text, not kept twice
        "url": "https://ris.example.test/files/9.pdf",
        "title": "Beschlussausfertigung",
    }
    assert front["attachments"] == [
        {
            "url": "https://ris.example.test/files/10.pdf",
            "title": "Lageplan Spielplatz",
            "text": "Kletterturm und Schaukel\n\nam Lindenweg",
        }
    ]
    catalog, problems = load_archive(content)
    assert problems == []
    assert catalog is not None
    (resolution,) = catalog.by_id.values()
    texts = read_resolution_file_texts(catalog, tmp_path / ".build")
    assert texts.attachment_texts == {
        resolution.id: (("Lageplan Spielplatz", "Kletterturm und Schaukel\n\nam Lindenweg"),)
    }
    committee = catalog.committees[resolution.committee]
    markup = search_markup(resolution, committee, file_texts=texts.attachment_texts[resolution.id])
    meta = pagefind_values(markup, "meta")
    assert pagefind_values(file_text_markup(texts.attachment_texts[resolution.id]), "meta") == [
        item for item in meta if item[0].startswith("anlage_")
    ]
    assert "Lageplan Spielplatz" in markup and "Kletterturm und Schaukel am Lindenweg" in markup
    assert "Kletterturm" not in resolution.text  # search data only, never the page's text
